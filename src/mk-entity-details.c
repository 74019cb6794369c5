/* mk-entity-details.c — one entity: its names, its articles, its company
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mk-entity-details.h"

/* A small window over the main one (win.show-entity): how the archive
 * writes the entity, how many articles name it and over which dates, and
 * who or what is most often named in the same articles. The last counts
 * the mentions of all the entity's articles, so everything is read in a
 * worker thread on a connection of its own. Activating a related entity
 * shows its details here; "Show Its Articles" filters the main window. */

#define N_RELATED 12

struct _MkEntityDetails
{
  AdwWindow       parent_instance;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  AdwActionRow   *articles_row;
  AdwActionRow   *dates_row;
  AdwActionRow   *aliases_row;
  GtkLabel       *related_heading;
  GtkListView    *related_view;
  GListStore     *related;

  /* Owned */
  MkStore        *store;
  MkEntity       *entity;
  GCancellable   *cancellable;

  guint           loading : 1;
};

G_DEFINE_FINAL_TYPE (MkEntityDetails, mk_entity_details, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- Reading, in a thread ----------------------------------------------------- */

typedef struct {
  char *archive_path;
  gint64 entity_id;
} LoadData;

typedef struct {
  MkEntity *entity;
  char *first;
  char *last;
  GPtrArray *related;
} Details;

static void
load_data_free (LoadData *data)
{
  g_free (data->archive_path);
  g_free (data);
}

static void
details_free (Details *details)
{
  g_clear_object (&details->entity);
  g_free (details->first);
  g_free (details->last);
  g_clear_pointer (&details->related, g_ptr_array_unref);
  g_free (details);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Details, details_free)

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(Details) details = g_new0 (Details, 1);
  GError *error = NULL;

  store = mk_store_open (data->archive_path, &error);
  if (store == NULL ||
      (details->entity = mk_store_get_entity (store, data->entity_id, &error)) == NULL ||
      !mk_store_get_entity_dates (store, data->entity_id, &details->first, &details->last, &error) ||
      (details->related = mk_store_get_related_entities (store, data->entity_id, N_RELATED,
                                                          cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&details), (GDestroyNotify) details_free);
}

/* "12 March 2021", in the locale's words; the date as stored when it is
 * not one GLib can read. */
static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = g_strndup (iso, 10);
  g_autofree char *midnight = g_strconcat (day, "T00:00:00Z", NULL);

  date = g_date_time_new_from_iso8601 (midnight, NULL);
  if (date == NULL)
    return g_strdup (iso);

  /* Translators: a date, see the strftime manual; "%e %B %Y" is "12 March 2021" */
  return g_date_time_format (date, _("%e %B %Y"));
}

static char *
mk_entity_details_dup_dates (Details *details)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (details->first == NULL)
    return g_strdup (_("No dated articles"));

  first = format_date (details->first);
  last = format_date (details->last);
  if (g_str_equal (first, last))
    return g_strstrip (g_steal_pointer (&first));

  /* Translators: the dates of the first and the last article naming an entity */
  return g_strstrip (g_strdup_printf (_("%s to %s"), g_strstrip (first), g_strstrip (last)));
}

static const char *
type_name (MkEntityType type)
{
  switch (type)
    {
    case MK_ENTITY_PERSON:
      return _("Person");
    case MK_ENTITY_ORGANIZATION:
      return _("Organisation");
    case MK_ENTITY_PLACE:
    default:
      return _("Place");
    }
}

static void
mk_entity_details_fill (MkEntityDetails *self,
                        Details         *details)
{
  MkEntity *entity = details->entity;
  guint n_articles = mk_entity_get_n_articles (entity);
  GPtrArray *aliases = mk_entity_get_aliases (entity);
  g_autofree char *articles = NULL;
  g_autofree char *dates = mk_entity_details_dup_dates (details);
  g_autofree char *alias_text = NULL;

  g_set_object (&self->entity, entity);

  adw_window_title_set_title (self->window_title, mk_entity_get_name (entity));
  adw_window_title_set_subtitle (self->window_title, type_name (mk_entity_get_entity_type (entity)));
  gtk_window_set_title (GTK_WINDOW (self), mk_entity_get_name (entity));

  {
    guint n_mentions = mk_entity_get_n_mentions (entity);
    g_autofree char *in_articles = g_strdup_printf (ngettext ("%u article", "%u articles", n_articles), n_articles);
    g_autofree char *mentions = g_strdup_printf (ngettext ("%u mention", "%u mentions", n_mentions), n_mentions);

    /* Translators: how many articles name an entity, then how often */
    articles = g_strdup_printf (_("%s, %s"), in_articles, mentions);
  }
  adw_action_row_set_subtitle (self->articles_row, articles);
  adw_action_row_set_subtitle (self->dates_row, dates);

  /* AdwActionRow reads its subtitle as markup; names are data. */
  if (aliases->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < aliases->len; i++)
        {
          g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (aliases, i), -1);

          if (i > 0)
            /* Translators: between the names an entity is also written as */
            g_string_append (text, _(", "));
          g_string_append (text, escaped);
        }
      alias_text = g_string_free (g_steal_pointer (&text), FALSE);
    }
  adw_action_row_set_subtitle (self->aliases_row, alias_text ? alias_text : _("Only by this name"));

  g_list_store_splice (self->related, 0, g_list_model_get_n_items (G_LIST_MODEL (self->related)),
                       details->related->pdata, details->related->len);
  gtk_widget_set_visible (GTK_WIDGET (self->related_heading), details->related->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->related_view), details->related->len > 0);

  gtk_stack_set_visible_child_name (self->stack, "details");
}

static void
mk_entity_details_set_loading (MkEntityDetails *self,
                               gboolean         loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  MkEntityDetails *self = MK_ENTITY_DETAILS (object);
  g_autoptr(Details) details = NULL;
  g_autoptr(GError) error = NULL;

  details = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  mk_entity_details_set_loading (self, FALSE);
  if (details == NULL)
    {
      /* The description is Pango markup. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  mk_entity_details_fill (self, details);
}

/**
 * mk_entity_details_show:
 * @entity_id: the entity to show
 *
 * Reads the entity's details in a thread and shows them when they come.
 */
void
mk_entity_details_show (MkEntityDetails *self,
                        gint64           entity_id)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (MK_IS_ENTITY_DETAILS (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->archive_path = g_strdup (mk_store_get_path (self->store));
  data->entity_id = entity_id;

  gtk_stack_set_visible_child_name (self->stack, "loading");
  mk_entity_details_set_loading (self, TRUE);

  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, mk_entity_details_show);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* --- Rows of the related entities ------------------------------------------- */

/* Name and type, then the shared articles: built here, as the panel's. */
static void
on_related_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     MkEntityDetails          *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), count);
  gtk_widget_add_css_class (row, "entity-row");
  gtk_list_item_set_child (list_item, row);
}

static void
on_related_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    MkEntityDetails          *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  MkEntity *entity = gtk_list_item_get_item (list_item);
  guint n = mk_entity_get_n_articles (entity);
  g_autofree char *name = NULL;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  /* Translators: a related entity and its type, e.g. "Vientiane (Place)" */
  name = g_strdup_printf (_("%s (%s)"), mk_entity_get_name (entity), type_name (mk_entity_get_entity_type (entity)));
  count = g_strdup_printf ("%u", n);
  /* Translators: how many articles name both entities */
  description = g_strdup_printf (ngettext ("%s, in %u shared article", "%s, in %u shared articles", n), name, n);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (row)), name);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (row)), count);
  gtk_widget_set_tooltip_text (row, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
on_related_activate_cb (GtkListView     *view,
                        guint            position,
                        MkEntityDetails *self)
{
  g_autoptr(MkEntity) entity = g_list_model_get_item (G_LIST_MODEL (self->related), position);

  if (entity != NULL)
    mk_entity_details_show (self, mk_entity_get_id (entity));
}

/* The main window filters by the entity; this one has done its work. */
static void
on_filter_clicked_cb (GtkButton       *button,
                      MkEntityDetails *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->entity == NULL || parent == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (parent), "win.filter-entity", "x", mk_entity_get_id (self->entity));
  gtk_window_close (GTK_WINDOW (self));
}

/* --- The object --------------------------------------------------------------- */

/**
 * mk_entity_details_new:
 * @parent: the main window, whose win.filter-entity "Show Its Articles" uses
 *
 * Returns: (transfer none): a new window, not yet shown, that starts
 *   reading the entity's details
 */
MkEntityDetails *
mk_entity_details_new (GtkWindow *parent,
                       MkStore   *store,
                       gint64     entity_id)
{
  MkEntityDetails *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MK_IS_STORE (store), NULL);

  self = g_object_new (MK_TYPE_ENTITY_DETAILS,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  mk_entity_details_show (self, entity_id);

  return self;
}

/**
 * mk_entity_details_get_entity:
 *
 * Returns: (transfer none) (nullable): the entity shown, once read
 */
MkEntity *
mk_entity_details_get_entity (MkEntityDetails *self)
{
  g_return_val_if_fail (MK_IS_ENTITY_DETAILS (self), NULL);

  return self->entity;
}

/**
 * mk_entity_details_get_related:
 *
 * Returns: (transfer none): the entities named with it, most shared first
 */
GListModel *
mk_entity_details_get_related (MkEntityDetails *self)
{
  g_return_val_if_fail (MK_IS_ENTITY_DETAILS (self), NULL);

  return G_LIST_MODEL (self->related);
}

gboolean
mk_entity_details_is_loading (MkEntityDetails *self)
{
  g_return_val_if_fail (MK_IS_ENTITY_DETAILS (self), FALSE);

  return self->loading;
}

static void
mk_entity_details_dispose (GObject *object)
{
  MkEntityDetails *self = MK_ENTITY_DETAILS (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_ENTITY_DETAILS);

  G_OBJECT_CLASS (mk_entity_details_parent_class)->dispose (object);
}

static void
mk_entity_details_finalize (GObject *object)
{
  MkEntityDetails *self = MK_ENTITY_DETAILS (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->entity);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mk_entity_details_parent_class)->finalize (object);
}

static void
mk_entity_details_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MkEntityDetails *self = MK_ENTITY_DETAILS (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_entity_details_class_init (MkEntityDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_entity_details_dispose;
  object_class->finalize = mk_entity_details_finalize;
  object_class->get_property = mk_entity_details_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MK_TYPE_ENTITY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/mk-entity-details.ui");
  gtk_widget_class_bind_template_child (widget_class, MkEntityDetails, window_title);
  gtk_widget_class_bind_template_child (widget_class, MkEntityDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, MkEntityDetails, error_page);
  gtk_widget_class_bind_template_child (widget_class, MkEntityDetails, articles_row);
  gtk_widget_class_bind_template_child (widget_class, MkEntityDetails, dates_row);
  gtk_widget_class_bind_template_child (widget_class, MkEntityDetails, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, MkEntityDetails, related_heading);
  gtk_widget_class_bind_template_child (widget_class, MkEntityDetails, related_view);
  gtk_widget_class_bind_template_child (widget_class, MkEntityDetails, related);
  gtk_widget_class_bind_template_callback (widget_class, on_related_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_related_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_related_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mk_entity_details_init (MkEntityDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
