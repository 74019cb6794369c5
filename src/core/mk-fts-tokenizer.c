/* mk-fts-tokenizer.c — the FTS5 tokenizer that folds Vietnamese
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mk-fts-tokenizer.h"
#include "mk-store.h"

/* FTS5's unicode61 tokenizer with remove_diacritics=2 folds case and strips
 * the accents of Vietnamese ("Hà Nội" -> "ha noi"), but đ/Đ has no
 * decomposition, so "Đam" stays "đam" and "dam" would not find it. This
 * wraps unicode61 and rewrites đ as d in each token it emits. The offsets
 * stay those of the original text, so snippet() and highlight() work on what
 * the reader sees. Every connection to an archive must register it. */

#define D_STROKE_SMALL "\xc4\x91"   /* U+0111 đ; unicode61 lower-cases Đ */
#define D_STROKE_CAPITAL "\xc4\x90" /* U+0110 Đ, in case it was not */

typedef struct {
  fts5_tokenizer parent;
  Fts5Tokenizer *parent_tokenizer;
} MkTokenizer;

typedef struct {
  void *ctx;
  int (*emit) (void *ctx, int flags, const char *token, int n_token,
               int start, int end);
} MkTokenizeCall;

static int
mk_tokenizer_create (void           *user_data,
                     const char    **args,
                     int             n_args,
                     Fts5Tokenizer **out)
{
  fts5_api *api = user_data;
  static const char *parent_args[] = { "remove_diacritics", "2" };
  MkTokenizer *tokenizer;
  void *parent_data = NULL;
  int rc;

  tokenizer = g_new0 (MkTokenizer, 1);
  rc = api->xFindTokenizer (api, "unicode61", &parent_data, &tokenizer->parent);
  if (rc == SQLITE_OK)
    rc = tokenizer->parent.xCreate (parent_data, parent_args,
                                    G_N_ELEMENTS (parent_args),
                                    &tokenizer->parent_tokenizer);
  if (rc != SQLITE_OK)
    {
      g_free (tokenizer);
      return rc;
    }

  *out = (Fts5Tokenizer *) tokenizer;
  return SQLITE_OK;
}

static void
mk_tokenizer_delete (Fts5Tokenizer *fts_tokenizer)
{
  MkTokenizer *tokenizer = (MkTokenizer *) fts_tokenizer;

  tokenizer->parent.xDelete (tokenizer->parent_tokenizer);
  g_free (tokenizer);
}

static int
emit_folded (void       *user_data,
             int         flags,
             const char *token,
             int         n_token,
             int         start,
             int         end)
{
  MkTokenizeCall *call = user_data;
  char stack_buffer[128] = { 0 };
  char *buffer = stack_buffer;
  int n_out = 0;
  int rc;

  if (memchr (token, 0xc4, n_token) == NULL)
    return call->emit (call->ctx, flags, token, n_token, start, end);

  if (n_token > (int) sizeof stack_buffer)
    buffer = g_malloc (n_token);

  for (int i = 0; i < n_token; i++)
    {
      if (i + 1 < n_token &&
          (memcmp (token + i, D_STROKE_SMALL, 2) == 0 ||
           memcmp (token + i, D_STROKE_CAPITAL, 2) == 0))
        {
          buffer[n_out++] = 'd';
          i++;
        }
      else
        buffer[n_out++] = token[i];
    }

  rc = call->emit (call->ctx, flags, buffer, n_out, start, end);
  if (buffer != stack_buffer)
    g_free (buffer);

  return rc;
}

static int
mk_tokenizer_tokenize (Fts5Tokenizer *fts_tokenizer,
                       void          *ctx,
                       int            flags,
                       const char    *text,
                       int            n_text,
                       int          (*emit) (void *, int, const char *, int, int, int))
{
  MkTokenizer *tokenizer = (MkTokenizer *) fts_tokenizer;
  MkTokenizeCall call = { ctx, emit };

  return tokenizer->parent.xTokenize (tokenizer->parent_tokenizer, &call, flags,
                                      text, n_text, emit_folded);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

gboolean
mk_fts_tokenizer_register (sqlite3  *db,
                           GError  **error)
{
  static fts5_tokenizer tokenizer = {
    mk_tokenizer_create,
    mk_tokenizer_delete,
    mk_tokenizer_tokenize,
  };
  fts5_api *api = get_fts5_api (db);

  if (api == NULL ||
      api->xCreateTokenizer (api, MK_FTS_TOKENIZER_NAME, api, &tokenizer, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, MK_STORE_ERROR, MK_STORE_ERROR_OPEN,
                           "SQLite was built without FTS5, which Mekong needs for search");
      return FALSE;
    }

  return TRUE;
}
