/* test-window-feeds.c — adding and fetching a feed from the main window
 *
 * In-process under Xvfb, as a person would: open the Add Feed dialog, type
 * the address of a page served by a local SoupServer (127.0.0.1, started
 * and stopped by each test), wait for the dialog to find its feed, add it,
 * and see the feed's articles appear in the list and the feed in the
 * feeds popover. Every wait is bounded.
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "mk-add-feed-dialog.h"
#include "mk-feeds-popover.h"
#include "mk-window.h"
#include "mk-test-http.h"
#include "mk-test-ui.h"

#define N_SAMPLE_ARTICLES 7
#define TIMEOUT_SECONDS   30

#define FEED_TITLE   "Local Outlet"
#define STORY_TITLE  "Labour pact signed in Vientiane"

typedef struct
{
  char       *tmpdir;
  char       *archive_path;
  MkStore    *store;
  MkWindow   *window;
  MkTestHttp *http;
  guint       n_requests;
  guint       n_slow_pending;  /* slow answers not yet given */
} Fixture;

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

/* Runs the main loop until @condition holds, for at most TIMEOUT_SECONDS. */
static gboolean
wait_until (Fixture       *f,
            Condition      condition,
            gconstpointer  data)
{
  return mk_test_wait_until (MK_TEST_CONDITION (condition), f, data, TIMEOUT_SECONDS);
}

/* The articles the list shows, as its model gives them. */
static GListModel *
window_model (Fixture *f)
{
  GtkWidget *list_view = mk_test_find_by_css_class (GTK_WIDGET (f->window), "article-list");

  g_assert_true (GTK_IS_LIST_VIEW (list_view));
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
}

static gboolean
n_articles_listed (Fixture       *f,
                   gconstpointer  data)
{
  return g_list_model_get_n_items (window_model (f)) == GPOINTER_TO_UINT (data);
}

static gboolean
article_listed (Fixture       *f,
                gconstpointer  data)
{
  GListModel *model = window_model (f);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MkArticle) article = g_list_model_get_item (model, i);

      if (g_strcmp0 (mk_article_get_title (article), data) == 0)
        return TRUE;
    }
  return FALSE;
}

static MkAddFeedDialog *
find_dialog (void)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MK_IS_ADD_FEED_DIALOG (window))
        return MK_ADD_FEED_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (Fixture       *f,
              gconstpointer  data)
{
  MkAddFeedDialog *dialog = find_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_gone (Fixture       *f,
             gconstpointer  data)
{
  return find_dialog () == NULL;
}

static gboolean
add_enabled (Fixture       *f,
             gconstpointer  data)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (find_dialog ()), "add");
}

/* Whether a label in @root reads @text, as a person would see it. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  mk_test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
dialog_says (Fixture       *f,
             gconstpointer  data)
{
  return shows_text (GTK_WIDGET (find_dialog ()), data);
}

/* Clicks the button labelled @label, as a person would. */
static void
click_button (GtkWidget  *root,
              const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  mk_test_collect_widgets (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      {
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
        return;
      }
  g_assert_not_reached ();
}

/* The feeds popover lists the feed with its two articles. */
static gboolean
feed_row_shown (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *popover = mk_test_find_widget (GTK_WIDGET (f->window), MK_TYPE_FEEDS_POPOVER);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  mk_test_collect_widgets (popover, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), data) == 0 &&
          shows_text (GTK_WIDGET (row), "2"))
        return TRUE;
    }
  return FALSE;
}

static gboolean
feed_row_has_error (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *popover = mk_test_find_widget (GTK_WIDGET (f->window), MK_TYPE_FEEDS_POPOVER);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  mk_test_collect_widgets (popover, ADW_TYPE_ACTION_ROW, rows);
  return rows->len == 1 &&
         g_strcmp0 (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), data) == 0;
}

/* The server ------------------------------------------------------------------ */

/* Slow feeds: N_SLOW_FEEDS of N_SLOW_ITEMS items each, every answer
 * SLOW_ANSWER_MS late, on two hosts (so two at a time). */
#define N_SLOW_FEEDS   12
#define N_SLOW_ITEMS   20
#define SLOW_ANSWER_MS 400

typedef struct {
  Fixture *f;
  SoupServerMessage *message;
  char *body;
  gboolean finished;
} SlowAnswer;

static char *
slow_feed_xml (guint feed)
{
  GString *xml = g_string_new (NULL);

  g_string_append_printf (xml, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                               "<title>Slow outlet %u</title><link>https://slow.example/%u/</link>",
                          feed, feed);
  for (guint item = 0; item < N_SLOW_ITEMS; item++)
    g_string_append_printf (xml, "<item><guid>slow-%u-%u</guid><link>https://slow.example/%u/%u</link>"
                                 "<title>Slow story %u of outlet %u</title>"
                                 "<description>Delegates met in Vientiane and Hanoi, story %u.</description>"
                                 "</item>",
                            feed, item, feed, item, item, feed, item);
  g_string_append (xml, "</channel></rss>");
  return g_string_free (xml, FALSE);
}

static void
slow_answer_finished (SoupServerMessage *message,
                      SlowAnswer        *answer)
{
  answer->finished = TRUE;
}

static gboolean
give_slow_answer (gpointer data)
{
  SlowAnswer *answer = data;

  /* A client that gave up (the window closed) is not answered. */
  if (!answer->finished)
    {
      soup_server_message_set_status (answer->message, 200, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (answer->message),
                                    "ETag", "\"slow-v1\"");
      soup_server_message_set_response (answer->message, "application/rss+xml", SOUP_MEMORY_COPY,
                                        answer->body, strlen (answer->body));
      soup_server_message_unpause (answer->message);
    }
  answer->f->n_slow_pending--;
  return G_SOURCE_REMOVE;
}

static void
slow_answer_free (gpointer data)
{
  SlowAnswer *answer = data;

  g_signal_handlers_disconnect_by_data (answer->message, answer);
  g_object_unref (answer->message);
  g_free (answer->body);
  g_free (answer);
}

static void
answer_slowly (Fixture           *f,
               SoupServerMessage *message,
               const char        *path)
{
  SlowAnswer *answer;
  guint feed;

  if (sscanf (path, "/slow-%u.xml", &feed) != 1 || feed >= N_SLOW_FEEDS)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }

  answer = g_new0 (SlowAnswer, 1);
  answer->f = f;
  answer->message = g_object_ref (message);
  answer->body = slow_feed_xml (feed);
  g_signal_connect (message, "finished", G_CALLBACK (slow_answer_finished), answer);
  soup_server_message_pause (message);
  f->n_slow_pending++;
  g_timeout_add_full (G_PRIORITY_DEFAULT, SLOW_ANSWER_MS, give_slow_answer, answer, slow_answer_free);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           data)
{
  Fixture *f = data;
  g_autofree char *body = NULL;
  const char *type = "text/html";

  f->n_requests++;
  if (g_str_has_prefix (path, "/slow-"))
    {
      answer_slowly (f, message, path);
      return;
    }
  if (g_str_equal (path, "/news/"))
    body = g_strdup ("<!DOCTYPE html><html><head><title>News</title>"
                     "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\">"
                     "</head><body>News</body></html>");
  else if (g_str_equal (path, "/news/feed.xml"))
    {
      type = "application/atom+xml";
      body = g_strdup ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                       "<title>" FEED_TITLE "</title>"
                       "<entry><id>tag:local,1</id><title>" STORY_TITLE "</title>"
                       "<link href=\"/news/1\"/><updated>2026-11-23T01:00:00Z</updated>"
                       "<content type=\"html\">&lt;p&gt;The ministers met in Vientiane.&lt;/p&gt;</content></entry>"
                       "<entry><id>tag:local,2</id><title>A second local story</title>"
                       "<link href=\"/news/2\"/><updated>2026-11-22T01:00:00Z</updated>"
                       "<summary>More news.</summary></entry></feed>");
    }

  if (body == NULL)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, type, SOUP_MEMORY_COPY, body, strlen (body));
}

/* The fixture ----------------------------------------------------------------- */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = mk_test_archive_open ("mekong-test-window-feeds-XXXXXX", &f->tmpdir, &f->archive_path);

  f->http = mk_test_http_new (handle, f);

  f->window = mk_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 1600);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (f, n_articles_listed, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_true (mk_test_destroy_window ((gpointer *) &f->window, TIMEOUT_SECONDS));
  g_clear_pointer (&f->http, mk_test_http_free);
  mk_test_drain_main_context ();
  g_assert_finalize_object (f->store);
  mk_test_remove_tmpdir (f->tmpdir);
  g_free (f->archive_path);
  g_free (f->tmpdir);
}

/* Tests --------------------------------------------------------------------------- */

static void
test_add_feed_from_page (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *page = mk_test_http_url (f->http, "127.0.0.1", "/news/");
  MkAddFeedDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-feed", NULL);
  g_assert_true (wait_until (f, dialog_shown, NULL));
  dialog = find_dialog ();

  /* Not an address yet: said, and nothing to add. */
  mk_add_feed_dialog_set_url (dialog, "news page");
  g_assert_true (wait_until (f, dialog_says, "starts with http:// or https://"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));

  /* The page's address: the dialog finds the feed it links to. */
  mk_add_feed_dialog_set_url (dialog, page);
  g_assert_true (wait_until (f, add_enabled, NULL));
  g_assert_true (dialog_says (f, "Found “" FEED_TITLE "”"));

  click_button (GTK_WIDGET (dialog), "_Add");
  g_assert_true (wait_until (f, dialog_gone, NULL));

  /* Its articles arrive in the list without a restart, and the feed is
   * listed with its count. */
  g_assert_true (wait_until (f, article_listed, STORY_TITLE));
  g_assert_true (wait_until (f, n_articles_listed, GUINT_TO_POINTER (N_SAMPLE_ARTICLES + 2)));
  g_assert_true (wait_until (f, feed_row_shown, FEED_TITLE));
}

static void
test_fetch_shows_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *url = mk_test_http_url (f->http, "127.0.0.1", "/gone.xml");
  g_autoptr(MkFeedSource) feed = NULL;
  g_autoptr(GError) error = NULL;
  guint n_requests;

  feed = mk_store_add_feed (f->store, url, "Gone Outlet", NULL, &error);
  g_assert_no_error (error);

  /* The list of feeds is read when the window opens; reopen it. */
  g_assert_true (mk_test_destroy_window ((gpointer *) &f->window, TIMEOUT_SECONDS));
  f->window = mk_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (f, n_articles_listed, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));

  n_requests = f->n_requests;
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.fetch-feeds", NULL);
  /* The badge row says why; the list is as it was. */
  g_assert_true (wait_until (f, feed_row_has_error, "HTTP 404 Not Found"));
  g_assert_cmpuint (f->n_requests, ==, n_requests + 1);
  g_assert_true (n_articles_listed (f, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));
}

/* Closed while fetching ------------------------------------------------------ */

static gint64
archive_count (sqlite3    *db,
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

/* The slow feeds' state in the archive, read with SQLite directly: the
 * file is intact; each feed holds all of its items or none, and keeps an
 * ETag only with all of them (else the next fetch would get a 304 and
 * never bring them). Returns how many feeds are whole. */
static guint
check_slow_feeds (Fixture *f)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_whole = 0;

  g_assert_cmpint (sqlite3_open_v2 (f->archive_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (archive_count (db, "SELECT count(*) FROM articles WHERE url LIKE 'https://slow.example/%'"), ==,
                   archive_count (db, "SELECT count(DISTINCT url) FROM articles WHERE url LIKE 'https://slow.example/%'"));
  g_assert_cmpint (archive_count (db, "SELECT count(*) FROM articles WHERE body = ''"), ==, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT s.location, s.etag,"
                                           " (SELECT count(*) FROM articles a WHERE a.source_id = s.id)"
                                           " FROM sources s WHERE s.kind = 'feed'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *etag = (const char *) sqlite3_column_text (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);

      g_test_message ("%s: %" G_GINT64_FORMAT " articles, ETag %s",
                      (const char *) sqlite3_column_text (stmt, 0), n, etag ? etag : "none");
      g_assert_true (n == 0 || n == N_SLOW_ITEMS);
      g_assert_true ((etag != NULL) == (n == N_SLOW_ITEMS));
      n_whole += n == N_SLOW_ITEMS;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n_whole;
}

static gboolean
slow_feeds_listed (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *popover = mk_test_find_widget (GTK_WIDGET (f->window), MK_TYPE_FEEDS_POPOVER);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  mk_test_collect_widgets (popover, ADW_TYPE_ACTION_ROW, rows);
  return rows->len == N_SLOW_FEEDS;
}

static gboolean
feeds_whole (Fixture       *f,
             gconstpointer  data)
{
  gint64 n = mk_store_count_articles (f->store, NULL) - N_SAMPLE_ARTICLES;

  return n >= GPOINTER_TO_INT (data) * N_SLOW_ITEMS;
}

static gboolean
window_gone (Fixture       *f,
             gconstpointer  data)
{
  return f->window == NULL;
}

static gboolean
fetch_idle (Fixture       *f,
            gconstpointer  data)
{
  return f->n_slow_pending == 0;
}

static gboolean
can_fetch (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *popover = mk_test_find_widget (GTK_WIDGET (f->window), MK_TYPE_FEEDS_POPOVER);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  /* The popover's Fetch button, enabled again once a fetch is over. */
  mk_test_collect_widgets (popover, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "win.fetch-feeds") == 0)
      return gtk_widget_is_sensitive (g_ptr_array_index (buttons, i));
  g_assert_not_reached ();
}

static void
open_window_with_feeds (Fixture *f)
{
  f->window = mk_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 1600);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (f, slow_feeds_listed, NULL));
  g_assert_true (can_fetch (f, NULL));
}

/* The window closed while it fetches slow feeds (Ctrl+R, win.fetch-feeds):
 * closing does not wait for the fetch (the main loop turns on), the fetch
 * stops (no request after), the window goes; the archive is intact, the
 * feeds stored before the close are there whole, the others untouched. A
 * new window on the archive then fetches them all. */
static void
test_closed_during_fetch (Fixture       *f,
                          gconstpointer  data)
{
  gint64 start, destroy_us, gone_us;
  guint n_whole, n_requests;

  for (guint i = 0; i < N_SLOW_FEEDS; i++)
    {
      g_autofree char *path = g_strdup_printf ("/slow-%u.xml", i);
      g_autofree char *url = mk_test_http_url (f->http, i % 2 ? "localhost" : "127.0.0.1", path);
      g_autoptr(MkFeedSource) feed = NULL;
      g_autoptr(GError) error = NULL;

      feed = mk_store_add_feed (f->store, url, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  /* The feeds are read when the window opens. */
  g_assert_true (mk_test_destroy_window ((gpointer *) &f->window, TIMEOUT_SECONDS));
  open_window_with_feeds (f);

  /* Closed once two feeds are in, the others on their way. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.fetch-feeds", NULL);
  g_assert_true (wait_until (f, feeds_whole, GINT_TO_POINTER (2)));
  g_assert_false (can_fetch (f, NULL));

  start = g_get_monotonic_time ();
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  destroy_us = g_get_monotonic_time () - start;
  g_assert_true (wait_until (f, window_gone, NULL));
  gone_us = g_get_monotonic_time () - start;
  g_test_message ("closing took %" G_GINT64_FORMAT " ms; the window was gone after %" G_GINT64_FORMAT " ms",
                  destroy_us / 1000, gone_us / 1000);
  /* Closing does not wait for the fetch (the slow feeds left would take
   * seconds more), and the window goes with it. The bounds allow for
   * the sanitizers, under which GTK's own teardown of the window takes
   * some 2 s; without them both take some 50 ms. */
  g_assert_cmpint (destroy_us, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (gone_us - destroy_us, <, 2 * G_USEC_PER_SEC);

  /* No request after the close; the answers the server still owed are
   * let go. */
  n_requests = f->n_requests;
  g_assert_true (wait_until (f, fetch_idle, NULL));
  mk_test_settle (500);
  g_assert_cmpuint (f->n_requests, ==, n_requests);

  n_whole = check_slow_feeds (f);
  g_test_message ("%u of %d feeds were stored when the window closed", n_whole, N_SLOW_FEEDS);
  g_assert_cmpuint (n_whole, >=, 2);
  g_assert_cmpuint (n_whole, <, N_SLOW_FEEDS);

  /* A new window on the archive fetches the rest. */
  open_window_with_feeds (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.fetch-feeds", NULL);
  g_assert_true (wait_until (f, n_articles_listed,
                             GUINT_TO_POINTER (N_SAMPLE_ARTICLES + N_SLOW_FEEDS * N_SLOW_ITEMS)));
  g_assert_true (wait_until (f, can_fetch, NULL));
  g_assert_cmpuint (check_slow_feeds (f), ==, N_SLOW_FEEDS);
  g_assert_true (wait_until (f, fetch_idle, NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/window-feeds/add-feed-from-page", Fixture, NULL,
              fixture_setup, test_add_feed_from_page, fixture_teardown);
  g_test_add ("/window-feeds/fetch-shows-errors", Fixture, NULL,
              fixture_setup, test_fetch_shows_errors, fixture_teardown);
  g_test_add ("/window-feeds/closed-during-fetch", Fixture, NULL,
              fixture_setup, test_closed_during_fetch, fixture_teardown);

  return g_test_run ();
}
