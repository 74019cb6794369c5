/* mk-feeds-popover.c — the feeds followed, fetching them, adding one
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "mekong-core.h"
#include "mk-feeds-popover.h"

/* The list of feeds (each row: name, articles, and the last error with a
 * warning badge), bound to the window's model, the progress of a fetch with its cancel
 * button, and the buttons that add a feed and fetch. The buttons are the
 * window's actions (win.add-feed, win.fetch-feeds, win.cancel-fetch); the
 * window gives the list and the progress. The refresh interval is the
 * "refresh-interval" setting. */

struct _MkFeedsPopover
{
  GtkPopover      parent_instance;

  GtkStack       *list_stack;
  GtkListBox     *list_box;
  GtkBox         *progress_box;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkSpinButton  *refresh_spin;

  GListModel     *feeds;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (MkFeedsPopover, mk_feeds_popover, GTK_TYPE_POPOVER)

/* One row per feed, made by the list box as the model changes. The name
 * and error are set as plain text (AdwActionRow would read markup). */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  MkFeedSource *feed = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, mk_feed_source_get_n_articles (feed));
  GtkWidget *count_label = gtk_label_new (count);
  const char *error = mk_feed_source_get_last_error (feed);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mk_feed_source_get_display_name (feed));
  gtk_widget_set_tooltip_text (row, mk_feed_source_get_url (feed));
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_widget_set_tooltip_text (count_label, _("Articles in the archive"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label);

  if (error != NULL)
    {
      GtkWidget *badge = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (badge, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Last fetch failed"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
    }

  return row;
}

static void
update_stack (MkFeedsPopover *self)
{
  gboolean empty = self->feeds == NULL || g_list_model_get_n_items (self->feeds) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

/**
 * mk_feeds_popover_set_feeds:
 * @feeds: (element-type MkFeedSource): the feeds to list
 */
void
mk_feeds_popover_set_feeds (MkFeedsPopover *self,
                            GListModel     *feeds)
{
  g_return_if_fail (MK_IS_FEEDS_POPOVER (self));

  if (self->feeds != NULL)
    g_signal_handlers_disconnect_by_func (self->feeds, update_stack, self);
  g_set_object (&self->feeds, feeds);
  g_signal_connect_swapped (feeds, "items-changed", G_CALLBACK (update_stack), self);

  gtk_list_box_bind_model (self->list_box, feeds, create_row, NULL, NULL);
  update_stack (self);
}

/**
 * mk_feeds_popover_set_progress:
 * @text: (nullable): what is being fetched, e.g. "2 of 5: VNA"
 */
void
mk_feeds_popover_set_progress (MkFeedsPopover *self,
                               gboolean        fetching,
                               double          fraction,
                               const char     *text)
{
  g_return_if_fail (MK_IS_FEEDS_POPOVER (self));

  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), fetching);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_label_set_text (self->progress_label, text ? text : "");
}

static void
mk_feeds_popover_dispose (GObject *object)
{
  MkFeedsPopover *self = MK_FEEDS_POPOVER (object);

  if (self->feeds != NULL)
    g_signal_handlers_disconnect_by_func (self->feeds, update_stack, self);
  g_clear_object (&self->feeds);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_FEEDS_POPOVER);

  G_OBJECT_CLASS (mk_feeds_popover_parent_class)->dispose (object);
}

static void
mk_feeds_popover_class_init (MkFeedsPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_feeds_popover_dispose;

  g_type_ensure (MK_TYPE_FEED_SOURCE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/mk-feeds-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, MkFeedsPopover, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MkFeedsPopover, list_box);
  gtk_widget_class_bind_template_child (widget_class, MkFeedsPopover, progress_box);
  gtk_widget_class_bind_template_child (widget_class, MkFeedsPopover, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MkFeedsPopover, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MkFeedsPopover, refresh_spin);
}

static void
mk_feeds_popover_init (MkFeedsPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "refresh-interval",
                   gtk_spin_button_get_adjustment (self->refresh_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  update_stack (self);
}
