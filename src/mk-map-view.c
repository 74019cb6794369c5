/* mk-map-view.c — the places of the archive on a map
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "mk-map-marker.h"
#include "mk-map-source.h"
#include "mk-map-view.h"

/* The base map is drawn here from bundled data (MkMapSource): it needs no
 * network. OpenStreetMap's tiles, with their attribution, are an opt-in
 * (the map-online-tiles setting). Markers come from a list of places
 * (mk_store_get_places()); ShumateMarkerLayer takes markers one by one,
 * it has no list model to bind, so they are made in a loop. */

/* Where the map looks with no places: the lower Mekong. */
#define HOME_LATITUDE 16.0
#define HOME_LONGITUDE 105.0
#define HOME_ZOOM 4.0
/* Fitting places never zooms in closer than this: one place alone is
 * shown with its surroundings. */
#define MAX_FIT_ZOOM 7.0
/* Room kept around the markers when fitting, in pixels. */
#define FIT_PADDING 64.0

struct _MkMapView
{
  AdwBin parent_instance;

  ShumateSimpleMap *simple_map;
  ShumateMarkerLayer *marker_layer;
  ShumateMapSource *offline_source;
  ShumateMapSource *online_source;   /* made when first asked for */
  GSettings *settings;

  gboolean online_tiles;
  guint fit_tick;         /* fits the places once the view has a size */
};

G_DEFINE_FINAL_TYPE (MkMapView, mk_map_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ONLINE_TILES,
  N_PROPS
};

enum {
  PLACE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The OpenStreetMap source from libshumate's registry: its tile URL,
 * zoom range and attribution ("Map Data ODBL OpenStreetMap
 * Contributors…") are the registry's. OpenStreetMap's tile policy asks
 * for a User-Agent that names the application. */
static ShumateMapSource *
make_online_source (void)
{
  g_autoptr(ShumateMapSourceRegistry) registry = shumate_map_source_registry_new_with_defaults ();

  shumate_set_user_agent ("Mekong/" PACKAGE_VERSION);
  return g_object_ref (shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK));
}

static void
update_map_source (MkMapView *self)
{
  ShumateMapSource *source = self->offline_source;

  if (self->online_tiles)
    {
      if (self->online_source == NULL)
        self->online_source = make_online_source ();
      source = self->online_source;
    }

  if (shumate_simple_map_get_map_source (self->simple_map) != source)
    shumate_simple_map_set_map_source (self->simple_map, source);
}

/* Zoom and centre so that every marker is in view, with room around. */
static void
fit_places (MkMapView *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double zoom, size, lat, lon, x, y;
  GList *markers = shumate_marker_layer_get_markers (self->marker_layer);

  if (markers == NULL)
    {
      shumate_viewport_set_zoom_level (viewport, HOME_ZOOM);
      shumate_map_center_on (map, HOME_LATITUDE, HOME_LONGITUDE);
      return;
    }

  for (GList *l = markers; l != NULL; l = l->next)
    {
      mk_map_project (shumate_location_get_latitude (l->data),
                      shumate_location_get_longitude (l->data), &x, &y);
      min_x = MIN (min_x, x);
      max_x = MAX (max_x, x);
      min_y = MIN (min_y, y);
      max_y = MAX (max_y, y);
    }
  g_list_free (markers);

  /* At zoom z the Mercator square is 256 × 2^z pixels wide. */
  zoom = MAX_FIT_ZOOM;
  if (max_x > min_x)
    zoom = MIN (zoom, log2 (MAX (width - 2 * FIT_PADDING, 1.0) / ((max_x - min_x) * 256.0)));
  if (max_y > min_y)
    zoom = MIN (zoom, log2 (MAX (height - 2 * FIT_PADDING, 1.0) / ((max_y - min_y) * 256.0)));
  /* Whole zoom levels: tiles drawn at their own size, without seams. */
  zoom = CLAMP (floor (zoom), shumate_viewport_get_min_zoom_level (viewport), MAX_FIT_ZOOM);

  /* The centre of the box on the square, moved so that the tiles fall on
   * whole pixels (a tile drawn half a pixel off shows a seam), back to
   * degrees. */
  size = 256.0 * exp2 (zoom);
  x = (round ((min_x + max_x) / 2 * size - width / 2.0) + width / 2.0) / size;
  y = (round ((min_y + max_y) / 2 * size - height / 2.0) + height / 2.0) / size;
  lon = x * 360.0 - 180.0;
  lat = atan (sinh (G_PI * (1 - 2 * y))) * 180.0 / G_PI;

  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_map_center_on (map, lat, lon);
}

/* Fitting needs the view's size: a view not shown yet fits at its first
 * frame. (AdwBin allocates through a layout manager, so there is no
 * size_allocate to override.) */
static gboolean
fit_when_sized (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  MkMapView *self = MK_MAP_VIEW (widget);

  if (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return G_SOURCE_CONTINUE;

  self->fit_tick = 0;
  fit_places (self);
  return G_SOURCE_REMOVE;
}

/* Markers with more articles first; by name among equals, so that the
 * same places always win. */
static int
compare_importance (gconstpointer a,
                    gconstpointer b)
{
  MkEntity *place_a = mk_map_marker_get_place (*(MkMapMarker **) a);
  MkEntity *place_b = mk_map_marker_get_place (*(MkMapMarker **) b);
  guint n_a = mk_entity_get_n_articles (place_a);
  guint n_b = mk_entity_get_n_articles (place_b);

  if (n_a != n_b)
    return n_a > n_b ? -1 : 1;
  return g_strcmp0 (mk_entity_get_name (place_a), mk_entity_get_name (place_b));
}

/* Where the marker's place is on the map at @map_size pixels per
 * Mercator square. */
static graphene_point_t
place_on_map (MkMapMarker *marker,
              double       map_size)
{
  double x, y;

  mk_map_project (shumate_location_get_latitude (SHUMATE_LOCATION (marker)),
                  shumate_location_get_longitude (SHUMATE_LOCATION (marker)), &x, &y);
  return GRAPHENE_POINT_INIT (x * map_size, y * map_size);
}

static gboolean
meets_any (const graphene_rect_t *box,
           GArray                *boxes,
           guint                  skip)
{
  for (guint i = 0; i < boxes->len; i++)
    if (i != skip && graphene_rect_intersection (box, &g_array_index (boxes, graphene_rect_t, i), NULL))
      return TRUE;
  return FALSE;
}

/* Names must be readable: going from the places most articles name to the
 * least, a name is hidden when it would be written over a name already
 * shown or under another place's dot (dots are never hidden: they are the
 * data, and a name under one cannot be read). So of two names that would
 * overlap, the place fewer articles name loses its name; the dot and its
 * tooltip stay. Depends on the zoom, so it runs again whenever the zoom
 * changes. libshumate's marker layer has no label placement of its own.
 * Each name is compared with every dot and every name shown before it:
 * quadratic, for the few hundred places a map shows. */
static void
update_labels (MkMapView *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->simple_map);
  ShumateMapSource *source = shumate_simple_map_get_map_source (self->simple_map);
  double tile_size = source != NULL ? shumate_map_source_get_tile_size (source) : 256;
  double map_size = tile_size * exp2 (shumate_viewport_get_zoom_level (viewport));
  GList *list = shumate_marker_layer_get_markers (self->marker_layer);
  g_autoptr(GPtrArray) markers = g_ptr_array_new ();
  g_autoptr(GArray) dots = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  for (GList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (markers, l->data);
  g_list_free (list);
  g_ptr_array_sort (markers, compare_importance);

  for (guint i = 0; i < markers->len; i++)
    {
      MkMapMarker *marker = g_ptr_array_index (markers, i);
      graphene_point_t at = place_on_map (marker, map_size);
      double radius = mk_map_marker_get_dot_size (marker) / 2.0;
      graphene_rect_t dot = GRAPHENE_RECT_INIT (at.x - radius, at.y - radius, 2 * radius, 2 * radius);

      g_array_append_val (dots, dot);
    }

  for (guint i = 0; i < markers->len; i++)
    {
      MkMapMarker *marker = g_ptr_array_index (markers, i);
      graphene_point_t at = place_on_map (marker, map_size);
      graphene_rect_t label;
      gboolean readable;

      mk_map_marker_get_label_box (marker, &label);
      graphene_rect_offset (&label, at.x, at.y);
      readable = !meets_any (&label, shown, G_MAXUINT) && !meets_any (&label, dots, i);
      if (readable)
        g_array_append_val (shown, label);
      mk_map_marker_set_label_shown (marker, readable);
    }
}

static void
marker_activated (MkMapView   *self,
                  MkMapMarker *marker)
{
  g_signal_emit (self, signals[PLACE_ACTIVATED], 0,
                 mk_entity_get_id (mk_map_marker_get_place (marker)));
}

/**
 * mk_map_view_set_places:
 * @places: (element-type MkEntity): places with a location and an article
 *   count (mk_store_get_places()); others are skipped
 *
 * Replaces the markers, and zooms to fit them.
 */
void
mk_map_view_set_places (MkMapView *self,
                        GPtrArray *places)
{
  guint max_articles = 0;

  g_return_if_fail (MK_IS_MAP_VIEW (self));
  g_return_if_fail (places != NULL);

  for (guint i = 0; i < places->len; i++)
    max_articles = MAX (max_articles, mk_entity_get_n_articles (g_ptr_array_index (places, i)));

  shumate_marker_layer_remove_all (self->marker_layer);
  for (guint i = 0; i < places->len; i++)
    {
      MkEntity *place = g_ptr_array_index (places, i);
      MkMapMarker *marker;

      if (!mk_entity_has_location (place))
        continue;
      marker = mk_map_marker_new (place, max_articles);
      g_signal_connect_object (marker, "activated", G_CALLBACK (marker_activated),
                               self, G_CONNECT_SWAPPED);
      shumate_marker_layer_add_marker (self->marker_layer, SHUMATE_MARKER (marker));
    }

  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    fit_places (self);
  else if (self->fit_tick == 0)
    self->fit_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fit_when_sized, NULL, NULL);
  /* Fitting may leave the zoom as it was. */
  update_labels (self);
}

/**
 * mk_map_view_get_marker_layer:
 *
 * Returns: (transfer none): the layer of the places' markers (#MkMapMarker)
 */
ShumateMarkerLayer *
mk_map_view_get_marker_layer (MkMapView *self)
{
  g_return_val_if_fail (MK_IS_MAP_VIEW (self), NULL);

  return self->marker_layer;
}

/**
 * mk_map_view_get_map:
 *
 * Returns: (transfer none): the map, with its scale and attribution
 */
ShumateSimpleMap *
mk_map_view_get_map (MkMapView *self)
{
  g_return_val_if_fail (MK_IS_MAP_VIEW (self), NULL);

  return self->simple_map;
}

gboolean
mk_map_view_get_online_tiles (MkMapView *self)
{
  g_return_val_if_fail (MK_IS_MAP_VIEW (self), FALSE);

  return self->online_tiles;
}

void
mk_map_view_set_online_tiles (MkMapView *self,
                              gboolean   online_tiles)
{
  g_return_if_fail (MK_IS_MAP_VIEW (self));

  online_tiles = !!online_tiles;
  if (self->online_tiles == online_tiles)
    return;

  self->online_tiles = online_tiles;
  update_map_source (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE_TILES]);
}

static void
mk_map_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MkMapView *self = MK_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_ONLINE_TILES:
      g_value_set_boolean (value, self->online_tiles);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_map_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MkMapView *self = MK_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_ONLINE_TILES:
      mk_map_view_set_online_tiles (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_map_view_dispose (GObject *object)
{
  MkMapView *self = MK_MAP_VIEW (object);

  /* No gtk_widget_dispose_template(): AdwBin unparents its child itself,
   * and would be left with a dangling pointer if the template did it. The
   * marker layer belongs to the map. */
  g_clear_object (&self->settings);
  self->marker_layer = NULL;
  g_clear_object (&self->offline_source);
  g_clear_object (&self->online_source);

  G_OBJECT_CLASS (mk_map_view_parent_class)->dispose (object);
}

static void
mk_map_view_class_init (MkMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_map_view_dispose;
  object_class->get_property = mk_map_view_get_property;
  object_class->set_property = mk_map_view_set_property;

  /**
   * MkMapView:online-tiles:
   *
   * Whether the map shows OpenStreetMap's tiles (from the network)
   * instead of the offline map. Bound to the map-online-tiles setting.
   */
  properties[PROP_ONLINE_TILES] =
    g_param_spec_boolean ("online-tiles", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MkMapView::place-activated:
   * @entity_id: the place's entity id
   *
   * A place's marker was clicked: the window filters the list to the
   * articles that name it (the win.filter-entity action).
   */
  signals[PLACE_ACTIVATED] = g_signal_new ("place-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/mk-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MkMapView, simple_map);

  gtk_widget_class_set_css_name (widget_class, "mapview");
}

static void
mk_map_view_init (MkMapView *self)
{
  ShumateViewport *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->offline_source = SHUMATE_MAP_SOURCE (mk_map_source_new ());
  shumate_simple_map_set_map_source (self->simple_map, self->offline_source);

  viewport = shumate_simple_map_get_viewport (self->simple_map);
  self->marker_layer = shumate_marker_layer_new (viewport);
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->marker_layer));

  shumate_viewport_set_zoom_level (viewport, HOME_ZOOM);
  shumate_map_center_on (shumate_simple_map_get_map (self->simple_map), HOME_LATITUDE, HOME_LONGITUDE);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (update_labels),
                           self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "map-online-tiles", self, "online-tiles", G_SETTINGS_BIND_DEFAULT);
}

MkMapView *
mk_map_view_new (void)
{
  return g_object_new (MK_TYPE_MAP_VIEW, NULL);
}
