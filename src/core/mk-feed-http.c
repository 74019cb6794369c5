/* mk-feed-http.c — one GET of a feed: validators, counted redirects, caps
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-feed.h"
#include "mk-feed-fetcher.h"
#include "mk-feed-http.h"
#include "mk-uri.h"

/* Used by MkFeedFetcher for fetches and for discovery. Redirects are
 * followed by hand (SOUP_MESSAGE_NO_REDIRECT) so that they can be counted
 * and a permanent move told apart; the body is read in chunks so that the
 * cap holds without Content-Length (chunked, gzip); an overall deadline
 * catches a server that trickles bytes, which the session's I/O timeout
 * does not. */

#define ACCEPT "application/rss+xml, application/atom+xml, application/feed+json, " \
               "application/rdf+xml;q=0.9, application/json;q=0.8, " \
               "application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.5, */*;q=0.1"

#define READ_CHUNK (64 * 1024)

typedef struct {
  SoupSession *session;
  guint timeout;
  guint64 max_body_size;
  char *url;              /* asked for, then where the redirects led */
  char *etag;             /* validators to send, for the first URL only */
  char *last_modified;
  guint n_redirects;
  gboolean permanent;     /* every redirect so far was 301 or 308 */
  SoupMessage *message;
  GInputStream *stream;
  GByteArray *body;
  GCancellable *cancellable;  /* the caller's, and the deadline's */
  gulong cancelled_id;
  GCancellable *outer;
  guint deadline_id;
  gboolean timed_out;
} Exchange;

static void
exchange_free (Exchange *exchange)
{
  if (exchange->deadline_id != 0)
    g_source_remove (exchange->deadline_id);
  if (exchange->outer != NULL)
    g_cancellable_disconnect (exchange->outer, exchange->cancelled_id);
  g_clear_object (&exchange->outer);
  g_clear_object (&exchange->session);
  g_free (exchange->url);
  g_free (exchange->etag);
  g_free (exchange->last_modified);
  g_clear_object (&exchange->message);
  g_clear_object (&exchange->stream);
  g_clear_pointer (&exchange->body, g_byte_array_unref);
  g_clear_object (&exchange->cancellable);
  g_free (exchange);
}

static void send_request (GTask *task);

static gboolean
deadline_passed (gpointer data)
{
  Exchange *exchange = data;

  exchange->deadline_id = 0;
  exchange->timed_out = TRUE;
  g_cancellable_cancel (exchange->cancellable);
  return G_SOURCE_REMOVE;
}

static void
outer_cancelled (GCancellable *outer,
                 gpointer      data)
{
  g_cancellable_cancel (G_CANCELLABLE (data));
}

static void
return_io_error (GTask        *task,
                 GError       *error)
{
  Exchange *exchange = g_task_get_task_data (task);

  /* Our deadline cancels the exchange; say it timed out, not cancelled. */
  if (exchange->timed_out && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&error);
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           _("no complete answer within %u seconds"), exchange->timeout * 4);
    }
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
read_body (GTask *task);

static void
body_read (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GTask *task = data;
  Exchange *exchange = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      return_io_error (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      /* Closed, so that the connection goes back to the session's pool. */
      g_input_stream_close (exchange->stream, NULL, NULL);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  g_byte_array_append (exchange->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (exchange->body->len > exchange->max_body_size)
    {
      g_autofree char *limit = g_format_size (exchange->max_body_size);

      g_task_return_new_error (task, MK_FEED_ERROR, MK_FEED_ERROR_TOO_LARGE,
                               _("the answer is larger than %s"), limit);
      g_object_unref (task);
      return;
    }

  read_body (task);
}

static void
read_body (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (exchange->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   exchange->cancellable, body_read, task);
}

static gboolean
is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

static void
follow_redirect (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (exchange->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  guint status = soup_message_get_status (exchange->message);
  g_autofree char *next = NULL;
  g_autofree char *scheme = NULL;

  if (location != NULL)
    next = mk_uri_resolve (exchange->url, location);
  scheme = next ? g_uri_parse_scheme (next) : NULL;
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "http") != 0 &&
                         g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("redirected (HTTP %u) without a usable address"), status);
      g_object_unref (task);
      return;
    }

  if (++exchange->n_redirects > MK_FEED_FETCHER_MAX_REDIRECTS)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("too many redirects (more than %d)"),
                               MK_FEED_FETCHER_MAX_REDIRECTS);
      g_object_unref (task);
      return;
    }

  exchange->permanent = exchange->permanent && (status == 301 || status == 308);
  g_free (exchange->url);
  exchange->url = g_steal_pointer (&next);
  g_clear_object (&exchange->stream);
  send_request (task);
}

static void
request_sent (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GTask *task = data;
  Exchange *exchange = g_task_get_task_data (task);
  GError *error = NULL;
  guint status;

  exchange->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (exchange->stream == NULL)
    {
      return_io_error (task, error);
      return;
    }

  status = soup_message_get_status (exchange->message);
  if (is_redirect (status))
    {
      /* The body of a redirect is not read; closing drops the connection
       * if it had one, which costs less than reading an unknown amount. */
      g_input_stream_close (exchange->stream, NULL, NULL);
      follow_redirect (task);
      return;
    }

  if (status >= 200 && status < 300)
    {
      goffset length = soup_message_headers_get_content_length (
                         soup_message_get_response_headers (exchange->message));

      /* Refused before reading when the server says how much is coming. */
      if (length > 0 && (guint64) length > exchange->max_body_size)
        {
          g_autofree char *limit = g_format_size (exchange->max_body_size);

          g_task_return_new_error (task, MK_FEED_ERROR, MK_FEED_ERROR_TOO_LARGE,
                                   _("the answer is larger than %s"), limit);
          g_object_unref (task);
          return;
        }
      read_body (task);
      return;
    }

  /* 304 and errors: the status says all; the body is not needed. */
  g_input_stream_close (exchange->stream, NULL, NULL);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
send_request (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_clear_object (&exchange->message);
  exchange->message = soup_message_new (SOUP_METHOD_GET, exchange->url);
  if (exchange->message == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not a web address"), exchange->url);
      g_object_unref (task);
      return;
    }

  soup_message_add_flags (exchange->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (exchange->message);
  soup_message_headers_replace (headers, "Accept", ACCEPT);
  /* The validators belong to the stored URL's answer; after a redirect
   * they would describe another resource. */
  if (exchange->n_redirects == 0)
    {
      if (exchange->etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", exchange->etag);
      if (exchange->last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", exchange->last_modified);
    }

  soup_session_send_async (exchange->session, exchange->message, G_PRIORITY_DEFAULT,
                           exchange->cancellable, request_sent, task);
}

/**
 * mk_feed_http_get_async:
 * @timeout: seconds a connection may stay silent (the session's); the
 *   whole exchange gets four times that
 * @etag: (nullable): sent as If-None-Match to the first URL
 * @last_modified: (nullable): sent as If-Modified-Since to the first URL
 *
 * GETs @url, following at most MK_FEED_FETCHER_MAX_REDIRECTS redirects,
 * reading the body of a 2xx answer up to @max_body_size. Completes once an
 * answer (any status) is complete; read it with the getters below.
 */
void
mk_feed_http_get_async (SoupSession         *session,
                        guint                timeout,
                        guint64              max_body_size,
                        const char          *url,
                        const char          *etag,
                        const char          *last_modified,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);
  Exchange *exchange = g_new0 (Exchange, 1);

  g_task_set_source_tag (task, mk_feed_http_get_async);
  exchange->session = g_object_ref (session);
  exchange->timeout = timeout;
  exchange->max_body_size = max_body_size;
  exchange->url = g_strdup (url);
  exchange->etag = g_strdup (etag);
  exchange->last_modified = g_strdup (last_modified);
  exchange->permanent = TRUE;
  exchange->body = g_byte_array_new ();
  exchange->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      exchange->outer = g_object_ref (cancellable);
      exchange->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled),
                                                      exchange->cancellable, NULL);
    }
  /* Silence is caught by the session's timeout; a server that trickles
   * bytes forever by this deadline. */
  exchange->deadline_id = g_timeout_add_seconds (timeout * 4, deadline_passed, exchange);
  g_task_set_task_data (task, exchange, (GDestroyNotify) exchange_free);

  /* The task's one reference is released by whoever returns. */
  send_request (task);
}

/**
 * mk_feed_http_get_finish:
 *
 * Returns: %TRUE when an answer came, whatever its status; %FALSE with
 *   @error on a network failure, a timeout, too many redirects or a body
 *   over the cap
 */
gboolean
mk_feed_http_get_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static Exchange *
exchange_of (GAsyncResult *result)
{
  return g_task_get_task_data (G_TASK (result));
}

/* The last request's message: its status and response headers. */
SoupMessage *
mk_feed_http_get_message (GAsyncResult *result)
{
  return exchange_of (result)->message;
}

/* Where the redirects led. */
const char *
mk_feed_http_get_url (GAsyncResult *result)
{
  return exchange_of (result)->url;
}

/* Whether redirects were followed and all of them were permanent. */
gboolean
mk_feed_http_was_moved (GAsyncResult *result)
{
  Exchange *exchange = exchange_of (result);

  return exchange->n_redirects > 0 && exchange->permanent;
}

GBytes *
mk_feed_http_steal_body (GAsyncResult *result)
{
  return g_byte_array_free_to_bytes (g_steal_pointer (&exchange_of (result)->body));
}
