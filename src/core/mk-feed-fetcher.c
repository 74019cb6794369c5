/* mk-feed-fetcher.c — fetching feeds over HTTP, politely
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <libxml/HTMLparser.h>

#include "mk-feed.h"
#include "mk-feed-fetcher.h"
#include "mk-feed-http.h"
#include "mk-importer.h"
#include "mk-store.h"
#include "mk-uri.h"
#include "mk-xml.h"

/* A fetch run takes the archive's feeds (or those asked for) and fetches
 * a few at once, never two of one host at once. The network is libsoup's,
 * asynchronous in the caller's main context; everything that touches the
 * archive, and the parsing, runs in one writer thread with a connection
 * of its own (a GThreadPool of one thread, so writes never wait on each
 * other). Each feed is stored in one transaction with what its fetch
 * learnt; a failure is recorded on its feed and the others go on.
 *
 * Politeness: conditional GET (If-None-Match and If-Modified-Since from
 * the validators stored together); a 304 stores no article and keeps the
 * validators; gzip (libsoup's SoupContentDecoder, on by default); at most
 * MK_FEED_FETCHER_MAX_REDIRECTS redirects, followed by hand so they can be
 * counted and a permanent one (301, 308, all the way) can move the feed;
 * 429 and 503 with Retry-After leave the whole host alone until then;
 * Cache-Control max-age is kept as the feed's next_fetch; I/O timeouts
 * (SoupSession:timeout), an overall deadline per feed, a cap on the body
 * while it is read; a User-Agent that says who we are; TLS certificates
 * checked by glib-networking (libsoup refuses a bad one by default). */

#define USER_AGENT "Mekong/" PACKAGE_VERSION " (+https://github.com/mekong/mekong)"

#define DEFAULT_TIMEOUT 30          /* seconds of silence on a connection */
#define DEFAULT_MAX_CONCURRENT 4

/* A server may ask for less, not for more: news feeds change daily. */
#define MAX_WAIT_SECONDS (24 * 60 * 60)


struct _MkFeedFetcher
{
  GObject parent_instance;

  char *archive_path;
  SoupSession *session;
  guint timeout;
  guint64 max_body_size;
  guint max_concurrent;
};

G_DEFINE_FINAL_TYPE (MkFeedFetcher, mk_feed_fetcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ARCHIVE_PATH,
  PROP_TIMEOUT,
  PROP_MAX_BODY_SIZE,
  PROP_MAX_CONCURRENT,
  N_PROPS
};

enum {
  FEED_STARTED,
  FEED_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
now_iso (gint64 offset_seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, offset_seconds);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

/* Answers ----------------------------------------------------------------- */

static char *
header_dup (SoupMessage *message,
            const char  *name)
{
  return g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message), name));
}

/* Cache-Control: max-age=N, as an ISO time; %NULL when absent. */
static char *
next_fetch_from (SoupMessage *message)
{
  const char *value = soup_message_headers_get_list (soup_message_get_response_headers (message),
                                                     "Cache-Control");
  g_autoptr(GHashTable) params = NULL;
  const char *max_age;
  guint64 seconds;

  if (value == NULL)
    return NULL;

  params = soup_header_parse_param_list (value);
  if (g_hash_table_contains (params, "no-cache") || g_hash_table_contains (params, "no-store"))
    return NULL;
  max_age = g_hash_table_lookup (params, "max-age");
  if (max_age == NULL || !g_ascii_string_to_unsigned (max_age, 10, 1, G_MAXINT, &seconds, NULL))
    return NULL;

  return now_iso (MIN (seconds, MAX_WAIT_SECONDS));
}

/* Retry-After: seconds or an HTTP date, as an ISO time. */
static char *
retry_after_from (SoupMessage *message)
{
  g_autofree char *value = header_dup (message, "Retry-After");
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint64 seconds;

  if (value == NULL)
    return NULL;

  g_strstrip (value);
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &seconds, NULL))
    return now_iso (MIN (seconds, MAX_WAIT_SECONDS));

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return NULL;
  seconds = CLAMP (g_date_time_difference (date, now) / G_TIME_SPAN_SECOND, 0, MAX_WAIT_SECONDS);
  return now_iso (seconds);
}

static char *
host_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup ("");
  return g_ascii_strdown (g_uri_get_host (uri), -1);
}

/* A fetch run ----------------------------------------------------------------- */

typedef struct {
  MkFeedFetcher *fetcher;
  GTask *task;                /* until the run returns */
  GCancellable *cancellable;
  char **urls;                /* (nullable): only these */
  GThreadPool *writer;
  MkStore *store;             /* the writer thread's */
  MkImporter *importer;       /* the writer thread's */
  GPtrArray *feeds;           /* MkFeedSource: every feed of the run */
  GHashTable *host_retry;     /* host -> ISO time, read at load */
  GQueue pending;             /* MkFeedSource not started yet */
  GHashTable *busy_hosts;     /* hosts with a request in flight */
  guint n_active;
  guint n_writing;
  GError *error;              /* why the whole run failed (archive) */
} Run;

typedef enum {
  JOB_LOAD,
  JOB_SAVE,
} JobKind;

/* Work for the writer thread; done() runs back in the run's context. */
typedef struct {
  Run *run;
  JobKind kind;
  MkFeedSource *feed;
  char *url;                  /* where the answer came from */
  char *host;                 /* the feed's, for Retry-After */
  gboolean moved;             /* a permanent redirect: store url */
  char *retry_after;          /* for the host */
  char *etag;
  char *last_modified;
  GBytes *body;               /* (nullable) */
  MkFeedFetchOutcome outcome;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->feed);
  g_free (job->url);
  g_free (job->host);
  g_free (job->retry_after);
  g_free (job->etag);
  g_free (job->last_modified);
  g_clear_pointer (&job->body, g_bytes_unref);
  g_free (job);
}

static void
run_free (Run *run)
{
  if (run->writer != NULL)
    g_thread_pool_free (run->writer, FALSE, TRUE);
  g_clear_object (&run->importer);
  g_clear_object (&run->store);
  g_clear_object (&run->fetcher);
  g_clear_object (&run->cancellable);
  g_strfreev (run->urls);
  g_clear_pointer (&run->feeds, g_ptr_array_unref);
  g_clear_pointer (&run->host_retry, g_hash_table_unref);
  g_clear_pointer (&run->busy_hosts, g_hash_table_unref);
  g_queue_clear (&run->pending);
  g_clear_error (&run->error);
  g_free (run);
}

static void schedule (Run *run);

/* Writer thread ------------------------------------------------------------- */

static gboolean
load_feeds (Run     *run,
            GError **error)
{
  g_autoptr(GPtrArray) all = NULL;

  run->store = mk_store_open (mk_feed_fetcher_get_archive_path (run->fetcher), error);
  if (run->store == NULL)
    return FALSE;
  run->importer = mk_importer_new (run->store);

  all = mk_store_list_feeds (run->store, error);
  if (all == NULL)
    return FALSE;

  if (run->urls == NULL)
    run->feeds = g_ptr_array_ref (all);
  else
    {
      run->feeds = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; run->urls[i] != NULL; i++)
        {
          g_autoptr(GError) local_error = NULL;
          MkFeedSource *feed = mk_store_get_feed (run->store, run->urls[i], &local_error);

          if (feed == NULL)
            {
              feed = mk_feed_source_new (0, run->urls[i]);
              mk_feed_source_set_last_error (feed, _("not a registered feed (see “add-feed”)"));
              mk_feed_source_set_outcome (feed, MK_FEED_FETCH_FAILED, 0, 0);
            }
          g_ptr_array_add (run->feeds, feed);
        }
    }

  for (guint i = 0; i < run->feeds->len; i++)
    {
      g_autofree char *host = host_of (mk_feed_source_get_url (g_ptr_array_index (run->feeds, i)));
      char *when;

      if (g_hash_table_contains (run->host_retry, host))
        continue;
      when = mk_store_dup_host_retry_after (run->store, host, NULL);
      g_hash_table_insert (run->host_retry, g_steal_pointer (&host), when);
    }

  return TRUE;
}

static void
save_fetch (Run *run,
            Job *job)
{
  g_autoptr(MkFeed) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = now_iso (0);
  guint added = mk_importer_get_n_added (run->importer);
  guint updated = mk_importer_get_n_updated (run->importer);

  if (job->body != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (job->body, &length);

      parsed = mk_feed_parse (data ? data : "", length, job->url, &error);
      if (parsed == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("not a feed: %s"), error->message);

          mk_feed_source_set_last_error (job->feed, message);
          job->outcome = MK_FEED_FETCH_FAILED;
          g_clear_error (&error);
        }
      else
        {
          mk_feed_source_set_validators (job->feed, job->etag, job->last_modified);
          mk_feed_source_set_title (job->feed, mk_feed_get_title (parsed));
          mk_feed_source_set_site_url (job->feed, mk_feed_get_site_url (parsed));
        }
    }

  /* Both best effort: the fetch's own record below is what matters. */
  if (job->retry_after != NULL &&
      !mk_store_set_host_retry_after (run->store, job->host, job->retry_after, &error))
    g_clear_error (&error);
  if (job->moved && !mk_store_move_feed (run->store, mk_feed_source_get_id (job->feed), job->url, &error))
    g_clear_error (&error);

  mk_feed_source_set_last_fetched (job->feed, now);
  if (!mk_importer_import_feed (run->importer, job->feed, parsed, run->cancellable, &error))
    {
      /* Cancelled: rolled back, as if this feed had not been fetched. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        job->outcome = MK_FEED_FETCH_NONE;
      else
        {
          mk_feed_source_set_last_error (job->feed, error->message);
          job->outcome = MK_FEED_FETCH_FAILED;
        }
      return;
    }

  mk_feed_source_set_outcome (job->feed, job->outcome,
                              mk_importer_get_n_added (run->importer) - added,
                              mk_importer_get_n_updated (run->importer) - updated);
}

static gboolean job_done (gpointer data);

static void
writer_thread (gpointer data,
               gpointer pool_data)
{
  Job *job = data;
  Run *run = job->run;

  if (job->kind == JOB_LOAD)
    {
      if (!load_feeds (run, &run->error) && run->error == NULL)
        g_set_error_literal (&run->error, G_IO_ERROR, G_IO_ERROR_FAILED, _("could not read the feeds"));
    }
  else if (g_cancellable_is_cancelled (run->cancellable))
    job->outcome = MK_FEED_FETCH_NONE;
  else
    save_fetch (run, job);

  g_main_context_invoke_full (g_task_get_context (run->task), G_PRIORITY_DEFAULT,
                              job_done, job, (GDestroyNotify) job_free);
}

static void
queue_job (Run *run,
           Job *job)
{
  job->run = run;
  run->n_writing++;
  g_thread_pool_push (run->writer, job, NULL);
}

/* Main context ---------------------------------------------------------------- */

static void
finish_run (Run *run)
{
  GTask *task = g_steal_pointer (&run->task);

  if (run->error != NULL)
    g_task_return_error (task, g_steal_pointer (&run->error));
  else if (g_cancellable_is_cancelled (run->cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Fetching was cancelled"));
  else
    g_task_return_pointer (task, g_ptr_array_ref (run->feeds), (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

static void
maybe_finish (Run *run)
{
  if (run->n_active == 0 && run->n_writing == 0 &&
      (g_queue_is_empty (&run->pending) || g_cancellable_is_cancelled (run->cancellable)))
    finish_run (run);
}

static gboolean
job_done (gpointer data)
{
  Job *job = data;
  Run *run = job->run;

  run->n_writing--;
  if (job->kind == JOB_LOAD)
    {
      if (run->error == NULL)
        for (guint i = 0; i < run->feeds->len; i++)
          {
            MkFeedSource *feed = g_ptr_array_index (run->feeds, i);

            if (mk_feed_source_get_outcome (feed) == MK_FEED_FETCH_FAILED)
              g_signal_emit (run->fetcher, signals[FEED_FINISHED], 0, feed);
            else
              g_queue_push_tail (&run->pending, feed);
          }
      schedule (run);
    }
  else
    {
      if (job->outcome == MK_FEED_FETCH_FAILED)
        mk_feed_source_set_outcome (job->feed, MK_FEED_FETCH_FAILED, 0, 0);
      if (job->outcome != MK_FEED_FETCH_NONE)
        g_signal_emit (run->fetcher, signals[FEED_FINISHED], 0, job->feed);
    }

  maybe_finish (run);
  return G_SOURCE_REMOVE;
}

typedef struct {
  Run *run;
  MkFeedSource *feed;
  char *host;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->feed);
  g_free (request->host);
  g_free (request);
}

static char *
describe_status (SoupMessage *message)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);

  if (reason == NULL || reason[0] == '\0')
    reason = soup_status_get_phrase (status);
  return g_strdup_printf (_("HTTP %u %s"), status, reason ? reason : "");
}

static void
exchange_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Request *request = data;
  Run *run = request->run;
  g_autoptr(GError) error = NULL;
  Job *job = g_new0 (Job, 1);
  guint status = 0;

  job->kind = JOB_SAVE;
  job->feed = g_object_ref (request->feed);
  job->url = g_strdup (mk_feed_http_get_url (result));
  job->host = g_strdup (request->host);
  job->outcome = MK_FEED_FETCH_FAILED;

  if (!mk_feed_http_get_finish (result, &error))
    mk_feed_source_set_last_error (request->feed, error->message);
  else
    {
      SoupMessage *message = mk_feed_http_get_message (result);
      g_autofree char *next_fetch = next_fetch_from (message);

      status = soup_message_get_status (message);
      mk_feed_source_set_next_fetch (request->feed, next_fetch);

      if (status == 304)
        {
          job->outcome = MK_FEED_FETCH_NOT_MODIFIED;
          mk_feed_source_set_last_error (request->feed, NULL);
        }
      else if (status >= 200 && status < 300)
        {
          job->outcome = MK_FEED_FETCH_OK;
          job->body = mk_feed_http_steal_body (result);
          job->etag = header_dup (message, "ETag");
          job->last_modified = header_dup (message, "Last-Modified");
          job->moved = mk_feed_http_was_moved (result);
          mk_feed_source_set_last_error (request->feed, NULL);
        }
      else
        {
          g_autofree char *description = describe_status (message);

          if (status == 429 || status == 503)
            {
              job->retry_after = retry_after_from (message);
              if (job->retry_after != NULL)
                g_hash_table_replace (run->host_retry, g_strdup (request->host),
                                      g_strdup (job->retry_after));
            }
          mk_feed_source_set_last_error (request->feed, description);
        }
    }
  mk_feed_source_set_last_status (request->feed, status);

  g_hash_table_remove (run->busy_hosts, request->host);
  run->n_active--;

  if (g_cancellable_is_cancelled (run->cancellable))
    job_free (job);
  else
    queue_job (run, job);

  request_free (request);
  schedule (run);
  maybe_finish (run);
}

static gboolean
is_due (Run          *run,
        MkFeedSource *feed,
        const char   *host,
        const char   *now)
{
  const char *next_fetch = mk_feed_source_get_next_fetch (feed);
  const char *retry_after = g_hash_table_lookup (run->host_retry, host);

  return (next_fetch == NULL || strcmp (next_fetch, now) <= 0) &&
         (retry_after == NULL || strcmp (retry_after, now) <= 0);
}

static void
start_request (Run          *run,
               MkFeedSource *feed,
               char         *host)
{
  Request *request = g_new0 (Request, 1);
  MkFeedFetcher *fetcher = run->fetcher;

  request->run = run;
  request->feed = g_object_ref (feed);
  request->host = host;
  g_hash_table_add (run->busy_hosts, g_strdup (host));
  run->n_active++;

  g_signal_emit (run->fetcher, signals[FEED_STARTED], 0, feed);
  mk_feed_http_get_async (fetcher->session, fetcher->timeout, fetcher->max_body_size,
                          mk_feed_source_get_url (feed), mk_feed_source_get_etag (feed),
                          mk_feed_source_get_last_modified (feed),
                          run->cancellable, exchange_done, request);
}

/* Starts what may start: up to max_concurrent requests, one per host. A
 * feed that is not due yet is reported and left alone. */
static void
schedule (Run *run)
{
  g_autofree char *now = now_iso (0);
  GList *link = run->pending.head;

  if (g_cancellable_is_cancelled (run->cancellable))
    return;

  while (link != NULL && run->n_active < run->fetcher->max_concurrent)
    {
      GList *next = link->next;
      MkFeedSource *feed = link->data;
      g_autofree char *host = host_of (mk_feed_source_get_url (feed));

      if (!is_due (run, feed, host, now))
        {
          g_queue_delete_link (&run->pending, link);
          mk_feed_source_set_outcome (feed, MK_FEED_FETCH_NOT_DUE, 0, 0);
          g_signal_emit (run->fetcher, signals[FEED_FINISHED], 0, feed);
        }
      else if (!g_hash_table_contains (run->busy_hosts, host))
        {
          g_queue_delete_link (&run->pending, link);
          start_request (run, feed, g_steal_pointer (&host));
        }
      link = next;
    }
}

/**
 * mk_feed_fetcher_fetch_async:
 * @urls: (nullable): the feeds to fetch; %NULL for every registered feed
 *
 * Fetches feeds into the archive. #MkFeedFetcher::feed-started and
 * #MkFeedFetcher::feed-finished tell of each feed as it goes, in the
 * caller's main context. Feeds that are not due (the server asked us to
 * wait) are reported as %MK_FEED_FETCH_NOT_DUE without a request.
 */
void
mk_feed_fetcher_fetch_async (MkFeedFetcher       *self,
                             const char * const  *urls,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Run *run;
  Job *job;

  g_return_if_fail (MK_IS_FEED_FETCHER (self));

  run = g_new0 (Run, 1);
  run->fetcher = g_object_ref (self);
  run->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  run->urls = urls ? g_strdupv ((char **) urls) : NULL;
  run->host_retry = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->busy_hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&run->pending);
  run->writer = g_thread_pool_new (writer_thread, run, 1, FALSE, NULL);

  run->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (run->task, mk_feed_fetcher_fetch_async);
  g_task_set_task_data (run->task, run, (GDestroyNotify) run_free);
  /* run->task keeps the task's first reference until finish_run(). */

  job = g_new0 (Job, 1);
  job->kind = JOB_LOAD;
  queue_job (run, job);
}

/**
 * mk_feed_fetcher_fetch_finish:
 *
 * Returns: (transfer full) (element-type MkFeedSource): every feed of the
 *   run with its outcome, or %NULL when cancelled or when the archive
 *   could not be read
 */
GPtrArray *
mk_feed_fetcher_fetch_finish (MkFeedFetcher  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Discovery ----------------------------------------------------------------- */

typedef struct {
  char *url;
  guint attempts;     /* a page, then the feed it names */
} Discovery;

static void
discovery_free (Discovery *discovery)
{
  g_free (discovery->url);
  g_free (discovery);
}

static gboolean
is_feed_type (const char *type)
{
  return type != NULL && (g_ascii_strcasecmp (type, "application/rss+xml") == 0 ||
                          g_ascii_strcasecmp (type, "application/atom+xml") == 0 ||
                          g_ascii_strcasecmp (type, "application/feed+json") == 0 ||
                          g_ascii_strcasecmp (type, "application/json") == 0 ||
                          g_ascii_strcasecmp (type, "application/rdf+xml") == 0);
}

static char *
find_feed_link (xmlNode    *node,
                const char *base,
                guint       depth)
{
  if (depth > 64)
    return NULL;

  for (; node != NULL; node = node->next)
    {
      char *found;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (g_ascii_strcasecmp ((const char *) node->name, "link") == 0)
        {
          g_autofree char *rel = mk_xml_dup_attribute (node, "rel");
          g_autofree char *type = mk_xml_dup_attribute (node, "type");
          g_autofree char *href = mk_xml_dup_attribute (node, "href");
          g_auto(GStrv) rels = rel ? g_strsplit_set (rel, " \t\n", -1) : NULL;

          if (href != NULL && rels != NULL && g_strv_contains ((const char * const *) rels, "alternate") &&
              is_feed_type (type))
            return mk_uri_resolve (base, href);
        }

      if (g_ascii_strcasecmp ((const char *) node->name, "body") == 0)
        continue;  /* feed links are in the head */
      found = find_feed_link (node->children, base, depth + 1);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first <link rel="alternate" type="…feed type…"> of an HTML page. */
static char *
discover_in_page (GBytes     *body,
                  const char *base)
{
  gsize length;
  const char *data = g_bytes_get_data (body, &length);
  htmlDocPtr doc;
  char *found;

  if (data == NULL || length == 0 || length > G_MAXINT)
    return NULL;

  doc = htmlReadMemory (data, (int) length, base, NULL,
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  if (doc == NULL)
    return NULL;

  found = find_feed_link (xmlDocGetRootElement (doc), base, 0);
  xmlFreeDoc (doc);
  return found;
}

static void discovery_step (GTask *task);

static void
discovery_answered (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  GTask *task = data;
  Discovery *discovery = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(MkFeed) feed = NULL;
  g_autofree char *page_link = NULL;
  guint status;
  gsize length;
  const char *data_bytes;
  const char *url = mk_feed_http_get_url (result);

  if (mk_feed_http_get_finish (result, &error))
    {
      status = soup_message_get_status (mk_feed_http_get_message (result));
      if (status < 200 || status >= 300)
        {
          g_autofree char *description = describe_status (mk_feed_http_get_message (result));

          error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, description);
        }
    }

  if (error != NULL)
    {
      /* After a page, say that it was the feed it names that failed. */
      if (discovery->attempts > 1 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_new_error (task, error->domain, error->code,
                                 _("the page links to the feed “%s”, which failed: %s"),
                                 discovery->url, error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  body = mk_feed_http_steal_body (result);
  data_bytes = g_bytes_get_data (body, &length);
  feed = mk_feed_parse (data_bytes ? data_bytes : "", length, url, &error);
  if (feed != NULL)
    {
      MkFeedSource *source_feed = mk_feed_source_new (0, url);

      mk_feed_source_set_title (source_feed, mk_feed_get_title (feed));
      mk_feed_source_set_site_url (source_feed, mk_feed_get_site_url (feed));
      g_task_return_pointer (task, source_feed, g_object_unref);
      g_object_unref (task);
      return;
    }

  /* Not a feed: a page that names its feed, the first time only. */
  if (discovery->attempts == 1 &&
      mk_feed_sniff (data_bytes ? data_bytes : "", length) == MK_FEED_FORMAT_HTML)
    page_link = discover_in_page (body, url);
  if (page_link == NULL && discovery->attempts == 1 &&
      mk_feed_sniff (data_bytes ? data_bytes : "", length) != MK_FEED_FORMAT_HTML)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (page_link == NULL)
    {
      g_task_return_new_error (task, MK_FEED_ERROR, MK_FEED_ERROR_NOT_A_FEED,
                               _("“%s” is neither a feed nor a page that links to one"),
                               discovery->url);
      g_object_unref (task);
      return;
    }

  g_free (discovery->url);
  discovery->url = g_steal_pointer (&page_link);
  discovery_step (task);
}

static void
discovery_step (GTask *task)
{
  Discovery *discovery = g_task_get_task_data (task);
  MkFeedFetcher *self = g_task_get_source_object (task);

  discovery->attempts++;
  mk_feed_http_get_async (self->session, self->timeout, self->max_body_size,
                          discovery->url, NULL, NULL,
                          g_task_get_cancellable (task), discovery_answered, task);
}

/**
 * mk_feed_fetcher_discover_async:
 * @url: a feed, or a web page that links to its feed
 *
 * Finds the feed at @url without registering it: its address (the page's
 * `<link rel="alternate">` when @url is a page) and its title.
 */
void
mk_feed_fetcher_discover_async (MkFeedFetcher       *self,
                                const char          *url,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  Discovery *discovery;

  g_return_if_fail (MK_IS_FEED_FETCHER (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_feed_fetcher_discover_async);
  discovery = g_new0 (Discovery, 1);
  discovery->url = g_strdup (url);
  g_task_set_task_data (task, discovery, (GDestroyNotify) discovery_free);
  discovery_step (task);
}

/**
 * mk_feed_fetcher_discover_finish:
 *
 * Returns: (transfer full): the feed found (id 0: not registered), or
 *   %NULL with @error set
 */
MkFeedSource *
mk_feed_fetcher_discover_finish (MkFeedFetcher  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The object ------------------------------------------------------------------- */

static void
mk_feed_fetcher_finalize (GObject *object)
{
  MkFeedFetcher *self = (MkFeedFetcher *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->archive_path, g_free);

  G_OBJECT_CLASS (mk_feed_fetcher_parent_class)->finalize (object);
}

static void
mk_feed_fetcher_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MkFeedFetcher *self = MK_FEED_FETCHER (object);

  switch (prop_id)
    {
    case PROP_ARCHIVE_PATH:
      g_value_set_string (value, self->archive_path);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_MAX_BODY_SIZE:
      g_value_set_uint64 (value, self->max_body_size);
      break;
    case PROP_MAX_CONCURRENT:
      g_value_set_uint (value, self->max_concurrent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_feed_fetcher_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MkFeedFetcher *self = MK_FEED_FETCHER (object);

  switch (prop_id)
    {
    case PROP_ARCHIVE_PATH:
      self->archive_path = g_value_dup_string (value);
      break;
    case PROP_TIMEOUT:
      self->timeout = g_value_get_uint (value);
      soup_session_set_timeout (self->session, self->timeout);
      soup_session_set_idle_timeout (self->session, self->timeout);
      break;
    case PROP_MAX_BODY_SIZE:
      self->max_body_size = g_value_get_uint64 (value);
      break;
    case PROP_MAX_CONCURRENT:
      self->max_concurrent = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_feed_fetcher_class_init (MkFeedFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_feed_fetcher_finalize;
  object_class->get_property = mk_feed_fetcher_get_property;
  object_class->set_property = mk_feed_fetcher_set_property;

  properties[PROP_ARCHIVE_PATH] =
    g_param_spec_string ("archive-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Seconds a connection may stay silent; tests set a short one. */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 600, DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_BODY_SIZE] =
    g_param_spec_uint64 ("max-body-size", NULL, NULL, 1, G_MAXUINT32, MK_XML_MAX_SIZE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_CONCURRENT] =
    g_param_spec_uint ("max-concurrent", NULL, NULL, 1, 16, DEFAULT_MAX_CONCURRENT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MkFeedFetcher::feed-started:
   * @feed: the feed whose request went out
   */
  signals[FEED_STARTED] =
    g_signal_new ("feed-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MK_TYPE_FEED_SOURCE);
  /**
   * MkFeedFetcher::feed-finished:
   * @feed: the feed, with its outcome, counts and last error set; its
   *   articles are committed when this is emitted
   */
  signals[FEED_FINISHED] =
    g_signal_new ("feed-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MK_TYPE_FEED_SOURCE);
}

static void
mk_feed_fetcher_init (MkFeedFetcher *self)
{
  /* SoupSession adds SoupContentDecoder (gzip, deflate) by default. */
  self->session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                                 "max-conns", 16,
                                                 "max-conns-per-host", 2,
                                                 NULL);
}

MkFeedFetcher *
mk_feed_fetcher_new (const char *archive_path)
{
  g_return_val_if_fail (archive_path != NULL, NULL);

  return g_object_new (MK_TYPE_FEED_FETCHER, "archive-path", archive_path, NULL);
}

const char *
mk_feed_fetcher_get_archive_path (MkFeedFetcher *self)
{
  g_return_val_if_fail (MK_IS_FEED_FETCHER (self), NULL);
  return self->archive_path;
}
