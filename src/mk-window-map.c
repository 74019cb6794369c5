/* mk-window-map.c — the map page of the main window
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-window-private.h"

/* The map shows the places of the article being read, or of every article
 * the current search found (the whole archive when nothing is typed), as
 * the entity pane's scope says: one choice for both. They are loaded in a
 * worker thread when the map page is shown, and again after each search,
 * article or scope change while it is. Clicking a place filters the list
 * by it (win.filter-entity, as clicking it in the entity pane does). */

/* More markers than this are unreadable: the most named places. */
#define MAX_PLACES 200

typedef struct
{
  MkWindow     *self;
  GCancellable *cancellable;
} PlacesCall;

static void
places_call_free (PlacesCall *call)
{
  g_object_unref (call->self);
  g_object_unref (call->cancellable);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacesCall, places_call_free)

static void
places_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PlacesCall) call = user_data;
  MkWindow *self = call->self;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;

  places = mk_store_get_places_finish (self->store, result, &error);
  /* A newer load replaced this one, or the window is closing. */
  if (call->cancellable != self->places_cancellable || self->map_view == NULL)
    return;

  if (places == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _mk_window_toast (self, error->message);
      return;
    }

  mk_map_view_set_places (self->map_view, places);
}

/**
 * _mk_window_map_refresh:
 *
 * Loads the places of the search typed, if the map is shown; a load still
 * running is cancelled.
 */
void
_mk_window_map_refresh (MkWindow *self)
{
  MkQuery *query = NULL;
  gint64 article_id = 0;
  PlacesCall *call;

  /* Not before the window has its archive (the settings may show the map
   * page while the window is being built), nor once it is going. */
  if (self->side_stack == NULL || self->articles == NULL ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->side_stack), "map") != 0)
    return;

  g_cancellable_cancel (self->places_cancellable);
  g_clear_object (&self->places_cancellable);
  self->places_cancellable = g_cancellable_new ();

  call = g_new0 (PlacesCall, 1);
  call->self = g_object_ref (self);
  call->cancellable = g_object_ref (self->places_cancellable);

  if (g_strcmp0 (mk_entity_panel_get_scope (self->entity_panel), "article") == 0)
    {
      MkArticle *article = mk_article_view_get_article (self->article_view);

      /* No article: no places, rather than the whole archive's. */
      article_id = article ? mk_article_get_id (article) : G_MAXINT64;
    }
  else
    /* The list's own query: the words typed and the entity filter. */
    query = mk_article_list_get_query (self->articles);

  mk_store_get_places_async (self->store, query, article_id, MAX_PLACES, self->places_cancellable,
                             places_loaded_cb, call);
}

static void
on_side_page_changed_cb (MkWindow *self)
{
  _mk_window_map_refresh (self);
}

/* The map's Article / All Results buttons and the entity pane's are one
 * choice: a click on either sets the pane's scope, and the pane's scope
 * (which the settings keep) sets both. */
static void
on_map_scope_toggled_cb (MkWindow        *self,
                         GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button) || self->entity_panel == NULL)
    return;

  mk_entity_panel_set_scope (self->entity_panel,
                             button == self->map_results_button ? "results" : "article");
}

static void
on_entity_scope_changed_cb (MkWindow *self)
{
  gboolean results = g_strcmp0 (mk_entity_panel_get_scope (self->entity_panel), "results") == 0;

  gtk_toggle_button_set_active (results ? self->map_results_button : self->map_article_button, TRUE);
  _mk_window_map_refresh (self);
}

/* The map follows the entity pane's scope (article or all results). */
void
_mk_window_map_init (MkWindow *self)
{
  g_signal_connect_object (self->entity_panel, "notify::scope",
                           G_CALLBACK (on_entity_scope_changed_cb), self, G_CONNECT_SWAPPED);
  on_entity_scope_changed_cb (self);
}

/* The entity panel's action filters the list by an entity; without it
 * (a build without the panel) a click on a marker does nothing more. */
static void
on_place_activated_cb (MkWindow  *self,
                       gint64     entity_id,
                       MkMapView *map_view)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.filter-entity", "x", entity_id))
    g_debug ("No win.filter-entity action: place %" G_GINT64_FORMAT " not filtered", entity_id);
}

void
_mk_window_class_map_init (MkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (MK_TYPE_MAP_VIEW);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, map_article_button);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, map_results_button);
  gtk_widget_class_bind_template_callback (widget_class, on_side_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_scope_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_place_activated_cb);
}
