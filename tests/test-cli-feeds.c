/* test-cli-feeds.c — mekong-cli's feed commands, against a local server
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real binary runs as a child while this process serves its feeds on
 * 127.0.0.1 (the main loop turns while the child runs). Every wait is
 * bounded; the server stops with the test.
 */
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "mk-test-http.h"

#define WAIT_SECONDS 60

typedef struct {
  char *dir;
  char *archive;
  MkTestHttp *http;
  GHashTable *pages;    /* path -> body */
  guint n_requests;
} Fixture;

typedef struct {
  int status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_free (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           data)
{
  Fixture *f = data;
  const char *body = g_hash_table_lookup (f->pages, path);

  f->n_requests++;
  if (body == NULL)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message,
                                    g_str_has_suffix (path, ".xml") ? "application/rss+xml" : "text/html",
                                    SOUP_MEMORY_COPY, body, strlen (body));
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("mekong-cli-feeds-XXXXXX", &error);
  g_assert_no_error (error);
  f->archive = g_build_filename (f->dir, "archive.db", NULL);
  f->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  f->http = mk_test_http_new (handle, f);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_pointer (&f->http, mk_test_http_free);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->archive);
  g_hash_table_unref (f->pages);
}

static char *
url_for (Fixture    *f,
         const char *path)
{
  return mk_test_http_url (f->http, "127.0.0.1", path);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "feeds", name, NULL);
}

static void
communicated (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
flag_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs `mekong-cli --archive ARCHIVE ARG…` while serving. */
static CliRun *
cli (Fixture    *f,
     const char *first_arg,
     ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_build_filename (f->dir, "data", NULL);
  g_auto(GStrv) argv = NULL;
  CliRun *run = g_new0 (CliRun, 1);
  gboolean timed_out = FALSE;
  guint timeout_id;
  va_list args;

  g_strv_builder_add_many (builder, g_getenv ("MEKONG_CLI"), "--archive", f->archive, NULL);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_strv_builder_add (builder, arg);
  va_end (args);
  argv = g_strv_builder_end (builder);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);

  timeout_id = g_timeout_add_seconds (WAIT_SECONDS, flag_timeout, &timed_out);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated, &result);
  while (result == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_subprocess_force_exit (process);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);

  g_subprocess_communicate_utf8_finish (process, result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  return run;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static JsonArray *
feeds_json (Fixture *f)
{
  g_autoptr(CliRun) run = cli (f, "feeds", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run->status, ==, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

/* Tests -------------------------------------------------------------------- */

static void
test_import_feed_files (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *rss = fixture_path ("rss2.xml");
  g_autofree char *atom = fixture_path ("atom10.xml");
  g_autofree char *json = fixture_path ("feed11.json");
  g_autofree char *opml = fixture_path ("subscriptions.opml");
  g_autoptr(CliRun) first = cli (f, "import", rss, atom, json, opml, NULL);
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) search = NULL;
  g_autoptr(CliRun) export = NULL;
  g_autoptr(JsonArray) feeds = NULL;

  g_assert_cmpint (first->status, ==, 0);
  g_assert_nonnull (strstr (first->out, "Imported 6 articles"));
  g_assert_nonnull (strstr (first->out, "Added 3 feeds"));

  /* Idempotent: the same files again add nothing. */
  again = cli (f, "import", rss, atom, json, opml, NULL);
  g_assert_cmpint (again->status, ==, 0);
  g_assert_nonnull (strstr (again->out, "Imported 0 articles (0 updated, 6 unchanged, 0 failed)"));
  g_assert_null (strstr (again->out, "Added"));

  search = cli (f, "search", "Vientiane", NULL);
  g_assert_cmpint (search->status, ==, 0);
  g_assert_nonnull (strstr (search->out, "Vietnam News & Views"));

  feeds = feeds_json (f);
  g_assert_cmpuint (json_array_get_length (feeds), ==, 3);

  export = cli (f, "export", "--format", "opml", NULL);
  g_assert_cmpint (export->status, ==, 0);
  g_assert_true (g_str_has_prefix (export->out, "<?xml"));
  g_assert_nonnull (strstr (export->out, "xmlUrl=\"https://vna.example/en/atom.xml\""));
  g_assert_nonnull (strstr (export->out, "xmlUrl=\"https://vov.example/rss\""));
}

static void
test_import_hostile (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *xxe = fixture_path ("xxe.xml");
  g_autofree char *laughs = fixture_path ("billion-laughs.xml");
  g_autofree char *other = fixture_path ("not-a-feed.xml");
  g_autoptr(CliRun) run = cli (f, "import", xxe, laughs, other, NULL);
  g_autoptr(CliRun) export = NULL;

  /* The two hostile files read as their literal text; the XML that is no
   * feed gets one clear line and the exit status says so. */
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->out, "Imported 2 articles (0 updated, 0 unchanged, 1 failed)"));
  g_assert_cmpuint (count_lines (run->err), ==, 1);
  g_assert_nonnull (strstr (run->err, "not-a-feed.xml: not an RSS, Atom or JSON feed"));

  export = cli (f, "export", NULL);
  g_assert_null (strstr (export->out, "root:"));
  g_assert_null (strstr (export->out, "lollol"));
}

static void
serve_feed (Fixture    *f,
            const char *path,
            const char *title)
{
  g_hash_table_replace (f->pages, g_strdup (path),
                        g_strdup_printf ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                         "<title>%s</title>"
                                         "<item><guid>1</guid><title>Labour pact signed in Vientiane</title>"
                                         "<link>https://local.example/1</link>"
                                         "<description>The ministers met.</description></item>"
                                         "<item><guid>2</guid><title>Second local story</title>"
                                         "<link>https://local.example/2</link>"
                                         "<description>More text.</description></item>"
                                         "</channel></rss>", title));
}

static void
test_add_fetch_remove (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *page = url_for (f, "/site/");
  g_autofree char *feed = url_for (f, "/site/feed.xml");
  g_autoptr(CliRun) added = NULL;
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) fetched = NULL;
  g_autoptr(CliRun) listed = NULL;
  g_autoptr(CliRun) search = NULL;
  g_autoptr(CliRun) removed = NULL;
  g_autoptr(CliRun) removed_again = NULL;
  g_autoptr(JsonArray) feeds = NULL;
  g_autoptr(JsonArray) after = NULL;
  JsonObject *entry;

  g_hash_table_replace (f->pages, g_strdup ("/site/"),
                        g_strdup ("<html><head><link rel=\"alternate\" type=\"application/rss+xml\""
                                  " href=\"feed.xml\"></head><body>Site</body></html>"));
  serve_feed (f, "/site/feed.xml", "Local Outlet");

  /* Given the page, the feed it links to is registered. */
  added = cli (f, "add-feed", page, NULL);
  g_assert_cmpint (added->status, ==, 0);
  g_assert_nonnull (strstr (added->out, "Added “Local Outlet”"));
  g_assert_nonnull (strstr (added->out, feed));

  again = cli (f, "add-feed", feed, NULL);
  g_assert_cmpint (again->status, ==, 0);
  g_assert_nonnull (strstr (again->out, "Already following"));

  feeds = feeds_json (f);
  g_assert_cmpuint (json_array_get_length (feeds), ==, 1);
  entry = json_array_get_object_element (feeds, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "url"), ==, feed);
  g_assert_cmpint (json_object_get_int_member (entry, "articles"), ==, 0);
  g_assert_true (json_object_get_null_member (entry, "last_fetched"));

  fetched = cli (f, "fetch", NULL);
  g_assert_cmpint (fetched->status, ==, 0);
  g_assert_nonnull (strstr (fetched->err, "[1/1] Local Outlet: 2 new, 0 updated"));
  g_assert_nonnull (strstr (fetched->out, "Fetched 1 feed: 2 new articles, 0 updated, 0 failed"));

  listed = cli (f, "feeds", NULL);
  g_assert_cmpint (listed->status, ==, 0);
  g_assert_nonnull (strstr (listed->out, "\tLocal Outlet\t2\t"));
  g_assert_nonnull (strstr (listed->out, "\tok\n"));

  search = cli (f, "search", "vientiane", NULL);
  g_assert_nonnull (strstr (search->out, "Labour pact signed in Vientiane"));

  removed = cli (f, "remove-feed", feed, NULL);
  g_assert_cmpint (removed->status, ==, 0);
  g_assert_nonnull (strstr (removed->out, "and its 2 articles"));
  after = feeds_json (f);
  g_assert_cmpuint (json_array_get_length (after), ==, 0);

  removed_again = cli (f, "remove-feed", feed, NULL);
  g_assert_cmpint (removed_again->status, ==, 1);
  g_assert_cmpuint (count_lines (removed_again->err), ==, 1);
}

static void
test_fetch_failures (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *good = url_for (f, "/good.xml");
  g_autofree char *gone = url_for (f, "/gone.xml");
  g_autofree char *stranger = url_for (f, "/stranger.xml");
  g_autoptr(CliRun) added_good = NULL;
  g_autoptr(CliRun) fetched = NULL;
  g_autoptr(CliRun) listed = NULL;
  g_autoptr(CliRun) unknown = NULL;

  serve_feed (f, "/good.xml", "Good");
  serve_feed (f, "/gone.xml", "Gone soon");
  added_good = cli (f, "add-feed", good, NULL);
  g_assert_cmpint (added_good->status, ==, 0);
  g_clear_pointer (&added_good, cli_run_free);
  added_good = cli (f, "add-feed", gone, NULL);
  g_assert_cmpint (added_good->status, ==, 0);
  g_hash_table_remove (f->pages, "/gone.xml");

  /* One failing feed: the other is stored, the failure said and kept. */
  fetched = cli (f, "fetch", NULL);
  g_assert_cmpint (fetched->status, ==, 1);
  g_assert_nonnull (strstr (fetched->err, "Gone soon: failed: HTTP 404"));
  g_assert_nonnull (strstr (fetched->out, "Fetched 2 feeds: 2 new articles, 0 updated, 1 failed"));

  listed = cli (f, "feeds", NULL);
  g_assert_nonnull (strstr (listed->out, "error: HTTP 404"));

  unknown = cli (f, "fetch", stranger, NULL);
  g_assert_cmpint (unknown->status, ==, 1);
  g_assert_nonnull (strstr (unknown->err, "not a registered feed"));
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CliRun) missing = cli (f, "add-feed", NULL);
  g_autoptr(CliRun) ftp = cli (f, "add-feed", "ftp://example.org/feed", NULL);
  g_autoptr(CliRun) format = cli (f, "export", "--format", "xml", NULL);
  g_autoptr(CliRun) unreachable = NULL;
  g_autofree char *nowhere = url_for (f, "/nothing-here.xml");

  g_assert_cmpint (missing->status, ==, 2);
  g_assert_cmpint (ftp->status, ==, 2);
  g_assert_nonnull (strstr (ftp->err, "not an http or https address"));
  g_assert_cmpint (format->status, ==, 2);

  unreachable = cli (f, "add-feed", nowhere, NULL);
  g_assert_cmpint (unreachable->status, ==, 1);
  g_assert_cmpuint (count_lines (unreachable->err), ==, 1);
  g_assert_nonnull (strstr (unreachable->err, "HTTP 404"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli-feeds/" path, Fixture, NULL, set_up, func, tear_down)

  ADD ("import-feed-files", test_import_feed_files);
  ADD ("import-hostile", test_import_hostile);
  ADD ("add-fetch-remove", test_add_fetch_remove);
  ADD ("fetch-failures", test_fetch_failures);
  ADD ("usage", test_usage);

  return g_test_run ();
}
