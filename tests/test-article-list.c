/* test-article-list.c — the paged list model behind the article list
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "mekong-core.h"

typedef struct {
  char *dir;
  MkStore *store;
  MkArticleList *list;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *paths[] = { g_getenv ("MEKONG_SAMPLES_DIR"), NULL };
  g_autoptr(MkImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("mekong-test-XXXXXX", &error);
  path = g_build_filename (fixture->dir, "archive.db", NULL);
  fixture->store = mk_store_open (path, &error);
  g_assert_no_error (error);
  importer = mk_importer_new (fixture->store);
  g_assert_true (mk_importer_import_paths (importer, paths, NULL, &error));
  fixture->list = mk_article_list_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (mk_store_get_path (fixture->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_finalize_object (fixture->list);
  g_assert_finalize_object (fixture->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

typedef struct {
  gboolean done;
  gboolean shown;
  GError *error;
} Wait;

static void
search_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->shown = mk_article_list_search_finish (MK_ARTICLE_LIST (object), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
search (Fixture      *fixture,
        const char   *typed,
        GCancellable *cancellable,
        GError      **error)
{
  g_autoptr(MkQuery) query = mk_query_new (typed);
  Wait wait = { 0 };

  mk_article_list_search_async (fixture->list, query, MK_SORT_NEWEST, cancellable,
                                search_done, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);

  if (wait.error)
    g_propagate_error (error, wait.error);
  return wait.shown;
}

static MkArticle *
item (Fixture *fixture,
      guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (fixture->list), position);
}

static void
test_list_all_newest_first (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkArticle) first = NULL;
  g_autoptr(MkArticle) second = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 0);
  g_assert_true (search (fixture, "", NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 7);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->list)) == MK_TYPE_ARTICLE);

  first = item (fixture, 0);
  second = item (fixture, 1);
  g_assert_cmpstr (mk_article_get_published (first), ==, "2025-11-11");
  g_assert_cmpstr (mk_article_get_published (second), ==, "2022-11-30");
  g_assert_null (item (fixture, 7));
}

static void
test_list_find (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MkArticle) second = NULL;
  gint64 second_id;
  guint position = G_MAXUINT;

  g_assert_true (search (fixture, "", NULL, NULL));
  second = item (fixture, 1);
  second_id = mk_article_get_id (second);
  g_assert_true (mk_article_list_find (fixture->list, second_id, &position));
  g_assert_cmpuint (position, ==, 1);

  /* Not in a result that leaves it out. */
  g_assert_true (search (fixture, "xylophonequokka", NULL, NULL));
  g_assert_false (mk_article_list_find (fixture->list, second_id, &position));
}

static void
test_list_search_narrows (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (search (fixture, "", NULL, &error));

  g_assert_true (search (fixture, "Keo Chanthavixay", NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(MkArticle) article = item (fixture, i);
      g_autofree char *markup = mk_article_dup_snippet_markup (article);

      g_assert_nonnull (strstr (markup, "<b>Keo</b> <b>Chanthavixay</b>"));
    }

  g_assert_true (search (fixture, "nghe an", NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 1);
  {
    g_autoptr(MkArticle) article = item (fixture, 0);
    g_assert_true (mk_article_get_excerpt (article));
  }

  g_assert_true (search (fixture, "zzzz nothing", NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 0);
}

static void
test_list_cancelled_search_keeps_results (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (search (fixture, "Vientiane", NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 3);

  g_cancellable_cancel (cancellable);
  g_assert_false (search (fixture, "", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 3);
}

static void
test_list_newer_search_wins (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(MkQuery) older = mk_query_new ("");
  g_autoptr(MkQuery) newer = mk_query_new ("Quynh Oanh");
  Wait first = { 0 }, second = { 0 };

  mk_article_list_search_async (fixture->list, older, MK_SORT_NEWEST, NULL, search_done, &first);
  mk_article_list_search_async (fixture->list, newer, MK_SORT_NEWEST, NULL, search_done, &second);
  while (!first.done || !second.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (second.shown);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 1);
  g_assert_true (mk_article_list_get_query (fixture->list) == newer);
  g_clear_error (&first.error);
}

static void
notify_quit (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* A result larger than the first page: the first rows come at once, the
 * rest and the count after, without reloading the rows already shown. */
static void
test_list_first_page_then_rest (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkArticle) first_row = NULL;
  g_autoptr(MkArticle) first_row_later = NULL;
  gint64 source = mk_store_ensure_source (fixture->store, "files", "local", NULL, NULL);
  gboolean counted = FALSE;

  g_assert_true (mk_store_begin (fixture->store, NULL));
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(MkArticle) article = mk_article_new ();
      g_autofree char *guid = g_strdup_printf ("%u", i);
      g_autofree char *body = g_strdup_printf ("Bulletin %u from Luang Prabang.", i);
      g_autofree char *date = g_strdup_printf ("2010-01-%02u", 1 + i % 28);

      mk_article_set_guid (article, guid);
      mk_article_set_title (article, "Bulletin");
      mk_article_set_body (article, body);
      mk_article_set_published (article, date);
      g_assert_true (mk_store_add_article (fixture->store, source, article, NULL, NULL));
    }
  g_assert_true (mk_store_commit (fixture->store, NULL));

  g_signal_connect (fixture->list, "notify::n-matches", G_CALLBACK (notify_quit), &counted);
  g_assert_true (search (fixture, "luang prabang", NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), <=, 300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), >=, 128);
  first_row = item (fixture, 0);

  while (mk_article_list_get_n_matches (fixture->list) < 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (counted);
  g_assert_cmpint (mk_article_list_get_n_matches (fixture->list), ==, 300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 300);
  first_row_later = item (fixture, 0);
  g_assert_true (first_row == first_row_later);
  {
    g_autoptr(MkArticle) last = item (fixture, 299);
    g_assert_cmpstr (mk_article_get_published (last), ==, "2010-01-01");
  }
  g_signal_handlers_disconnect_by_data (fixture->list, &counted);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/article-list/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("all-newest-first", test_list_all_newest_first);
  ADD ("search-narrows", test_list_search_narrows);
  ADD ("find", test_list_find);
  ADD ("cancelled-search-keeps-results", test_list_cancelled_search_keeps_results);
  ADD ("newer-search-wins", test_list_newer_search_wins);
  ADD ("first-page-then-rest", test_list_first_page_then_rest);
#undef ADD

  return g_test_run ();
}
