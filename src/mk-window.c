/* mk-window.c — the main window: a search box, the article list, the article
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mk-article-row.h"
#include "mk-article-view.h"
#include "mk-settings.h"
#include "mk-entity-details.h"
#include "mk-window-private.h"

G_DEFINE_FINAL_TYPE (MkWindow, mk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SORT_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sort orders by the names the action, the menu and the settings
 * (the nicks of the schema's enum) use. */
static const struct {
  MkSort      sort;
  const char *nick;
} sort_orders[] = {
  { MK_SORT_NEWEST,    "newest" },
  { MK_SORT_OLDEST,    "oldest" },
  { MK_SORT_RELEVANCE, "relevance" },
};

/* How long a count may take before the window says it is counting: most
 * arrive sooner, and a label that flashes at every keystroke is noise. */
#define COUNTING_DELAY_MS 300

MkWindow *
mk_window_new (GtkApplication *application,
               MkStore        *store)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (MK_IS_STORE (store), NULL);

  return g_object_new (MK_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * mk_window_get_store:
 * @self: a window
 *
 * Returns: (transfer none): the archive this window shows
 */
MkStore *
mk_window_get_store (MkWindow *self)
{
  g_return_val_if_fail (MK_IS_WINDOW (self), NULL);

  return self->store;
}

/* Which page the left pane shows once a search has finished. */
static void
mk_window_update_list_page (MkWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->importing_samples)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "importing");
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (text[0] != '\0' || self->filter_entity != NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Articles Found"));
      adw_status_page_set_description (self->empty_page, _("Try a different search"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Articles"));
      adw_status_page_set_description (self->empty_page, _("This archive is empty"));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static gboolean mk_window_show_pending_article (MkWindow *self);

/* "12,408 articles": the number is formatted first, with the locale's
 * thousands separator, so that translations need no printf extension. */
static char *
mk_window_format_count (gint64 n_matches)
{
  g_autofree char *number = g_strdup_printf ("%'" G_GINT64_FORMAT, n_matches);

  /* Translators: how many articles a search matches; %s is the number,
   * already formatted for the locale, e.g. "12,408 articles" */
  return g_strdup_printf (ngettext ("%s article", "%s articles", (gulong) MIN (n_matches, G_MAXLONG)),
                          number);
}

/* Counting takes a while on a large archive: say so, quietly. */
static gboolean
mk_window_counting_timeout_cb (gpointer user_data)
{
  MkWindow *self = user_data;

  self->counting_timeout_id = 0;
  if (mk_article_list_get_n_matches (self->articles) < 0)
    gtk_label_set_text (self->count_label, _("Counting…"));

  return G_SOURCE_REMOVE;
}

/* The count of the current search arrives after its first rows, or on
 * its own when counting it is slow; -1 means that a new search started. */
static void
on_n_matches_changed_cb (MkArticleList *articles,
                         GParamSpec    *pspec,
                         MkWindow      *self)
{
  gint64 n_matches = mk_article_list_get_n_matches (articles);
  g_autofree char *text = NULL;

  /* Emitted while the window is being torn down. */
  if (self->count_label == NULL)
    return;

  g_clear_handle_id (&self->counting_timeout_id, g_source_remove);

  if (n_matches < 0)
    {
      /* The rows of the previous search are still shown, and so is their
       * count, until the first rows of this one arrive. */
      self->counting_timeout_id = g_timeout_add (COUNTING_DELAY_MS,
                                                 mk_window_counting_timeout_cb,
                                                 self);
      return;
    }

  text = mk_window_format_count (n_matches);
  gtk_label_set_text (self->count_label, text);
  mk_window_show_pending_article (self);
}

/* Selects the article in self->article_to_show once the list
 * holds it, or, when the whole result is known and it is not part of it
 * (the search leaves it out), shows it in the reading pane all the same.
 * Returns whether it did either. */
static gboolean
mk_window_show_pending_article (MkWindow *self)
{
  guint position;

  /* The search's own callback selects the first row; this comes after. */
  if (self->article_to_show == 0 || self->searching)
    return FALSE;

  if (mk_article_list_find (self->articles, self->article_to_show, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
    }
  else if (mk_article_list_get_n_matches (self->articles) >= 0)
    {
      g_autoptr(MkArticle) article = mk_store_get_article (self->store, self->article_to_show, NULL);

      if (article != NULL)
        mk_article_view_set_article (self->article_view, article);
    }
  else
    return FALSE;

  self->article_to_show = 0;
  return TRUE;
}

typedef struct
{
  MkWindow     *self;
  GCancellable *cancellable;
} SearchCall;

static void
search_call_free (SearchCall *call)
{
  g_object_unref (call->self);
  g_object_unref (call->cancellable);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SearchCall, search_call_free)

static void
mk_window_search_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SearchCall) call = user_data;
  MkWindow *self = call->self;
  g_autoptr(GError) error = NULL;

  /* Cancelled: a newer search replaced this one and updates the page. */
  if (!mk_article_list_search_finish (MK_ARTICLE_LIST (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The window may have been closed while the search ran. */
  if (self->list_stack == NULL)
    return;

  /* Whatever this search brought, a newer one has started since: only
   * the newest search may touch the list, the page and the selection. */
  if (call->cancellable != self->search_cancellable)
    return;

  self->searching = FALSE;

  if (error != NULL)
    {
      _mk_window_toast (self, error->message);
      /* The rows of the previous search stay; no count to wait for. */
      g_clear_handle_id (&self->counting_timeout_id, g_source_remove);
      gtk_label_set_text (self->count_label, "");
    }
  else if (mk_article_list_get_n_matches (self->articles) < 0)
    {
      /* New rows, count still coming: the old count would be wrong. */
      gtk_label_set_text (self->count_label, "");
    }

  mk_window_update_list_page (self);
  _mk_window_map_refresh (self);

  /* Through the list's own action: setting the scrolled window's
   * adjustment while the list is replacing its rows makes GtkListView
   * fail to scroll (and warn). */
  if (!mk_window_show_pending_article (self) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->articles)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
    }
}

/* Runs the search typed so far in a thread; the previous one, if still
 * running, is cancelled so that results never arrive out of order. */
static void
mk_window_search (MkWindow *self)
{
  g_autoptr(MkQuery) query = NULL;
  SearchCall *call;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  self->searching = TRUE;

  call = g_new0 (SearchCall, 1);
  call->self = g_object_ref (self);
  call->cancellable = g_object_ref (self->search_cancellable);

  query = mk_query_new (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->filter_entity != NULL)
    mk_query_add_entity_id (query, mk_entity_get_id (self->filter_entity));
  mk_entity_panel_set_query (self->entity_panel, query);
  mk_article_list_search_async (self->articles, query, self->sort,
                                self->search_cancellable,
                                mk_window_search_cb, call);
}

static const char *
mk_window_get_sort_order (MkWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
    if (sort_orders[i].sort == self->sort)
      return sort_orders[i].nick;

  g_return_val_if_reached ("newest");
}

/* From the menu (win.sort-order), the settings or a test: the list is
 * sorted again, by searching again. */
static void
mk_window_set_sort_order (MkWindow   *self,
                          const char *sort_order)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
    {
      if (g_strcmp0 (sort_orders[i].nick, sort_order) != 0)
        continue;

      if (self->sort == sort_orders[i].sort)
        return;

      self->sort = sort_orders[i].sort;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ORDER]);

      /* Not yet while the settings are bound, before there is a list. */
      if (self->articles != NULL && !self->importing_samples)
        mk_window_search (self);
      return;
    }

  g_warning ("Unknown sort order “%s”", sort_order ? sort_order : "(null)");
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      MkWindow       *self)
{
  mk_window_search (self);
}

static void
on_search_stopped_cb (GtkSearchEntry *entry,
                      MkWindow       *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Enter in the search box: on to the results, as in GNOME's other apps. */
static void
on_search_activate_cb (GtkSearchEntry *entry,
                       MkWindow       *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* The article's entities, for the panel and the marks in its body: one
 * article's rows of the mentions index, quick enough to read here. */
static void
mk_window_show_article_entities (MkWindow *self,
                                 gint64    article_id)
{
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GError) error = NULL;

  if (article_id > 0)
    {
      entities = mk_store_get_article_entities (self->store, article_id, MK_ENTITY_TYPE_ANY, &error);
      if (entities == NULL)
        _mk_window_toast (self, error->message);
    }

  mk_entity_panel_set_article_entities (self->entity_panel, entities);
  mk_article_view_set_entities (self->article_view, entities);
  _mk_window_map_refresh (self);
}

/* The list holds what a search needs (title, snippet…); the article pane
 * reads the whole article from the archive. */
static void
on_selected_item_changed_cb (GtkSingleSelection *selection,
                             GParamSpec         *pspec,
                             MkWindow           *self)
{
  MkArticle *item = gtk_single_selection_get_selected_item (selection);
  g_autoptr(MkArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  /* Emitted while the window is being torn down. */
  if (self->article_view == NULL || self->entity_panel == NULL)
    return;

  if (item == NULL)
    {
      mk_article_view_set_article (self->article_view, NULL);
      mk_window_show_article_entities (self, 0);
      _mk_window_annotations_show (self, NULL);
      return;
    }

  article = mk_store_get_article (self->store, mk_article_get_id (item), &error);
  if (article == NULL)
    {
      _mk_window_toast (self, error->message);
      mk_article_view_set_article (self->article_view, item);
      mk_window_show_article_entities (self, 0);
      _mk_window_annotations_show (self, item);
      return;
    }

  mk_article_view_set_article (self->article_view, article);
  mk_window_show_article_entities (self, mk_article_get_id (article));
  _mk_window_annotations_show (self, article);
}

/* "Place: Vientiane", for the chip above the list. */
static char *
mk_window_dup_filter_text (MkEntity *entity)
{
  switch (mk_entity_get_entity_type (entity))
    {
    case MK_ENTITY_PERSON:
      /* Translators: the chip of the person the list is filtered by */
      return g_strdup_printf (_("Person: %s"), mk_entity_get_name (entity));
    case MK_ENTITY_ORGANIZATION:
      /* Translators: the chip of the organisation the list is filtered by */
      return g_strdup_printf (_("Organisation: %s"), mk_entity_get_name (entity));
    case MK_ENTITY_PLACE:
    default:
      /* Translators: the chip of the place the list is filtered by */
      return g_strdup_printf (_("Place: %s"), mk_entity_get_name (entity));
    }
}

static void
mk_window_set_filter_entity (MkWindow *self,
                             MkEntity *entity)
{
  g_set_object (&self->filter_entity, entity);

  if (entity != NULL)
    {
      g_autofree char *text = mk_window_dup_filter_text (entity);

      gtk_label_set_text (self->filter_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_label), text);
    }
  gtk_revealer_set_reveal_child (self->filter_revealer, entity != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-entity-filter", entity != NULL);
  mk_entity_panel_set_filter_id (self->entity_panel, entity ? mk_entity_get_id (entity) : 0);

  mk_window_search (self);
}

/* From win.filter-entity: one row read by its key. */
void
_mk_window_filter_entity (MkWindow *self,
                          gint64    entity_id)
{
  g_autoptr(MkEntity) entity = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filter_entity != NULL && mk_entity_get_id (self->filter_entity) == entity_id)
    {
      _mk_window_clear_entity_filter (self);
      return;
    }

  entity = mk_store_get_entity (self->store, entity_id, &error);
  if (entity == NULL)
    {
      _mk_window_toast (self, error->message);
      return;
    }

  mk_window_set_filter_entity (self, entity);
}

void
_mk_window_clear_entity_filter (MkWindow *self)
{
  if (self->filter_entity != NULL)
    mk_window_set_filter_entity (self, NULL);
}

/* From win.show-entity: the entity's own window, read in a thread. */
void
_mk_window_show_entity (MkWindow *self,
                        gint64    entity_id)
{
  MkEntityDetails *details = mk_entity_details_new (GTK_WINDOW (self), self->store, entity_id);

  gtk_window_present (GTK_WINDOW (details));
}

/**
 * mk_window_get_filter_entity:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the entity whose articles the list
 *   is limited to
 */
MkEntity *
mk_window_get_filter_entity (MkWindow *self)
{
  g_return_val_if_fail (MK_IS_WINDOW (self), NULL);

  return self->filter_entity;
}

/**
 * mk_window_get_entity_panel:
 * @self: a window
 *
 * Returns: (transfer none): the entity pane beside the article
 */
MkEntityPanel *
mk_window_get_entity_panel (MkWindow *self)
{
  g_return_val_if_fail (MK_IS_WINDOW (self), NULL);

  return self->entity_panel;
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 MkWindow                 *self)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (mk_article_row_new ()));
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                MkWindow                 *self)
{
  MkArticleRow *row = MK_ARTICLE_ROW (gtk_list_item_get_child (list_item));

  mk_article_row_set_article (row, gtk_list_item_get_item (list_item));
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  MkWindow                 *self)
{
  MkArticleRow *row = MK_ARTICLE_ROW (gtk_list_item_get_child (list_item));

  mk_article_row_set_article (row, NULL);
}

/* Size, maximized state, sort order, the panes' widths and the side
 * pane's page survive a restart. A missing
 * schema (running from the build directory without GSETTINGS_SCHEMA_DIR)
 * only costs that. */
static void
mk_window_bind_settings (MkWindow *self)
{
  self->settings = mk_settings_new ();
  if (self->settings == NULL)
    return;

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  /* An enum key reads and writes as its nick, the property's string. */
  g_settings_bind (self->settings, "sort-order", self, "sort-order",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "entity-scope", self->entity_panel, "scope",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "side-pane-position", self->side_paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "list-pane-position", self->list_paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "side-page", self->side_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
mk_window_constructed (GObject *object)
{
  MkWindow *self = MK_WINDOW (object);
  g_autoptr(GError) error = NULL;
  gint64 n_sources;

  G_OBJECT_CLASS (mk_window_parent_class)->constructed (object);

  g_return_if_fail (MK_IS_STORE (self->store));

  mk_entity_panel_set_store (self->entity_panel, self->store);
  self->articles = mk_article_list_new (self->store);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->articles));
  g_signal_connect_object (self->articles, "notify::n-matches",
                           G_CALLBACK (on_n_matches_changed_cb), self, 0);
  _mk_window_annotations_init (self);

  n_sources = mk_store_count_sources (self->store, &error);
  if (n_sources < 0)
    _mk_window_toast (self, error->message);

  /* A read-only archive cannot take the samples (mk-application.c says
   * why it is read-only). */
  if (n_sources == 0 && !mk_store_is_read_only (self->store))
    _mk_window_import_samples (self);
  else
    mk_window_search (self);

  _mk_window_feeds_init (self);
}

static void
mk_window_dispose (GObject *object)
{
  MkWindow *self = MK_WINDOW (object);

  /* Pending searches and imports hold a reference; cancelling lets them
   * return at once instead of touching a window that is going away. */
  g_cancellable_cancel (self->search_cancellable);
  _mk_window_import_dispose (self);
  g_cancellable_cancel (self->places_cancellable);
  g_clear_handle_id (&self->counting_timeout_id, g_source_remove);
  _mk_window_feeds_dispose (self);
  /* The note being typed, and every annotation asked, into the archive. */
  _mk_window_annotations_save_all (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_WINDOW);

  G_OBJECT_CLASS (mk_window_parent_class)->dispose (object);
}

static void
mk_window_finalize (GObject *object)
{
  MkWindow *self = MK_WINDOW (object);

  _mk_window_annotations_finalize (self);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->import_report, g_ptr_array_unref);
  g_clear_object (&self->places_cancellable);
  _mk_window_feeds_finalize (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->filter_entity);
  g_clear_object (&self->articles);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mk_window_parent_class)->finalize (object);
}

static void
mk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MkWindow *self = MK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SORT_ORDER:
      g_value_set_string (value, mk_window_get_sort_order (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MkWindow *self = MK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SORT_ORDER:
      mk_window_set_sort_order (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_window_class_init (MkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mk_window_constructed;
  object_class->dispose = mk_window_dispose;
  object_class->finalize = mk_window_finalize;
  object_class->get_property = mk_window_get_property;
  object_class->set_property = mk_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         MK_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MkWindow:sort-order:
   *
   * How the article list is sorted: "newest" first (the default),
   * "oldest" first or by "relevance" to the search. The action
   * `win.sort-order` and the setting of the same name follow it.
   */
  properties[PROP_SORT_ORDER] =
    g_param_spec_string ("sort-order", NULL, NULL,
                         "newest",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MK_TYPE_ARTICLE_VIEW);
  g_type_ensure (MK_TYPE_ENTITY_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/mk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, list_paned);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, side_paned);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, entity_panel);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, filter_label);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, filter_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_unbind_cb);

  _mk_window_class_actions_init (klass);
  _mk_window_class_import_init (klass);
  _mk_window_class_map_init (klass);
  _mk_window_class_feeds_init (klass);
  _mk_window_class_annotations_init (klass);
}

static void
mk_window_init (MkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing anywhere in the window goes to the search box. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  _mk_window_import_init (self);
  _mk_window_map_init (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-entity-filter", FALSE);
  mk_window_bind_settings (self);
}

/* For the parts of the window that live in other files. */
void
_mk_window_refresh (MkWindow *self)
{
  mk_window_search (self);
}

void
_mk_window_show_toast (MkWindow *self,
                       AdwToast *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A toast saying @text as it is. libadwaita 1.2 reads every toast title
 * as Pango markup (AdwToast:use-markup came in 1.4), and ours carry file
 * names, tags and servers' messages: so the text is escaped here, and
 * every toast of the window is made through this. */
AdwToast *
_mk_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

void
_mk_window_toast (MkWindow   *self,
                  const char *text)
{
  _mk_window_show_toast (self, _mk_toast_new (text));
}
