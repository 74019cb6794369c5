/* mk-bench-quality.c — what bounded relevance ranking costs in quality
 *
 * For each query, compares the first ten articles of mk_store_search_ids()
 * by relevance (BM25 over a bounded candidate set, see mk-store.c) with the
 * first ten of a full BM25 ranking of every match, straight through FTS5
 * with the same column weights, and prints the overlap and whether the
 * full ranking's best article is in our first ten.
 *
 *   mk-bench-quality --archive PATH QUERY...
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <stdio.h>

#include "mekong-core.h"
#include "mk-fts-tokenizer.h"

#define TOP 10

static GArray *
full_ranking (sqlite3    *db,
              MkQuery    *query)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  guint32 first_day = 0, last_day = 0;
  gint64 lowest = 0, highest = G_MAXINT64;

  if (mk_query_get_fts_match (query) == NULL)
    return ids;

  /* Keys are (day << 32) | id, as in mk-store.c. */
  if (mk_query_get_day_range (query, &first_day, &last_day))
    {
      lowest = (gint64) MAX (first_day, 1) << 32;
      if (last_day)
        highest = ((gint64) (last_day + 1) << 32) - 1;
    }

  sqlite3_prepare_v2 (db,
                      "SELECT rowid & 4294967295 FROM articles_fts WHERE articles_fts MATCH ?1"
                      " AND rowid BETWEEN ?3 AND ?4"
                      " ORDER BY bm25 (articles_fts, 10.0, 3.0, 1.0, 4.0, 4.0), rowid DESC LIMIT ?2",
                      -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, mk_query_get_fts_match (query), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, TOP);
  sqlite3_bind_int64 (stmt, 3, lowest);
  sqlite3_bind_int64 (stmt, 4, highest);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static guint
overlap (GArray *a,
         GArray *b)
{
  guint n = 0;

  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      n += g_array_index (a, gint64, i) == g_array_index (b, gint64, j);
  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *archive = NULL;
  const GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive, "The archive", "PATH" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("QUERY...");
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint total_overlap = 0, total = 0, best_found = 0, n_queries = 0;
  sqlite3 *db;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || archive == NULL)
    {
      g_printerr ("usage: mk-bench-quality --archive PATH QUERY...\n");
      return 2;
    }

  store = mk_store_open (archive, &error);
  if (store == NULL || sqlite3_open_v2 (archive, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      !mk_fts_tokenizer_register (db, &error))
    {
      g_printerr ("%s\n", error ? error->message : "cannot open");
      return 1;
    }

  printf ("%-32s %8s %12s %10s\n", "query", "matches", "overlap@10", "best in 10");
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(MkQuery) query = mk_query_new (argv[i]);
      g_autoptr(GArray) ours = mk_store_search_ids (store, query, MK_SORT_RELEVANCE, TOP, NULL, NULL);
      g_autoptr(GArray) full = full_ranking (db, query);
      gint64 matches = mk_store_count_matches (store, query, NULL, NULL);
      guint shared = overlap (ours, full);
      gboolean best = full->len == 0 || overlap (ours, &(GArray) { full->data, 1 }) > 0;

      if (full->len == 0)
        continue;
      n_queries++;
      total_overlap += shared;
      total += full->len;
      best_found += best;
      printf ("%-32s %8" G_GINT64_FORMAT " %9u/%-2u %10s\n", argv[i], matches, shared, full->len,
              best ? "yes" : "no");
    }

  printf ("%-32s %8s %9.0f%%   %7u/%u\n", "ALL", "",
          total ? 100.0 * total_overlap / total : 100.0, best_found, n_queries);
  sqlite3_close (db);
  return 0;
}
