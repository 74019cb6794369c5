/* mk-window-actions.c — the actions of the main window
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-window-private.h"

/* Ctrl+F: typing anywhere already starts a search (key capture); this is
 * for people who reach for the shortcut, and it selects what is there so
 * that the next word replaces the last search. */
static void
mk_window_search_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* An entity activated in the panel, the article body or (later) the map:
 * the list shows the articles that mention it; the same entity again
 * removes the filter. */
static void
mk_window_filter_entity_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  _mk_window_filter_entity (MK_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
mk_window_clear_entity_filter_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  _mk_window_clear_entity_filter (MK_WINDOW (widget));
}

static void
mk_window_show_entity_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  _mk_window_show_entity (MK_WINDOW (widget), g_variant_get_int64 (parameter));
}

void
_mk_window_class_actions_init (MkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* "win." like the actions GtkApplicationWindow adds, so that accelerators
   * and menus name them the same way. */
  gtk_widget_class_install_action (widget_class, "win.search", NULL,
                                   mk_window_search_action);

  /* The sort menu's radio items: the state is the window's "sort-order"
   * ("newest", "oldest" or "relevance"), which the settings keep. */
  gtk_widget_class_install_property_action (widget_class, "win.sort-order", "sort-order");

  /* The entity filter, by the entity's id in the archive. */
  gtk_widget_class_install_action (widget_class, "win.filter-entity", "x",
                                   mk_window_filter_entity_action);
  gtk_widget_class_install_action (widget_class, "win.clear-entity-filter", NULL,
                                   mk_window_clear_entity_filter_action);
  gtk_widget_class_install_action (widget_class, "win.show-entity", "x",
                                   mk_window_show_entity_action);
}
