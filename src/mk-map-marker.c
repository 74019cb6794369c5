/* mk-map-marker.c — one place on the map: a dot sized by how often the
 * archive names it, and its name
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "mk-map-marker.h"

/* The dot's diameter: the most named place of the set gets the largest,
 * by area (a square root), so that twice the articles looks twice as big. */
#define MIN_DOT 14
#define MAX_DOT 40

struct _MkMapMarker
{
  ShumateMarker parent_instance;

  MkEntity *place;
  int dot_size;

  GtkLabel *spacer_label;
  GtkButton *dot;
  GtkLabel *name_label;
};

G_DEFINE_FINAL_TYPE (MkMapMarker, mk_map_marker, SHUMATE_TYPE_MARKER)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mk_map_marker_activate (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_signal_emit (widget, signals[ACTIVATED], 0);
}

/* Only the dot is the marker: around it, a click goes on to whatever
 * lies beneath (another place's dot, or the map to drag). The dot, a
 * child, is picked before this is asked; the names take no clicks. */
static gboolean
mk_map_marker_contains (GtkWidget *widget,
                        double     x,
                        double     y)
{
  return FALSE;
}

static void
mk_map_marker_dispose (GObject *object)
{
  MkMapMarker *self = MK_MAP_MARKER (object);

  /* The rows are the marker's own children (not ShumateMarker's child),
   * so they are unparented here. */
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_MAP_MARKER);
  g_clear_object (&self->place);

  G_OBJECT_CLASS (mk_map_marker_parent_class)->dispose (object);
}

static void
mk_map_marker_class_init (MkMapMarkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_map_marker_dispose;
  widget_class->contains = mk_map_marker_contains;
  widget_class->contains = mk_map_marker_contains;

  /**
   * MkMapMarker::activated:
   *
   * The marker was clicked (or activated from the keyboard).
   */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "marker.activate", NULL, mk_map_marker_activate);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/mk-map-marker.ui");
  gtk_widget_class_bind_template_child (widget_class, MkMapMarker, spacer_label);
  gtk_widget_class_bind_template_child (widget_class, MkMapMarker, dot);
  gtk_widget_class_bind_template_child (widget_class, MkMapMarker, name_label);
}

/* A template sets ShumateMarker's single child, and a box there would
 * take every click on its empty rows (over another place's dot, say).
 * So the rows become the marker's own children, in a box layout, and
 * mk_map_marker_contains() lets clicks through around the dot. */
static void
move_rows_into_marker (MkMapMarker *self)
{
  GtkWidget *box = shumate_marker_get_child (SHUMATE_MARKER (self));
  GtkLayoutManager *layout = gtk_box_layout_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *row;

  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), TRUE);
  gtk_widget_set_layout_manager (GTK_WIDGET (self), layout);

  g_object_ref (box);
  shumate_marker_set_child (SHUMATE_MARKER (self), NULL);
  while ((row = gtk_widget_get_first_child (box)) != NULL)
    {
      g_object_ref (row);
      gtk_box_remove (GTK_BOX (box), row);
      gtk_widget_set_parent (row, GTK_WIDGET (self));
      g_object_unref (row);
    }
  g_object_unref (box);
}

static void
mk_map_marker_init (MkMapMarker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  move_rows_into_marker (self);
}

static int
dot_size_for (guint n_articles,
              guint max_articles)
{
  double share = max_articles > 0 ? (double) MIN (n_articles, max_articles) / max_articles : 1.0;

  return MIN_DOT + (int) round ((MAX_DOT - MIN_DOT) * sqrt (share));
}

/* "Quang Nam: named in 2 articles", and for a Vietnamese province that
 * merged in 2025, which province it is now part of. */
static char *
describe_place (MkEntity *place)
{
  guint n_articles = mk_entity_get_n_articles (place);
  const MkGazetteerEntry *entry = mk_gazetteer_lookup_place (mk_gazetteer_get_default (),
                                                             mk_entity_get_name (place));
  GString *text = g_string_new (NULL);

  /* Translators: a map marker's tooltip: a place, and how many articles name it. */
  g_string_printf (text, ngettext ("%s: named in %u article", "%s: named in %u articles", n_articles),
                   mk_entity_get_name (place), n_articles);
  if (entry != NULL && entry->joined[0] != '\0' && g_strcmp0 (entry->joined, entry->name) != 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: under a map marker's tooltip, for a Vietnamese province
       * that merged into another in 2025; %s is the province it joined. */
      g_string_append_printf (text, _("Part of %s since July 2025"), entry->joined);
    }

  return g_string_free (text, FALSE);
}

/**
 * mk_map_marker_new:
 * @place: a place with a location (mk_store_get_places())
 * @max_articles: the largest article count among the places shown with it
 */
MkMapMarker *
mk_map_marker_new (MkEntity *place,
                   guint     max_articles)
{
  MkMapMarker *self;
  g_autofree char *tooltip = NULL;

  g_return_val_if_fail (MK_IS_ENTITY (place), NULL);
  g_return_val_if_fail (mk_entity_has_location (place), NULL);

  self = g_object_new (MK_TYPE_MAP_MARKER, NULL);
  self->place = g_object_ref (place);
  self->dot_size = dot_size_for (mk_entity_get_n_articles (place), max_articles);

  shumate_location_set_location (SHUMATE_LOCATION (self),
                                 mk_entity_get_latitude (place), mk_entity_get_longitude (place));
  gtk_widget_set_size_request (GTK_WIDGET (self->dot), self->dot_size, self->dot_size);
  gtk_label_set_text (self->name_label, mk_entity_get_name (place));
  gtk_label_set_text (self->spacer_label, mk_entity_get_name (place));

  tooltip = describe_place (place);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dot), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dot),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  return self;
}

/**
 * mk_map_marker_get_place:
 *
 * Returns: (transfer none): the place the marker shows
 */
MkEntity *
mk_map_marker_get_place (MkMapMarker *self)
{
  g_return_val_if_fail (MK_IS_MAP_MARKER (self), NULL);

  return self->place;
}

/* The dot's diameter in pixels: larger for places named more often. */
int
mk_map_marker_get_dot_size (MkMapMarker *self)
{
  g_return_val_if_fail (MK_IS_MAP_MARKER (self), 0);

  return self->dot_size;
}

/**
 * mk_map_marker_get_label_box:
 * @box: (out): where the name is drawn, in pixels from the place's point
 *
 * The same at every zoom: the marker is centred on its place (see
 * mk-map-marker.ui), its three rows as high as the dot or the name,
 * whichever is higher, the name centred in the bottom row's top.
 */
void
mk_map_marker_get_label_box (MkMapMarker     *self,
                             graphene_rect_t *box)
{
  int label_width, label_height, row_height;

  g_return_if_fail (MK_IS_MAP_MARKER (self));

  gtk_widget_measure (GTK_WIDGET (self->name_label), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &label_width, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->name_label), GTK_ORIENTATION_VERTICAL, label_width,
                      NULL, &label_height, NULL, NULL);
  row_height = MAX (label_height, self->dot_size);
  graphene_rect_init (box, -label_width / 2.0, row_height / 2.0, label_width, label_height);
}

gboolean
mk_map_marker_get_label_shown (MkMapMarker *self)
{
  g_return_val_if_fail (MK_IS_MAP_MARKER (self), FALSE);

  return gtk_widget_get_opacity (GTK_WIDGET (self->name_label)) > 0;
}

/**
 * mk_map_marker_set_label_shown:
 *
 * Hides or shows the place's name (the dot and its tooltip stay). Hidden
 * by making it transparent, not invisible: the name's row keeps its
 * height, so the dot stays on the place.
 */
void
mk_map_marker_set_label_shown (MkMapMarker *self,
                               gboolean     shown)
{
  g_return_if_fail (MK_IS_MAP_MARKER (self));

  gtk_widget_set_opacity (GTK_WIDGET (self->name_label), shown ? 1.0 : 0.0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->name_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
}
