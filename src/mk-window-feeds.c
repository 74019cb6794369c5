/* mk-window-feeds.c — the main window's feeds: adding, fetching, refreshing
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mk-add-feed-dialog.h"
#include "mk-feeds-popover.h"
#include "mk-window-private.h"

/* The feeds popover in the header bar lists the feeds (read in a thread),
 * and holds the actions below. A fetch runs on the window's MkFeedFetcher
 * (network in the main loop, archive writes in the fetcher's own thread);
 * its progress shows in the popover, a toast sums up what arrived, and the
 * article list and the feeds list are read again. The "refresh-interval"
 * setting (minutes, 0 for never) starts a fetch on a timer. */

static void
list_feeds_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autoptr(MkStore) store = NULL;
  GPtrArray *feeds;
  GError *error = NULL;

  store = mk_store_open (task_data, &error);
  feeds = store ? mk_store_list_feeds (store, &error) : NULL;
  if (feeds == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, feeds, (GDestroyNotify) g_ptr_array_unref);
}

static void
feeds_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MkWindow) self = user_data;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;

  feeds = g_task_propagate_pointer (G_TASK (result), &error);
  if (feeds == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _mk_window_toast (self, error->message);
      return;
    }

  g_list_store_splice (self->feeds, 0, g_list_model_get_n_items (G_LIST_MODEL (self->feeds)),
                       feeds->pdata, feeds->len);
}

/* Reads the feeds (with their article counts) again, off the main thread. */
static void
reload_feeds (MkWindow *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->feeds_cancellable, feeds_listed_cb, g_object_ref (self));

  g_task_set_task_data (task, g_strdup (mk_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, list_feeds_thread);
}

static void
set_fetching (MkWindow *self,
              gboolean  fetching)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.fetch-feeds", !fetching);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-fetch", fetching);
  if (!fetching)
    mk_feeds_popover_set_progress (self->feeds_popover, FALSE, 0, NULL);
}

static void
show_progress (MkWindow     *self,
               MkFeedSource *feed)
{
  g_autofree char *text = NULL;
  guint position = MIN (self->fetch_done + 1, self->fetch_total);

  /* Translators: "Fetching 2 of 5: Vietnam News". */
  text = g_strdup_printf (_("Fetching %u of %u: %s"), position, self->fetch_total,
                          mk_feed_source_get_display_name (feed));
  mk_feeds_popover_set_progress (self->feeds_popover, TRUE,
                                 self->fetch_total ? (double) self->fetch_done / self->fetch_total : 0,
                                 text);
}

static void
feed_started_cb (MkFeedFetcher *fetcher,
                 MkFeedSource  *feed,
                 MkWindow      *self)
{
  show_progress (self, feed);
}

static void
feed_finished_cb (MkFeedFetcher *fetcher,
                  MkFeedSource  *feed,
                  MkWindow      *self)
{
  self->fetch_done++;
  self->fetch_added += mk_feed_source_get_n_added (feed);
  self->fetch_updated += mk_feed_source_get_n_updated (feed);
  if (mk_feed_source_get_outcome (feed) == MK_FEED_FETCH_FAILED)
    self->fetch_failed++;
  show_progress (self, feed);
}

static char *
describe_fetch (MkWindow *self)
{
  g_autofree char *arrived = NULL;

  if (self->fetch_added > 0)
    arrived = g_strdup_printf (ngettext ("%u new article", "%u new articles", self->fetch_added),
                               self->fetch_added);
  else if (self->fetch_updated > 0)
    arrived = g_strdup_printf (ngettext ("%u article updated", "%u articles updated", self->fetch_updated),
                               self->fetch_updated);
  else
    arrived = g_strdup (_("No new articles"));

  if (self->fetch_failed == 0)
    return g_steal_pointer (&arrived);

  /* Translators: the first %s says what arrived ("3 new articles"). */
  return g_strdup_printf (ngettext ("%s; %u feed could not be fetched",
                                    "%s; %u feeds could not be fetched",
                                    self->fetch_failed),
                          arrived, self->fetch_failed);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(MkWindow) self = g_weak_ref_get (window_ref);
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  g_weak_ref_clear (window_ref);
  g_free (window_ref);
  feeds = mk_feed_fetcher_fetch_finish (MK_FEED_FETCHER (object), result, &error);
  /* The window was closed (and the fetch cancelled as it went). */
  if (self == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  g_clear_object (&self->fetch_cancellable);

  set_fetching (self, FALSE);
  if (feeds == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    summary = g_strdup (_("Fetching cancelled; what had arrived is kept"));
  else if (feeds == NULL)
    summary = g_strdup (error->message);
  else
    summary = describe_fetch (self);
  _mk_window_toast (self, summary);

  /* What arrived appears in the list, and the feeds show their new counts
   * and errors. */
  if (self->fetch_added > 0 || self->fetch_updated > 0)
    _mk_window_refresh (self);
  reload_feeds (self);
}

/* Fetches @urls (every feed when %NULL); @total is how many that is. */
static void
start_fetch (MkWindow           *self,
             const char * const *urls,
             guint               total)
{
  GWeakRef *window_ref;

  if (self->fetch_cancellable != NULL)
    return;

  self->fetch_total = total;
  self->fetch_done = self->fetch_added = self->fetch_updated = self->fetch_failed = 0;
  self->fetch_cancellable = g_cancellable_new ();
  set_fetching (self, TRUE);
  mk_feeds_popover_set_progress (self->feeds_popover, TRUE, 0, _("Fetching…"));
  /* A fetch can take minutes (slow servers, timeouts): it holds the
   * window only weakly, so that closing the window disposes it at once,
   * which cancels the fetch; what was committed stays, the feed being
   * written is rolled back. */
  window_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (window_ref, self);
  mk_feed_fetcher_fetch_async (self->fetcher, urls, self->fetch_cancellable,
                               fetched_cb, window_ref);
}

static void
fetch_feeds_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  guint n_feeds = g_list_model_get_n_items (G_LIST_MODEL (self->feeds));

  if (n_feeds == 0)
    {
      _mk_window_toast (self, _("No feeds to fetch yet: add one first"));
      return;
    }
  start_fetch (self, NULL, n_feeds);
}

static void
cancel_fetch_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_cancellable_cancel (MK_WINDOW (widget)->fetch_cancellable);
}

/* Adding a feed ----------------------------------------------------------- */

static void
add_feed_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  MkFeedSource *found = task_data;
  g_autoptr(MkStore) store = NULL;
  MkFeedSource *feed;
  GError *error = NULL;

  store = mk_store_open (g_object_get_data (G_OBJECT (task), "archive-path"), &error);
  feed = store ? mk_store_add_feed (store, mk_feed_source_get_url (found),
                                    mk_feed_source_get_title (found), NULL, &error)
               : NULL;
  if (feed == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, feed, g_object_unref);
}

static void
feed_added_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MkWindow) self = user_data;
  g_autoptr(MkFeedSource) feed = NULL;
  g_autoptr(GError) error = NULL;
  const char *urls[2] = { NULL, NULL };

  feed = g_task_propagate_pointer (G_TASK (result), &error);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (feed == NULL)
    {
      _mk_window_toast (self, error->message);
      return;
    }

  reload_feeds (self);
  /* Its articles at once, rather than at the next fetch. */
  urls[0] = mk_feed_source_get_url (feed);
  start_fetch (self, urls, 1);
}

static void
add_feed_response_cb (MkAddFeedDialog *dialog,
                      const char      *response,
                      MkWindow        *self)
{
  MkFeedSource *found = mk_add_feed_dialog_get_feed (dialog);
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (response, "add") != 0 || found == NULL)
    return;

  task = g_task_new (NULL, NULL, feed_added_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (found), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "archive-path",
                          g_strdup (mk_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, add_feed_thread);
}

static void
add_feed_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  MkAddFeedDialog *dialog = mk_add_feed_dialog_new (GTK_WINDOW (self), self->fetcher);

  gtk_popover_popdown (GTK_POPOVER (self->feeds_popover));
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_feed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Refreshing on a timer ----------------------------------------------------- */

static gboolean
refresh_cb (gpointer user_data)
{
  MkWindow *self = user_data;
  guint n_feeds = g_list_model_get_n_items (G_LIST_MODEL (self->feeds));

  if (n_feeds > 0)
    start_fetch (self, NULL, n_feeds);
  return G_SOURCE_CONTINUE;
}

static void
refresh_interval_changed_cb (GSettings  *settings,
                             const char *key,
                             MkWindow   *self)
{
  guint minutes = g_settings_get_uint (settings, "refresh-interval");

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (minutes > 0)
    self->refresh_id = g_timeout_add_seconds (minutes * 60, refresh_cb, self);
}

/* Set-up ------------------------------------------------------------------- */

void
_mk_window_feeds_init (MkWindow *self)
{
  self->feeds = g_list_store_new (MK_TYPE_FEED_SOURCE);
  self->feeds_cancellable = g_cancellable_new ();
  mk_feeds_popover_set_feeds (self->feeds_popover, G_LIST_MODEL (self->feeds));

  self->fetcher = mk_feed_fetcher_new (mk_store_get_path (self->store));
  g_signal_connect_object (self->fetcher, "feed-started", G_CALLBACK (feed_started_cb), self, 0);
  g_signal_connect_object (self->fetcher, "feed-finished", G_CALLBACK (feed_finished_cb), self, 0);
  set_fetching (self, FALSE);

  g_signal_connect_object (self->settings, "changed::refresh-interval",
                           G_CALLBACK (refresh_interval_changed_cb), self, 0);
  refresh_interval_changed_cb (self->settings, "refresh-interval", self);

  reload_feeds (self);
}

void
_mk_window_feeds_dispose (MkWindow *self)
{
  g_cancellable_cancel (self->fetch_cancellable);
  g_cancellable_cancel (self->feeds_cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
}

void
_mk_window_feeds_finalize (MkWindow *self)
{
  g_clear_object (&self->fetch_cancellable);
  g_clear_object (&self->feeds_cancellable);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->feeds);
}

void
_mk_window_class_feeds_init (MkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (MK_TYPE_FEEDS_POPOVER);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, feeds_popover);

  gtk_widget_class_install_action (widget_class, "win.add-feed", NULL, add_feed_action);
  gtk_widget_class_install_action (widget_class, "win.fetch-feeds", NULL, fetch_feeds_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-fetch", NULL, cancel_fetch_action);
}
