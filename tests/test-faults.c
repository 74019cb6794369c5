/* test-faults.c — the archive under faults: mekong-cli killed mid-import
 * and mid-fetch, two writers at once, a full disk, and files that are read-only, locked,
 * damaged or not archives at all
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the real mekong-cli ($MEKONG_CLI) on throwaway archives
 * and then looks at the file with SQLite directly, the way a person who
 * lost work would: is it intact, is each article whole, is anything twice.
 */
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mekong-core.h"
#include "mk-fts-tokenizer.h"
#include "mk-test-http.h"

/* Enough files that an import takes a few seconds, so kills land inside. */
#define N_ARTICLES 1000
#define N_KILLS 20

typedef struct {
  char *dir;       /* removed with everything in it at teardown */
  char *articles;  /* dir/articles: N_ARTICLES small files */
  char *archive;   /* dir/archive.db */
} Fixture;

typedef struct {
  int   status;    /* exit status, or -1 when killed by a signal */
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

/* Files and folders ------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

/* Article @i: a headline, a dateline with places and an organisation (so
 * the entity pass has work), a body unique to it. */
static char *
article_text (guint i)
{
  return g_strdup_printf ("Laos report number %u\n\n"
                          "Vientiane (KPL) - The Ministry of Labour and Social Welfare met "
                          "delegates from Hanoi on day %u. Item %u of the series, "
                          "word%u word%u word%u.\n",
                          i, i, i, i, i * 7, i * 13);
}

static void
write_articles (const char *folder,
                guint       first,
                guint       n)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *name = g_strdup_printf ("a%05u.txt", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = article_text (i);

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("mekong-faults-XXXXXX", &error);
  g_assert_no_error (error);
  f->articles = g_build_filename (f->dir, "articles", NULL);
  f->archive = g_build_filename (f->dir, "archive.db", NULL);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->articles);
  g_free (f->archive);
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_same_bytes (GBytes     *before,
                   const char *path)
{
  g_autoptr(GBytes) after = file_bytes (path);

  g_assert_true (g_bytes_equal (before, after));
}

/* Running mekong-cli ------------------------------------------------------ */

static const char *
cli_path (void)
{
  const char *path = g_getenv ("MEKONG_CLI");

  g_assert_nonnull (path);
  return path;
}

/* @env: NAME, VALUE… pairs, NULL-terminated (may be NULL); @prefix: a
 * command to run mekong-cli through (setpriv), or NULL. */
static GSubprocess *
spawn_cli (Fixture            *f,
           const char * const *env,
           const char * const *prefix,
           const char         *archive,
           const char         *command,
           const char         *arg)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_autofree char *data_home = g_build_filename (f->dir, "data", NULL);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);

  if (prefix != NULL)
    g_strv_builder_addv (argv_builder, (const char **) prefix);
  g_strv_builder_add_many (argv_builder, cli_path (), "--archive", archive, command, arg, NULL);
  argv = g_strv_builder_end (argv_builder);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);
  return process;
}

static CliRun *
finish_cli (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;
  CliRun *run = g_new0 (CliRun, 1);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  return run;
}

static CliRun *
run_cli_full (Fixture            *f,
              const char * const *env,
              const char * const *prefix,
              const char         *command,
              const char         *arg)
{
  g_autoptr(GSubprocess) process = spawn_cli (f, env, prefix, f->archive, command, arg);

  return finish_cli (process);
}

static CliRun *
run_cli (Fixture    *f,
         const char *command,
         const char *arg)
{
  return run_cli_full (f, NULL, NULL, command, arg);
}

static void
assert_success (CliRun *run)
{
  if (run->status != 0)
    g_error ("mekong-cli exited with %d: %s", run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
}

/* Exit status 1 and exactly one line on stderr, which contains @needle. */
static void
assert_one_error (CliRun     *run,
                  const char *needle)
{
  const char *newline = strchr (run->err, '\n');

  g_test_message ("mekong-cli said: %s", run->err);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
  g_assert_nonnull (strstr (run->err, needle));
}

/* Looking at the archive --------------------------------------------------- */

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_true (mk_fts_tokenizer_register (db, &error));
  g_assert_no_error (error);
  return db;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autofree char *text = query_text (db, sql);

  return text ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* The body an article file must have in the archive: what follows the
 * headline, without the final newline. */
static char *
expected_body (const char *path)
{
  g_autofree char *text = NULL;
  const char *start;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  start = strstr (text, "\n\n");
  g_assert_nonnull (start);
  return g_strchomp (g_strdup (start + 2));
}

/* Checks what a person would: the file is intact, each article is whole
 * (the body of its file, its entities found, in the full-text index), none
 * is there twice. Returns how many articles the archive holds. */
static guint
check_archive (const char *path)
{
  sqlite3 *db;
  g_autofree char *integrity = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  /* Killed before SQLite even created the file. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;

  db = open_db (path);
  integrity = query_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");

  /* Killed before the first transaction (the schema) committed: empty. */
  if (query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'articles'") == 0)
    {
      g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 0);
      sqlite3_close (db);
      return 0;
    }

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles"), ==,
                   query_int (db, "SELECT count(DISTINCT guid) FROM articles"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles"), ==,
                   query_int (db, "SELECT count(DISTINCT content_hash) FROM articles"));
  /* Each article came with its entities, in the same transaction. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                  "(SELECT 1 FROM mentions m WHERE m.article = a.id)"), ==, 0);
  /* And is in the full-text index: every article says "Laos". */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'laos'"), ==,
                   query_int (db, "SELECT count(*) FROM articles"));

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT guid, body FROM articles", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *file = g_filename_from_uri ((const char *) sqlite3_column_text (stmt, 0), NULL, NULL);
      g_autofree char *body = NULL;

      g_assert_nonnull (file);
      body = expected_body (file);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, body);
      n++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* An archive of the samples, closed (so WAL is checkpointed and gone). */
static void
make_sample_archive (Fixture *f)
{
  g_autofree char *wal = g_strconcat (f->archive, "-wal", NULL);
  g_autoptr(CliRun) run = run_cli (f, "import", g_getenv ("MEKONG_SAMPLES_DIR"));

  assert_success (run);
  g_assert_true (g_file_test (f->archive, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Killed mid-import -------------------------------------------------------- */

static gboolean
kill_process (gpointer user_data)
{
  g_subprocess_force_exit (G_SUBPROCESS (user_data));
  return G_SOURCE_REMOVE;
}

static void
communicated (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CliRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (G_SUBPROCESS (object)) ? g_subprocess_get_exit_status (G_SUBPROCESS (object)) : -1;
}

/* Runs `mekong-cli import` and SIGKILLs it after @delay_ms; returns FALSE
 * when it had finished before. */
static gboolean
import_killed_after (Fixture *f,
                     guint    delay_ms)
{
  g_autoptr(GSubprocess) process = spawn_cli (f, NULL, NULL, f->archive, "import", f->articles);
  g_autoptr(CliRun) run = g_new0 (CliRun, 1);
  g_autoptr(GSource) timer = g_timeout_source_new (delay_ms);

  /* The pipes are read while waiting, so the child never blocks on them. */
  run->status = -2;
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated, run);
  g_source_set_callback (timer, kill_process, process, NULL);
  g_source_attach (timer, NULL);
  while (run->status == -2)
    g_main_context_iteration (NULL, TRUE);
  /* Held by reference: safe whether it fired (the import may have ended
   * just before the kill) or not. */
  g_source_destroy (timer);

  if (run->status == -1)
    {
      g_assert_true (g_subprocess_get_if_signaled (process));
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return TRUE;
    }

  assert_success (run);
  return FALSE;
}

static void
remove_archive (Fixture *f)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->archive, suffixes[i], NULL);

      g_unlink (path);
    }
}

/* SIGKILL at N_KILLS random moments of an import of N_ARTICLES files into
 * a new archive: after each, the archive is intact and every article in it
 * is whole; a re-run (after every fourth kill and the last) completes the
 * import, with nothing twice. */
static void
test_kill_during_import (Fixture       *f,
                         gconstpointer  data)
{
  gint64 start, full_ms;
  guint n_inside = 0;

  write_articles (f->articles, 0, N_ARTICLES);

  /* How long a whole import takes in this build, so that the kills fall
   * across all of it. */
  start = g_get_monotonic_time ();
  {
    g_autoptr(CliRun) run = run_cli (f, "import", f->articles);

    assert_success (run);
  }
  full_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("a whole import of %d files takes %" G_GINT64_FORMAT " ms", N_ARTICLES, full_ms);

  for (guint i = 0; i < N_KILLS; i++)
    {
      guint delay = g_test_rand_int_range (10, MAX (full_ms, 20));
      gboolean killed;
      guint n;

      remove_archive (f);
      killed = import_killed_after (f, delay);
      n = check_archive (f->archive);
      g_test_message ("kill %u after %u ms: %s, %u articles", i, delay,
                      killed ? "killed" : "had finished", n);
      n_inside += killed && n < N_ARTICLES;

      /* Every fourth time (a re-run takes as long as an import), and
       * after the last kill. */
      if (i % 4 == 3 || i == N_KILLS - 1)
        {
          g_autoptr(CliRun) rerun = run_cli (f, "import", f->articles);

          assert_success (rerun);
          g_assert_cmpuint (check_archive (f->archive), ==, N_ARTICLES);
        }
    }
  /* The test means nothing unless kills landed inside imports. */
  g_assert_cmpuint (n_inside, >=, N_KILLS / 2);
}

/* Killed mid-fetch ---------------------------------------------------------- */

/* Thirty feeds of forty items, one in ten items long (about 40 kB), served
 * by a SoupServer in a thread of this process while mekong-cli fetches;
 * five feeds trickle their answer in pieces, so that kills land inside
 * downloads as well as inside writes. Odd feeds are on "localhost", even
 * ones on "127.0.0.1": two hosts, fetched side by side. */
#define N_FEEDS        30
/* Under AddressSanitizer, on a loaded machine, a whole fetch of 40 items a
 * feed takes a minute; 10 items (one of them long) keep the kills inside
 * the time limit there, and slower slow feeds keep some kills inside
 * downloads. */
#if defined(__SANITIZE_ADDRESS__)
#define N_ITEMS        10
#define SLOW_PIECE_MS  300   /* writes slow down more than downloads there */
#else
#define N_ITEMS        40
#define SLOW_PIECE_MS  50
#endif
#define N_FETCH_KILLS  20
#define SLOW_PIECES    10

#define FEED_LAST_MODIFIED "Mon, 23 Nov 2026 06:00:00 GMT"

/* This process runs a SoupServer, so its leak reports need AddressSanitizer's
 * slow unwinder (see tests/meson.build); mekong-cli does not, and with it
 * a fetch under the sanitizers takes minutes instead of seconds. */
static const char * const cli_asan_env[] = { "ASAN_OPTIONS", "detect_leaks=1:abort_on_error=1", NULL };

typedef struct {
  MkTestHttp *http;
  char *bodies[N_FEEDS];   /* read-only once the server runs */
  gint n_in_flight;        /* answers started and not finished (atomic) */
  gint n_not_modified;     /* 304s given (atomic) */
} FeedServer;

/* A slow answer, fed in SLOW_PIECES pieces from the server's thread. */
typedef struct {
  SoupServerMessage *message;
  const char *body;
  gsize length;
  guint n_sent;
  gboolean finished;
} Trickle;

static gboolean
is_slow_feed (guint feed)
{
  return feed % 6 == 1;
}

static char *
feed_etag (guint feed)
{
  return g_strdup_printf ("\"feed-%u-v1\"", feed);
}

static const char *
feed_host (guint feed)
{
  return feed % 2 ? "localhost" : "127.0.0.1";
}

static char *
feed_url (FeedServer *server,
          guint       feed)
{
  g_autofree char *path = g_strdup_printf ("/feed-%u.xml", feed);

  return mk_test_http_url (server->http, feed_host (feed), path);
}

/* What item @item of @feed says: a dateline with places and an
 * organisation (work for the entity pass), a marker word of its own (to
 * find its full-text row), and for one item in ten some 40 kB more. */
static char *
item_body (guint feed,
           guint item)
{
  GString *body = g_string_new (NULL);

  g_string_append_printf (body, "Vientiane (KPL) - The Ministry of Labour and Social Welfare met "
                                "delegates from Hanoi about story %u of feed %u. Marker f%ui%u.",
                          item, feed, feed, item);
  if (item % 10 == 7)
    while (body->len < 40000)
      g_string_append_printf (body, " Trade on the Mekong river, paragraph %u of story %u.",
                              (guint) body->len, item);
  return g_string_free (body, FALSE);
}

static char *
feed_xml (guint feed)
{
  GString *xml = g_string_new (NULL);

  g_string_append_printf (xml, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                               "<title>Feed %u</title><link>https://news.example/%u/</link>",
                          feed, feed);
  for (guint item = 0; item < N_ITEMS; item++)
    {
      g_autofree char *body = item_body (feed, item);

      g_string_append_printf (xml, "<item><guid isPermaLink=\"false\">urn:mekong-test:%u:%u</guid>"
                                   "<link>https://news.example/%u/%u</link>"
                                   "<title>Laos report %u-%u</title><description>%s</description>"
                                   "<pubDate>Mon, 23 Nov 2026 07:%02u:00 +0700</pubDate></item>",
                              feed, item, feed, item, feed, item, body, item);
    }
  g_string_append (xml, "</channel></rss>");
  return g_string_free (xml, FALSE);
}

static void
answer_finished (SoupServerMessage *message,
                 FeedServer        *server)
{
  g_atomic_int_add (&server->n_in_flight, -1);
}

static void
trickle_finished (SoupServerMessage *message,
                  Trickle           *trickle)
{
  trickle->finished = TRUE;
}

static gboolean
trickle_next (gpointer data)
{
  Trickle *trickle = data;
  SoupMessageBody *body;
  gsize from, to;

  /* The client went away (killed): the message is done with. */
  if (trickle->finished)
    return G_SOURCE_REMOVE;

  body = soup_server_message_get_response_body (trickle->message);
  from = trickle->length * trickle->n_sent / SLOW_PIECES;
  to = trickle->length * ++trickle->n_sent / SLOW_PIECES;
  soup_message_body_append (body, SOUP_MEMORY_STATIC, trickle->body + from, to - from);
  if (trickle->n_sent == SLOW_PIECES)
    soup_message_body_complete (body);
  soup_server_message_unpause (trickle->message);
  return trickle->n_sent < SLOW_PIECES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
trickle_free (gpointer data)
{
  Trickle *trickle = data;

  g_signal_handlers_disconnect_by_data (trickle->message, trickle);
  g_object_unref (trickle->message);
  g_free (trickle);
}

/* In the server's thread. 304 when the client has the feed's ETag. */
static void
serve_feed (SoupServer        *soup_server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           data)
{
  FeedServer *server = data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (message);
  g_autofree char *etag = NULL;
  g_autofree char *number = NULL;
  const char *body;
  guint64 feed;

  if (g_str_has_prefix (path, "/feed-") && g_str_has_suffix (path, ".xml"))
    number = g_strndup (path + 6, strlen (path) - 10);
  if (number == NULL || !g_ascii_string_to_unsigned (number, 10, 0, N_FEEDS - 1, &feed, NULL))
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }

  etag = feed_etag (feed);
  soup_message_headers_replace (response, "ETag", etag);
  soup_message_headers_replace (response, "Last-Modified", FEED_LAST_MODIFIED);
  if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), etag) == 0)
    {
      g_atomic_int_inc (&server->n_not_modified);
      soup_server_message_set_status (message, 304, NULL);
      return;
    }

  g_atomic_int_inc (&server->n_in_flight);
  g_signal_connect (message, "finished", G_CALLBACK (answer_finished), server);
  soup_server_message_set_status (message, 200, NULL);
  body = server->bodies[feed];
  if (!is_slow_feed (feed))
    {
      soup_server_message_set_response (message, "application/rss+xml", SOUP_MEMORY_STATIC,
                                        body, strlen (body));
      return;
    }

  {
    Trickle *trickle = g_new0 (Trickle, 1);
    g_autoptr(GSource) timer = g_timeout_source_new (SLOW_PIECE_MS);

    trickle->message = g_object_ref (message);
    trickle->body = body;
    trickle->length = strlen (body);
    g_signal_connect (message, "finished", G_CALLBACK (trickle_finished), trickle);
    soup_message_headers_replace (response, "Content-Type", "application/rss+xml");
    soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
    /* Paused until the first piece is there. */
    soup_server_message_pause (message);
    g_source_set_callback (timer, trickle_next, trickle, trickle_free);
    g_source_attach (timer, g_main_context_get_thread_default ());
  }
}

static void
feed_server_free (FeedServer *server)
{
  g_clear_pointer (&server->http, mk_test_http_free);
  for (guint i = 0; i < N_FEEDS; i++)
    g_free (server->bodies[i]);
  g_free (server);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FeedServer, feed_server_free)

static FeedServer *
feed_server_new (void)
{
  FeedServer *server = g_new0 (FeedServer, 1);

  for (guint i = 0; i < N_FEEDS; i++)
    server->bodies[i] = feed_xml (i);
  server->http = mk_test_http_new_in_thread (serve_feed, server);
  return server;
}

/* An article as a whole fetch stores it. */
typedef struct {
  char *title;
  char *body;
  char *feed_url;
  char *marker;
} Stored;

static void
stored_free (Stored *stored)
{
  g_free (stored->title);
  g_free (stored->body);
  g_free (stored->feed_url);
  g_free (stored->marker);
  g_free (stored);
}

/* guid -> Stored, from the archive of a fetch that was not interrupted. */
static GHashTable *
read_stored (const char *path)
{
  GHashTable *all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) stored_free);
  sqlite3 *db = open_db (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT a.guid, a.title, a.body, s.location FROM articles a"
                                           " JOIN sources s ON s.id = a.source_id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Stored *stored = g_new0 (Stored, 1);
      guint feed, item;

      g_assert_cmpint (sscanf ((const char *) sqlite3_column_text (stmt, 0), "urn:mekong-test:%u:%u",
                               &feed, &item), ==, 2);
      stored->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      stored->body = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      stored->feed_url = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      stored->marker = g_strdup_printf ("f%ui%u", feed, item);
      g_hash_table_insert (all, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), stored);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return all;
}

static gint64
query_int_text (sqlite3    *db,
                const char *sql,
                const char *value)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Each feed's stored state against its articles: a feed holds all of its
 * items or none (one transaction per feed), and validators (ETag,
 * Last-Modified), which make the next fetch a 304, are only ever stored
 * with every item they stand for. Returns how many feeds are whole. */
static guint
check_feed_states (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  guint n_whole = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT s.location, s.etag, s.last_modified, s.last_fetched,"
                                           " (SELECT count(*) FROM articles a WHERE a.source_id = s.id)"
                                           " FROM sources s WHERE s.kind = 'feed'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *location = (const char *) sqlite3_column_text (stmt, 0);
      const char *etag = (const char *) sqlite3_column_text (stmt, 1);
      const char *last_modified = (const char *) sqlite3_column_text (stmt, 2);
      const char *last_fetched = (const char *) sqlite3_column_text (stmt, 3);
      gint64 n = sqlite3_column_int64 (stmt, 4);

      if (n != 0 && n != N_ITEMS)
        g_error ("%s holds %" G_GINT64_FORMAT " of its %d items", location, n, N_ITEMS);
      if ((etag != NULL || last_modified != NULL || last_fetched != NULL) && n != N_ITEMS)
        g_error ("%s claims a fetch (ETag %s, Last-Modified %s, fetched %s) but holds %" G_GINT64_FORMAT
                 " of its %d items", location, etag, last_modified, last_fetched, n, N_ITEMS);
      if (n == N_ITEMS)
        {
          g_assert_nonnull (etag);
          g_assert_cmpstr (last_modified, ==, FEED_LAST_MODIFIED);
        }
      n_whole += n == N_ITEMS;
    }
  sqlite3_finalize (stmt);
  return n_whole;
}

/* After a fetch, whole or killed: the file is intact; every article is
 * one a whole fetch stores (title, body, feed), with its entities and its
 * full-text row, and is there once; feeds are whole or untouched. Returns
 * how many articles the archive holds; *@n_whole_feeds how many feeds. */
static guint
check_fetched (const char *path,
               GHashTable *expected,
               guint      *n_whole_feeds)
{
  sqlite3 *db = open_db (path);
  g_autofree char *integrity = query_text (db, "PRAGMA integrity_check");
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles"), ==,
                   query_int (db, "SELECT count(DISTINCT guid) FROM articles"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles"), ==,
                   query_int (db, "SELECT count(DISTINCT url) FROM articles"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                  "(SELECT 1 FROM mentions m WHERE m.article = a.id)"), ==, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT a.guid, a.title, a.body, s.location, a.sort_key"
                                           " FROM articles a JOIN sources s ON s.id = a.source_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *guid = (const char *) sqlite3_column_text (stmt, 0);
      Stored *whole = g_hash_table_lookup (expected, guid);

      g_assert_nonnull (whole);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, whole->title);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, whole->body);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, whole->feed_url);
      /* Its own full-text row, found by its marker word. */
      g_assert_cmpint (query_int_text (db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1",
                                       whole->marker), ==, sqlite3_column_int64 (stmt, 4));
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (n, ==, query_int (db, "SELECT count(*) FROM articles"));

  *n_whole_feeds = check_feed_states (db);
  g_assert_cmpuint (n, ==, *n_whole_feeds * N_ITEMS);
  sqlite3_close (db);
  return n;
}

static void
copy_archive (const char *from,
              const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* What was going on when a kill came. */
typedef struct {
  GSubprocess *process;
  FeedServer *server;
  const char *archive;
  gint n_downloading;    /* answers the server was sending */
  gboolean writing;      /* a write transaction held the archive */
} KillMoment;

/* Whether someone holds the archive's write lock: BEGIN IMMEDIATE fails
 * at once (no busy timeout) while a transaction writes. */
static gboolean
write_lock_held (const char *archive)
{
  sqlite3 *db = NULL;
  gboolean held;

  g_assert_cmpint (sqlite3_open_v2 (archive, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  held = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_BUSY;
  if (!held)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  return held;
}

static gboolean
kill_fetch (gpointer user_data)
{
  KillMoment *moment = user_data;

  moment->n_downloading = g_atomic_int_get (&moment->server->n_in_flight);
  moment->writing = write_lock_held (moment->archive);
  g_subprocess_force_exit (moment->process);
  return G_SOURCE_REMOVE;
}

/* Runs `mekong-cli fetch` on f->archive and SIGKILLs it after @delay_ms;
 * returns FALSE when it had finished before. */
static gboolean
fetch_killed_after (Fixture    *f,
                    FeedServer *server,
                    guint       delay_ms,
                    KillMoment *moment)
{
  g_autoptr(GSubprocess) process = spawn_cli (f, cli_asan_env, NULL, f->archive, "fetch", NULL);
  g_autoptr(CliRun) run = g_new0 (CliRun, 1);
  g_autoptr(GSource) timer = g_timeout_source_new (delay_ms);

  moment->process = process;
  moment->server = server;
  moment->archive = f->archive;
  moment->n_downloading = -1;
  run->status = -2;
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated, run);
  g_source_set_callback (timer, kill_fetch, moment, NULL);
  g_source_attach (timer, NULL);
  while (run->status == -2)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (timer);

  if (run->status == -1)
    {
      g_assert_true (g_subprocess_get_if_signaled (process));
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return TRUE;
    }

  g_assert_cmpint (run->status, ==, 0);
  return FALSE;
}

static gint64
run_fetch_to_end (Fixture *f)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(CliRun) run = run_cli_full (f, cli_asan_env, NULL, "fetch", NULL);

  if (run->status != 0)
    g_error ("mekong-cli fetch exited with %d: %s", run->status, run->err);
  g_assert_nonnull (strstr (run->out, "0 failed"));
  return (g_get_monotonic_time () - start) / 1000;
}

/* SIGKILL at N_FETCH_KILLS random moments of `mekong-cli fetch` of
 * N_FEEDS feeds (registered with the real `add-feed`), each time from the
 * archive as add-feed left it: after each kill the archive is intact, each
 * article is whole, each feed whole or untouched, and no feed keeps an
 * ETag or Last-Modified for items it does not hold (the next fetch would
 * get a 304 and never bring them). A re-run (after every fourth kill and
 * the last) brings every item of every feed, once. */
static void
test_kill_during_fetch (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(FeedServer) server = feed_server_new ();
  g_autofree char *registered = g_build_filename (f->dir, "registered.db", NULL);
  g_autofree char *whole = g_build_filename (f->dir, "whole.db", NULL);
  g_autoptr(GHashTable) expected = NULL;
  guint n_inside = 0, n_downloading = 0, n_writing = 0, n_whole_feeds;
  gint64 full_ms, start;

  /* The feeds, registered as a person would. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_FEEDS; i++)
    {
      g_autofree char *url = feed_url (server, i);
      g_autoptr(GSubprocess) process = spawn_cli (f, cli_asan_env, NULL, registered, "add-feed", url);
      g_autoptr(CliRun) run = finish_cli (process);

      assert_success (run);
    }
  g_test_message ("%d add-feeds took %" G_GINT64_FORMAT " ms", N_FEEDS,
                  (g_get_monotonic_time () - start) / 1000);

  /* A fetch that is not interrupted: how long it takes (so that the kills
   * fall across all of it), and what it stores. */
  copy_archive (registered, f->archive);
  full_ms = run_fetch_to_end (f);
  copy_archive (f->archive, whole);
  expected = read_stored (whole);
  g_assert_cmpuint (g_hash_table_size (expected), ==, N_FEEDS * N_ITEMS);
  g_assert_cmpuint (check_fetched (whole, expected, &n_whole_feeds), ==, N_FEEDS * N_ITEMS);
  g_test_message ("a whole fetch of %d feeds of %d items takes %" G_GINT64_FORMAT " ms",
                  N_FEEDS, N_ITEMS, full_ms);

  for (guint i = 0; i < N_FETCH_KILLS; i++)
    {
      guint delay = g_test_rand_int_range (10, MAX (full_ms, 20));
      KillMoment moment = { 0 };
      gboolean killed;
      guint n;

      remove_archive (f);
      copy_archive (registered, f->archive);
      killed = fetch_killed_after (f, server, delay, &moment);
      n = check_fetched (f->archive, expected, &n_whole_feeds);
      g_test_message ("kill %u after %u ms: %s, %d downloads under way, %s; "
                      "%u articles, %u of %d feeds whole",
                      i, delay, killed ? "killed" : "had finished", moment.n_downloading,
                      moment.writing ? "writing" : "not writing", n, n_whole_feeds, N_FEEDS);
      n_inside += killed && n < N_FEEDS * N_ITEMS;
      n_downloading += killed && moment.n_downloading > 0;
      n_writing += killed && moment.writing;

      if (i % 4 == 3 || i == N_FETCH_KILLS - 1)
        {
          gint not_modified = g_atomic_int_get (&server->n_not_modified);
          guint n_whole_before = n_whole_feeds;
          gint64 rerun_ms = run_fetch_to_end (f);

          g_assert_cmpuint (check_fetched (f->archive, expected, &n_whole_feeds), ==, N_FEEDS * N_ITEMS);
          /* The feeds that were whole were asked with their ETag and
           * answered 304; the others were fetched again. */
          g_assert_cmpint (g_atomic_int_get (&server->n_not_modified) - not_modified, ==, n_whole_before);
          g_test_message ("re-run: %" G_GINT64_FORMAT " ms, %u feeds answered 304, every item there once",
                          rerun_ms, n_whole_before);
        }
    }

  g_test_message ("%u kills inside the fetch: %u during downloads, %u during writes",
                  n_inside, n_downloading, n_writing);
  /* The test means nothing unless kills landed inside fetches, some
   * while answers came and some while the archive was written. */
  g_assert_cmpuint (n_inside, >=, N_FETCH_KILLS / 2);
  g_assert_cmpuint (n_downloading, >, 0);
  g_assert_cmpuint (n_writing, >, 0);
}

/* Two writers at once ------------------------------------------------------- */

/* Two `mekong-cli import`s into one archive at the same time: both
 * succeed (BEGIN IMMEDIATE, busy timeout) and every article is there. */
static void
test_two_importers (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *first = g_build_filename (f->articles, "first", NULL);
  g_autofree char *second = g_build_filename (f->articles, "second", NULL);
  g_autoptr(GSubprocess) a = NULL;
  g_autoptr(GSubprocess) b = NULL;
  g_autoptr(CliRun) run_a = NULL;
  g_autoptr(CliRun) run_b = NULL;

  write_articles (first, 0, 600);
  write_articles (second, 600, 600);
  /* The schema first, so that the two do not race to create the file. */
  {
    g_autoptr(CliRun) schema = run_cli (f, "import", first);

    assert_success (schema);
  }

  a = spawn_cli (f, NULL, NULL, f->archive, "import", first);
  b = spawn_cli (f, NULL, NULL, f->archive, "import", second);
  run_a = finish_cli (a);
  run_b = finish_cli (b);

  assert_success (run_a);
  assert_success (run_b);
  g_assert_nonnull (strstr (run_a->out, "Imported 0 articles (0 updated, 600 unchanged, 0 failed)"));
  g_assert_nonnull (strstr (run_b->out, "Imported 600 articles (0 updated, 0 unchanged, 0 failed)"));
  g_assert_cmpuint (check_archive (f->archive), ==, 1200);
}

/* Another connection reading (a long read transaction, as the window's
 * list has) and another one writing (holding the write lock for a second)
 * while mekong-cli imports: the import waits, then succeeds, and both
 * writes are there. */
static void
test_import_beside_reader_and_writer (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GSubprocess) import = NULL;
  g_autoptr(CliRun) run = NULL;
  sqlite3 *reader, *writer;

  write_articles (f->articles, 0, 300);
  make_sample_archive (f);

  reader = open_db (f->archive);
  writer = open_db (f->archive);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN; SELECT count(*) FROM articles", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE; "
                                         "INSERT INTO sources (kind, location, title) "
                                         "VALUES ('feed', 'https://example.org/rss', 'Held')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  import = spawn_cli (f, NULL, NULL, f->archive, "import", f->articles);
  g_usleep (G_USEC_PER_SEC);
  g_assert_cmpint (sqlite3_exec (writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

  run = finish_cli (import);
  assert_success (run);
  g_assert_cmpint (sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (reader, "SELECT count(*) FROM sources WHERE title = 'Held'"), ==, 1);
  g_assert_cmpint (query_int (reader, "SELECT count(*) FROM articles"), ==, 300 + 7);
  sqlite3_close (reader);
  sqlite3_close (writer);
}

/* Files mekong-cli must refuse, and leave as they were ---------------------- */

/* Another program holds the archive's lock (SQLite exclusive locking
 * mode, with a write transaction open) for longer than mekong-cli waits:
 * one message saying so, and the file is unchanged. */
static void
test_locked_archive (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(CliRun) import = NULL;
  g_autoptr(CliRun) search = NULL;
  sqlite3 *holder;

  write_articles (f->articles, 0, 5);
  make_sample_archive (f);
  before = file_bytes (f->archive);

  holder = open_db (f->archive);
  g_assert_cmpint (sqlite3_exec (holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                         "SELECT count(*) FROM articles",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  import = run_cli (f, "import", f->articles);
  assert_one_error (import, "locked by another program");
  search = run_cli (f, "search", "Laos");
  assert_one_error (search, "locked by another program");

  g_assert_cmpint (sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder);
  assert_same_bytes (before, f->archive);
}

/* The disk fills up (MEKONG_TEST_MAX_PAGES: the archive cannot grow): the
 * import stops with one message (not one per file), what was committed is
 * whole, nothing is half-written, and once there is room again the import
 * completes. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  const char *no_room[] = { "MEKONG_TEST_MAX_PAGES", NULL, NULL };
  g_autofree char *n_pages = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(CliRun) full = NULL;
  g_autoptr(CliRun) later = NULL;
  g_autoptr(CliRun) again = NULL;
  guint n_stored;
  sqlite3 *db;

  write_articles (f->articles, 0, 400);

  /* An archive that cannot grow: an article or two may still fit in its
   * free space, then one message; what was there is intact. */
  make_sample_archive (f);
  db = open_db (f->archive);
  n_pages = query_text (db, "PRAGMA page_count");
  sqlite3_close (db);
  no_room[1] = n_pages;
  full = run_cli_full (f, no_room, NULL, "import", f->articles);
  assert_one_error (full, "is full");
  db = open_db (f->archive);
  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles WHERE guid LIKE '%/data/samples/%'"), ==, 7);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles"), <, 7 + 400);
  sqlite3_close (db);

  /* A disk that fills part-way through a new archive: the articles
   * before are whole. */
  remove_archive (f);
  no_room[1] = "120";
  later = run_cli_full (f, no_room, NULL, "import", f->articles);
  assert_one_error (later, "is full");
  n_stored = check_archive (f->archive);
  g_test_message ("%u of 400 articles fitted", n_stored);
  g_assert_cmpuint (n_stored, >, 0);
  g_assert_cmpuint (n_stored, <, 400);

  again = run_cli (f, "import", f->articles);
  assert_success (again);
  g_assert_cmpuint (check_archive (f->archive), ==, 400);
}

/* A damaged archive (every page but the first overwritten, as a failing
 * disk or a bad copy leaves it): one message, the file left as it was. */
static void
test_corrupt_archive (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(CliRun) import = NULL;
  g_autoptr(CliRun) search = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint page_size;
  sqlite3 *db;

  write_articles (f->articles, 0, 5);
  make_sample_archive (f);
  db = open_db (f->archive);
  page_size = query_int (db, "PRAGMA page_size");
  sqlite3_close (db);

  g_file_get_contents (f->archive, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4 * page_size);
  memset (contents + page_size, 0x5a, length - page_size);
  g_file_set_contents (f->archive, contents, length, &error);
  g_assert_no_error (error);
  before = file_bytes (f->archive);

  import = run_cli (f, "import", f->articles);
  assert_one_error (import, "is damaged");
  search = run_cli (f, "search", "Laos");
  assert_one_error (search, "is damaged");
  assert_same_bytes (before, f->archive);
}

/* A read-only archive in a read-only folder. Root can write anywhere, so
 * as root mekong-cli runs as "nobody" (setpriv, util-linux). Importing is
 * refused with one message; searching still works; the file is left as
 * it was. */
static void
test_read_only_archive (Fixture       *f,
                        gconstpointer  data)
{
  const char *as_nobody[] = { "setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", NULL };
  const char * const *prefix = geteuid () == 0 ? as_nobody : NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(CliRun) import = NULL;
  g_autoptr(CliRun) search = NULL;
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");

  if (prefix != NULL && setpriv == NULL)
    {
      g_test_skip ("running as root without setpriv to drop privileges");
      return;
    }

  write_articles (f->articles, 0, 5);
  make_sample_archive (f);
  before = file_bytes (f->archive);
  g_assert_cmpint (g_chmod (f->archive, 0444), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  g_assert_cmpint (g_chmod (f->articles, 0755), ==, 0);

  import = run_cli_full (f, NULL, prefix, "import", f->articles);
  assert_one_error (import, "read-only");
  search = run_cli_full (f, NULL, prefix, "search", "Laos");
  assert_success (search);
  g_assert_nonnull (strstr (search->out, "Laos"));

  g_chmod (f->dir, 0700);
  assert_same_bytes (before, f->archive);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/faults/" path, Fixture, NULL, set_up, func, tear_down)
  ADD ("kill-during-import", test_kill_during_import);
  ADD ("kill-during-fetch", test_kill_during_fetch);
  ADD ("two-importers", test_two_importers);
  ADD ("import-beside-reader-and-writer", test_import_beside_reader_and_writer);
  ADD ("locked-archive", test_locked_archive);
  ADD ("full-disk", test_full_disk);
  ADD ("corrupt-archive", test_corrupt_archive);
  ADD ("read-only-archive", test_read_only_archive);
#undef ADD

  return g_test_run ();
}
