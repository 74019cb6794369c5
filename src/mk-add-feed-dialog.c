/* mk-add-feed-dialog.c — the address of a feed, checked before it is added
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mk-add-feed-dialog.h"

/* As the address is typed (after a short pause), the dialog looks for the
 * feed there (mk_feed_fetcher_discover_async(): the address itself, or
 * the feed a page links to) and shows its title; "Add" is enabled only
 * once a feed was found, so nothing unreadable is ever registered. The
 * window registers the feed on the "add" response. */

#define TYPING_PAUSE_MS 500

struct _MkAddFeedDialog
{
  AdwMessageDialog  parent_instance;

  GtkEntry         *url_entry;
  GtkLabel         *status_label;

  MkFeedFetcher    *fetcher;
  MkFeedSource     *feed;        /* found for the address shown */
  GCancellable     *cancellable; /* the look-up in progress */
  guint             pause_id;
};

G_DEFINE_FINAL_TYPE (MkAddFeedDialog, mk_add_feed_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
set_status (MkAddFeedDialog *self,
            const char      *text,
            gboolean         error)
{
  gtk_label_set_text (self->status_label, text);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
discovered_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MkAddFeedDialog) self = user_data;
  g_autoptr(MkFeedSource) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  feed = mk_feed_fetcher_discover_finish (MK_FEED_FETCHER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (feed == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }

  /* Translators: %s is the title of the feed found at the address. */
  text = g_strdup_printf (_("Found “%s”"), mk_feed_source_get_display_name (feed));
  set_status (self, text, FALSE);
  g_set_object (&self->feed, feed);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", TRUE);
}

static gboolean
is_web_url (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0' &&
         (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0 ||
          g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0);
}

static gboolean
typing_paused_cb (gpointer user_data)
{
  MkAddFeedDialog *self = user_data;
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_entry))));

  self->pause_id = 0;
  if (url[0] == '\0')
    {
      set_status (self, "", FALSE);
      return G_SOURCE_REMOVE;
    }
  if (!is_web_url (url))
    {
      set_status (self, _("Enter an address that starts with http:// or https://"), TRUE);
      return G_SOURCE_REMOVE;
    }

  set_status (self, _("Looking for a feed…"), FALSE);
  self->cancellable = g_cancellable_new ();
  mk_feed_fetcher_discover_async (self->fetcher, url, self->cancellable,
                                  discovered_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Whatever was found belongs to the old address. */
static void
on_url_changed_cb (MkAddFeedDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->feed);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", FALSE);

  g_clear_handle_id (&self->pause_id, g_source_remove);
  self->pause_id = g_timeout_add (TYPING_PAUSE_MS, typing_paused_cb, self);
}

static void
mk_add_feed_dialog_dispose (GObject *object)
{
  MkAddFeedDialog *self = MK_ADD_FEED_DIALOG (object);

  g_clear_handle_id (&self->pause_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->feed);
  g_clear_object (&self->fetcher);

  G_OBJECT_CLASS (mk_add_feed_dialog_parent_class)->dispose (object);
}

static void
mk_add_feed_dialog_class_init (MkAddFeedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_add_feed_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/mk-add-feed-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MkAddFeedDialog, url_entry);
  gtk_widget_class_bind_template_child (widget_class, MkAddFeedDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_url_changed_cb);
}

static void
mk_add_feed_dialog_init (MkAddFeedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MkAddFeedDialog *
mk_add_feed_dialog_new (GtkWindow     *parent,
                        MkFeedFetcher *fetcher)
{
  MkAddFeedDialog *self;

  g_return_val_if_fail (MK_IS_FEED_FETCHER (fetcher), NULL);

  self = g_object_new (MK_TYPE_ADD_FEED_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->fetcher = g_object_ref (fetcher);
  return self;
}

/**
 * mk_add_feed_dialog_get_feed:
 *
 * Returns: (transfer none) (nullable): the feed found at the address, not
 *   registered yet
 */
MkFeedSource *
mk_add_feed_dialog_get_feed (MkAddFeedDialog *self)
{
  g_return_val_if_fail (MK_IS_ADD_FEED_DIALOG (self), NULL);
  return self->feed;
}

/* As if typed: the look-up follows after the usual pause. */
void
mk_add_feed_dialog_set_url (MkAddFeedDialog *self,
                            const char      *url)
{
  g_return_if_fail (MK_IS_ADD_FEED_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), url);
}
