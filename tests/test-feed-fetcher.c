/* test-feed-fetcher.c — fetching feeds from a local SoupServer
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test starts its own server on 127.0.0.1 (a free port) and its own
 * archive; the server stops with the test. The server answers each path
 * as its Route says and counts the requests, so that a test can tell
 * "not asked again" from "asked and refused". Every wait is bounded.
 */
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <zlib.h>

#include "mekong-core.h"
#include "mk-test-http.h"

#define WAIT_SECONDS 30

typedef struct {
  guint status;
  char *body;
  char *content_type;
  char *etag;            /* 304 when If-None-Match matches */
  char *last_modified;   /* 304 when If-Modified-Since matches */
  char *location;
  char *retry_after;
  char *cache_control;
  gboolean gzip;
  GBytes *gzipped_body;  /* sent as it is, Content-Encoding: gzip */
  guint64 endless;       /* bytes of feed to stream, made up as they go */
  guint64 n_made;        /* of those, how many were made */
  gboolean chunked;
  gboolean stall;        /* never answer */
  guint delay_ms;        /* answer after this long */
  guint hits;
  char *last_user_agent;
  char *last_if_none_match;
  char *last_if_modified_since;
} Route;

typedef struct {
  char *dir;
  char *archive;
  MkTestHttp *http;
  GHashTable *routes;     /* path -> Route */
  GHashTable *in_flight;  /* host -> count */
  guint max_per_host;
  guint max_in_flight;
  guint n_in_flight;
  GPtrArray *paused;      /* stalled messages, freed at teardown */
} Fixture;

static void
route_free (Route *route)
{
  g_free (route->body);
  g_clear_pointer (&route->gzipped_body, g_bytes_unref);
  g_free (route->content_type);
  g_free (route->etag);
  g_free (route->last_modified);
  g_free (route->location);
  g_free (route->retry_after);
  g_free (route->cache_control);
  g_free (route->last_user_agent);
  g_free (route->last_if_none_match);
  g_free (route->last_if_modified_since);
  g_free (route);
}

static char *
rss (const char *title,
     const char *items)
{
  return g_strdup_printf ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                          "<title>%s</title><link>https://example.org/</link>%s</channel></rss>",
                          title, items);
}

static char *
rss_item (const char *guid,
          const char *link,
          const char *title,
          const char *body)
{
  return g_strdup_printf ("<item><guid>%s</guid><link>%s</link><title>%s</title>"
                          "<description>%s</description>"
                          "<pubDate>Mon, 23 Nov 2026 07:00:00 +0700</pubDate></item>",
                          guid, link, title, body);
}

static Route *
add_route (Fixture    *f,
           const char *path,
           guint       status,
           char       *body)
{
  Route *route = g_new0 (Route, 1);

  route->status = status;
  route->body = body;
  route->content_type = g_strdup ("application/rss+xml");
  g_hash_table_replace (f->routes, g_strdup (path), route);
  return route;
}

static Route *
add_feed_route (Fixture    *f,
                const char *path,
                const char *title)
{
  g_autofree char *item1 = rss_item ("g1", "https://example.org/1", "First story", "Text of the first story");
  g_autofree char *item2 = rss_item ("g2", "https://example.org/2", "Second story", "Text of the second story");
  g_autofree char *items = g_strconcat (item1, item2, NULL);

  return add_route (f, path, 200, rss (title, items));
}

static char *
url_for (Fixture    *f,
         const char *host,
         const char *path)
{
  return mk_test_http_url (f->http, host, path);
}

static GBytes *
gzipped (const char *text)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  g_assert_true (g_output_stream_write_all (stream, text, strlen (text), NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* An endless feed: an RSS item whose text goes on for route->endless
 * bytes, made up piece by piece as the client reads (never held whole),
 * chunked. */
#define ENDLESS_PIECE (64 * 1024)

typedef struct {
  Route *route;
  guint64 left;
  char *filler;          /* ENDLESS_PIECE spaces */
} Endless;

static void
endless_free (Endless *endless)
{
  g_free (endless->filler);
  g_free (endless);
}

static void
endless_next (SoupServerMessage *message,
              Endless           *endless)
{
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  gsize n = MIN (endless->left, ENDLESS_PIECE);

  if (n == 0)
    {
      soup_message_body_complete (body);
      return;
    }
  endless->left -= n;
  endless->route->n_made += n;
  soup_message_body_append (body, SOUP_MEMORY_STATIC, endless->filler, n);
}

static void
stream_endless (SoupServerMessage *message,
                Route             *route)
{
  static const char head[] = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                             "<title>Endless</title><item><title>Endless</title><description>";
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  Endless *endless = g_new0 (Endless, 1);

  endless->route = route;
  endless->left = route->endless;
  endless->filler = g_strnfill (ENDLESS_PIECE, ' ');
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (message),
                                     SOUP_ENCODING_CHUNKED);
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "Content-Type", route->content_type);
  /* Each piece is dropped once written. */
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, head, strlen (head));
  g_signal_connect_data (message, "wrote-chunk", G_CALLBACK (endless_next), endless,
                         (GClosureNotify) (void (*) (void)) endless_free, 0);
}

/* A gzip bomb: a valid gzip body of some 1 MB that inflates to @n_mib MiB
 * of an RSS item full of spaces. Compressing a gigabyte takes zlib some
 * 20 s here, so it is built as deflate allows: each MiB is deflated after
 * a full flush (no history), which makes the blocks of spaces identical
 * bytes; those are repeated, and the trailer's CRC-32 is combined from
 * the blocks' (crc32_combine). */
static GBytes *
gzip_bomb (guint n_mib)
{
  static const guint8 gzip_header[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };
  static const guint8 empty_final_block[2] = { 0x03, 0x00 };
  static const char head[] = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                             "<title>Bomb</title><item><title>Bomb</title><description>";
  const gsize mib = 1024 * 1024;
  g_autofree guint8 *first = g_malloc (mib);
  g_autofree guint8 *spaces = g_malloc (mib);
  g_autofree guint8 *out = g_malloc (2 * mib);
  GByteArray *bomb = g_byte_array_new ();
  gsize first_size = 0, block_size = 0;
  uLong crc_first, crc_spaces, crc;
  guint32 trailer[2];
  z_stream z = { 0 };

  memset (spaces, ' ', mib);
  memcpy (first, spaces, mib);
  memcpy (first, head, strlen (head));
  g_assert_cmpint (deflateInit2 (&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), ==, Z_OK);

  for (guint i = 0; i < 2; i++)
    {
      z.next_in = i == 0 ? first : spaces;
      z.avail_in = mib;
      z.next_out = out + first_size;
      z.avail_out = 2 * mib - first_size;
      g_assert_cmpint (deflate (&z, Z_FULL_FLUSH), ==, Z_OK);
      g_assert_cmpuint (z.avail_in, ==, 0);
      if (i == 0)
        first_size = 2 * mib - z.avail_out;
      else
        block_size = 2 * mib - first_size - z.avail_out;
    }
  deflateEnd (&z);

  g_byte_array_append (bomb, gzip_header, sizeof gzip_header);
  g_byte_array_append (bomb, out, first_size);
  for (guint i = 1; i < n_mib; i++)
    g_byte_array_append (bomb, out + first_size, block_size);
  g_byte_array_append (bomb, empty_final_block, sizeof empty_final_block);

  crc_first = crc32 (crc32 (0, NULL, 0), first, mib);
  crc_spaces = crc32 (crc32 (0, NULL, 0), spaces, mib);
  crc = crc_first;
  for (guint i = 1; i < n_mib; i++)
    crc = crc32_combine (crc, crc_spaces, mib);
  trailer[0] = GUINT32_TO_LE ((guint32) crc);
  trailer[1] = GUINT32_TO_LE ((guint32) ((guint64) n_mib * mib));
  g_byte_array_append (bomb, (const guint8 *) trailer, sizeof trailer);

  return g_byte_array_free_to_bytes (bomb);
}

static void
answer (SoupServerMessage *message,
        Route             *route)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (message);
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  const char *if_modified_since = soup_message_headers_get_one (request, "If-Modified-Since");

  if (route->etag)
    soup_message_headers_replace (response, "ETag", route->etag);
  if (route->last_modified)
    soup_message_headers_replace (response, "Last-Modified", route->last_modified);
  if (route->cache_control)
    soup_message_headers_replace (response, "Cache-Control", route->cache_control);
  if (route->location)
    soup_message_headers_replace (response, "Location", route->location);
  if (route->retry_after)
    soup_message_headers_replace (response, "Retry-After", route->retry_after);

  if ((route->etag && g_strcmp0 (if_none_match, route->etag) == 0) ||
      (route->last_modified && !route->etag && g_strcmp0 (if_modified_since, route->last_modified) == 0))
    {
      soup_server_message_set_status (message, 304, NULL);
      return;
    }

  soup_server_message_set_status (message, route->status, NULL);
  if (route->gzipped_body != NULL)
    {
      soup_message_headers_replace (response, "Content-Encoding", "gzip");
      soup_server_message_set_response (message, route->content_type, SOUP_MEMORY_COPY,
                                        g_bytes_get_data (route->gzipped_body, NULL),
                                        g_bytes_get_size (route->gzipped_body));
      return;
    }
  if (route->endless > 0)
    {
      stream_endless (message, route);
      return;
    }
  if (route->body == NULL)
    return;

  if (route->chunked)
    soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
  if (route->gzip)
    {
      g_autoptr(GBytes) compressed = gzipped (route->body);

      soup_message_headers_replace (response, "Content-Encoding", "gzip");
      soup_server_message_set_response (message, route->content_type, SOUP_MEMORY_COPY,
                                        g_bytes_get_data (compressed, NULL),
                                        g_bytes_get_size (compressed));
    }
  else
    soup_server_message_set_response (message, route->content_type, SOUP_MEMORY_COPY,
                                      route->body, strlen (route->body));
}

typedef struct {
  Fixture *f;
  SoupServerMessage *message;
  Route *route;
  char *host;
} Delayed;

static void
leave_host (Fixture    *f,
            const char *host)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (f->in_flight, host));

  g_hash_table_replace (f->in_flight, g_strdup (host), GUINT_TO_POINTER (n - 1));
  f->n_in_flight--;
}

static gboolean
answer_later (gpointer data)
{
  Delayed *delayed = data;

  answer (delayed->message, delayed->route);
  leave_host (delayed->f, delayed->host);
  soup_server_message_unpause (delayed->message);
  g_object_unref (delayed->message);
  g_free (delayed->host);
  g_free (delayed);
  return G_SOURCE_REMOVE;
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           data)
{
  Fixture *f = data;
  Route *route = g_hash_table_lookup (f->routes, path);
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  const char *host = soup_message_headers_get_one (request, "Host");
  guint n;

  if (route == NULL)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }

  route->hits++;
  g_free (route->last_user_agent);
  route->last_user_agent = g_strdup (soup_message_headers_get_one (request, "User-Agent"));
  g_free (route->last_if_none_match);
  route->last_if_none_match = g_strdup (soup_message_headers_get_one (request, "If-None-Match"));
  g_free (route->last_if_modified_since);
  route->last_if_modified_since = g_strdup (soup_message_headers_get_one (request, "If-Modified-Since"));

  if (route->stall)
    {
      g_ptr_array_add (f->paused, g_object_ref (message));
      soup_server_message_pause (message);
      return;
    }

  if (route->delay_ms > 0)
    {
      Delayed *delayed = g_new0 (Delayed, 1);

      n = GPOINTER_TO_UINT (g_hash_table_lookup (f->in_flight, host)) + 1;
      g_hash_table_replace (f->in_flight, g_strdup (host), GUINT_TO_POINTER (n));
      f->max_per_host = MAX (f->max_per_host, n);
      f->n_in_flight++;
      f->max_in_flight = MAX (f->max_in_flight, f->n_in_flight);

      delayed->f = f;
      delayed->message = g_object_ref (message);
      delayed->route = route;
      delayed->host = g_strdup (host);
      soup_server_message_pause (message);
      g_timeout_add (route->delay_ms, answer_later, delayed);
      return;
    }

  answer (message, route);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("mekong-fetcher-XXXXXX", &error);
  g_assert_no_error (error);
  f->archive = g_build_filename (f->dir, "archive.db", NULL);
  f->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) route_free);
  f->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->paused = g_ptr_array_new_with_free_func (g_object_unref);

  f->http = mk_test_http_new (handle, f);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  /* Stalled messages are let go before the server stops. */
  for (guint i = 0; i < f->paused->len; i++)
    {
      SoupServerMessage *message = g_ptr_array_index (f->paused, i);

      soup_server_message_set_status (message, 503, NULL);
      soup_server_message_unpause (message);
    }
  g_clear_pointer (&f->paused, g_ptr_array_unref);
  g_clear_pointer (&f->http, mk_test_http_free);
  g_clear_pointer (&f->routes, g_hash_table_unref);
  g_clear_pointer (&f->in_flight, g_hash_table_unref);
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->archive);
}

/* Helpers ------------------------------------------------------------------- */

static MkStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  MkStore *store = mk_store_open (f->archive, &error);

  g_assert_no_error (error);
  return store;
}

static char *
register_feed (Fixture    *f,
               const char *host,
               const char *path)
{
  g_autoptr(MkStore) store = open_store (f);
  g_autoptr(MkFeedSource) feed = NULL;
  g_autoptr(GError) error = NULL;
  char *url = url_for (f, host, path);

  feed = mk_store_add_feed (store, url, NULL, NULL, &error);
  g_assert_no_error (error);
  return url;
}

static MkFeedSource *
stored_feed (Fixture    *f,
             const char *url)
{
  g_autoptr(MkStore) store = open_store (f);
  g_autoptr(GError) error = NULL;
  MkFeedSource *feed = mk_store_get_feed (store, url, &error);

  g_assert_no_error (error);
  return feed;
}

static gint64
count_articles (Fixture *f)
{
  g_autoptr(MkStore) store = open_store (f);

  return mk_store_count_articles (store, NULL);
}

static void
got_result (GObject      *source,
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

/* Iterates until *@result is set; fails the test after WAIT_SECONDS. */
static void
wait_for (GAsyncResult **result)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_SECONDS, flag_timeout, &timed_out);

  while (*result == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static MkFeedFetcher *
new_fetcher (Fixture *f)
{
  return g_object_new (MK_TYPE_FEED_FETCHER, "archive-path", f->archive, "timeout", 2, NULL);
}

static GPtrArray *
fetch_with (Fixture            *f,
            MkFeedFetcher      *fetcher,
            const char * const *urls,
            GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_feed_fetcher_fetch_async (fetcher, urls, NULL, got_result, &result);
  wait_for (&result);
  return mk_feed_fetcher_fetch_finish (fetcher, result, error);
}

static GPtrArray *
fetch (Fixture            *f,
       const char * const *urls)
{
  g_autoptr(MkFeedFetcher) fetcher = new_fetcher (f);
  g_autoptr(GError) error = NULL;
  GPtrArray *feeds = fetch_with (f, fetcher, urls, &error);

  g_assert_no_error (error);
  return feeds;
}

static MkFeedSource *
only_feed (GPtrArray *feeds)
{
  g_assert_cmpuint (feeds->len, ==, 1);
  return g_ptr_array_index (feeds, 0);
}

/* Tests ------------------------------------------------------------------------ */

static void
test_ok (Fixture       *f,
         gconstpointer  data)
{
  Route *route = add_feed_route (f, "/feed.xml", "Local News");
  g_autofree char *url = register_feed (f, "127.0.0.1", "/feed.xml");
  g_autoptr(GPtrArray) feeds = fetch (f, NULL);
  g_autoptr(MkFeedSource) stored = NULL;
  MkFeedSource *feed = only_feed (feeds);

  g_assert_cmpint (mk_feed_source_get_outcome (feed), ==, MK_FEED_FETCH_OK);
  g_assert_cmpuint (mk_feed_source_get_n_added (feed), ==, 2);
  g_assert_cmpint (count_articles (f), ==, 2);
  g_assert_true (g_str_has_prefix (route->last_user_agent, "Mekong/"));

  stored = stored_feed (f, url);
  g_assert_cmpstr (mk_feed_source_get_title (stored), ==, "Local News");
  g_assert_cmpint (mk_feed_source_get_last_status (stored), ==, 200);
  g_assert_null (mk_feed_source_get_last_error (stored));
  g_assert_nonnull (mk_feed_source_get_last_fetched (stored));
  g_assert_cmpint (mk_feed_source_get_n_articles (stored), ==, 2);
}

static void
check_not_modified (Fixture    *f,
                    Route      *route,
                    const char *url)
{
  g_autoptr(GPtrArray) first = fetch (f, NULL);
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(MkFeedSource) before = stored_feed (f, url);
  g_autoptr(MkFeedSource) after = NULL;

  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (first)), ==, MK_FEED_FETCH_OK);
  second = fetch (f, NULL);
  g_assert_cmpuint (route->hits, ==, 2);
  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (second)), ==, MK_FEED_FETCH_NOT_MODIFIED);
  g_assert_cmpuint (mk_feed_source_get_n_added (only_feed (second)), ==, 0);
  g_assert_cmpint (count_articles (f), ==, 2);

  /* The validators are kept, together, as the 200 gave them. */
  after = stored_feed (f, url);
  g_assert_cmpstr (mk_feed_source_get_etag (after), ==, mk_feed_source_get_etag (before));
  g_assert_cmpstr (mk_feed_source_get_last_modified (after), ==, mk_feed_source_get_last_modified (before));
  g_assert_cmpint (mk_feed_source_get_last_status (after), ==, 304);
}

static void
test_etag (Fixture       *f,
           gconstpointer  data)
{
  Route *route = add_feed_route (f, "/feed.xml", "Tagged");
  g_autofree char *url = register_feed (f, "127.0.0.1", "/feed.xml");

  route->etag = g_strdup ("\"v1\"");
  route->last_modified = g_strdup ("Mon, 23 Nov 2026 06:00:00 GMT");
  check_not_modified (f, route, url);
  g_assert_cmpstr (route->last_if_none_match, ==, "\"v1\"");
  g_assert_cmpstr (route->last_if_modified_since, ==, "Mon, 23 Nov 2026 06:00:00 GMT");
}

static void
test_last_modified (Fixture       *f,
                    gconstpointer  data)
{
  Route *route = add_feed_route (f, "/feed.xml", "Dated");
  g_autofree char *url = register_feed (f, "127.0.0.1", "/feed.xml");
  g_autoptr(MkFeedSource) stored = NULL;

  route->last_modified = g_strdup ("Sun, 22 Nov 2026 06:00:00 GMT");
  check_not_modified (f, route, url);
  g_assert_null (route->last_if_none_match);
  g_assert_cmpstr (route->last_if_modified_since, ==, "Sun, 22 Nov 2026 06:00:00 GMT");
  stored = stored_feed (f, url);
  g_assert_null (mk_feed_source_get_etag (stored));
}

static void
test_permanent_redirect (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *url = register_feed (f, "127.0.0.1", "/old.xml");
  g_autofree char *new_url = url_for (f, "127.0.0.1", "/new.xml");
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(MkFeedSource) moved = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Route *old;

  old = add_route (f, "/old.xml", 301, NULL);
  old->location = g_strdup ("/new.xml");
  add_feed_route (f, "/new.xml", "Moved");

  feeds = fetch (f, NULL);
  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (feeds)), ==, MK_FEED_FETCH_OK);
  g_assert_cmpint (count_articles (f), ==, 2);

  /* Stored under its new address; the old one is gone. */
  moved = stored_feed (f, new_url);
  g_assert_cmpint (mk_feed_source_get_n_articles (moved), ==, 2);
  store = open_store (f);
  g_assert_null (mk_store_get_feed (store, url, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
}

static void
test_temporary_redirect (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *url = register_feed (f, "127.0.0.1", "/here.xml");
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(MkFeedSource) stored = NULL;
  Route *here;

  here = add_route (f, "/here.xml", 302, NULL);
  here->location = url_for (f, "127.0.0.1", "/there.xml");
  add_feed_route (f, "/there.xml", "Elsewhere today");

  feeds = fetch (f, NULL);
  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (feeds)), ==, MK_FEED_FETCH_OK);
  stored = stored_feed (f, url);
  g_assert_cmpint (mk_feed_source_get_n_articles (stored), ==, 2);
}

static void
test_redirect_loop (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *url = register_feed (f, "127.0.0.1", "/a.xml");
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(MkFeedSource) stored = NULL;
  Route *a = add_route (f, "/a.xml", 301, NULL);
  Route *b = add_route (f, "/b.xml", 302, NULL);

  a->location = g_strdup ("/b.xml");
  b->location = g_strdup ("/a.xml");

  feeds = fetch (f, NULL);
  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (feeds)), ==, MK_FEED_FETCH_FAILED);
  /* The first request and five redirects, no more. */
  g_assert_cmpuint (a->hits + b->hits, ==, 1 + MK_FEED_FETCHER_MAX_REDIRECTS);
  stored = stored_feed (f, url);
  g_assert_nonnull (strstr (mk_feed_source_get_last_error (stored), "redirects"));
}

/* A Location GLib cannot resolve safely ("x:/.//a": no host, a path that
 * would read as one) is refused with one clear error, not an assertion. */
static void
test_hostile_redirect (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *url = register_feed (f, "127.0.0.1", "/moved.xml");
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(MkFeedSource) stored = NULL;
  Route *moved = add_route (f, "/moved.xml", 301, NULL);

  moved->location = g_strdup ("x:/.//a");

  feeds = fetch (f, NULL);
  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (feeds)), ==, MK_FEED_FETCH_FAILED);
  stored = stored_feed (f, url);
  g_assert_cmpstr (mk_feed_source_get_url (stored), ==, url);
  g_assert_nonnull (strstr (mk_feed_source_get_last_error (stored), "without a usable address"));
}

static void
test_http_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *missing = register_feed (f, "127.0.0.1", "/missing.xml");
  g_autofree char *broken = register_feed (f, "127.0.0.1", "/broken.xml");
  g_autofree char *fine = register_feed (f, "localhost", "/fine.xml");
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(MkFeedSource) stored_missing = NULL;
  g_autoptr(MkFeedSource) stored_broken = NULL;
  g_autoptr(MkFeedSource) stored_fine = NULL;

  add_route (f, "/broken.xml", 500, g_strdup ("oops"));
  add_feed_route (f, "/fine.xml", "Fine");

  feeds = fetch (f, NULL);
  g_assert_cmpuint (feeds->len, ==, 3);

  /* Each failure kept on its feed; the good feed stored all the same. */
  stored_missing = stored_feed (f, missing);
  g_assert_cmpint (mk_feed_source_get_last_status (stored_missing), ==, 404);
  g_assert_true (g_str_has_prefix (mk_feed_source_get_last_error (stored_missing), "HTTP 404"));
  stored_broken = stored_feed (f, broken);
  g_assert_cmpint (mk_feed_source_get_last_status (stored_broken), ==, 500);
  g_assert_true (g_str_has_prefix (mk_feed_source_get_last_error (stored_broken), "HTTP 500"));
  stored_fine = stored_feed (f, fine);
  g_assert_null (mk_feed_source_get_last_error (stored_fine));
  g_assert_cmpint (count_articles (f), ==, 2);
}

static void
test_retry_after (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *busy = register_feed (f, "127.0.0.1", "/busy.xml");
  g_autofree char *sibling = register_feed (f, "127.0.0.1", "/sibling.xml");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  Route *route = add_route (f, "/busy.xml", 429, NULL);
  Route *other = add_feed_route (f, "/sibling.xml", "Sibling");
  const char *only_busy[] = { busy, NULL };

  route->retry_after = g_strdup ("120");

  first = fetch (f, only_busy);
  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (first)), ==, MK_FEED_FETCH_FAILED);
  g_assert_cmpuint (route->hits, ==, 1);

  /* Within the two minutes, neither feed of that host is asked. */
  second = fetch (f, NULL);
  g_assert_cmpuint (second->len, ==, 2);
  for (guint i = 0; i < second->len; i++)
    g_assert_cmpint (mk_feed_source_get_outcome (g_ptr_array_index (second, i)), ==,
                     MK_FEED_FETCH_NOT_DUE);
  g_assert_cmpuint (route->hits, ==, 1);
  g_assert_cmpuint (other->hits, ==, 0);
}

static void
test_max_age (Fixture       *f,
              gconstpointer  data)
{
  Route *route = add_feed_route (f, "/cached.xml", "Cached");
  g_autofree char *url = register_feed (f, "127.0.0.1", "/cached.xml");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(MkFeedSource) stored = NULL;

  route->cache_control = g_strdup ("public, max-age=3600");
  first = fetch (f, NULL);
  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (first)), ==, MK_FEED_FETCH_OK);
  stored = stored_feed (f, url);
  g_assert_nonnull (mk_feed_source_get_next_fetch (stored));

  second = fetch (f, NULL);
  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (second)), ==, MK_FEED_FETCH_NOT_DUE);
  g_assert_cmpuint (route->hits, ==, 1);
}

static void
test_stall (Fixture       *f,
            gconstpointer  data)
{
  Route *route = add_feed_route (f, "/slow.xml", "Slow");
  g_autofree char *url = register_feed (f, "127.0.0.1", "/slow.xml");
  g_autoptr(MkFeedFetcher) fetcher = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(MkFeedSource) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  route->stall = TRUE;
  fetcher = g_object_new (MK_TYPE_FEED_FETCHER, "archive-path", f->archive, "timeout", 1, NULL);
  feeds = fetch_with (f, fetcher, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (feeds)), ==, MK_FEED_FETCH_FAILED);
  /* The one-second timeout, not the test's bound. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  stored = stored_feed (f, url);
  g_assert_nonnull (mk_feed_source_get_last_error (stored));
  g_assert_cmpint (mk_feed_source_get_last_status (stored), ==, 0);
}

static void
test_gzip (Fixture       *f,
           gconstpointer  data)
{
  Route *route = add_feed_route (f, "/zipped.xml", "Zipped");
  g_autoptr(GPtrArray) feeds = NULL;
  g_autofree char *url = register_feed (f, "127.0.0.1", "/zipped.xml");

  route->gzip = TRUE;
  feeds = fetch (f, NULL);
  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (feeds)), ==, MK_FEED_FETCH_OK);
  g_assert_cmpint (count_articles (f), ==, 2);
}

static void
check_too_large (Fixture  *f,
                 gboolean  chunked)
{
  g_autoptr(MkFeedFetcher) fetcher = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeedSource) stored = NULL;
  g_autofree char *url = register_feed (f, "127.0.0.1", "/big.xml");
  g_autofree char *filler = g_strnfill (200000, 'x');
  g_autofree char *item = rss_item ("big", "https://example.org/big", "Big", filler);
  Route *route = add_route (f, "/big.xml", 200, rss ("Big", item));

  route->chunked = chunked;
  fetcher = g_object_new (MK_TYPE_FEED_FETCHER, "archive-path", f->archive,
                          "max-body-size", (guint64) 100000, NULL);
  feeds = fetch_with (f, fetcher, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (feeds)), ==, MK_FEED_FETCH_FAILED);
  g_assert_cmpint (count_articles (f), ==, 0);
  stored = stored_feed (f, url);
  g_assert_nonnull (strstr (mk_feed_source_get_last_error (stored), "larger than"));
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  check_too_large (f, FALSE);
}

static void
test_too_large_chunked (Fixture       *f,
                        gconstpointer  data)
{
  check_too_large (f, TRUE);
}

/* The peak memory of this process (client and server), in bytes. */
static guint64
max_rss (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return (guint64) usage.ru_maxrss * 1024;
}

/* A 1 GB feed (a gzip bomb of 1 MB, or streamed on the fly): the fetch
 * stops at the body cap (16 MB) with one clear error, within seconds,
 * nothing stored, and the process's memory never grows near a gigabyte. */
static void
check_gigabyte (Fixture *f)
{
  g_autofree char *url = register_feed (f, "127.0.0.1", "/huge.xml");
  g_autofree char *limit = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(MkFeedFetcher) fetcher = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(MkFeedSource) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint64 rss_before = max_rss (), rss_growth, cap;
  gint64 start = g_get_monotonic_time (), elapsed_ms;

  /* The fetcher's own cap, as the application uses it. */
  fetcher = g_object_new (MK_TYPE_FEED_FETCHER, "archive-path", f->archive, "timeout", 10, NULL);
  g_object_get (fetcher, "max-body-size", &cap, NULL);
  g_assert_cmpuint (cap, ==, 16 * 1024 * 1024);
  limit = g_format_size (cap);
  expected = g_strdup_printf ("the answer is larger than %s", limit);
  feeds = fetch_with (f, fetcher, NULL, &error);
  g_assert_no_error (error);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  rss_growth = max_rss () - rss_before;

  g_test_message ("stopped after %" G_GINT64_FORMAT " ms; peak memory grew by %" G_GUINT64_FORMAT " kB",
                  elapsed_ms, rss_growth / 1024);
  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (feeds)), ==, MK_FEED_FETCH_FAILED);
  stored = stored_feed (f, url);
  g_assert_cmpstr (mk_feed_source_get_last_error (stored), ==, expected);
  g_assert_cmpint (count_articles (f), ==, 0);
  /* Fast: the cap, not the gigabyte (or the 40 s deadline). */
  g_assert_cmpint (elapsed_ms, <, 10000);
  /* The body read up to the cap, not the gigabyte: reading it all would
   * take more than 1 GiB. The margin over the cap is for AddressSanitizer,
   * which keeps freed blocks in quarantine (some 80 MB measured here; 20
   * MB without it). */
  g_assert_cmpuint (rss_growth, <, 8 * cap);
}

/* The bomb is what it claims: a small one inflates (CRC and length
 * checked by zlib) to exactly its size, starting with the feed. */
static void
check_bomb_inflates (void)
{
  g_autoptr(GBytes) bomb = gzip_bomb (3);
  g_autoptr(GInputStream) compressed = g_memory_input_stream_new_from_bytes (bomb);
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (compressed, G_CONVERTER (decompressor));
  g_autoptr(GOutputStream) inflated = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gssize n;

  n = g_output_stream_splice (inflated, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 3 * 1024 * 1024);
  g_assert_true (g_str_has_prefix (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (inflated)), "<?xml"));
}

static void
test_gzip_bomb (Fixture       *f,
                gconstpointer  data)
{
  Route *route = add_route (f, "/huge.xml", 200, NULL);

  check_bomb_inflates ();

  route->gzipped_body = gzip_bomb (1024);
  g_test_message ("a %" G_GSIZE_FORMAT " kB gzip body that inflates to 1 GiB",
                  g_bytes_get_size (route->gzipped_body) / 1024);
  g_assert_cmpuint (g_bytes_get_size (route->gzipped_body), <, 2 * 1024 * 1024);
  check_gigabyte (f);
}

static void
test_endless_feed (Fixture       *f,
                   gconstpointer  data)
{
  Route *route = add_route (f, "/huge.xml", 200, NULL);

  route->endless = (guint64) 1024 * 1024 * 1024;
  check_gigabyte (f);
  /* The server made the feed only as fast as it was read: up to the cap
   * and what the sockets buffer, not the gigabyte. */
  g_test_message ("the server made %" G_GUINT64_FORMAT " kB of it", route->n_made / 1024);
  g_assert_cmpuint (route->n_made, <, 4 * 16 * 1024 * 1024);
}

static void
test_not_a_feed (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *url = register_feed (f, "127.0.0.1", "/page.html");
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(MkFeedSource) stored = NULL;
  Route *route = add_route (f, "/page.html", 200, g_strdup ("<html><body>Hello</body></html>"));

  g_free (route->content_type);
  route->content_type = g_strdup ("text/html");
  feeds = fetch (f, NULL);
  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (feeds)), ==, MK_FEED_FETCH_FAILED);
  stored = stored_feed (f, url);
  g_assert_true (g_str_has_prefix (mk_feed_source_get_last_error (stored), "not a feed"));
}

static MkArticle *
stored_article (Fixture *f)
{
  g_autoptr(MkStore) store = open_store (f);
  g_autoptr(GArray) ids = mk_store_search_ids (store, NULL, MK_SORT_NEWEST, 0, NULL, NULL);

  g_assert_cmpuint (ids->len, ==, 1);
  return mk_store_get_article (store, g_array_index (ids, gint64, 0), NULL);
}

static void
test_changing_feed (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *url = register_feed (f, "127.0.0.1", "/live.xml");
  g_autofree char *v1 = rss_item ("live-1", "https://example.org/live", "Live story", "First version");
  g_autofree char *v2 = rss_item ("live-1", "https://example.org/live", "Live story", "Second version, corrected");
  g_autofree char *v3 = rss_item ("live-renamed", "https://example.org/live", "Live story", "Third version");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) same = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(MkArticle) article = NULL;
  Route *route = add_route (f, "/live.xml", 200, rss ("Live", v1));

  first = fetch (f, NULL);
  g_assert_cmpuint (mk_feed_source_get_n_added (only_feed (first)), ==, 1);

  g_free (route->body);
  route->body = rss ("Live", v2);
  second = fetch (f, NULL);
  g_assert_cmpuint (mk_feed_source_get_n_added (only_feed (second)), ==, 0);
  g_assert_cmpuint (mk_feed_source_get_n_updated (only_feed (second)), ==, 1);
  article = stored_article (f);
  g_assert_cmpstr (mk_article_get_body (article), ==, "Second version, corrected");
  g_clear_object (&article);

  /* Unchanged: neither added nor updated. */
  same = fetch (f, NULL);
  g_assert_cmpuint (mk_feed_source_get_n_added (only_feed (same)), ==, 0);
  g_assert_cmpuint (mk_feed_source_get_n_updated (only_feed (same)), ==, 0);

  /* A new guid on the same link is the same article. */
  g_free (route->body);
  route->body = rss ("Live", v3);
  third = fetch (f, NULL);
  g_assert_cmpuint (mk_feed_source_get_n_added (only_feed (third)), ==, 0);
  g_assert_cmpuint (mk_feed_source_get_n_updated (only_feed (third)), ==, 1);
  article = stored_article (f);
  g_assert_cmpstr (mk_article_get_body (article), ==, "Third version");
  g_assert_cmpint (count_articles (f), ==, 1);
}

static void
count_started (MkFeedFetcher *fetcher,
               MkFeedSource  *feed,
               guint         *n)
{
  (*n)++;
}

static void
test_concurrent (Fixture       *f,
                 gconstpointer  data)
{
  const char *hosts[] = { "127.0.0.1", "localhost" };
  g_autoptr(MkFeedFetcher) fetcher = new_fetcher (f);
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  guint n_started = 0;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed-%u.xml", i);
      g_autofree char *title = g_strdup_printf ("Feed %u", i);
      g_autofree char *item = NULL;
      g_autofree char *guid = g_strdup_printf ("c-%u", i);
      g_autofree char *link = g_strdup_printf ("https://example.org/c/%u", i);
      g_autofree char *url = NULL;
      Route *route;

      item = rss_item (guid, link, title, title);
      route = add_route (f, path, 200, rss (title, item));
      route->delay_ms = 150;
      url = register_feed (f, hosts[i % 2], path);
    }

  g_signal_connect (fetcher, "feed-started", G_CALLBACK (count_started), &n_started);
  feeds = fetch_with (f, fetcher, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 6);
  g_assert_cmpuint (n_started, ==, 6);
  for (guint i = 0; i < feeds->len; i++)
    g_assert_cmpint (mk_feed_source_get_outcome (g_ptr_array_index (feeds, i)), ==, MK_FEED_FETCH_OK);
  g_assert_cmpint (count_articles (f), ==, 6);

  /* Both hosts at once, never two requests to one host. */
  g_assert_cmpuint (f->max_in_flight, ==, 2);
  g_assert_cmpuint (f->max_per_host, ==, 1);
}

static void
cancel_soon (MkFeedFetcher *fetcher,
             MkFeedSource  *feed,
             GCancellable  *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *url = register_feed (f, "127.0.0.1", "/forever.xml");
  g_autoptr(MkFeedFetcher) fetcher = new_fetcher (f);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkStore) store = NULL;
  Route *route = add_feed_route (f, "/forever.xml", "Forever");
  gint64 start;

  route->stall = TRUE;
  g_signal_connect (fetcher, "feed-started", G_CALLBACK (cancel_soon), cancellable);
  start = g_get_monotonic_time ();
  mk_feed_fetcher_fetch_async (fetcher, NULL, cancellable, got_result, &result);
  wait_for (&result);
  feeds = mk_feed_fetcher_fetch_finish (fetcher, result, &error);

  g_assert_null (feeds);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Promptly: well within the fetcher's two-second timeout. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  store = open_store (f);
  g_assert_cmpint (mk_store_count_articles (store, NULL), ==, 0);
}

static void
test_unregistered (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *url = url_for (f, "127.0.0.1", "/never-added.xml");
  const char *urls[] = { url, NULL };
  g_autoptr(GPtrArray) feeds = fetch (f, urls);

  g_assert_cmpint (mk_feed_source_get_outcome (only_feed (feeds)), ==, MK_FEED_FETCH_FAILED);
  g_assert_nonnull (mk_feed_source_get_last_error (only_feed (feeds)));
}

static MkFeedSource *
discover (Fixture     *f,
          const char  *path,
          GError     **error)
{
  g_autoptr(MkFeedFetcher) fetcher = new_fetcher (f);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *url = url_for (f, "127.0.0.1", path);

  mk_feed_fetcher_discover_async (fetcher, url, NULL, got_result, &result);
  wait_for (&result);
  return mk_feed_fetcher_discover_finish (fetcher, result, error);
}

static void
test_discover (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(MkFeedSource) from_page = NULL;
  g_autoptr(MkFeedSource) direct = NULL;
  g_autoptr(MkFeedSource) nothing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *feed_url = url_for (f, "127.0.0.1", "/news/feed.xml");
  Route *page;

  page = add_route (f, "/news/", 200,
                    g_strdup ("<!DOCTYPE html><html><head><title>News</title>"
                              "<link rel=\"stylesheet\" href=\"s.css\">"
                              "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.xml\">"
                              "</head><body>Hi</body></html>"));
  g_free (page->content_type);
  page->content_type = g_strdup ("text/html");
  add_feed_route (f, "/news/feed.xml", "Discovered News");
  add_route (f, "/plain/", 200, g_strdup ("<html><body>No feed here</body></html>"));

  from_page = discover (f, "/news/", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_feed_source_get_url (from_page), ==, feed_url);
  g_assert_cmpstr (mk_feed_source_get_title (from_page), ==, "Discovered News");

  direct = discover (f, "/news/feed.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_feed_source_get_url (direct), ==, feed_url);

  nothing = discover (f, "/plain/", &error);
  g_assert_null (nothing);
  g_assert_error (error, MK_FEED_ERROR, MK_FEED_ERROR_NOT_A_FEED);
  g_clear_error (&error);

  /* A page whose feed is missing: the error says it was the feed. */
  add_route (f, "/stale/", 200,
             g_strdup ("<html><head><link rel=\"alternate\" type=\"application/atom+xml\""
                       " href=\"/stale/atom.xml\"></head></html>"));
  g_clear_object (&nothing);
  nothing = discover (f, "/stale/", &error);
  g_assert_null (nothing);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "the page links to the feed"));
  g_assert_nonnull (strstr (error->message, "HTTP 404"));
}

/* A page whose feed link cannot be resolved safely: no feed, no assertion. */
static void
test_discover_hostile_link (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(MkFeedSource) found = NULL;
  g_autoptr(GError) error = NULL;
  Route *page;

  page = add_route (f, "/odd/", 200,
                    g_strdup ("<html><head><link rel=\"alternate\" type=\"application/rss+xml\""
                              " href=\"x:/.//a\"></head><body>Hi</body></html>"));
  g_free (page->content_type);
  page->content_type = g_strdup ("text/html");

  found = discover (f, "/odd/", &error);
  g_assert_null (found);
  g_assert_error (error, MK_FEED_ERROR, MK_FEED_ERROR_NOT_A_FEED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/feed-fetcher/" path, Fixture, NULL, set_up, func, tear_down)

  ADD ("ok", test_ok);
  ADD ("etag", test_etag);
  ADD ("last-modified", test_last_modified);
  ADD ("permanent-redirect", test_permanent_redirect);
  ADD ("temporary-redirect", test_temporary_redirect);
  ADD ("redirect-loop", test_redirect_loop);
  ADD ("hostile-redirect", test_hostile_redirect);
  ADD ("http-errors", test_http_errors);
  ADD ("retry-after", test_retry_after);
  ADD ("max-age", test_max_age);
  ADD ("stall", test_stall);
  ADD ("gzip", test_gzip);
  ADD ("too-large", test_too_large);
  ADD ("too-large-chunked", test_too_large_chunked);
  ADD ("gzip-bomb", test_gzip_bomb);
  ADD ("endless-feed", test_endless_feed);
  ADD ("not-a-feed", test_not_a_feed);
  ADD ("changing-feed", test_changing_feed);
  ADD ("concurrent", test_concurrent);
  ADD ("cancel", test_cancel);
  ADD ("unregistered", test_unregistered);
  ADD ("discover", test_discover);
  ADD ("discover-hostile-link", test_discover_hostile_link);

  return g_test_run ();
}
