/* test-window.c — the main window, in-process under Xvfb
 *
 * Every test opens a throwaway archive, shows a window on it (which imports
 * the bundled samples on first start) and looks at the window the way a
 * person would: which rows are there, what the article pane says.
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mk-article-row.h"
#include "mk-article-view.h"
#include "mk-entity-details.h"
#include "mk-entity-panel.h"
#include "mk-map-marker.h"
#include "mk-map-view.h"
#include "mk-window.h"
#include "mk-test-ui.h"

/* Five sample files, and the two teasers of 000's "Related" block. */
#define N_SAMPLE_ARTICLES 7
#define N_EXCERPTS        2

#define TIMEOUT_SECONDS   30

typedef struct
{
  char     *tmpdir;
  char     *archive_path;
  MkStore  *store;
  MkWindow *window;
} Fixture;

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

/* --- helpers: waiting ------------------------------------------------------ */

/* Runs the main loop until @condition holds, for at most TIMEOUT_SECONDS. */
static gboolean
wait_until (Fixture       *f,
            Condition      condition,
            gconstpointer  data)
{
  return mk_test_wait_until (MK_TEST_CONDITION (condition), f, data, TIMEOUT_SECONDS);
}

/* --- helpers: looking at widgets ------------------------------------------ */

/* The article list (the entity pane has lists of its own). */
static GtkListView *
article_list_view (Fixture *f)
{
  GtkWidget *list_view = mk_test_find_by_css_class (GTK_WIDGET (f->window), "article-list");

  g_assert_true (GTK_IS_LIST_VIEW (list_view));
  return GTK_LIST_VIEW (list_view);
}

static GListModel *
window_model (Fixture *f)
{
  GtkListView *list_view = article_list_view (f);

  return G_LIST_MODEL (gtk_list_view_get_model (list_view));
}

static gint64
model_article_id (Fixture *f,
                  guint    position)
{
  g_autoptr(MkArticle) item = g_list_model_get_item (window_model (f), position);

  return mk_article_get_id (item);
}

/* The rows on screen that show an article, as a person sees them. */
static GPtrArray *
shown_rows (Fixture *f)
{
  GtkListView *list_view = article_list_view (f);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *shown = g_ptr_array_new ();

  if (!gtk_widget_get_mapped (GTK_WIDGET (list_view)))
    return shown;

  mk_test_collect_widgets (GTK_WIDGET (list_view), MK_TYPE_ARTICLE_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      MkArticleRow *row = g_ptr_array_index (rows, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (row)) && mk_article_row_get_article (row))
        g_ptr_array_add (shown, row);
    }

  return shown;
}

/* The "12,408 articles" line above the list, when it is on screen. */
static const char *
count_text (Fixture *f)
{
  GtkWidget *label = mk_test_find_by_css_class (GTK_WIDGET (f->window), "result-count");

  g_assert_true (GTK_IS_LABEL (label));
  if (!gtk_widget_get_mapped (label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (label));
}

static MkArticleList *
window_articles (Fixture *f)
{
  GListModel *model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (window_model (f)));

  g_assert_true (MK_IS_ARTICLE_LIST (model));

  return MK_ARTICLE_LIST (model);
}

static gboolean
status_page_shown (Fixture    *f,
                   const char *title)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  mk_test_collect_widgets (GTK_WIDGET (f->window), ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    {
      AdwStatusPage *page = g_ptr_array_index (pages, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (page)) &&
          g_strcmp0 (adw_status_page_get_title (page), title) == 0)
        return TRUE;
    }

  return FALSE;
}

static char *
article_view_text (Fixture *f)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (mk_test_find_by_css_class (GTK_WIDGET (f->window), "article-body"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter start, end;

  if (!gtk_widget_get_mapped (GTK_WIDGET (text_view)))
    return g_strdup ("");

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* --- helpers: what the archive holds ------------------------------------- */

static gboolean
article_mentions (MkArticle  *article,
                  const char *words)
{
  const char *fields[] = {
    mk_article_get_title (article),
    mk_article_get_summary (article),
    mk_article_get_body (article),
  };
  g_autofree char *needle = g_utf8_casefold (words, -1);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *haystack = NULL;

      if (fields[i] == NULL)
        continue;

      haystack = g_utf8_casefold (fields[i], -1);
      if (strstr (haystack, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static MkArticle *
load_article (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  MkArticle *article = mk_store_get_article (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);

  return article;
}

/* The ids of the listed articles that mention @words, read from the
 * archive itself rather than from the search index. */
static GArray *
ids_mentioning (Fixture    *f,
                const char *words)
{
  GListModel *model = window_model (f);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MkArticle) article = load_article (f, model_article_id (f, i));

      if (article_mentions (article, words))
        {
          gint64 id = mk_article_get_id (article);

          g_array_append_val (ids, id);
        }
    }

  return ids;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static GArray *
shown_ids (Fixture *f)
{
  g_autoptr(GPtrArray) rows = shown_rows (f);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = mk_article_get_id (mk_article_row_get_article (g_ptr_array_index (rows, i)));

      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);

  return ids;
}

static void
assert_same_ids (GArray *a,
                 GArray *b)
{
  g_array_sort (a, compare_ids);
  g_array_sort (b, compare_ids);
  g_assert_cmpmem (a->data, a->len * sizeof (gint64), b->data, b->len * sizeof (gint64));
}

/* --- conditions ------------------------------------------------------------ */

static gboolean
rows_shown (Fixture       *f,
            gconstpointer  data)
{
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) rows = shown_rows (f);

  return g_list_model_get_n_items (window_model (f)) == n && rows->len == n;
}

static gboolean
no_results_shown (Fixture       *f,
                  gconstpointer  data)
{
  return g_list_model_get_n_items (window_model (f)) == 0 &&
         status_page_shown (f, "No Articles Found");
}

static gboolean
article_view_shows (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text = article_view_text (f);

  return g_strcmp0 (text, data) == 0;
}

static gboolean
count_says (Fixture       *f,
            gconstpointer  data)
{
  return g_strcmp0 (count_text (f), data) == 0;
}

typedef struct
{
  guint       n_rows;
  const char *count;
} Shown;

/* The rows and the count line of one search, both on screen. */
static gboolean
rows_and_count_shown (Fixture       *f,
                      gconstpointer  data)
{
  const Shown *shown = data;

  return rows_shown (f, GUINT_TO_POINTER (shown->n_rows)) && count_says (f, shown->count);
}

/* No rows, and the search has finished without an error (a failed search
 * leaves the count unknown). */
static gboolean
searched_to_nothing (Fixture       *f,
                     gconstpointer  data)
{
  return no_results_shown (f, NULL) &&
         mk_article_list_get_n_matches (window_articles (f)) == 0;
}

static gboolean
first_published_is (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *model = window_model (f);
  g_autoptr(MkArticle) first = NULL;

  if (g_list_model_get_n_items (model) == 0)
    return FALSE;

  first = g_list_model_get_item (model, 0);

  return g_strcmp0 (mk_article_get_published (first), data) == 0;
}

static gboolean
first_title_mentions (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *model = window_model (f);
  g_autoptr(MkArticle) first = NULL;
  g_autofree char *title = NULL;
  g_autofree char *needle = NULL;

  if (g_list_model_get_n_items (model) == 0)
    return FALSE;

  first = g_list_model_get_item (model, 0);
  if (mk_article_get_title (first) == NULL)
    return FALSE;

  title = g_utf8_casefold (mk_article_get_title (first), -1);
  needle = g_utf8_casefold (data, -1);

  return strstr (title, needle) != NULL;
}

static gboolean
window_shown (Fixture       *f,
              gconstpointer  data)
{
  return f->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (f->window));
}

/* --- fixture --------------------------------------------------------------- */

static void
fixture_open_window (Fixture *f)
{
  f->window = mk_window_new (NULL, f->store);
  /* As tall as the screen allows, so that the rows are on screen. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 1600);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_close_window (Fixture *f)
{
  /* Searches still running hold the window until they return. */
  g_assert_true (mk_test_destroy_window ((gpointer *) &f->window, TIMEOUT_SECONDS));
  mk_test_drain_main_context ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;

  f->store = mk_test_archive_open ("mekong-test-window-XXXXXX", &f->tmpdir, &f->archive_path);

  /* Settings live in memory for the whole run: a test that changed the
   * sort order must not reorder the next test's list. */
  settings = g_settings_new (APP_ID);
  g_settings_reset (settings, "sort-order");
  g_settings_reset (settings, "entity-scope");

  /* The first window on an empty archive imports the samples. */
  fixture_open_window (f);
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));
}

/* The archive only, empty: the test opens the window itself. */
static void
fixture_setup_empty (Fixture       *f,
                     gconstpointer  data)
{
  f->store = mk_test_archive_open ("mekong-test-window-XXXXXX", &f->tmpdir, &f->archive_path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fixture_close_window (f);

  /* Nothing but the window held the archive: no leak, no cycle. */
  g_assert_finalize_object (f->store);
  mk_test_remove_tmpdir (f->tmpdir);

  g_free (f->archive_path);
  g_free (f->tmpdir);
}

static void
search (Fixture    *f,
        const char *text)
{
  GtkSearchEntry *entry = mk_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);

  /* As typed: the entry emits search-changed after its usual delay. */
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Sets the text and starts its search at once, without the entry's delay,
 * as if each keystroke came before the previous search returned. */
static void
search_now (Fixture    *f,
            const char *text)
{
  GtkSearchEntry *entry = mk_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
}

/* The row on screen that shows the model's item at @position. */
static MkArticleRow *
row_at (Fixture *f,
        guint    position)
{
  g_autoptr(GPtrArray) rows = shown_rows (f);
  gint64 id = model_article_id (f, position);

  for (guint i = 0; i < rows->len; i++)
    {
      MkArticleRow *row = g_ptr_array_index (rows, i);

      if (mk_article_get_id (mk_article_row_get_article (row)) == id)
        return row;
    }

  g_assert_not_reached ();
}

/* The words a snippet marks, lower-cased, in order. */
static GPtrArray *
marked_words (const char *markup)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = markup;
  const char *start;

  while ((start = strstr (p, "<b>")) != NULL)
    {
      const char *end = strstr (start, "</b>");

      g_assert_nonnull (end);
      g_ptr_array_add (words, g_ascii_strdown (start + 3, end - start - 3));
      p = end + 4;
    }

  return words;
}

/* --- tests ----------------------------------------------------------------- */

static void
test_lists_samples (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = shown_rows (f);
  guint n_tagged = 0;

  g_assert_cmpuint (rows->len, ==, N_SAMPLE_ARTICLES);

  for (guint i = 0; i < rows->len; i++)
    {
      MkArticleRow *row = g_ptr_array_index (rows, i);
      MkArticle *article = mk_article_row_get_article (row);
      GtkWidget *tag = mk_test_find_by_css_class (GTK_WIDGET (row), "excerpt-tag");

      g_assert_nonnull (tag);
      g_assert_cmpstr (mk_article_get_title (article), !=, NULL);
      /* Excerpts, and only they, carry a visible tag. */
      g_assert_cmpint (gtk_widget_get_mapped (tag), ==, mk_article_get_excerpt (article));
      n_tagged += gtk_widget_get_mapped (tag);
    }

  g_assert_cmpuint (n_tagged, ==, N_EXCERPTS);
}

static void
test_search_narrows (Fixture       *f,
                     gconstpointer  data)
{
  const char *words = data;
  g_autoptr(GArray) expected = ids_mentioning (f, words);
  g_autoptr(GArray) shown = NULL;

  /* A word that only some samples use, or the test proves nothing. */
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (expected->len, <, N_SAMPLE_ARTICLES);

  search (f, words);
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (expected->len)));

  shown = shown_ids (f);
  assert_same_ids (shown, expected);

  /* And back to everything when the search is cleared. */
  search (f, "");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));
}

static void
test_search_keo_chanthavixay (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GArray) shown = NULL;

  /* The LSSO's director is named in 000 and 001 only. */
  search (f, "Keo Chanthavixay");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (2)));

  shown = shown_ids (f);
  for (guint i = 0; i < shown->len; i++)
    {
      g_autoptr(MkArticle) article = load_article (f, g_array_index (shown, gint64, i));

      g_assert_true (article_mentions (article, "Keo Chanthavixay"));
      g_assert_false (mk_article_get_excerpt (article));
    }
}

static void
test_search_folds_diacritics (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GArray) expected = ids_mentioning (f, "Hà Nội");
  g_autoptr(GArray) shown = NULL;

  /* 003 and 004 write HÀ NỘI / Hà Nội; typed without accents. */
  g_assert_cmpuint (expected->len, ==, 2);

  search (f, "ha noi");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (expected->len)));

  shown = shown_ids (f);
  assert_same_ids (shown, expected);
}

static void
test_search_no_match (Fixture       *f,
                      gconstpointer  data)
{
  search (f, "xylophonequokka");
  g_assert_true (wait_until (f, no_results_shown, NULL));

  /* Nothing is selected, so the article pane says so. */
  g_assert_true (status_page_shown (f, "No Article Selected"));

  search (f, "");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));
}

static void
test_selecting_shows_body (Fixture       *f,
                           gconstpointer  data)
{
  GtkListView *list_view = article_list_view (f);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view));
  GListModel *model = window_model (f);
  gboolean seen_somsak = FALSE;

  /* The first row is selected when results arrive. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MkArticle) article = NULL;
      g_autofree char *text = NULL;

      gtk_single_selection_set_selected (selection, i);
      article = load_article (f, model_article_id (f, i));
      g_assert_nonnull (mk_article_get_body (article));
      g_assert_true (wait_until (f, article_view_shows, mk_article_get_body (article)));

      /* A sentence of 002, so the pane shows real text, not just a copy of
       * whatever the archive returned. */
      text = article_view_text (f);
      seen_somsak |= strstr (text, "Colonel Vilaxay Somsak") != NULL;
    }

  g_assert_true (seen_somsak);
}

static void
test_search_count_and_marks (Fixture       *f,
                             gconstpointer  data)
{
  static const Shown everything = { N_SAMPLE_ARTICLES, "7 articles" };
  static const Shown two = { 2, "2 articles" };
  static const Shown one = { 1, "1 article" };

  /* The empty search counts the whole archive. */
  g_assert_true (wait_until (f, rows_and_count_shown, &everything));

  search (f, "vss OR lsso");
  g_assert_true (wait_until (f, rows_and_count_shown, &two));

  /* Each row marks what matched, and nothing else: the snippet of the
   * first row (000 or 001 both name the two agencies) bolds VSS or LSSO. */
  for (guint i = 0; i < two.n_rows; i++)
    {
      const char *markup = mk_article_row_get_snippet_markup (row_at (f, i));
      g_autoptr(GPtrArray) words = marked_words (markup);

      g_test_message ("row %u: %s", i, markup);
      g_assert_cmpuint (words->len, >, 0);
      for (guint j = 0; j < words->len; j++)
        g_assert_true (g_str_equal (words->pdata[j], "vss") ||
                       g_str_equal (words->pdata[j], "lsso"));
    }
  g_assert_nonnull (strstr (mk_article_row_get_snippet_markup (row_at (f, 0)), "<b>VSS</b>"));

  /* One, in the singular. */
  search (f, "Quynh Oanh");
  g_assert_true (wait_until (f, rows_and_count_shown, &one));
}

typedef struct
{
  GListModel *model;
  GPtrArray  *texts;     /* what the count line said, in order */
  GArray     *n_rows;    /* how many rows the list had then */
} CountLog;

static void
on_count_label_changed (GtkLabel   *label,
                        GParamSpec *pspec,
                        CountLog   *log)
{
  guint n = g_list_model_get_n_items (log->model);

  g_ptr_array_add (log->texts, g_strdup (gtk_label_get_text (label)));
  g_array_append_val (log->n_rows, n);
}

/* More articles than the first page: the rows come first, then the count,
 * and the line above the list never shows a count that is not theirs. */
static void
test_search_count_after_first_page (Fixture       *f,
                                    gconstpointer  data)
{
  enum { N_GENERATED = 1500 };
  static const Shown all_generated = { 0, "1500 articles" };
  g_autoptr(MkImporter) importer = mk_importer_new (f->store);
  GtkWidget *label = mk_test_find_by_css_class (GTK_WIDGET (f->window), "result-count");
  CountLog log = { window_model (f), g_ptr_array_new_with_free_func (g_free),
                   g_array_new (FALSE, FALSE, sizeof (guint)) };
  gulong handler;

  for (guint i = 0; i < N_GENERATED; i++)
    {
      g_autofree char *text = g_strdup_printf ("Harvest report number %u\n\n"
                                               " date %04u-%02u-%02u HÀ NỘI — The rice harvest "
                                               "of district %u came in %u tonnes above the plan.\n",
                                               i, 2005 + i % 20, 1 + i % 12, 1 + i % 28,
                                               i, i * 7);
      g_autofree char *uri = g_strdup_printf ("file:///generated/harvest-%04u.txt", i);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;

      mk_importer_import_bytes (importer, bytes, uri, NULL, &error);
      g_assert_no_error (error);
    }

  handler = g_signal_connect (label, "notify::label", G_CALLBACK (on_count_label_changed), &log);

  search (f, "harvest");
  g_assert_true (wait_until (f, count_says, all_generated.count));
  g_assert_cmpuint (g_list_model_get_n_items (window_model (f)), ==, N_GENERATED);
  g_assert_cmpint (mk_article_list_get_n_matches (window_articles (f)), ==, N_GENERATED);

  g_signal_handler_disconnect (label, handler);

  /* While only the first page was listed, the line was empty (or said
   * that it was counting); it never kept the 7 of the search before. */
  g_assert_cmpuint (log.texts->len, >, 0);
  for (guint i = 0; i < log.texts->len; i++)
    {
      const char *text = log.texts->pdata[i];
      guint n_rows = g_array_index (log.n_rows, guint, i);

      g_test_message ("count line: “%s” with %u rows", text, n_rows);
      if (n_rows < N_GENERATED)
        g_assert_true (text[0] == '\0' || g_str_equal (text, "Counting…"));
      else
        g_assert_cmpstr (text, ==, all_generated.count);
    }
  /* The first page did come before the rest. */
  g_assert_cmpuint (g_array_index (log.n_rows, guint, 0), <, N_GENERATED);

  g_ptr_array_unref (log.texts);
  g_array_unref (log.n_rows);

  search (f, "");
  g_assert_true (wait_until (f, count_says, "1507 articles"));
}

static void
test_search_newest_wins (Fixture       *f,
                         gconstpointer  data)
{
  static const Shown two = { 2, "2 articles" };
  gint64 settle;

  /* Three searches, each started before the last one returned: only the
   * last may fill the list, whatever order the threads finish in. */
  search_now (f, "vientiane");
  search_now (f, "xylophonequokka");
  search_now (f, "vss OR lsso");
  g_assert_true (wait_until (f, rows_and_count_shown, &two));

  /* And it stays so once every older search has had time to return. */
  settle = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < settle)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (rows_and_count_shown (f, &two));
}

static void
test_search_hostile (Fixture       *f,
                     gconstpointer  data)
{
  static const Shown social = { 5, "5 articles" };
  static const Shown everything = { N_SAMPLE_ARTICLES, "7 articles" };
  g_autoptr(GString) junk = g_string_new (NULL);

  /* An unbalanced quote: the phrase so far. */
  search (f, "\"social");
  g_assert_true (wait_until (f, rows_and_count_shown, &social));

  /* FTS5 syntax is just text: no error, no match. */
  search (f, "NEAR(");
  g_assert_true (wait_until (f, searched_to_nothing, NULL));
  g_assert_true (status_page_shown (f, "No Articles Found"));

  search (f, "\"social");
  g_assert_true (wait_until (f, rows_and_count_shown, &social));

  /* Operators with nothing to work on search for everything. */
  search (f, "OR OR - title:");
  g_assert_true (wait_until (f, rows_and_count_shown, &everything));

  /* A page of junk is searched for, not rejected. */
  for (guint i = 0; junk->len < 10000; i++)
    g_string_append (junk, (const char *[]) { "\"(", "NEAR(", "*", "-", ":", "^", "OR", "{x}", " " }[i % 9]);
  search (f, junk->str);
  g_assert_true (wait_until (f, searched_to_nothing, NULL));
}

static gboolean
article_view_contains (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *text = article_view_text (f);

  return strstr (text, data) != NULL;
}

/* The label of @row whose text (what is drawn, after any markup is
 * parsed) contains @needle, or NULL. */
static GtkLabel *
row_label_containing (MkArticleRow *row,
                      const char   *needle)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  mk_test_collect_widgets (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), needle) != NULL)
      return g_ptr_array_index (labels, i);
  return NULL;
}

/* A title and a body full of Pango markup, HTML and entities are shown as
 * the text they are: nothing is bold, nothing is lost, nothing is run. */
static void
test_hostile_title_shown_as_text (Fixture       *f,
                                  gconstpointer  data)
{
  static const char title[] = "<b>x</b> & <script>";
  static const char text[] =
    "<b>x</b> & <script>\n\n"
    "Tom &amp; Jerry <i>said</i> hello from Vientiane. <script>alert('x')</script>\n";
  g_autoptr(MkImporter) importer = mk_importer_new (f->store);
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkLabel *title_label, *snippet_label;

  g_assert_true (mk_importer_import_bytes (importer, bytes, "file:///tmp/hostile.txt", NULL, &error));
  g_assert_no_error (error);

  search (f, "Jerry");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (1)));
  rows = shown_rows (f);

  /* The title as typed: the tags are characters, not formatting. */
  title_label = row_label_containing (g_ptr_array_index (rows, 0), title);
  g_assert_nonnull (title_label);
  g_assert_cmpstr (gtk_label_get_text (title_label), ==, title);
  g_assert_false (gtk_label_get_use_markup (title_label));

  /* The snippet is markup (the match in bold), but the article's own tags
   * and entities reach the screen as text. */
  snippet_label = row_label_containing (g_ptr_array_index (rows, 0), "Jerry");
  g_assert_nonnull (snippet_label);
  g_assert_nonnull (strstr (gtk_label_get_text (snippet_label), "Tom &amp; Jerry <i>said</i>"));

  g_assert_true (wait_until (f, article_view_contains, "Tom &amp; Jerry <i>said</i> hello"));
  g_assert_true (wait_until (f, article_view_contains, "<script>alert('x')</script>"));
}

static gint64
count_where (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The window closed while it imports the samples (first start): the
 * import, in its own thread and connection, finishes or stops between
 * files (each file is a transaction); either way the archive is intact
 * and each sample is there whole or not at all: sample 000 and the two
 * teasers of its "Related" block are there together or not at all. */
static void
test_closed_during_import (Fixture       *f,
                           gconstpointer  data)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 n_000;

  fixture_open_window (f);
  fixture_close_window (f);

  g_assert_cmpint (sqlite3_open_v2 (f->archive_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_test_message ("%" G_GINT64_FORMAT " of %d articles in when the window closed",
                  count_where (db, "SELECT count(*) FROM articles"), N_SAMPLE_ARTICLES);
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM articles"), <=, N_SAMPLE_ARTICLES);
  n_000 = count_where (db, "SELECT count(*) FROM articles WHERE guid LIKE '%000_41cb3770481506ec%'");
  g_assert_true (n_000 == 0 || n_000 == 1 + N_EXCERPTS);
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM articles WHERE body = ''"), ==, 0);
  sqlite3_close (db);

  /* The archive still opens, in a window, for the teardown to close. */
  fixture_open_window (f);
  g_assert_true (wait_until (f, window_shown, NULL));
}

static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_sort_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  static const Shown four = { 4, "4 articles" };
  static const char * const oldest[] = { "2022-11-30", "2025-11-11", NULL, NULL };
  g_autofree char *sort_order = NULL;
  GListModel *model = window_model (f);
  g_autoptr(GArray) newest_ids = NULL;
  g_autoptr(GArray) ids = NULL;

  /* 003 (2022), 004 (2025), and two undated ones mention Laos without
   * Vientiane. Newest first by default. */
  search (f, "laos -vientiane");
  g_assert_true (wait_until (f, rows_and_count_shown, &four));
  g_assert_true (first_published_is (f, "2025-11-11"));
  newest_ids = shown_ids (f);

  /* Oldest first: dated articles by date, the undated ones last. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sort-order",
                                             "s", "oldest"));
  g_assert_true (wait_until (f, first_published_is, "2022-11-30"));
  g_assert_true (wait_until (f, rows_and_count_shown, &four));
  for (guint i = 0; i < G_N_ELEMENTS (oldest); i++)
    {
      g_autoptr(MkArticle) article = g_list_model_get_item (model, i);
      const char *published = mk_article_get_published (article);

      if (oldest[i] == NULL)
        g_assert_true (published == NULL || published[0] == '\0');
      else
        g_assert_cmpstr (published, ==, oldest[i]);
    }

  /* The menu's state is the window's property, and the setting keeps it. */
  g_object_get (f->window, "sort-order", &sort_order, NULL);
  g_assert_cmpstr (sort_order, ==, "oldest");
  g_assert_cmpint (g_settings_get_enum (settings, "sort-order"), ==, 1);

  /* By relevance: the only one with Laos in its title comes first, and
   * the same articles are listed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sort-order",
                                             "s", "relevance"));
  g_assert_true (wait_until (f, first_title_mentions, "Laos"));
  g_assert_true (wait_until (f, rows_and_count_shown, &four));
  ids = shown_ids (f);
  assert_same_ids (ids, newest_ids);
  assert_setting (settings, "sort-order", "relevance");

  /* A new window sorts the way the last one did. */
  fixture_close_window (f);
  fixture_open_window (f);
  g_clear_pointer (&sort_order, g_free);
  g_object_get (f->window, "sort-order", &sort_order, NULL);
  g_assert_cmpstr (sort_order, ==, "relevance");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));

  /* And back to newest first from the settings too. */
  search (f, "laos -vientiane");
  g_assert_true (wait_until (f, first_title_mentions, "Laos"));
  g_settings_set_string (settings, "sort-order", "newest");
  g_assert_true (wait_until (f, first_published_is, "2025-11-11"));
}

static void
test_search_action_focuses_entry (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *entry = mk_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));

  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
test_size_is_remembered (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int width, height;

  /* The size the window has went to the settings (the height asked for by
   * the fixture is more than the screen has, so it is what X gave)… */
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), >, 0);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), <=, 1600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* …and the next window starts with the size the settings hold. */
  g_settings_set_int (settings, "window-width", 1040);
  g_settings_set_int (settings, "window-height", 610);
  fixture_close_window (f);
  f->window = mk_window_new (NULL, f->store);
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 1040);
  g_assert_cmpint (height, ==, 610);

  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));
}

/* The list's width and the side pane's page come back with the window. */
static void
test_panes_are_remembered (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *page = NULL;
  AdwViewStack *stack = mk_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK);
  GtkPaned *list_paned = GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (article_list_view (f)),
                                                             GTK_TYPE_PANED));

  gtk_paned_set_position (list_paned, 333);
  adw_view_stack_set_visible_child_name (stack, "map");
  g_assert_cmpint (g_settings_get_int (settings, "list-pane-position"), ==, 333);
  page = g_settings_get_string (settings, "side-page");
  g_assert_cmpstr (page, ==, "map");

  fixture_close_window (f);
  fixture_open_window (f);
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));
  stack = mk_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK);
  list_paned = GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (article_list_view (f)), GTK_TYPE_PANED));
  g_assert_cmpint (gtk_paned_get_position (list_paned), ==, 333);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "map");

  g_settings_reset (settings, "list-pane-position");
  g_settings_reset (settings, "side-page");
}

static void
test_reopen_does_not_import_again (Fixture       *f,
                                   gconstpointer  data)
{
  /* A second start on the same archive shows the same articles. */
  fixture_close_window (f);
  fixture_open_window (f);

  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));
  g_assert_cmpint (mk_store_count_articles (f->store, NULL), ==, N_SAMPLE_ARTICLES);
}

/* --- importing ------------------------------------------------------------- */

/* A label with exactly this text is on screen (a toast, say). */
static gboolean
label_shown (Fixture       *f,
             gconstpointer  data)
{
  return mk_test_label_shown (GTK_WIDGET (f->window), data);
}

static gboolean
import_progress_shown (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *bar = mk_test_find_by_css_class (GTK_WIDGET (f->window), "import-progress");

  return gtk_widget_get_mapped (bar);
}

static gboolean
import_progress_hidden (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *bar = mk_test_find_by_css_class (GTK_WIDGET (f->window), "import-progress");
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_ancestor (bar, GTK_TYPE_REVEALER));

  return !gtk_revealer_get_reveal_child (revealer);
}

static gboolean
selected_title_is (Fixture       *f,
                   gconstpointer  data)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (window_model (f));
  MkArticle *selected = gtk_single_selection_get_selected_item (selection);

  return selected != NULL && g_strcmp0 (mk_article_get_title (selected), data) == 0;
}

/* The list holds @data articles (not all of them need fit on screen). */
static gboolean
list_holds (Fixture       *f,
            gconstpointer  data)
{
  return g_list_model_get_n_items (window_model (f)) == GPOINTER_TO_UINT (data);
}

static char *
write_article (const char *dir,
               const char *name,
               const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* Import Folder… (the chooser hands its folder to mk_window_import()):
 * progress shows while it runs, the new articles join the list, a toast
 * says how many arrived and another that one file could not be read. */
static void
test_import_folder (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->tmpdir, "incoming", NULL);
  g_autofree char *school = g_build_filename (folder, "a.txt", NULL);
  const char *paths[] = { folder, NULL };
  const char *good[] = { school, NULL };

  g_assert_no_errno (g_mkdir (folder, 0700));
  g_free (write_article (folder, "a.txt", "Laos opens a school\n\nVientiane (KPL) - A new school opened in Xaysettha district.\n"));
  g_free (write_article (folder, "b.txt", "Quang Nam builds a bridge\n\nQuang Nam (VNA) - A bridge over the Thu Bon river opened.\n"));
  g_free (write_article (folder, "c.txt", "\x89PNG\r\n\x1a\n"));

  g_assert_true (mk_window_import (f->window, paths, FALSE));
  g_assert_true (wait_until (f, import_progress_shown, NULL));
  g_assert_true (wait_until (f, list_holds, GUINT_TO_POINTER (N_SAMPLE_ARTICLES + 2)));
  g_assert_true (wait_until (f, import_progress_hidden, NULL));
  g_assert_true (wait_until (f, label_shown, "1 file could not be imported"));
  g_assert_cmpint (mk_store_count_articles (f->store, NULL), ==, N_SAMPLE_ARTICLES + 2);

  /* Twice more, the second asked for while the first runs: they run one
   * after the other, and add nothing. */
  g_assert_true (mk_window_import (f->window, paths, FALSE));
  g_assert_true (mk_window_import (f->window, good, FALSE));
  g_assert_true (wait_until (f, label_shown, "No new articles: they are all in the archive already"));
  g_assert_true (wait_until (f, import_progress_hidden, NULL));
  g_assert_true (wait_until (f, list_holds, GUINT_TO_POINTER (N_SAMPLE_ARTICLES + 2)));
  g_assert_cmpint (mk_store_count_articles (f->store, NULL), ==, N_SAMPLE_ARTICLES + 2);

  mk_test_remove_tmpdir (folder);
}

/* Files dropped on the window: its drop target takes a file list, as a
 * file manager's drag gives it, and imports them like Import Files…. */
static void
test_import_dropped_files (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = write_article (f->tmpdir, "dropped.txt",
                                         "Vientiane trains nurses\n\nVientiane (KPL) - Forty nurses finished a course.\n");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  files = g_slist_append (files, g_file_new_for_path (path));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);

  g_assert_true (accepted);
  g_assert_true (wait_until (f, label_shown, "Imported 1 new article"));
  g_assert_true (wait_until (f, list_holds, GUINT_TO_POINTER (N_SAMPLE_ARTICLES + 1)));
  g_assert_no_errno (g_unlink (path));
}

/* `mekong FILE` from a file manager: the file's article is what the
 * reading pane shows once it is in. */
static void
test_import_shows_opened_file (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = write_article (f->tmpdir, "opened.txt",
                                         "Nghe An trains workers\n\nNghe An (VNA) - Two hundred workers finished a course before leaving for Laos.\n");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  const char *uris[] = { uri, NULL };

  g_assert_true (mk_window_import (f->window, uris, TRUE));
  g_assert_true (wait_until (f, label_shown, "Imported 1 new article"));
  g_assert_true (wait_until (f, selected_title_is, "Nghe An trains workers"));
  g_assert_true (wait_until (f, article_view_shows,
                             "Nghe An (VNA) - Two hundred workers finished a course before leaving for Laos."));
  g_assert_no_errno (g_unlink (path));
}

/* --- the entity pane ------------------------------------------------------- */

static MkEntityPanel *
entity_panel (Fixture *f)
{
  return mk_window_get_entity_panel (f->window);
}

/* The panel's row model item named @name in the list of @type, or NULL. */
static MkEntity *
panel_entity (Fixture      *f,
              MkEntityType  type,
              const char   *name)
{
  GListModel *model = mk_entity_panel_get_entities (entity_panel (f), type);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MkEntity) entity = g_list_model_get_item (model, i);

      if (g_strcmp0 (mk_entity_get_name (entity), name) == 0)
        return entity;
    }

  return NULL;
}

static guint
panel_position (Fixture      *f,
                MkEntityType  type,
                const char   *name)
{
  GListModel *model = mk_entity_panel_get_entities (entity_panel (f), type);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MkEntity) entity = g_list_model_get_item (model, i);

      if (g_strcmp0 (mk_entity_get_name (entity), name) == 0)
        return i;
    }

  g_assert_not_reached ();
}

static gboolean
panel_shows (Fixture       *f,
             gconstpointer  data)
{
  return !mk_entity_panel_is_loading (entity_panel (f)) &&
         mk_test_find_label (GTK_WIDGET (entity_panel (f)), data) != NULL;
}

/* Selects the listed article whose body contains @words. */
static gint64
select_article_mentioning (Fixture    *f,
                           const char *words)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (window_model (f));

  for (guint i = 0; i < g_list_model_get_n_items (window_model (f)); i++)
    {
      g_autoptr(MkArticle) article = load_article (f, model_article_id (f, i));

      if (!mk_article_get_excerpt (article) && article_mentions (article, words))
        {
          gtk_single_selection_set_selected (selection, i);
          g_assert_true (wait_until (f, article_view_shows, mk_article_get_body (article)));
          return mk_article_get_id (article);
        }
    }

  g_assert_not_reached ();
}

/* The listed articles whose own entities (read article by article) include
 * @entity_id: what the filter must show, found another way. */
static GArray *
ids_naming_entity (Fixture *f,
                   gint64   entity_id)
{
  g_autoptr(GArray) all = mk_store_search_ids (f->store, NULL, MK_SORT_NEWEST, 0, NULL, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = g_array_index (all, gint64, i);
      g_autoptr(GPtrArray) entities = mk_store_get_article_entities (f->store, id, MK_ENTITY_TYPE_ANY, NULL);

      for (guint j = 0; j < entities->len; j++)
        if (mk_entity_get_id (g_ptr_array_index (entities, j)) == entity_id)
          {
            g_array_append_val (ids, id);
            break;
          }
    }

  return ids;
}

static GtkWidget *
filter_chip (Fixture *f)
{
  GtkWidget *chip = mk_test_find_by_css_class (GTK_WIDGET (f->window), "entity-chip");

  g_assert_nonnull (chip);
  return chip;
}

static gboolean
chip_shows (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *chip = filter_chip (f);

  if (data == NULL)
    return !gtk_widget_get_mapped (chip);

  return gtk_widget_get_mapped (chip) && mk_test_find_label (chip, data) != NULL;
}

static void
activate_panel_entity (Fixture      *f,
                       MkEntityType  type,
                       const char   *name)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GListModel *wanted = mk_entity_panel_get_entities (entity_panel (f), type);

  mk_test_collect_widgets (GTK_WIDGET (entity_panel (f)), GTK_TYPE_LIST_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkListView *view = g_ptr_array_index (views, i);

      if (gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_list_view_get_model (view))) == wanted)
        {
          /* What a click on the row does (single-click-activate). */
          g_signal_emit_by_name (view, "activate", panel_position (f, type, name));
          return;
        }
    }

  g_assert_not_reached ();
}

/* The place named @data (by its archive name) is among the rows. */
static gboolean
panel_done_loading (Fixture       *f,
                    gconstpointer  data)
{
  return !mk_entity_panel_is_loading (entity_panel (f)) &&
         panel_entity (f, MK_ENTITY_PLACE, data) != NULL;
}

/* The panel lists the article's entities by type, with counts; activating
 * one narrows the list to exactly the articles that name it and shows the
 * chip; activating it again, or the chip's close button, undoes that. */
static void
test_entity_panel_filters (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) shown = NULL;
  GtkWidget *close_button;
  MkEntity *vientiane;
  gint64 vientiane_id;

  select_article_mentioning (f, "Vientiane");
  g_assert_true (wait_until (f, panel_shows, "Vientiane"));
  vientiane = panel_entity (f, MK_ENTITY_PLACE, "Vientiane");
  g_assert_nonnull (vientiane);
  g_assert_null (panel_entity (f, MK_ENTITY_PERSON, "Vientiane"));
  /* Its count in this article is on screen beside it. */
  {
    g_autofree char *count = g_strdup_printf ("%u", mk_entity_get_mentions (vientiane)->len);
    GtkWidget *name = mk_test_find_label (GTK_WIDGET (entity_panel (f)), "Vientiane");

    g_assert_cmpuint (mk_entity_get_mentions (vientiane)->len, >, 0);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (name))), ==, count);
  }
  vientiane_id = mk_entity_get_id (vientiane);
  expected = ids_naming_entity (f, vientiane_id);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (expected->len, <, N_SAMPLE_ARTICLES);

  activate_panel_entity (f, MK_ENTITY_PLACE, "Vientiane");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (expected->len)));
  shown = shown_ids (f);
  assert_same_ids (shown, expected);
  g_assert_true (wait_until (f, chip_shows, "Place: Vientiane"));
  g_assert_cmpint (mk_entity_get_id (mk_window_get_filter_entity (f->window)), ==, vientiane_id);

  /* A second click on the same entity: everything again. (The article
   * now selected may write it otherwise: rows show the article's form.) */
  g_assert_true (wait_until (f, panel_done_loading, "Vientiane"));
  activate_panel_entity (f, MK_ENTITY_PLACE, "Vientiane");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));
  g_assert_true (wait_until (f, chip_shows, NULL));

  /* Filtering with words typed too: both apply; the chip's close button
   * takes the filter away and leaves the words. */
  select_article_mentioning (f, "Vientiane");
  g_assert_true (wait_until (f, panel_done_loading, "Vientiane"));
  activate_panel_entity (f, MK_ENTITY_PLACE, "Vientiane");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (expected->len)));
  search (f, "xylophonequokka");
  g_assert_true (wait_until (f, no_results_shown, NULL));
  search (f, "");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (expected->len)));

  close_button = mk_test_find_widget (filter_chip (f), GTK_TYPE_BUTTON);
  g_signal_emit_by_name (close_button, "clicked");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));
  g_assert_true (wait_until (f, chip_shows, NULL));
  g_assert_null (mk_window_get_filter_entity (f->window));
}

/* The character at @data is laid out where the view shows it. */
static gboolean
iter_on_screen (Fixture       *f,
                gconstpointer  data)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (mk_test_find_by_css_class (GTK_WIDGET (f->window), "article-body"));
  const GtkTextIter *iter = data;
  GdkRectangle location, visible;
  GtkTextIter there;

  gtk_text_view_get_iter_location (text_view, iter, &location);
  gtk_text_view_get_visible_rect (text_view, &visible);
  if (!gtk_text_view_get_iter_at_location (text_view, &there, location.x + 1,
                                           location.y + location.height / 2))
    return FALSE;

  return gtk_text_iter_equal (&there, iter) && location.height > 0 &&
         location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* The article's mentions are marked in its body, exactly on the names, by
 * type; a click on one filters like the panel. */
static void
test_entity_marks_in_body (Fixture       *f,
                           gconstpointer  data)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (mk_test_find_by_css_class (GTK_WIDGET (f->window), "article-body"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *person = gtk_text_tag_table_lookup (table, "person");
  GtkTextTag *place = gtk_text_tag_table_lookup (table, "place");
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) controllers = NULL;
  GtkGesture *click = NULL;
  GtkTextIter iter;
  GdkRectangle location;
  gint64 dam_id;
  int x, y;

  select_article_mentioning (f, "Vũ Đức Đam");
  g_assert_true (wait_until (f, panel_shows, "Vũ Đức Đam"));
  g_assert_nonnull (person);
  g_assert_nonnull (place);

  /* Every marked run of text, by type. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      for (guint k = 0; k < 2; k++)
        {
          GtkTextTag *tag = k == 0 ? person : place;
          GtkTextIter end = iter;

          if (!gtk_text_iter_starts_tag (&iter, tag))
            continue;
          gtk_text_iter_forward_to_tag_toggle (&end, tag);
          g_ptr_array_add (k == 0 ? people : places, gtk_text_iter_get_text (&iter, &end));
        }
    }
  while (gtk_text_iter_forward_char (&iter));

  g_assert_true (g_ptr_array_find_with_equal_func (people, "Vũ Đức Đam", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (people, "Đam", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (places, "Hà Nội", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (people, "Hà Nội", g_str_equal, NULL));

  /* A click in the middle of "Vũ Đức Đam". */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, "Vũ Đức Đam", 0, &iter, NULL, NULL));
  gtk_text_iter_forward_chars (&iter, 4);
  /* Lines are laid out lazily: bring this one on screen first, and wait
   * until the view's geometry there is settled. */
  gtk_text_view_scroll_to_iter (text_view, &iter, 0, FALSE, 0, 0);
  g_assert_true (wait_until (f, iter_on_screen, &iter));
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + location.height / 2, &x, &y);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (text_view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      /* Ours: the one that listens for releases to activate mentions. */
      if (GTK_IS_GESTURE_CLICK (controller) &&
          g_signal_has_handler_pending (controller, g_signal_lookup ("released", GTK_TYPE_GESTURE_CLICK), 0, FALSE))
        click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (click);

  dam_id = mk_entity_get_id (panel_entity (f, MK_ENTITY_PERSON, "Vũ Đức Đam"));
  g_signal_emit_by_name (click, "released", 1, (double) x, (double) y);
  g_assert_true (wait_until (f, chip_shows, "Person: Vũ Đức Đam"));
  g_assert_cmpint (mk_entity_get_id (mk_window_get_filter_entity (f->window)), ==, dam_id);
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (1)));
}

/* "All Results": the entities of every article found, counted over them,
 * most mentioned first; the choice is remembered. */
static void
test_entity_panel_results_scope (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *results_button = mk_test_find_label (GTK_WIDGET (entity_panel (f)), "All Results");
  g_autoptr(GArray) all = mk_store_search_ids (f->store, NULL, MK_SORT_NEWEST, 0, NULL, NULL);
  guint expected_mentions = 0;
  GListModel *places;
  MkEntity *laos;

  /* The label is the button's child. */
  results_button = gtk_widget_get_ancestor (results_button, GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (results_button);
  g_signal_emit_by_name (results_button, "clicked");
  g_assert_cmpstr (mk_entity_panel_get_scope (entity_panel (f)), ==, "results");
  {
    g_autofree char *scope = g_settings_get_string (settings, "entity-scope");

    g_assert_cmpstr (scope, ==, "results");
  }
  g_assert_true (wait_until (f, panel_done_loading, "Laos"));

  /* Laos's mentions over all seven articles, counted article by article. */
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(GPtrArray) entities = mk_store_get_article_entities (f->store, g_array_index (all, gint64, i),
                                                                     MK_ENTITY_PLACE, NULL);

      for (guint j = 0; j < entities->len; j++)
        if (g_str_equal (mk_entity_get_name (g_ptr_array_index (entities, j)), "Laos"))
          expected_mentions += mk_entity_get_mentions (g_ptr_array_index (entities, j))->len;
    }
  laos = panel_entity (f, MK_ENTITY_PLACE, "Laos");
  g_assert_cmpuint (mk_entity_get_n_mentions (laos), ==, expected_mentions);

  /* Most mentioned first. */
  places = mk_entity_panel_get_entities (entity_panel (f), MK_ENTITY_PLACE);
  for (guint i = 1; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(MkEntity) before = g_list_model_get_item (places, i - 1);
      g_autoptr(MkEntity) after = g_list_model_get_item (places, i);

      g_assert_cmpuint (mk_entity_get_n_mentions (before), >=, mk_entity_get_n_mentions (after));
    }

  /* A search narrows what is counted. */
  search (f, "Keo Chanthavixay");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (2)));
  g_assert_true (wait_until (f, panel_done_loading, "Laos"));
  g_assert_cmpuint (mk_entity_get_n_mentions (panel_entity (f, MK_ENTITY_PLACE, "Laos")), <, expected_mentions);
}

static MkEntityDetails *
details_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MK_IS_ENTITY_DETAILS (window))
        return MK_ENTITY_DETAILS (window);
    }

  return NULL;
}

static gboolean
details_loaded (Fixture       *f,
                gconstpointer  data)
{
  MkEntityDetails *details = details_window ();

  return details != NULL && !mk_entity_details_is_loading (details) &&
         mk_entity_details_get_entity (details) != NULL &&
         g_strcmp0 (mk_entity_get_name (mk_entity_details_get_entity (details)), data) == 0;
}

/* An entity's own window: its names, counts and company. */
static void
test_entity_details (Fixture       *f,
                     gconstpointer  data)
{
  MkEntityDetails *details;
  GListModel *related;
  gint64 laos_id;
  gboolean with_vientiane = FALSE;

  select_article_mentioning (f, "Vientiane");
  g_assert_true (wait_until (f, panel_shows, "Laos"));
  laos_id = mk_entity_get_id (panel_entity (f, MK_ENTITY_PLACE, "Laos"));

  gtk_widget_activate_action (GTK_WIDGET (entity_panel (f)), "win.show-entity", "x", laos_id);
  g_assert_true (wait_until (f, details_loaded, "Laos"));
  details = details_window ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (details)));
  g_assert_nonnull (mk_test_find_label (GTK_WIDGET (details), "Place"));

  related = mk_entity_details_get_related (details);
  g_assert_cmpuint (g_list_model_get_n_items (related), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (related); i++)
    {
      g_autoptr(MkEntity) entity = g_list_model_get_item (related, i);

      g_assert_cmpint (mk_entity_get_id (entity), !=, laos_id);
      with_vientiane |= g_str_equal (mk_entity_get_name (entity), "Vientiane");
    }
  g_assert_true (with_vientiane);

  /* "Show Its Articles": the main window filters by it. */
  {
    GtkWidget *label = mk_test_find_label (GTK_WIDGET (details), "Show Its Articles");
    GtkWidget *button = label ? gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON) : NULL;

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }
  g_assert_true (wait_until (f, chip_shows, "Place: Laos"));
}

/* --- the map page ---------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names on the map's markers, sorted and joined: "Laos, Vietnam". */
static char *
map_place_names (Fixture *f)
{
  MkMapView *map_view = mk_test_find_widget (GTK_WIDGET (f->window), MK_TYPE_MAP_VIEW);
  GList *markers = shumate_marker_layer_get_markers (mk_map_view_get_marker_layer (map_view));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (GList *l = markers; l != NULL; l = l->next)
    g_ptr_array_add (names, (gpointer) mk_entity_get_name (mk_map_marker_get_place (l->data)));
  g_list_free (markers);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

static gboolean
map_shows (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *names = map_place_names (f);

  return g_str_equal (names, data);
}

static gboolean
map_shows_article_places (Fixture       *f,
                          gconstpointer  data)
{
  const gint64 *article_id = data;
  g_autoptr(GPtrArray) places = mk_store_get_article_entities (f->store, *article_id,
                                                               MK_ENTITY_PLACE, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *expected = NULL;
  g_autofree char *shown = map_place_names (f);

  /* The article's places as its entities say, those the gazetteer
   * locates: what the map must show, found another way. */
  for (guint i = 0; i < places->len; i++)
    if (mk_entity_has_location (g_ptr_array_index (places, i)))
      g_ptr_array_add (names, (gpointer) mk_entity_get_name (g_ptr_array_index (places, i)));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  expected = g_strjoinv (", ", (char **) names->pdata);

  return names->len > 1 && g_str_equal (shown, expected);
}

static MkMapMarker *
map_marker (Fixture    *f,
            const char *name)
{
  MkMapView *map_view = mk_test_find_widget (GTK_WIDGET (f->window), MK_TYPE_MAP_VIEW);
  GList *markers = shumate_marker_layer_get_markers (mk_map_view_get_marker_layer (map_view));
  MkMapMarker *found = NULL;

  for (GList *l = markers; l != NULL; l = l->next)
    if (g_strcmp0 (mk_entity_get_name (mk_map_marker_get_place (l->data)), name) == 0)
      found = l->data;
  g_list_free (markers);

  return found;
}

/* The map page shows the places of every result, then of the one article
 * that names Nghe An; with the pane's scope on the article, the places of
 * the article being read; clicking a place narrows the list to the
 * articles naming it, as clicking it in the entity pane does. */
static void
test_map_page_follows_search (Fixture       *f,
                              gconstpointer  data)
{
  AdwViewStack *stack = mk_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK);
  GtkSearchEntry *entry = mk_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);
  MkMapView *map_view = mk_test_find_widget (GTK_WIDGET (f->window), MK_TYPE_MAP_VIEW);
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) shown = NULL;
  MkMapMarker *vientiane;
  gint64 article_id;

  /* The map's own All Results button: the entity pane follows it. */
  adw_view_stack_set_visible_child_name (stack, "map");
  {
    GtkWidget *toggles = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (map_view)));
    GtkToggleButton *results = GTK_TOGGLE_BUTTON (gtk_widget_get_last_child (toggles));

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (results)), ==, "All Results");
    g_signal_emit_by_name (results, "clicked");
    g_assert_true (gtk_toggle_button_get_active (results));
    g_assert_cmpstr (mk_entity_panel_get_scope (entity_panel (f)), ==, "results");
  }
  g_assert_true (wait_until (f, map_shows, "Hanoi, Laos, Nghe An, Quang Nam, Vientiane, Vietnam"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Nghệ An");
  g_assert_true (wait_until (f, map_shows, "Laos, Nghe An, Vietnam"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));
  mk_entity_panel_set_scope (entity_panel (f), "article");
  article_id = select_article_mentioning (f, "Quang Nam");
  g_assert_true (wait_until (f, map_shows_article_places, &article_id));

  /* A click on Vientiane's marker. */
  mk_entity_panel_set_scope (entity_panel (f), "results");
  g_assert_true (wait_until (f, map_shows, "Hanoi, Laos, Nghe An, Quang Nam, Vientiane, Vietnam"));
  vientiane = map_marker (f, "Vientiane");
  g_assert_nonnull (vientiane);
  expected = ids_naming_entity (f, mk_entity_get_id (mk_map_marker_get_place (vientiane)));
  g_assert_cmpuint (expected->len, <, N_SAMPLE_ARTICLES);
  g_signal_emit_by_name (map_view, "place-activated",
                         mk_entity_get_id (mk_map_marker_get_place (vientiane)));
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (expected->len)));
  shown = shown_ids (f);
  assert_same_ids (shown, expected);
  g_assert_true (wait_until (f, chip_shows, "Place: Vientiane"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Stack transitions would keep both pages mapped for a while. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)

  ADD ("/window/lists-samples", test_lists_samples, NULL);
  ADD ("/window/search/keo-chanthavixay", test_search_keo_chanthavixay, NULL);
  ADD ("/window/search/narrows/vientiane", test_search_narrows, "Vientiane");
  ADD ("/window/search/narrows/quynh-oanh", test_search_narrows, "Quynh Oanh");
  ADD ("/window/search/folds-diacritics", test_search_folds_diacritics, NULL);
  ADD ("/window/search/no-match", test_search_no_match, NULL);
  ADD ("/window/search/count-and-marks", test_search_count_and_marks, NULL);
  ADD ("/window/search/count-after-first-page", test_search_count_after_first_page, NULL);
  ADD ("/window/search/newest-wins", test_search_newest_wins, NULL);
  ADD ("/window/search/hostile", test_search_hostile, NULL);
  ADD ("/window/hostile-title-shown-as-text", test_hostile_title_shown_as_text, NULL);
  ADD ("/window/sort-order", test_sort_order, NULL);
  ADD ("/window/select/shows-body", test_selecting_shows_body, NULL);
  ADD ("/window/action/search", test_search_action_focuses_entry, NULL);
  ADD ("/window/reopen", test_reopen_does_not_import_again, NULL);
  g_test_add ("/window/closed-during-import", Fixture, NULL,
              fixture_setup_empty, test_closed_during_import, fixture_teardown);
  ADD ("/window/settings/size", test_size_is_remembered, NULL);
  ADD ("/window/settings/panes", test_panes_are_remembered, NULL);
  ADD ("/window/import/folder", test_import_folder, NULL);
  ADD ("/window/import/shows-opened-file", test_import_shows_opened_file, NULL);
  ADD ("/window/import/dropped-files", test_import_dropped_files, NULL);
  ADD ("/window/entities/filter", test_entity_panel_filters, NULL);
  ADD ("/window/entities/marks", test_entity_marks_in_body, NULL);
  ADD ("/window/entities/results-scope", test_entity_panel_results_scope, NULL);
  ADD ("/window/entities/details", test_entity_details, NULL);
  ADD ("/window/map/follows-search", test_map_page_follows_search, NULL);

#undef ADD

  return g_test_run ();
}
