/* test-importer.c — importing files and folders: counts, idempotence, failures
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "mekong-core.h"

typedef struct {
  char *dir;
  MkStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("mekong-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "archive.db", NULL);
  fixture->store = mk_store_open (path, &error);
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
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static MkImporter *
import (Fixture    *fixture,
        const char *path)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  MkImporter *importer = mk_importer_new (fixture->store);

  g_assert_true (mk_importer_import_paths (importer, paths, NULL, &error));
  g_assert_no_error (error);
  return importer;
}

static MkArticle *
find_by_title (MkStore    *store,
               const char *title)
{
  g_autoptr(GPtrArray) all = mk_store_search (store, NULL, MK_SORT_NEWEST, 0, NULL, NULL);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (mk_article_get_title (g_ptr_array_index (all, i)), title) == 0)
      return g_object_ref (g_ptr_array_index (all, i));

  return NULL;
}

static void
test_importer_samples (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MkImporter) importer = import (fixture, g_getenv ("MEKONG_SAMPLES_DIR"));
  g_autoptr(MkArticle) main_article = NULL;
  g_autoptr(MkArticle) teaser = NULL;

  /* Five articles and the two distinct teasers of 000's Related block. */
  g_assert_cmpuint (mk_importer_get_n_added (importer), ==, 7);
  g_assert_cmpuint (mk_importer_get_n_failed (importer), ==, 0);
  g_assert_cmpint (mk_store_count_articles (fixture->store, NULL), ==, 7);

  main_article = find_by_title (fixture->store, "Vietnam, Laos reinforce ties in social security");
  teaser = find_by_title (fixture->store, "Vietnam, Laos anticipate stronger justice co-operation");
  g_assert_nonnull (main_article);
  g_assert_nonnull (teaser);
  g_assert_true (mk_article_get_excerpt (teaser));
  g_assert_cmpint (mk_article_get_related_to (teaser), ==, mk_article_get_id (main_article));
  g_assert_cmpstr (mk_article_get_source (teaser), ==, "VOV.VN");
}

static void
test_importer_is_idempotent (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(MkImporter) first = import (fixture, g_getenv ("MEKONG_SAMPLES_DIR"));
  g_autoptr(MkImporter) second = import (fixture, g_getenv ("MEKONG_SAMPLES_DIR"));
  g_autofree char *one = g_build_filename (g_getenv ("MEKONG_SAMPLES_DIR"), "000_41cb3770481506ec.txt", NULL);
  g_autoptr(MkImporter) third = import (fixture, one);

  g_assert_cmpuint (mk_importer_get_n_added (second), ==, 0);
  g_assert_cmpuint (mk_importer_get_n_updated (second), ==, 0);
  g_assert_cmpuint (mk_importer_get_n_unchanged (second), ==, 7);
  g_assert_cmpuint (mk_importer_get_n_added (third), ==, 0);
  g_assert_cmpint (mk_store_count_articles (fixture->store, NULL), ==, 7);
}

/* Opening a file from a file manager shows its article, not one of the
 * teasers of its Related block, whether it was new or already there. */
static void
test_importer_first_article (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("MEKONG_SAMPLES_DIR"),
                                            "000_41cb3770481506ec.txt", NULL);
  g_autoptr(MkImporter) first = import (fixture, path);
  g_autoptr(MkImporter) again = import (fixture, path);
  g_autoptr(MkArticle) shown = NULL;

  g_assert_cmpuint (mk_importer_get_n_added (first), ==, 3);
  shown = mk_store_get_article (fixture->store, mk_importer_get_first_article_id (first), NULL);
  g_assert_nonnull (shown);
  g_assert_false (mk_article_get_excerpt (shown));
  g_assert_cmpstr (mk_article_get_title (shown), ==, "Vietnam, Laos reinforce ties in social security");
  g_assert_cmpint (mk_importer_get_first_article_id (again), ==, mk_article_get_id (shown));
}

static char *
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

static void
assert_file_error (const GError *error,
                   const char   *file_name,
                   int           code)
{
  g_assert_error (error, MK_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, file_name));
}

static void
test_importer_bad_files (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "mixed", NULL);
  g_autofree char *good = NULL, *binary = NULL, *latin1 = NULL, *empty = NULL;
  g_autoptr(MkImporter) importer = NULL;
  GPtrArray *errors;

  g_mkdir (folder, 0700);
  good = write_file (folder, "a-good.txt", "Laos opens a school\n\nVientiane (KPL) - A new school opened.\n", -1);
  binary = write_file (folder, "b-picture.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 16);
  latin1 = write_file (folder, "c-latin1.txt", "Caf\xe9 in Vientiane\n", -1);
  empty = write_file (folder, "d-empty.txt", "", 0);
  g_free (write_file (folder, ".hidden.txt", "\0\0", 2));

  importer = import (fixture, folder);
  g_assert_cmpuint (mk_importer_get_n_added (importer), ==, 1);
  g_assert_cmpuint (mk_importer_get_n_failed (importer), ==, 3);

  /* One error per bad file, each naming it. */
  errors = mk_importer_get_errors (importer);
  g_assert_cmpuint (errors->len, ==, 3);
  assert_file_error (errors->pdata[0], "b-picture.txt", MK_IMPORT_ERROR_NOT_TEXT);
  assert_file_error (errors->pdata[1], "c-latin1.txt", MK_IMPORT_ERROR_INVALID_UTF8);
  assert_file_error (errors->pdata[2], "d-empty.txt", MK_IMPORT_ERROR_EMPTY);
}

/* A 1 GB feed and a 1 GB text (sparse files: no disk is used) are each
 * refused with one error saying so, before a byte is read: fast, and
 * without the memory a read would take. */
static void
test_importer_huge_files (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char feed_start[] = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title>";
  g_autofree char *folder = g_build_filename (fixture->dir, "huge", NULL);
  g_autofree char *feed = NULL, *text = NULL;
  g_autofree char *huge_size = g_format_size ((guint64) 1 << 30);
  g_autoptr(MkImporter) importer = NULL;
  gint64 started;
  GPtrArray *errors;

  g_mkdir (folder, 0700);
  feed = write_file (folder, "a-feed.xml", feed_start, -1);
  text = write_file (folder, "b-article.txt", "Laos opens a school\n\nVientiane (KPL) - ", -1);
  g_assert_no_errno (truncate (feed, (off_t) 1 << 30));
  g_assert_no_errno (truncate (text, (off_t) 1 << 30));

  started = g_get_monotonic_time ();
  importer = import (fixture, folder);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpuint (mk_importer_get_n_added (importer), ==, 0);
  g_assert_cmpuint (mk_importer_get_n_failed (importer), ==, 2);
  errors = mk_importer_get_errors (importer);
  g_assert_cmpuint (errors->len, ==, 2);
  assert_file_error (errors->pdata[0], "a-feed.xml", MK_IMPORT_ERROR_TOO_LARGE);
  assert_file_error (errors->pdata[1], "b-article.txt", MK_IMPORT_ERROR_TOO_LARGE);
  /* The message gives the size, as the file manager would. */
  g_assert_nonnull (strstr (((GError *) errors->pdata[0])->message, huge_size));
}

static void
test_importer_missing_path (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "nowhere.txt", NULL);
  g_autoptr(MkImporter) importer = import (fixture, missing);
  GPtrArray *errors = mk_importer_get_errors (importer);

  g_assert_cmpuint (mk_importer_get_n_failed (importer), ==, 1);
  g_assert_true (strstr (((GError *) errors->pdata[0])->message, "nowhere.txt"));
}

/* A failure half-way through a file (here a trigger that refuses the
 * excerpts) leaves the archive exactly as it was before that file. */
static void
test_importer_failure_rolls_back (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *one = g_build_filename (g_getenv ("MEKONG_SAMPLES_DIR"), "001_0641f83593f774b3.txt", NULL);
  g_autofree char *with_related = g_build_filename (g_getenv ("MEKONG_SAMPLES_DIR"), "000_41cb3770481506ec.txt", NULL);
  g_autoptr(MkImporter) first = import (fixture, one);
  g_autoptr(MkImporter) failing = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (mk_store_get_path (fixture->store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse BEFORE INSERT ON articles "
                                     "WHEN new.excerpt = 1 BEGIN SELECT RAISE (ABORT, 'disk on fire'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  failing = import (fixture, with_related);
  g_assert_cmpuint (mk_importer_get_n_failed (failing), ==, 1);
  g_assert_cmpuint (mk_importer_get_n_added (failing), ==, 0);
  g_assert_cmpint (mk_store_count_articles (fixture->store, NULL), ==, 1);
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  MkImporter **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = mk_importer_import_paths_finish (result, &error);
  g_assert_no_error (error);
}

typedef struct
{
  GThread *thread;
  guint n_reports;
  guint last_done;
  guint last_total;
  gboolean freed;
} ProgressSeen;

static void
on_progress (guint       n_done,
             guint       n_total,
             const char *name,
             gpointer    user_data)
{
  ProgressSeen *seen = user_data;

  /* In the caller's thread, never backwards, and naming a file. */
  g_assert_true (g_thread_self () == seen->thread);
  g_assert_cmpuint (n_done, >=, seen->last_done);
  g_assert_cmpuint (n_done, <=, n_total);
  g_assert_nonnull (name);
  seen->n_reports++;
  seen->last_done = n_done;
  seen->last_total = n_total;
}

static void
on_progress_data_free (gpointer user_data)
{
  ProgressSeen *seen = user_data;

  seen->freed = TRUE;
}

static void
test_importer_async (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *paths[] = { g_getenv ("MEKONG_SAMPLES_DIR"), NULL };
  g_autoptr(MkImporter) importer = NULL;
  ProgressSeen seen = { g_thread_self (), 0, 0, 0, FALSE };

  mk_importer_import_paths_async (mk_store_get_path (fixture->store), paths,
                                  on_progress, &seen, on_progress_data_free,
                                  NULL, import_done, &importer);
  while (importer == NULL || !seen.freed)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (mk_importer_get_n_added (importer), ==, 7);
  /* Written by another connection, seen by ours. */
  g_assert_cmpint (mk_store_count_articles (fixture->store, NULL), ==, 7);

  /* The five sample files, the last of them always reported, and every
   * report delivered before the result. */
  g_assert_cmpuint (seen.n_reports, >=, 1);
  g_assert_cmpuint (seen.last_done, ==, 5);
  g_assert_cmpuint (seen.last_total, ==, 5);
}

static void
test_importer_cancelled (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *paths[] = { g_getenv ("MEKONG_SAMPLES_DIR"), NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MkImporter) importer = mk_importer_new (fixture->store);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (mk_importer_import_paths (importer, paths, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (mk_store_count_articles (fixture->store, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/importer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("samples", test_importer_samples);
  ADD ("is-idempotent", test_importer_is_idempotent);
  ADD ("first-article", test_importer_first_article);
  ADD ("bad-files", test_importer_bad_files);
  ADD ("huge-files", test_importer_huge_files);
  ADD ("missing-path", test_importer_missing_path);
  ADD ("failure-rolls-back", test_importer_failure_rolls_back);
  ADD ("async", test_importer_async);
  ADD ("cancelled", test_importer_cancelled);
#undef ADD

  return g_test_run ();
}
