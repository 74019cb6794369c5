/* test-store.c — the archive file: schema, refusals, search and folding
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>

#include "mekong-core.h"
#include "mk-fts-tokenizer.h"
#include "mk-store-private.h"
#include "mk-store-schema.h"

typedef struct {
  char *dir;
  char *path;
  MkStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("mekong-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "sub", "archive.db", NULL);
  fixture->store = mk_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store)
    g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
add (MkStore       *store,
     const char    *guid,
     const char    *title,
     const char    *body,
     const char    *published,
     MkStoreChange *change)
{
  g_autoptr(MkArticle) article = mk_article_new ();
  g_autoptr(GError) error = NULL;
  gint64 source;

  source = mk_store_ensure_source (store, "files", "local", NULL, &error);
  g_assert_no_error (error);
  mk_article_set_guid (article, guid);
  mk_article_set_title (article, title);
  mk_article_set_body (article, body);
  mk_article_set_published (article, published);
  g_assert_true (mk_store_begin (store, &error));
  g_assert_true (mk_store_add_article (store, source, article, change, &error));
  g_assert_no_error (error);
  g_assert_true (mk_store_commit (store, &error));
  return mk_article_get_id (article);
}

static guint
count_hits (MkStore    *store,
            const char *typed)
{
  g_autoptr(MkQuery) query = mk_query_new (typed);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = mk_store_search_ids (store, query, MK_SORT_NEWEST, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids->len;
}

static void
test_store_creates_schema (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkStore) again = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (mk_store_get_schema_version (fixture->store), ==, MK_STORE_SCHEMA_VERSION);
  g_assert_cmpint (mk_store_count_articles (fixture->store, &error), ==, 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Opening it again migrates nothing and loses nothing. */
  add (fixture->store, "a", "Title", "Body text", NULL, NULL);
  again = mk_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_store_count_articles (again, &error), ==, 1);
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;
  MkStore *store;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = mk_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MK_STORE_ERROR, code);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_store_refuses_foreign_files (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  sqlite3 *db;

  g_assert_true (g_file_set_contents (text, "These are my notes, not a database.\n"
                                      "They must survive being opened by mistake.\n", -1, NULL));
  assert_refused_untouched (text, MK_STORE_ERROR_NOT_AN_ARCHIVE);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT); "
                                     "INSERT INTO contacts VALUES ('Anh')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (other, MK_STORE_ERROR_NOT_AN_ARCHIVE);
}

static void
test_store_refuses_newer_schema (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_null (mk_store_open (fixture->path, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_TOO_NEW);
}

static void
test_store_search_folds (Fixture       *fixture,
                         gconstpointer  data)
{
  add (fixture->store, "1", "Talks in the capital", "HÀ NỘI — Deputy Prime Minister Vũ Đức Đam met the minister.", NULL, NULL);
  add (fixture->store, "2", "Việt Nam and Laos", "Quảng Nam hosted the meeting of Việt Nam and Laos.", NULL, NULL);
  add (fixture->store, "3", "Unrelated", "Vientiane is the capital of Laos.", NULL, NULL);

  g_assert_cmpuint (count_hits (fixture->store, "ha noi"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "Hà Nội"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "HA NOI"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "Vu Duc Dam"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "dam"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "ĐAM"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "viet nam"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "quang nam"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "laos"), ==, 2);
  g_assert_cmpuint (count_hits (fixture->store, "\"capital of laos\""), ==, 1);
  /* Words are ANDed: only one article has both (the other has "capital"). */
  g_assert_cmpuint (count_hits (fixture->store, "laos capital"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "bangkok"), ==, 0);
  g_assert_cmpuint (count_hits (fixture->store, ""), ==, 3);
}

static void
test_store_search_never_fails (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char *typed[] = {
    "\"social", "AND", "NEAR(", "OR OR", "NOT", "-", "*", "laos*", "\"\"",
    "a\"b\"c\"", "title:", "col:laos", "^laos", "'); DROP TABLE articles; --",
    "laos )", "{laos}", "laos + capital",
  };

  add (fixture->store, "1", "Laos", "Vientiane is the capital of Laos. Social security.", NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    count_hits (fixture->store, typed[i]);

  g_assert_cmpuint (count_hits (fixture->store, "\"social"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "NEAR("), ==, 0);
  g_assert_cmpint (mk_store_count_articles (fixture->store, NULL), ==, 1);
}

static void
test_store_add_is_idempotent (Fixture       *fixture,
                              gconstpointer  data)
{
  MkStoreChange change;
  gint64 id, again;

  id = add (fixture->store, "g", "Title", "First version of the text.", NULL, &change);
  g_assert_cmpint (change, ==, MK_STORE_ADDED);
  again = add (fixture->store, "g", "Title", "First version of the text.", NULL, &change);
  g_assert_cmpint (change, ==, MK_STORE_UNCHANGED);
  g_assert_cmpint (again, ==, id);

  /* Same guid, new text: the article is updated in place. */
  again = add (fixture->store, "g", "Title", "Second version of the text.", NULL, &change);
  g_assert_cmpint (change, ==, MK_STORE_UPDATED);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpuint (count_hits (fixture->store, "second"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "first"), ==, 0);

  /* The same text under another guid is not a second article. */
  add (fixture->store, "other", "Title", "Second  version of the TEXT.", NULL, &change);
  g_assert_cmpint (change, ==, MK_STORE_UNCHANGED);
  g_assert_cmpint (mk_store_count_articles (fixture->store, NULL), ==, 1);
}

static void
test_store_sort_and_snippets (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(MkQuery) query = mk_query_new ("laos");
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;

  add (fixture->store, "old", "Old", "Laos in 2020 & <more>.", "2020-01-01", NULL);
  add (fixture->store, "undated", "Undated", "Laos, date unknown.", NULL, NULL);
  add (fixture->store, "new", "New", "Laos in 2025.", "2025-06-30", NULL);

  articles = mk_store_search (fixture->store, query, MK_SORT_NEWEST, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 3);
  g_assert_cmpstr (mk_article_get_title (g_ptr_array_index (articles, 0)), ==, "New");
  g_assert_cmpstr (mk_article_get_title (g_ptr_array_index (articles, 1)), ==, "Old");
  g_assert_cmpstr (mk_article_get_title (g_ptr_array_index (articles, 2)), ==, "Undated");
  g_clear_pointer (&articles, g_ptr_array_unref);

  articles = mk_store_search (fixture->store, query, MK_SORT_OLDEST, 2, NULL, &error);
  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpstr (mk_article_get_title (g_ptr_array_index (articles, 0)), ==, "Old");

  /* The snippet marks the match; as markup, the text is escaped. */
  markup = mk_article_dup_snippet_markup (g_ptr_array_index (articles, 0));
  g_assert_cmpstr (markup, ==, "<b>Laos</b> in 2020 &amp; &lt;more&gt;.");
}

static void
test_store_failed_transaction_changes_nothing (Fixture       *fixture,
                                               gconstpointer  data)
{
  g_autoptr(MkArticle) first = mk_article_new ();
  g_autoptr(MkArticle) second = mk_article_new ();
  g_autoptr(GError) error = NULL;
  gint64 source;

  add (fixture->store, "kept", "Kept", "Already in the archive.", NULL, NULL);
  source = mk_store_ensure_source (fixture->store, "files", "local", NULL, &error);

  mk_article_set_guid (first, "new-1");
  mk_article_set_body (first, "First new article.");
  mk_article_set_guid (second, "new-2");
  mk_article_set_body (second, "Second new article.");
  /* A related_to that points nowhere violates the foreign key. */
  mk_article_set_related_to (second, 424242);

  g_assert_true (mk_store_begin (fixture->store, &error));
  g_assert_true (mk_store_add_article (fixture->store, source, first, NULL, &error));
  g_assert_false (mk_store_add_article (fixture->store, source, second, NULL, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_FAILED);
  mk_store_rollback (fixture->store);

  g_assert_cmpint (mk_store_count_articles (fixture->store, NULL), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "new"), ==, 0);
}

static void
test_store_get_article (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkArticle) article = NULL;
  gint64 id;

  id = add (fixture->store, "x", "Title with ' and \"", "Body with ' and \" and ; DROP TABLE", "2024-02-29", NULL);
  article = mk_store_get_article (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_article_get_title (article), ==, "Title with ' and \"");
  g_assert_cmpstr (mk_article_get_body (article), ==, "Body with ' and \" and ; DROP TABLE");
  g_assert_cmpstr (mk_article_get_published (article), ==, "2024-02-29");

  g_assert_null (mk_store_get_article (fixture->store, id + 100, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
}

/* --- The query language against the sample archive ---------------------- */

static void
import_samples (MkStore *store)
{
  const char *paths[] = { g_getenv ("MEKONG_SAMPLES_DIR"), NULL };
  g_autoptr(MkImporter) importer = mk_importer_new (store);

  g_assert_true (mk_importer_import_paths (importer, paths, NULL, NULL));
  g_assert_cmpuint (mk_importer_get_n_added (importer), ==, 7);
}

/* Short names for the sample articles, by a word of their title. */
static char *
found_titles (MkStore    *store,
              const char *typed,
              MkSort      sort)
{
  g_autoptr(MkQuery) query = mk_query_new (typed);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = mk_store_search (store, query, sort, 0, NULL, &error);
  GString *found = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < articles->len; i++)
    {
      const char *title = mk_article_get_title (g_ptr_array_index (articles, i));
      g_auto(GStrv) words = g_strsplit (title, " ", 3);

      if (found->len)
        g_string_append_c (found, '|');
      g_string_append_printf (found, "%s %s", words[0], words[1] ? words[1] : "");
    }

  return g_string_free (found, FALSE);
}

typedef struct {
  const char *typed;
  const char *found;   /* titles' first two words, newest first */
} SearchCase;

static const SearchCase sample_cases[] = {
  { "vss OR lsso", "The Vietnam|Vietnam, Laos" },
  { "laos -vientiane", "Prime Minister|The Ministry|Senior Colonel|Vietnam, Laos" },
  { "-vientiane", "Prime Minister|The Ministry|Senior Colonel|Vietnam, Laos" },
  { "title:laos", "Vietnam, Laos|Vietnam, Laos" },
  { "source:VNA", "Prime Minister|The Vietnam" },
  { "source:vov.vn lam", "Minister of" },
  { "year:2022", "The Ministry" },
  { "after:2022-01-01", "Prime Minister|The Ministry" },
  { "before:2023-01-01", "The Ministry" },
  { "after:2023 before:2024", "" },
  { "chanthavix*", "The Vietnam|Vietnam, Laos" },
  { "\"social security\" -vss", "The Ministry|Senior Colonel" },
  { "Đam", "The Ministry" },
  { "dam", "The Ministry" },
  { "HA NOI", "Prime Minister|The Ministry" },
  { "nghe an", "Vietnam, Laos" },
  { "\"nghe an\" OR \"quang nam\"", "The Vietnam|Vietnam, Laos|Vietnam, Laos" },
  { "title:", "Prime Minister|The Ministry|Senior Colonel|The Vietnam|Vietnam, Laos|Minister of|Vietnam, Laos" },
};

static void
test_store_query_language (Fixture       *fixture,
                           gconstpointer  data)
{
  import_samples (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (sample_cases); i++)
    {
      g_autofree char *found = found_titles (fixture->store, sample_cases[i].typed, MK_SORT_NEWEST);
      g_autoptr(MkQuery) query = mk_query_new (sample_cases[i].typed);
      guint expected = *sample_cases[i].found ? 1 : 0;

      g_test_message ("search «%s»", sample_cases[i].typed);
      g_assert_cmpstr (found, ==, sample_cases[i].found);

      /* The count agrees with the list. */
      for (const char *p = sample_cases[i].found; *p; p++)
        expected += *p == '|';
      g_assert_cmpint (mk_store_count_matches (fixture->store, query, NULL, NULL), ==, expected);
    }
}

static void
test_store_sort_orders (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *newest = NULL, *oldest = NULL, *relevant = NULL;

  import_samples (fixture->store);

  /* Undated articles come last either way. */
  oldest = found_titles (fixture->store, "laos -vientiane", MK_SORT_OLDEST);
  g_assert_cmpstr (oldest, ==, "The Ministry|Prime Minister|Vietnam, Laos|Senior Colonel");

  /* By relevance, the article with the words in its title comes first. */
  relevant = found_titles (fixture->store, "justice", MK_SORT_RELEVANCE);
  g_assert_cmpstr (relevant, ==, "Vietnam, Laos");
  g_free (relevant);
  relevant = found_titles (fixture->store, "security", MK_SORT_RELEVANCE);
  g_assert_true (g_str_has_prefix (relevant, "Minister of|"));
  newest = found_titles (fixture->store, "security", MK_SORT_NEWEST);
  g_assert_false (g_str_has_prefix (newest, "Minister of|"));
}

static void
test_store_relevance_beyond_candidates (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(MkQuery) query = mk_query_new ("mekong");
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) page = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  gint64 source = mk_store_ensure_source (fixture->store, "files", "local", NULL, NULL);

  /* More matches than relevance ranks: every match still comes exactly
   * once, the best one first. */
  g_assert_true (mk_store_begin (fixture->store, NULL));
  for (guint i = 0; i < 4100; i++)
    {
      g_autoptr(MkArticle) article = mk_article_new ();
      g_autofree char *guid = g_strdup_printf ("%u", i);
      g_autofree char *body = g_strdup_printf ("Report %u on the Mekong river and other rivers.", i);

      mk_article_set_guid (article, guid);
      mk_article_set_title (article, i == 2 ? "Mekong Mekong" : "River report");
      mk_article_set_body (article, body);
      g_assert_true (mk_store_add_article (fixture->store, source, article, NULL, NULL));
    }
  g_assert_true (mk_store_commit (fixture->store, NULL));

  all = mk_store_search_ids (fixture->store, query, MK_SORT_RELEVANCE, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4100);
  for (guint i = 0; i < all->len; i++)
    g_assert_true (g_hash_table_add (seen, &g_array_index (all, gint64, i)));

  page = mk_store_search_ids (fixture->store, query, MK_SORT_RELEVANCE, 10, NULL, &error);
  g_assert_cmpuint (page->len, ==, 10);
  g_assert_cmpint (g_array_index (page, gint64, 0), ==, 3);
}

static void
assert_index_integrity (MkStore *store)
{
  sqlite3 *db;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (mk_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_true (mk_fts_tokenizer_register (db, NULL));
  if (sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("full-text index out of step with the articles: %s", message);
  sqlite3_close (db);
}

/* Entries are added at commit in key order; rows written twice in one
 * transaction, out of date order, or outside a transaction all end up
 * indexed exactly once, with their last text. */
static void
test_store_index_stays_consistent (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const char *dates[] = { "2020-05-01", NULL, "2011-01-31", "2024-12-31", "2011-01-31" };
  gint64 source = mk_store_ensure_source (fixture->store, "files", "local", NULL, NULL);

  g_assert_true (mk_store_begin (fixture->store, NULL));
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        g_autoptr(MkArticle) article = mk_article_new ();
        g_autofree char *guid = g_strdup_printf ("g%u", i);
        g_autofree char *body = g_strdup_printf ("Round%u text of article %u in Vientiane.", round, i);

        mk_article_set_guid (article, guid);
        mk_article_set_body (article, body);
        mk_article_set_published (article, dates[(i + round) % G_N_ELEMENTS (dates)]);
        g_assert_true (mk_store_add_article (fixture->store, source, article, NULL, NULL));
      }
  g_assert_true (mk_store_commit (fixture->store, NULL));

  /* And once more, outside any transaction. */
  add (fixture->store, "g0", NULL, "Round2 text in Luang Prabang.", "1999-09-09", NULL);

  assert_index_integrity (fixture->store);
  g_assert_cmpuint (count_hits (fixture->store, "round0"), ==, 0);
  g_assert_cmpuint (count_hits (fixture->store, "round1"), ==, 4);
  g_assert_cmpuint (count_hits (fixture->store, "vientiane"), ==, 4);
  g_assert_cmpuint (count_hits (fixture->store, "round2 year:1999"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, ""), ==, 5);
}

/* A page of snippets loaded in one pass equals the rows loaded one by one. */
static void
test_store_page_snippets (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *typed[] = { "laos", "secur*", "\"social security\"", "vss OR lsso" };

  import_samples (fixture->store);
  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    for (MkSort sort = MK_SORT_NEWEST; sort <= MK_SORT_RELEVANCE; sort++)
      {
        g_autoptr(MkQuery) query = mk_query_new (typed[q]);
        g_autoptr(GArray) ids = mk_store_search_ids (fixture->store, query, sort, 0, NULL, NULL);
        g_autoptr(GPtrArray) page = mk_store_get_articles (fixture->store, (gint64 *) ids->data,
                                                           ids->len, query, NULL);

        guint marked = 0;

        g_assert_cmpuint (page->len, ==, ids->len);
        for (guint i = 0; i < ids->len; i++)
          {
            g_autoptr(GPtrArray) one = mk_store_get_articles (fixture->store,
                                                              &g_array_index (ids, gint64, i),
                                                              1, query, NULL);
            MkArticle *paged = g_ptr_array_index (page, i);

            g_assert_cmpint (mk_article_get_id (paged), ==, g_array_index (ids, gint64, i));
            g_assert_cmpstr (mk_article_get_snippet (paged), ==,
                             mk_article_get_snippet (g_ptr_array_index (one, 0)));
            marked += strchr (mk_article_get_snippet (paged), MK_SNIPPET_MARK_START[0]) != NULL;
          }
        /* A match may be in the title only, but not in every row. */
        g_assert_cmpuint (marked, >, 0);
      }
}

/* An archive written by schema version 1 (an earlier Mekong) opens, is
 * migrated, and loses nothing. */
static void
test_store_migrates_version_1 (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "v1.db", NULL);
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkArticle) article = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (mk_fts_tokenizer_register (db, NULL));
  g_assert_true (mk_store_schema_migrate (db, 0, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO sources (kind, location) VALUES ('files', 'local');"
    "INSERT INTO articles (source_id, guid, title, body, published, content_hash)"
    "  VALUES (1, 'a', 'Hà Nội talks', 'Vũ Đức Đam met the minister.', '2022-11-30', 'x');"
    "INSERT INTO articles (source_id, guid, title, body, content_hash)"
    "  VALUES (1, 'b', 'Undated', 'Vientiane.', 'y');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = mk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_store_get_schema_version (store), ==, MK_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (count_hits (store, "vu duc dam"), ==, 1);
  g_assert_cmpuint (count_hits (store, "year:2022"), ==, 1);
  g_assert_cmpuint (count_hits (store, ""), ==, 2);
  article = mk_store_get_article (store, 1, &error);
  g_assert_cmpstr (mk_article_get_title (article), ==, "Hà Nội talks");

  /* Entities came with version 3: an older archive has none until it is
   * indexed again, and then has them. */
  g_assert_cmpint (mk_store_count_entities (store, &error), ==, 0);
  g_assert_true (mk_entity_index_archive (store, 1, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mk_store_count_entities (store, &error), ==, 3);
}

/* mk_day(), as mk-store.c defines it for its connections: migration 2
 * uses it. */
static void
sql_mk_day (sqlite3_context  *context,
            int               n_args,
            sqlite3_value   **args)
{
  sqlite3_result_int64 (context, mk_query_day_from_date ((const char *) sqlite3_value_text (args[0])));
}

/* The same three articles, written as a Mekong at schema @version wrote
 * them: through the triggers up to version 1; from version 2 on, with the
 * date-ordered sort_key and the index kept by the store (here: rebuilt). */
static void
write_archive_as_version (const char *path,
                          int         version)
{
  static const struct {
    const char *guid, *title, *body, *published, *outlet;
  } rows[] = {
    { "a", "Hà Nội talks", "Vũ Đức Đam met the minister.", "2022-11-30", "VNA" },
    { "b", "Undated", "Vientiane; DROP TABLE articles; --", NULL, NULL },
    { "c", "<b>x</b> & <script>", "O'Brien said \"50%\" _ of it.", "2019-02-03", "VOV.VN" },
  };
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (mk_fts_tokenizer_register (db, NULL));
  sqlite3_create_function (db, "mk_day", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                           sql_mk_day, NULL, NULL);
  g_assert_true (mk_store_schema_migrate (db, 0, version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO sources (kind, location) VALUES ('files', 'local')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
    version >= 2
      ? "INSERT INTO articles (id, source_id, guid, title, body, published, outlet, content_hash, sort_key)"
        "  VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?2, (?7 << 32) | ?1)"
      : "INSERT INTO articles (id, source_id, guid, title, body, published, outlet, content_hash)"
        "  VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?2)",
    -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, rows[i].guid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, rows[i].title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, rows[i].body, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, rows[i].published, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, rows[i].outlet, -1, SQLITE_STATIC);
      if (version >= 2)
        sqlite3_bind_int64 (stmt, 7, mk_query_day_from_date (rows[i].published));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  if (version >= 2)
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* An archive of every earlier schema version opens, is migrated to the
 * current one, and loses nothing: each article, searchable by word, date
 * and field, with its hostile title kept as it was typed. */
static void
test_store_migrates_every_version (Fixture       *fixture,
                                   gconstpointer  data)
{
  for (int version = 1; version < MK_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("v%d.db", version);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(MkStore) store = NULL;
      g_autoptr(MkStore) again = NULL;
      g_autoptr(MkArticle) article = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("from version %d", version);
      write_archive_as_version (path, version);

      store = mk_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (mk_store_get_schema_version (store), ==, MK_STORE_SCHEMA_VERSION);
      g_assert_cmpint (mk_store_count_articles (store, NULL), ==, 3);
      g_assert_cmpuint (count_hits (store, "vu duc dam"), ==, 1);
      g_assert_cmpuint (count_hits (store, "year:2022"), ==, 1);
      g_assert_cmpuint (count_hits (store, "source:vov.vn"), ==, 1);
      g_assert_cmpuint (count_hits (store, "\"drop table\""), ==, 1);
      g_assert_cmpuint (count_hits (store, "script"), ==, 1);
      g_assert_cmpuint (count_hits (store, ""), ==, 3);
      article = mk_store_get_article (store, 3, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (mk_article_get_title (article), ==, "<b>x</b> & <script>");
      g_assert_cmpstr (mk_article_get_body (article), ==, "O'Brien said \"50%\" _ of it.");

      /* Entities came with version 3, and are found on re-indexing. */
      g_assert_true (mk_entity_index_archive (store, 1, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (mk_store_count_entities (store, &error), >, 0);

      /* Opened again: nothing left to migrate, nothing changed. */
      g_clear_object (&store);
      again = mk_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (mk_store_count_articles (again, NULL), ==, 3);
      g_assert_cmpuint (count_hits (again, "vientiane"), ==, 1);
    }
}

/* Adds an article and indexes its entities, as the importer does. */
static gint64
add_indexed (MkStore    *store,
             const char *guid,
             const char *body,
             const char *published)
{
  g_autoptr(MkEntityExtractor) extractor = mk_entity_extractor_new ();
  g_autoptr(MkArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add (store, guid, guid, body, published, NULL);

  article = mk_store_get_article (store, id, &error);
  g_assert_no_error (error);
  mk_article_set_title_derived (article, TRUE);
  g_assert_true (mk_store_begin (store, &error));
  g_assert_true (mk_entity_index_article (extractor, store, article, &error));
  g_assert_no_error (error);
  g_assert_true (mk_store_commit (store, &error));
  return id;
}

static MkEntity *
find_entity (MkStore    *store,
             int         type,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  MkEntity *entity = mk_store_find_entity (store, type, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entity);
  return entity;
}

static gboolean
entity_has_alias (MkEntity   *entity,
                  const char *alias)
{
  GPtrArray *aliases = mk_entity_get_aliases (entity);

  for (guint i = 0; i < aliases->len; i++)
    if (g_str_equal (g_ptr_array_index (aliases, i), alias))
      return TRUE;

  return FALSE;
}

/* The same entity in different articles, however each writes it, is one
 * entity of the archive, found by any of its names. */
static void
test_store_entities_merge (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add_indexed (fixture->store, "a",
                          "The Cambodian Rice Federation (CRF) met in Ha Noi.", "2021-01-01");
  gint64 b = add_indexed (fixture->store, "b",
                          "CRF members toured Hà Nội and the Lao PDR.", "2022-01-01");
  gint64 c = add_indexed (fixture->store, "c",
                          "HANOI — Farmers from Laos met the CRF.", "2023-01-01");
  g_autoptr(MkEntity) crf = find_entity (fixture->store, MK_ENTITY_ORGANIZATION, "CRF");
  g_autoptr(MkEntity) by_name = find_entity (fixture->store, MK_ENTITY_TYPE_ANY, "cambodian rice federation");
  g_autoptr(MkEntity) hanoi = find_entity (fixture->store, MK_ENTITY_PLACE, "ha noi");
  g_autoptr(MkEntity) laos = find_entity (fixture->store, MK_ENTITY_PLACE, "Lao People's Democratic Republic");
  g_autoptr(GArray) laos_articles = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_cmpint (mk_entity_get_id (crf), ==, mk_entity_get_id (by_name));
  g_assert_cmpstr (mk_entity_get_name (crf), ==, "Cambodian Rice Federation");
  g_assert_true (entity_has_alias (crf, "CRF"));
  g_assert_cmpuint (mk_entity_get_n_articles (crf), ==, 3);
  g_assert_cmpuint (mk_entity_get_n_mentions (crf), ==, 4);

  g_assert_cmpstr (mk_entity_get_name (hanoi), ==, "Hanoi");
  g_assert_cmpuint (mk_entity_get_n_articles (hanoi), ==, 3);
  g_assert_true (mk_entity_has_location (hanoi));

  /* Newest first. */
  laos_articles = mk_store_get_entity_article_ids (fixture->store, mk_entity_get_id (laos), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (laos_articles->len, ==, 2);
  g_assert_cmpint (g_array_index (laos_articles, gint64, 0), ==, c);
  g_assert_cmpint (g_array_index (laos_articles, gint64, 1), ==, b);

  /* Most mentioned first, one row each. */
  all = mk_store_get_entities (fixture->store, NULL, MK_ENTITY_TYPE_ANY, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (mk_entity_get_id (g_ptr_array_index (all, 0)), ==, mk_entity_get_id (crf));
  (void) a;
}

/* An article's list: the article's own forms and offsets, its counts. */
static void
test_store_article_entities (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *body = "Viet Nam and Việt Nam: one country. Mr Somsak Inthavong said so; Somsak left.";
  g_autoptr(GError) error = NULL;
  gint64 id;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) people = NULL;
  MkEntity *vietnam, *somsak;

  add_indexed (fixture->store, "other", "Vietnam is large.", "2020-01-01");
  id = add_indexed (fixture->store, "this", body, "2021-01-01");
  entities = mk_store_get_article_entities (fixture->store, id, MK_ENTITY_TYPE_ANY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entities->len, ==, 2);

  /* Two mentions each: ties go by name. */
  somsak = g_ptr_array_index (entities, 0);
  vietnam = g_ptr_array_index (entities, 1);
  g_assert_cmpstr (mk_entity_get_name (vietnam), ==, "Vietnam");
  /* The fullest form; of two as long, the first. */
  g_assert_cmpstr (mk_entity_get_label (vietnam), ==, "Viet Nam");
  g_assert_cmpuint (mk_entity_get_mentions (vietnam)->len, ==, 2);
  g_assert_cmpuint (mk_entity_get_n_articles (vietnam), ==, 2);
  g_assert_cmpint (g_array_index (mk_entity_get_mentions (vietnam), MkMention, 0).start, ==, 0);
  g_assert_cmpint (g_array_index (mk_entity_get_mentions (vietnam), MkMention, 0).end, ==, 8);
  g_assert_cmpint (g_array_index (mk_entity_get_mentions (vietnam), MkMention, 1).start, ==, 13);

  g_assert_cmpstr (mk_entity_get_label (somsak), ==, "Somsak Inthavong");
  g_assert_true (entity_has_alias (somsak, "Somsak"));

  people = mk_store_get_article_entities (fixture->store, id, MK_ENTITY_PERSON, &error);
  g_assert_cmpuint (people->len, ==, 1);
}

/* Counts follow the articles: indexing again changes nothing, a changed
 * article moves them, a deleted one takes its mentions away. */
static void
test_store_entity_counts (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkEntity) before = NULL;
  g_autoptr(MkEntity) after = NULL;
  g_autoptr(MkEntity) gone = NULL;
  g_autoptr(GPtrArray) in_results = NULL;
  g_autoptr(MkQuery) query = mk_query_new ("rice");
  sqlite3 *db;
  gint64 id;

  add_indexed (fixture->store, "a", "Cambodia grows rice. Cambodia sells it.", "2020-01-01");
  id = add_indexed (fixture->store, "b", "Cambodia and Thailand trade.", "2021-01-01");
  add_indexed (fixture->store, "b", "Cambodia and Thailand trade.", "2021-01-01");

  before = find_entity (fixture->store, MK_ENTITY_PLACE, "Cambodia");
  g_assert_cmpuint (mk_entity_get_n_articles (before), ==, 2);
  g_assert_cmpuint (mk_entity_get_n_mentions (before), ==, 3);

  /* Within a search's results only. */
  in_results = mk_store_get_entities (fixture->store, query, MK_ENTITY_PLACE, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (in_results->len, ==, 1);
  g_assert_cmpuint (mk_entity_get_n_mentions (g_ptr_array_index (in_results, 0)), ==, 2);

  g_assert_true (mk_entity_index_archive (fixture->store, 1, NULL, NULL, NULL, NULL, &error));
  after = find_entity (fixture->store, MK_ENTITY_PLACE, "Cambodia");
  g_assert_cmpuint (mk_entity_get_n_articles (after), ==, 2);
  g_assert_cmpuint (mk_entity_get_n_mentions (after), ==, 3);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_true (mk_fts_tokenizer_register (db, NULL));
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM articles WHERE id = %" G_GINT64_FORMAT, id);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);

  gone = find_entity (fixture->store, MK_ENTITY_PLACE, "Cambodia");
  g_assert_cmpuint (mk_entity_get_n_articles (gone), ==, 1);
  g_assert_cmpuint (mk_entity_get_n_mentions (gone), ==, 2);
  g_assert_cmpint (mk_store_count_entities (fixture->store, &error), ==, 1);
}

/* place:, person:, org:, entity: find an entity's articles by any of its
 * names, combine with words, dates and each other, and leave them out
 * with '-'. */
static void
test_store_entity_search (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkEntity) hanoi = NULL;
  g_autoptr(MkQuery) by_id = NULL;
  g_autoptr(GPtrArray) in_results = NULL;
  gint64 a, b, c;

  a = add_indexed (fixture->store, "a", "Rice farmers from Hà Nội met in Vientiane.", "2021-03-01");
  b = add_indexed (fixture->store, "b", "HANOI — The rice harvest was late this year.", "2022-05-01");
  c = add_indexed (fixture->store, "c", "Farmers in Vientiane sold beans to Cambodia.", "2023-07-01");
  add_indexed (fixture->store, "d", "Nothing about any place at all.", "2023-08-01");

  /* One place, however it is spelled. */
  g_assert_cmpuint (count_hits (fixture->store, "place:Hanoi"), ==, 2);
  g_assert_cmpuint (count_hits (fixture->store, "place:\"ha noi\""), ==, 2);
  g_assert_cmpuint (count_hits (fixture->store, "place:\"Hà Nội\""), ==, 2);
  g_assert_cmpuint (count_hits (fixture->store, "entity:hanoi"), ==, 2);
  /* Of another type, it is not there. */
  g_assert_cmpuint (count_hits (fixture->store, "person:Hanoi"), ==, 0);
  g_assert_cmpuint (count_hits (fixture->store, "place:Atlantis"), ==, 0);

  /* With words, dates and other filters. */
  g_assert_cmpuint (count_hits (fixture->store, "place:Hanoi harvest"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "farmers place:Vientiane"), ==, 2);
  g_assert_cmpuint (count_hits (fixture->store, "place:Vientiane place:Hanoi"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "place:Vientiane year:2023"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "place:Vientiane -place:Cambodia"), ==, 1);
  g_assert_cmpuint (count_hits (fixture->store, "-place:Vientiane"), ==, 2);
  g_assert_cmpuint (count_hits (fixture->store, "-place:Vientiane -beans"), ==, 2);
  g_assert_cmpuint (count_hits (fixture->store, "farmers -place:Hanoi"), ==, 1);
  /* Leaving out what no article mentions leaves everything. */
  g_assert_cmpuint (count_hits (fixture->store, "-place:Atlantis"), ==, 4);

  /* Newest first, counted alike, and by relevance too. */
  {
    g_autoptr(MkQuery) query = mk_query_new ("place:vientiane");
    g_autoptr(GArray) newest = mk_store_search_ids (fixture->store, query, MK_SORT_NEWEST, 0, NULL, &error);
    g_autoptr(GArray) oldest = mk_store_search_ids (fixture->store, query, MK_SORT_OLDEST, 1, NULL, &error);
    g_autoptr(MkQuery) ranked_query = mk_query_new ("rice place:hanoi");
    g_autoptr(GArray) ranked = mk_store_search_ids (fixture->store, ranked_query, MK_SORT_RELEVANCE, 0, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (newest->len, ==, 2);
    g_assert_cmpint (g_array_index (newest, gint64, 0), ==, c);
    g_assert_cmpint (g_array_index (newest, gint64, 1), ==, a);
    g_assert_cmpuint (oldest->len, ==, 1);
    g_assert_cmpint (g_array_index (oldest, gint64, 0), ==, a);
    g_assert_cmpint (mk_store_count_matches (fixture->store, query, NULL, &error), ==, 2);
    g_assert_cmpuint (ranked->len, ==, 2);
  }

  /* The window's filter: one entity by id. */
  hanoi = find_entity (fixture->store, MK_ENTITY_PLACE, "Hanoi");
  by_id = mk_query_new ("rice");
  mk_query_add_entity_id (by_id, mk_entity_get_id (hanoi));
  {
    g_autoptr(GArray) ids = mk_store_search_ids (fixture->store, by_id, MK_SORT_NEWEST, 0, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, b);
  }

  /* The entities of a filtered search are those of its articles. */
  {
    g_autoptr(MkQuery) query = mk_query_new ("place:Cambodia");

    in_results = mk_store_get_entities (fixture->store, query, MK_ENTITY_PLACE, 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (in_results->len, ==, 2);
  }

  /* The pane's "All Results": the top of each type in one pass, counted
   * as per type, most mentioned first. */
  {
    g_autoptr(MkQuery) query = mk_query_new ("farmers");
    g_autoptr(GPtrArray) places = mk_store_get_entities (fixture->store, query, MK_ENTITY_PLACE, 0, NULL, &error);
    g_autoptr(GPtrArray) top = mk_store_get_top_entities (fixture->store, query, 1, NULL, &error);
    g_autoptr(GPtrArray) top_all = mk_store_get_top_entities (fixture->store, query, 10, NULL, &error);
    g_autoptr(GPtrArray) archive_top = mk_store_get_top_entities (fixture->store, NULL, 1, NULL, &error);
    guint n_places = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (places->len, ==, 3);   /* Hanoi, Vientiane, Cambodia */
    for (guint i = 0; i < top->len; i++)
      n_places += mk_entity_get_entity_type (g_ptr_array_index (top, i)) == MK_ENTITY_PLACE;
    g_assert_cmpuint (n_places, ==, 1);
    /* The first place of the pane is the first of the per-type list. */
    for (guint i = 0; i < top->len; i++)
      if (mk_entity_get_entity_type (g_ptr_array_index (top, i)) == MK_ENTITY_PLACE)
        {
          g_assert_cmpint (mk_entity_get_id (g_ptr_array_index (top, i)), ==,
                           mk_entity_get_id (g_ptr_array_index (places, 0)));
          g_assert_cmpuint (mk_entity_get_n_mentions (g_ptr_array_index (top, i)), ==,
                            mk_entity_get_n_mentions (g_ptr_array_index (places, 0)));
        }
    g_assert_cmpuint (top_all->len, >=, places->len);
    for (guint i = 1; i < top_all->len; i++)
      g_assert_cmpuint (mk_entity_get_n_mentions (g_ptr_array_index (top_all, i - 1)), >=,
                        mk_entity_get_n_mentions (g_ptr_array_index (top_all, i)));
    g_assert_cmpuint (archive_top->len, >=, 1);
    g_assert_cmpuint (archive_top->len, <=, MK_ENTITY_N_TYPES);
  }
}

/* An entity's own view: who and what is named beside it, most shared
 * articles first, and the dates it spans. */
static void
test_store_related_entities (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkEntity) vientiane = NULL;
  g_autoptr(MkEntity) laos = NULL;
  g_autoptr(GPtrArray) related = NULL;
  g_autoptr(GPtrArray) first_only = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  MkEntity *top;

  add_indexed (fixture->store, "a", "Farmers of Laos met in Vientiane. Laos grows rice.", "2021-03-01");
  add_indexed (fixture->store, "b", "Vientiane and Laos: the capital and the country. Cambodia too.", "2022-05-01");
  add_indexed (fixture->store, "c", "Vientiane traders went to Cambodia.", "2023-07-01");
  add_indexed (fixture->store, "d", "Thailand alone here.", "2024-01-01");

  vientiane = find_entity (fixture->store, MK_ENTITY_PLACE, "Vientiane");
  laos = find_entity (fixture->store, MK_ENTITY_PLACE, "Laos");
  related = mk_store_get_related_entities (fixture->store, mk_entity_get_id (vientiane), 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (related->len, ==, 2);

  /* Laos shares two articles (three mentions in them), Cambodia two. */
  top = g_ptr_array_index (related, 0);
  g_assert_cmpint (mk_entity_get_id (top), ==, mk_entity_get_id (laos));
  g_assert_cmpuint (mk_entity_get_n_articles (top), ==, 2);
  g_assert_cmpuint (mk_entity_get_n_mentions (top), ==, 3);
  g_assert_cmpstr (mk_entity_get_name (g_ptr_array_index (related, 1)), ==, "Cambodia");
  g_assert_cmpuint (mk_entity_get_n_articles (g_ptr_array_index (related, 1)), ==, 2);

  first_only = mk_store_get_related_entities (fixture->store, mk_entity_get_id (vientiane), 1, NULL, &error);
  g_assert_cmpuint (first_only->len, ==, 1);

  g_assert_true (mk_store_get_entity_dates (fixture->store, mk_entity_get_id (vientiane), &first, &last, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (first, "2021-03-01"));
  g_assert_true (g_str_has_prefix (last, "2023-07-01"));
}

/* A search for an entity starts from its mentions: the plan of the
 * statement the store really ran must not walk the whole archive, and
 * running it must not step through a full scan of any table. */
static void
test_store_entity_search_plan (Fixture       *fixture,
                               gconstpointer  data)
{
  sqlite3 *db = mk_store_get_db (fixture->store);
  sqlite3_stmt *stmt, *used = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);
  g_autofree char *explain = NULL;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *guid = g_strdup_printf ("filler-%u", i);

      add_indexed (fixture->store, guid, "Rice farmers met in Vientiane.", "2020-01-01");
    }
  add_indexed (fixture->store, "a", "Rice farmers from Hà Nội met.", "2021-03-01");
  g_assert_cmpuint (count_hits (fixture->store, "place:\"ha noi\""), ==, 1);

  for (stmt = sqlite3_next_stmt (db, NULL); stmt; stmt = sqlite3_next_stmt (db, stmt))
    if (strstr (sqlite3_sql (stmt), "AS hit CROSS JOIN articles a") != NULL)
      used = stmt;
  g_assert_nonnull (used);
  g_assert_cmpint (sqlite3_stmt_status (used, SQLITE_STMTSTATUS_FULLSCAN_STEP, FALSE), ==, 0);

  explain = g_strconcat ("EXPLAIN QUERY PLAN ", sqlite3_sql (used), NULL);
  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "mentions_by_entity"));
  g_assert_nonnull (strstr (plan->str, "entity_aliases_by_folded"));
  /* The keys from the index, not from the rows. */
  g_assert_nonnull (strstr (plan->str, "COVERING INDEX articles_by_id_key"));
  g_assert_null (strstr (plan->str, "SCAN a\n"));
  g_assert_null (strstr (plan->str, "SCAN articles"));
}

static const char *
place_name (GPtrArray *places,
            guint      i)
{
  return mk_entity_get_name (g_ptr_array_index (places, i));
}

static guint
place_count (GPtrArray *places,
             guint      i)
{
  return mk_entity_get_n_articles (g_ptr_array_index (places, i));
}

typedef struct {
  MkStore *store;
  GPtrArray *places;
} PlacesWait;

static void
places_ready (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PlacesWait *wait = user_data;
  g_autoptr(GError) error = NULL;

  wait->places = mk_store_get_places_finish (wait->store, result, &error);
  g_assert_no_error (error);
}

/* What the map shows: located places only, with how many articles name
 * them, for the archive, a search or one article. */
static void
test_store_places (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) archive = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) article = NULL;
  g_autoptr(GPtrArray) async = NULL;
  g_autoptr(MkQuery) rice = mk_query_new ("rice");
  g_autoptr(MkEntity) ky_son = NULL;
  gint64 id;

  id = add_indexed (fixture->store, "a",
                    "Farmers in Ky Son district of Nghe An met officials from Vientiane.", "2021-01-01");
  add_indexed (fixture->store, "b", "Hà Nội and Vientiane signed a deal.", "2022-01-01");
  add_indexed (fixture->store, "c", "Rice prices rose in Hanoi.", "2023-01-01");

  /* "Ky Son district" is a place with no location: not on the map. */
  ky_son = find_entity (fixture->store, MK_ENTITY_PLACE, "Ky Son");
  g_assert_false (mk_entity_has_location (ky_son));
  archive = mk_store_get_places (fixture->store, NULL, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (archive->len, ==, 3);
  g_assert_cmpstr (place_name (archive, 0), ==, "Hanoi");
  g_assert_cmpuint (place_count (archive, 0), ==, 2);
  g_assert_cmpstr (place_name (archive, 1), ==, "Vientiane");
  g_assert_cmpuint (place_count (archive, 1), ==, 2);
  g_assert_cmpstr (place_name (archive, 2), ==, "Nghe An");
  g_assert_cmpuint (place_count (archive, 2), ==, 1);
  g_assert_cmpfloat_with_epsilon (mk_entity_get_latitude (g_ptr_array_index (archive, 1)), 17.97, 0.1);
  g_assert_cmpfloat_with_epsilon (mk_entity_get_longitude (g_ptr_array_index (archive, 1)), 102.6, 0.1);

  /* A search counts within its results. */
  found = mk_store_get_places (fixture->store, rice, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (place_name (found, 0), ==, "Hanoi");
  g_assert_cmpuint (place_count (found, 0), ==, 1);

  /* One article's places, with the archive's counts. */
  article = mk_store_get_places (fixture->store, NULL, id, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (article->len, ==, 2);
  g_assert_cmpstr (place_name (article, 0), ==, "Vientiane");
  g_assert_cmpuint (place_count (article, 0), ==, 2);
  g_assert_cmpstr (place_name (article, 1), ==, "Nghe An");

  /* The same from a worker thread, and a limit. */
  {
    PlacesWait wait = { fixture->store, NULL };

    mk_store_get_places_async (fixture->store, NULL, 0, 2, NULL, places_ready, &wait);
    while (wait.places == NULL)
      g_main_context_iteration (NULL, TRUE);
    async = wait.places;
  }
  g_assert_cmpuint (async->len, ==, 2);
  g_assert_cmpstr (place_name (async, 0), ==, "Hanoi");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("creates-schema", test_store_creates_schema);
  ADD ("refuses-foreign-files", test_store_refuses_foreign_files);
  ADD ("refuses-newer-schema", test_store_refuses_newer_schema);
  ADD ("search-folds", test_store_search_folds);
  ADD ("search-never-fails", test_store_search_never_fails);
  ADD ("add-is-idempotent", test_store_add_is_idempotent);
  ADD ("sort-and-snippets", test_store_sort_and_snippets);
  ADD ("failed-transaction-changes-nothing", test_store_failed_transaction_changes_nothing);
  ADD ("get-article", test_store_get_article);
  ADD ("query-language", test_store_query_language);
  ADD ("sort-orders", test_store_sort_orders);
  ADD ("relevance-beyond-candidates", test_store_relevance_beyond_candidates);
  ADD ("migrates-version-1", test_store_migrates_version_1);
  ADD ("migrates-every-version", test_store_migrates_every_version);
  ADD ("entities-merge", test_store_entities_merge);
  ADD ("article-entities", test_store_article_entities);
  ADD ("entity-counts", test_store_entity_counts);
  ADD ("entity-search", test_store_entity_search);
  ADD ("entity-search-plan", test_store_entity_search_plan);
  ADD ("related-entities", test_store_related_entities);
  ADD ("places", test_store_places);
  ADD ("index-stays-consistent", test_store_index_stays_consistent);
  ADD ("page-snippets", test_store_page_snippets);
#undef ADD

  return g_test_run ();
}
