/* test-store.c — the archive file: schema, refusals, search and folding
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mekong-core.h"

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
#undef ADD

  return g_test_run ();
}
