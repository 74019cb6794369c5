/* mk-entity-panel.c — the people, organisations and places beside the article
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mk-entity-panel.h"

/* Three short lists, one per type, each under its heading: GTK 4.8's list
 * views have no section headers, and three lists read (and are announced)
 * as three groups. Activating a row asks the window to filter the article
 * list by it (win.filter-entity); its context menu offers the entity's
 * own view (win.show-entity). Both are the window's actions, so that
 * other views (the article body, a map) can use them alike.
 *
 * The "results" scope counts the entities of every article a search
 * found: that aggregates many rows, so it runs in a worker thread on its
 * own connection, and a newer search cancels it. */

/* The most mentioned of each type, for the result set: the panel is for
 * seeing who and what a search is about, not for listing thousands. */
#define RESULTS_PER_TYPE 25

struct _MkEntityPanel
{
  AdwBin             parent_instance;

  /* Template children */
  GtkToggleButton   *article_button;
  GtkToggleButton   *results_button;
  GtkSpinner        *spinner;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkLabel          *people_heading;
  GtkLabel          *organizations_heading;
  GtkLabel          *places_heading;
  GtkListView       *people_view;
  GtkListView       *organizations_view;
  GtkListView       *places_view;
  GListStore        *people;
  GListStore        *organizations;
  GListStore        *places;

  /* Owned */
  GtkWidget         *context_menu;
  GMenu             *context_model;
  MkStore           *store;
  GPtrArray         *article_entities;
  MkQuery           *query;
  GCancellable      *cancellable;
  gint64             filter_id;

  guint              results_scope : 1;
  guint              loading : 1;
};

G_DEFINE_FINAL_TYPE (MkEntityPanel, mk_entity_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SCOPE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

MkEntityPanel *
mk_entity_panel_new (void)
{
  return g_object_new (MK_TYPE_ENTITY_PANEL, NULL);
}

static GListStore *
mk_entity_panel_store_of_type (MkEntityPanel *self,
                               MkEntityType   type)
{
  switch (type)
    {
    case MK_ENTITY_PERSON:
      return self->people;
    case MK_ENTITY_ORGANIZATION:
      return self->organizations;
    case MK_ENTITY_PLACE:
    default:
      return self->places;
    }
}

/* The number a row shows: mentions in the article, or in the results. */
static guint
mk_entity_panel_count_of (MkEntityPanel *self,
                          MkEntity      *entity)
{
  if (self->results_scope)
    return mk_entity_get_n_mentions (entity);

  return mk_entity_get_mentions (entity)->len;
}

static void
mk_entity_panel_update_page (MkEntityPanel *self)
{
  guint n_people = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  guint n_organizations = g_list_model_get_n_items (G_LIST_MODEL (self->organizations));
  guint n_places = g_list_model_get_n_items (G_LIST_MODEL (self->places));

  gtk_widget_set_visible (GTK_WIDGET (self->people_heading), n_people > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->people_view), n_people > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->organizations_heading), n_organizations > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->organizations_view), n_organizations > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->places_heading), n_places > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->places_view), n_places > 0);

  if (n_people + n_organizations + n_places > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "entities");
      return;
    }

  adw_status_page_set_description (self->empty_page,
                                   self->results_scope
                                   ? _("The articles found name no people, organisations or places")
                                   : _("This article names no people, organisations or places"));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Replaces the three lists with @entities (or empties them). */
static void
mk_entity_panel_fill (MkEntityPanel *self,
                      GPtrArray     *entities)
{
  GPtrArray *by_type[MK_ENTITY_N_TYPES];

  for (guint t = 0; t < MK_ENTITY_N_TYPES; t++)
    by_type[t] = g_ptr_array_new ();

  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      MkEntity *entity = g_ptr_array_index (entities, i);

      g_ptr_array_add (by_type[mk_entity_get_entity_type (entity)], entity);
    }

  for (guint t = 0; t < MK_ENTITY_N_TYPES; t++)
    {
      GListStore *store = mk_entity_panel_store_of_type (self, t);

      g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                           by_type[t]->pdata, by_type[t]->len);
      g_ptr_array_unref (by_type[t]);
    }

  mk_entity_panel_update_page (self);
}

/* Binds every row again, for a new filter mark. */
static void
mk_entity_panel_rebind (MkEntityPanel *self)
{
  for (guint t = 0; t < MK_ENTITY_N_TYPES; t++)
    {
      GListStore *store = mk_entity_panel_store_of_type (self, t);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));
      g_list_store_splice (store, 0, n, items->pdata, items->len);
    }
}

static void
mk_entity_panel_set_loading (MkEntityPanel *self,
                             gboolean       loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* --- The results scope, counted in a thread --------------------------------- */

typedef struct {
  char *archive_path;
  MkQuery *query;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->archive_path);
  g_clear_object (&data->query);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GError *error = NULL;

  store = mk_store_open (data->archive_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  all = mk_store_get_top_entities (store, data->query, RESULTS_PER_TYPE, cancellable, &error);
  if (all == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&all), (GDestroyNotify) g_ptr_array_unref);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  MkEntityPanel *self = MK_ENTITY_PANEL (object);
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GError) error = NULL;

  entities = g_task_propagate_pointer (G_TASK (result), &error);
  /* Cancelled: a newer search or scope took over, and loads its own. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  mk_entity_panel_set_loading (self, FALSE);
  if (error != NULL)
    {
      /* The description is Pango markup. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      g_warning ("Could not count the entities of the results: %s", error->message);
      adw_status_page_set_description (self->empty_page, escaped);
      mk_entity_panel_fill (self, NULL);
      return;
    }

  if (self->results_scope)
    mk_entity_panel_fill (self, entities);
}

static void
mk_entity_panel_load_results (MkEntityPanel *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  if (self->store == NULL)
    return;

  data = g_new0 (LoadData, 1);
  data->archive_path = g_strdup (mk_store_get_path (self->store));
  data->query = self->query ? g_object_ref (self->query) : NULL;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, mk_entity_panel_load_results);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  mk_entity_panel_set_loading (self, TRUE);
  g_task_run_in_thread (task, load_thread);
}

/* Shows what the scope asks for: the article's entities at once, the
 * results' after counting them. */
static void
mk_entity_panel_refresh (MkEntityPanel *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (!self->results_scope)
    {
      mk_entity_panel_set_loading (self, FALSE);
      mk_entity_panel_fill (self, self->article_entities);
      return;
    }

  mk_entity_panel_load_results (self);
}

/* --- Rows ------------------------------------------------------------------- */

static void
mk_entity_panel_popup_menu (MkEntityPanel *self,
                            GtkWidget     *row,
                            MkEntity      *entity,
                            double         x,
                            double         y)
{
  g_autoptr(GMenuItem) details = NULL;
  g_autoptr(GMenuItem) filter = NULL;
  gint64 id = mk_entity_get_id (entity);
  graphene_point_t point;

  if (!gtk_widget_compute_point (row, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  g_menu_remove_all (self->context_model);
  details = g_menu_item_new (_("Show _Details"), NULL);
  g_menu_item_set_action_and_target_value (details, "win.show-entity", g_variant_new_int64 (id));
  g_menu_append_item (self->context_model, details);
  filter = g_menu_item_new (id == self->filter_id ? _("_Remove Filter") : _("_Filter Articles"), NULL);
  g_menu_item_set_action_and_target_value (filter, "win.filter-entity", g_variant_new_int64 (id));
  g_menu_append_item (self->context_model, filter);

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* Each row knows its list item, for the keyboard's context menu key. */
static GQuark
list_item_quark (void)
{
  return g_quark_from_static_string ("mk-entity-panel-list-item");
}

static void
on_row_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkListItem     *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  MkEntityPanel *self = MK_ENTITY_PANEL (gtk_widget_get_ancestor (row, MK_TYPE_ENTITY_PANEL));
  MkEntity *entity = gtk_list_item_get_item (list_item);

  if (entity == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  mk_entity_panel_popup_menu (self, row, entity, x, y);
}

/* A row: the name, then the count. Built here rather than in a template
 * of its own: two labels, and the factory is the only place that makes
 * them. */
static void
on_entity_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    MkEntityPanel            *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkGesture *secondary = gtk_gesture_click_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), count);
  gtk_widget_add_css_class (row, "entity-row");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_row_pressed_cb), list_item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (secondary));

  g_object_set_qdata (G_OBJECT (row), list_item_quark (), list_item);
  gtk_list_item_set_child (list_item, row);
}

/* Shift+F10 or the Menu key on a focused row: its context menu, as a
 * right click gives it. The focus is on the list's row widget, whose
 * child is the row built above. */
static gboolean
mk_entity_panel_menu_shortcut (GtkWidget *widget,
                               GVariant  *arguments,
                               gpointer   user_data)
{
  MkEntityPanel *self = MK_ENTITY_PANEL (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *row = focus ? gtk_widget_get_first_child (focus) : NULL;
  GtkListItem *list_item = row ? g_object_get_qdata (G_OBJECT (row), list_item_quark ()) : NULL;
  MkEntity *entity = list_item ? gtk_list_item_get_item (list_item) : NULL;

  if (entity == NULL || !gtk_widget_is_ancestor (row, widget))
    return FALSE;

  mk_entity_panel_popup_menu (self, row, entity,
                              gtk_widget_get_width (row) / 2.0, gtk_widget_get_height (row) / 2.0);
  return TRUE;
}

static void
on_entity_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   MkEntityPanel            *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (row);
  GtkWidget *count = gtk_widget_get_last_child (row);
  MkEntity *entity = gtk_list_item_get_item (list_item);
  guint n = mk_entity_panel_count_of (self, entity);
  g_autofree char *number = g_strdup_printf ("%u", n);
  g_autofree char *description = NULL;
  gboolean filtered = mk_entity_get_id (entity) == self->filter_id;

  gtk_label_set_text (GTK_LABEL (name), mk_entity_get_label (entity));
  gtk_label_set_text (GTK_LABEL (count), number);

  if (filtered)
    /* Translators: an entity the article list is filtered by, with how
     * often it is mentioned; activating it again removes the filter */
    description = g_strdup_printf (ngettext ("%s, %u mention, filtering the list",
                                             "%s, %u mentions, filtering the list", n),
                                   mk_entity_get_label (entity), n);
  else
    /* Translators: an entity with how often it is mentioned */
    description = g_strdup_printf (ngettext ("%s, %u mention", "%s, %u mentions", n),
                                   mk_entity_get_label (entity), n);
  gtk_widget_set_tooltip_text (row, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  if (filtered)
    gtk_widget_add_css_class (row, "filtered");
  else
    gtk_widget_remove_css_class (row, "filtered");
}

static void
on_entity_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     MkEntityPanel            *self)
{
  gtk_widget_remove_css_class (gtk_list_item_get_child (list_item), "filtered");
}

/* A click (or Enter) on a row: the window filters by it, or stops
 * filtering when it already does. */
static void
on_entity_activate_cb (GtkListView   *view,
                       guint          position,
                       MkEntityPanel *self)
{
  g_autoptr(MkEntity) entity = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), position);

  if (entity != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.filter-entity", "x", mk_entity_get_id (entity));
}

static void
on_scope_toggled_cb (GtkToggleButton *button,
                     MkEntityPanel   *self)
{
  /* Both buttons of the group toggle; act on the one turned on. */
  if (!gtk_toggle_button_get_active (button))
    return;

  mk_entity_panel_set_scope (self, button == self->results_button ? "results" : "article");
}

/* --- Public ------------------------------------------------------------------ */

/**
 * mk_entity_panel_set_store:
 *
 * The archive the results scope counts in (on a connection of its own).
 */
void
mk_entity_panel_set_store (MkEntityPanel *self,
                           MkStore       *store)
{
  g_return_if_fail (MK_IS_ENTITY_PANEL (self));
  g_return_if_fail (!store || MK_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * mk_entity_panel_set_article_entities:
 * @entities: (nullable) (element-type MkEntity): the article's entities,
 *   from mk_store_get_article_entities(), or %NULL when there is no article
 */
void
mk_entity_panel_set_article_entities (MkEntityPanel *self,
                                      GPtrArray     *entities)
{
  g_return_if_fail (MK_IS_ENTITY_PANEL (self));

  g_clear_pointer (&self->article_entities, g_ptr_array_unref);
  if (entities != NULL)
    self->article_entities = g_ptr_array_ref (entities);

  if (!self->results_scope)
    mk_entity_panel_fill (self, self->article_entities);
}

/**
 * mk_entity_panel_set_query:
 * @query: (nullable): the search the article list shows
 *
 * In the results scope, counts the entities of its articles again.
 */
void
mk_entity_panel_set_query (MkEntityPanel *self,
                           MkQuery       *query)
{
  g_return_if_fail (MK_IS_ENTITY_PANEL (self));

  g_set_object (&self->query, query);
  if (self->results_scope)
    mk_entity_panel_refresh (self);
}

/**
 * mk_entity_panel_get_scope:
 *
 * Returns: "article" or "results"
 */
const char *
mk_entity_panel_get_scope (MkEntityPanel *self)
{
  g_return_val_if_fail (MK_IS_ENTITY_PANEL (self), NULL);

  return self->results_scope ? "results" : "article";
}

/**
 * mk_entity_panel_set_scope:
 * @scope: "article" for the article's entities, "results" for those of
 *   every article found, most mentioned first
 */
void
mk_entity_panel_set_scope (MkEntityPanel *self,
                           const char    *scope)
{
  gboolean results;

  g_return_if_fail (MK_IS_ENTITY_PANEL (self));

  results = g_strcmp0 (scope, "results") == 0;
  if (!results && g_strcmp0 (scope, "article") != 0)
    {
      g_warning ("Unknown entity scope “%s”", scope ? scope : "(null)");
      return;
    }

  gtk_toggle_button_set_active (results ? self->results_button : self->article_button, TRUE);
  if (self->results_scope == results)
    return;

  self->results_scope = results;
  mk_entity_panel_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}

/**
 * mk_entity_panel_set_filter_id:
 * @entity_id: the entity the article list is filtered by, or 0
 *
 * Marks its row, and names it so to screen readers.
 */
void
mk_entity_panel_set_filter_id (MkEntityPanel *self,
                               gint64         entity_id)
{
  g_return_if_fail (MK_IS_ENTITY_PANEL (self));

  if (self->filter_id == entity_id)
    return;

  self->filter_id = entity_id;
  mk_entity_panel_rebind (self);
}

/**
 * mk_entity_panel_get_entities:
 *
 * Returns: (transfer none): the rows shown for @type
 */
GListModel *
mk_entity_panel_get_entities (MkEntityPanel *self,
                              MkEntityType   type)
{
  g_return_val_if_fail (MK_IS_ENTITY_PANEL (self), NULL);

  return G_LIST_MODEL (mk_entity_panel_store_of_type (self, type));
}

/**
 * mk_entity_panel_is_loading:
 *
 * Returns: %TRUE while the entities of the results are being counted
 */
gboolean
mk_entity_panel_is_loading (MkEntityPanel *self)
{
  g_return_val_if_fail (MK_IS_ENTITY_PANEL (self), FALSE);

  return self->loading;
}

/* --- The object -------------------------------------------------------------- */

/* The context menu is the panel's own child, outside the bin's layout: a
 * popover with a parent must be presented by it. */
static void
mk_entity_panel_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  MkEntityPanel *self = MK_ENTITY_PANEL (widget);

  GTK_WIDGET_CLASS (mk_entity_panel_parent_class)->size_allocate (widget, width, height, baseline);
  gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
mk_entity_panel_dispose (GObject *object)
{
  MkEntityPanel *self = MK_ENTITY_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);

  G_OBJECT_CLASS (mk_entity_panel_parent_class)->dispose (object);
}

static void
mk_entity_panel_finalize (GObject *object)
{
  MkEntityPanel *self = MK_ENTITY_PANEL (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->context_model);
  g_clear_object (&self->store);
  g_clear_object (&self->query);
  g_clear_pointer (&self->article_entities, g_ptr_array_unref);

  G_OBJECT_CLASS (mk_entity_panel_parent_class)->finalize (object);
}

static void
mk_entity_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MkEntityPanel *self = MK_ENTITY_PANEL (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      g_value_set_string (value, mk_entity_panel_get_scope (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_entity_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MkEntityPanel *self = MK_ENTITY_PANEL (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      mk_entity_panel_set_scope (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_entity_panel_class_init (MkEntityPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_entity_panel_dispose;
  object_class->finalize = mk_entity_panel_finalize;
  object_class->get_property = mk_entity_panel_get_property;
  object_class->set_property = mk_entity_panel_set_property;
  widget_class->size_allocate = mk_entity_panel_size_allocate;

  /**
   * MkEntityPanel:scope:
   *
   * "article" (the entities of the article read) or "results" (those of
   * every article the search found); the setting "entity-scope" keeps it.
   */
  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL,
                         "article",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MK_TYPE_ENTITY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/mk-entity-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, article_button);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, results_button);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, people_heading);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, organizations_heading);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, places_heading);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, people_view);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, organizations_view);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, places_view);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, people);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, organizations);
  gtk_widget_class_bind_template_child (widget_class, MkEntityPanel, places);
  gtk_widget_class_bind_template_callback (widget_class, on_entity_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entity_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entity_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entity_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_toggled_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                mk_entity_panel_menu_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0,
                                mk_entity_panel_menu_shortcut, NULL);

  gtk_widget_class_set_css_name (widget_class, "entitypanel");
}

static void
mk_entity_panel_init (MkEntityPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->context_model = g_menu_new ();
  self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (self->context_model));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  mk_entity_panel_update_page (self);
}
