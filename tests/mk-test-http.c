/* mk-test-http.c — a SoupServer on 127.0.0.1 for the tests that fetch
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mk-test-http.h"

struct _MkTestHttp
{
  SoupServerCallback callback;
  gpointer user_data;
  SoupServer *server;
  GUri *base;
  GMainContext *context;   /* where the server runs */

  /* In a thread of its own: */
  GThread *thread;
  GMutex lock;
  GCond started;
  gboolean ready;
  gint stopping;
};

/* Creates the server and listens, in the thread-default main context. */
static void
start_server (MkTestHttp *self)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, self->callback, self->user_data, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->base = g_uri_ref (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

/* Lets the server see its clients' connections close (a fetcher's
 * session closes them when it goes, a killed child's are closed by the
 * kernel), so that it frees them before it stops; bounded. Then stops. */
static void
stop_server (MkTestHttp *self)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (self->context, FALSE);

  soup_server_disconnect (self->server);
  g_assert_finalize_object (g_steal_pointer (&self->server));
  /* The sockets' last callbacks, before their owners go. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
}

/**
 * mk_test_http_new:
 * @callback: answers every path
 *
 * A server in the caller's thread-default main context: it answers only
 * while the caller turns that context.
 */
MkTestHttp *
mk_test_http_new (SoupServerCallback callback,
                  gpointer           user_data)
{
  MkTestHttp *self = g_new0 (MkTestHttp, 1);

  self->callback = callback;
  self->user_data = user_data;
  self->context = g_main_context_ref_thread_default ();
  start_server (self);
  return self;
}

static gpointer
serve_thread (gpointer data)
{
  MkTestHttp *self = data;

  g_main_context_push_thread_default (self->context);
  start_server (self);

  g_mutex_lock (&self->lock);
  self->ready = TRUE;
  g_cond_signal (&self->started);
  g_mutex_unlock (&self->lock);

  while (!g_atomic_int_get (&self->stopping))
    g_main_context_iteration (self->context, TRUE);

  stop_server (self);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

/**
 * mk_test_http_new_in_thread:
 * @callback: answers every path, in the server's thread: use
 *   g_main_context_get_thread_default() there for timers, and atomics or
 *   a lock for what the test reads
 *
 * A server that answers whatever the test is doing, in a thread with a
 * main context of its own.
 */
MkTestHttp *
mk_test_http_new_in_thread (SoupServerCallback callback,
                            gpointer           user_data)
{
  MkTestHttp *self = g_new0 (MkTestHttp, 1);

  self->callback = callback;
  self->user_data = user_data;
  self->context = g_main_context_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->started);

  self->thread = g_thread_new ("test-http", serve_thread, self);
  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->started, &self->lock);
  g_mutex_unlock (&self->lock);
  return self;
}

int
mk_test_http_get_port (MkTestHttp *self)
{
  return g_uri_get_port (self->base);
}

GUri *
mk_test_http_get_base (MkTestHttp *self)
{
  return self->base;
}

/* http://@host:PORT@path; @host is 127.0.0.1 or localhost (two hosts to
 * the fetcher, one server). */
char *
mk_test_http_url (MkTestHttp *self,
                  const char *host,
                  const char *path)
{
  return g_strdup_printf ("http://%s:%d%s", host, mk_test_http_get_port (self), path);
}

GMainContext *
mk_test_http_get_context (MkTestHttp *self)
{
  return self->context;
}

/* Stops the server (it must be the last reference to it) and frees. */
void
mk_test_http_free (MkTestHttp *self)
{
  if (self->thread != NULL)
    {
      g_atomic_int_set (&self->stopping, TRUE);
      g_main_context_wakeup (self->context);
      g_thread_join (self->thread);
      g_mutex_clear (&self->lock);
      g_cond_clear (&self->started);
    }
  else
    stop_server (self);

  g_clear_pointer (&self->base, g_uri_unref);
  g_main_context_unref (self->context);
  g_free (self);
}
