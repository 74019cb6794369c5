/* mk-query.c — what a person typed into a search box, made safe for FTS5
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mk-fold.h"
#include "mk-query.h"

/* A search box must accept anything a person can type. FTS5's own query
 * syntax treats quotes, parentheses, AND/OR/NOT/NEAR, '-', ':' and '^'
 * specially and raises errors on unbalanced input, so the user's text is
 * never handed to MATCH as is: it is parsed here into terms, and each term is
 * written back as an FTS5 string literal, which FTS5 takes literally.
 *
 * Terms today: words and "exact phrases" (an unbalanced quote runs to the
 * end). Folding of case and diacritics happens in the FTS5 tokenizer (see
 * mk-fts-tokenizer.c), the same for documents and queries. */

typedef enum {
  MK_TERM_WORD,
  MK_TERM_PHRASE,
} MkTermKind;

typedef struct {
  MkTermKind kind;
  char *text;
} MkTerm;

struct _MkQuery
{
  GObject parent_instance;

  char *text;
  GPtrArray *terms;   /* of MkTerm */
  char *fts_match;    /* NULL when nothing searchable was typed */
};

G_DEFINE_FINAL_TYPE (MkQuery, mk_query, G_TYPE_OBJECT)

static void
mk_term_free (MkTerm *term)
{
  g_free (term->text);
  g_free (term);
}

static void
add_term (MkQuery    *self,
          MkTermKind  kind,
          const char *start,
          gsize       length)
{
  g_autofree char *text = g_strndup (start, length);
  MkTerm *term;

  /* "(" or "--" alone would make FTS5 match nothing; drop such terms. */
  if (!mk_fold_has_word (text))
    return;

  term = g_new0 (MkTerm, 1);
  term->kind = kind;
  term->text = g_steal_pointer (&text);
  g_ptr_array_add (self->terms, term);
}

static void
parse (MkQuery    *self,
       const char *text)
{
  const char *p = text;

  while (*p)
    {
      const char *end;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }

      if (*p == '"')
        {
          p++;
          end = strchr (p, '"');
          if (end == NULL)
            end = p + strlen (p);
          add_term (self, MK_TERM_PHRASE, p, end - p);
          p = *end ? end + 1 : end;
          continue;
        }

      end = p;
      while (*end && !g_ascii_isspace (*end) && *end != '"')
        end++;
      add_term (self, MK_TERM_WORD, p, end - p);
      p = end;
    }
}

static void
append_fts_string (GString    *out,
                   const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
build_fts_match (MkQuery *self)
{
  GString *out;

  if (self->terms->len == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < self->terms->len; i++)
    {
      MkTerm *term = g_ptr_array_index (self->terms, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      append_fts_string (out, term->text);
    }

  return g_string_free (out, FALSE);
}

static void
mk_query_finalize (GObject *object)
{
  MkQuery *self = (MkQuery *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->fts_match, g_free);

  G_OBJECT_CLASS (mk_query_parent_class)->finalize (object);
}

static void
mk_query_class_init (MkQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_query_finalize;
}

static void
mk_query_init (MkQuery *self)
{
  self->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_term_free);
}

/**
 * mk_query_new:
 * @text: (nullable): what the user typed, any bytes at all
 *
 * Parses @text. Never fails: invalid UTF-8 is repaired, and text with
 * nothing to search for gives an empty query, which lists everything.
 */
MkQuery *
mk_query_new (const char *text)
{
  MkQuery *self = g_object_new (MK_TYPE_QUERY, NULL);
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  /* The archive stores NFC text; the tokenizer must see queries alike. */
  self->text = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  parse (self, self->text);
  self->fts_match = build_fts_match (self);

  return self;
}

const char *
mk_query_get_text (MkQuery *self)
{
  g_return_val_if_fail (MK_IS_QUERY (self), NULL);

  return self->text;
}

gboolean
mk_query_is_empty (MkQuery *self)
{
  g_return_val_if_fail (MK_IS_QUERY (self), TRUE);

  return self->fts_match == NULL;
}

/**
 * mk_query_get_fts_match:
 *
 * Returns: (nullable): the FTS5 MATCH expression, or %NULL for an empty query
 */
const char *
mk_query_get_fts_match (MkQuery *self)
{
  g_return_val_if_fail (MK_IS_QUERY (self), NULL);

  return self->fts_match;
}
