/* fuzz-query.c — libFuzzer target: anything typed into the search box
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The query is parsed, described, turned into FTS5 MATCH expressions and
 * run against a small archive in memory (the sample articles). Whatever
 * was typed, FTS5 must accept what mk-query.c built: a syntax error from
 * SQLite is a finding, as is a snippet that is not valid Pango markup.
 */
#include "fuzz-common.h"

/* A search box hands over at most this much; longer inputs only cost the
 * fuzzer time (the 100,000-character case is a unit test). */
#define MAX_QUERY_BYTES 4096

static void
check_results (MkStore *store,
               MkQuery *query)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;

  n = mk_store_count_matches (store, query, NULL, &error);
  if (error != NULL)
    fprintf (stderr, "count: %s\n", error->message);
  FUZZ_ASSERT (error == NULL && n >= 0);

  articles = mk_store_search (store, query, MK_SORT_RELEVANCE, 5, NULL, &error);
  if (error != NULL)
    fprintf (stderr, "search: %s\n", error->message);
  FUZZ_ASSERT (articles != NULL);
  FUZZ_ASSERT (articles->len <= n);
  for (guint i = 0; i < articles->len; i++)
    {
      g_autofree char *markup = mk_article_dup_snippet_markup (g_ptr_array_index (articles, i));

      FUZZ_ASSERT (fuzz_is_pango_markup (markup));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  g_autoptr(MkQuery) query = NULL;
  guint32 first = 0, last = 0;

  if (size > MAX_QUERY_BYTES)
    return 0;

  /* The search entry hands over a NUL-terminated string. */
  text = g_strndup ((const char *) data, size);
  query = mk_query_new (text);

  if (mk_query_get_fts_match (query))
    FUZZ_ASSERT (g_utf8_validate (mk_query_get_fts_match (query), -1, NULL));
  if (mk_query_get_fts_exclude (query))
    FUZZ_ASSERT (g_utf8_validate (mk_query_get_fts_exclude (query), -1, NULL));
  mk_query_get_day_range (query, &first, &last);
  description = mk_query_describe (query);
  if (description != NULL)
    FUZZ_ASSERT (g_utf8_validate (description, -1, NULL));

  check_results (fuzz_sample_store (), query);
  return 0;
}
