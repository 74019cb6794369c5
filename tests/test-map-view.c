/* test-map-view.c — the map of the sample archive's places, under Xvfb
 *
 * Imports the bundled samples into a throwaway archive, shows MkMapView
 * with the archive's places in a window, and looks at it as a person
 * would: which markers are there and where, how big, what their tooltips
 * say, and what a click on a marker does.
 *
 * Set MK_MAP_SCREENSHOT=/path/map.png to save what the window shows, and
 * MK_MAP_SCREENSHOT_VIEW=zoom,latitude,longitude to look somewhere else
 * than where the view fits the places.
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include <glib/gstdio.h>

#include "mk-map-marker.h"
#include "mk-map-view.h"
#include "mk-test-ui.h"

#define TIMEOUT_SECONDS 30

typedef struct
{
  char      *tmpdir;
  char      *archive_path;
  MkStore   *store;
  GtkWindow *window;
  MkMapView *map_view;
  gint64     activated_id;
} Fixture;

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

/* Runs the main loop until @condition holds, for at most TIMEOUT_SECONDS. */
static gboolean
wait_until (Fixture       *f,
            Condition      condition,
            gconstpointer  data)
{
  return mk_test_wait_until (MK_TEST_CONDITION (condition), f, data, TIMEOUT_SECONDS);
}

/* --- looking at the markers ------------------------------------------------ */

static MkMapMarker *
find_marker (Fixture    *f,
             const char *spelling)
{
  g_autofree char *key = mk_entity_key (spelling);
  GList *markers = shumate_marker_layer_get_markers (mk_map_view_get_marker_layer (f->map_view));
  MkMapMarker *found = NULL;

  for (GList *l = markers; l != NULL && found == NULL; l = l->next)
    {
      g_autofree char *name_key = NULL;

      g_assert_true (MK_IS_MAP_MARKER (l->data));
      name_key = mk_entity_key (mk_entity_get_name (mk_map_marker_get_place (l->data)));
      if (g_str_equal (key, name_key))
        found = l->data;
    }
  g_list_free (markers);

  return found;
}

/* Where the marker's place is, in window coordinates. */
static graphene_point_t
place_in_window (Fixture     *f,
                 MkMapMarker *marker)
{
  ShumateSimpleMap *map = mk_map_view_get_map (f->map_view);
  graphene_point_t in_map, in_window;
  double x, y;

  shumate_viewport_location_to_widget_coords (shumate_simple_map_get_viewport (map),
                                              GTK_WIDGET (shumate_simple_map_get_map (map)),
                                              shumate_location_get_latitude (SHUMATE_LOCATION (marker)),
                                              shumate_location_get_longitude (SHUMATE_LOCATION (marker)),
                                              &x, &y);
  in_map = GRAPHENE_POINT_INIT (x, y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (shumate_simple_map_get_map (map)),
                                           GTK_WIDGET (f->window), &in_map, &in_window));
  return in_window;
}

/* What a click where the marker's place is on screen would hit: the
 * button of that marker, if it is on top there. */
static GtkWidget *
button_at_place (Fixture     *f,
                 MkMapMarker *marker)
{
  graphene_point_t at = place_in_window (f, marker);
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (f->window), at.x, at.y, GTK_PICK_DEFAULT);

  if (picked == NULL)
    g_error ("nothing at %g, %g", at.x, at.y);
  if (gtk_widget_get_ancestor (picked, MK_TYPE_MAP_MARKER) != GTK_WIDGET (marker))
    {
      g_autoptr(GString) chain = g_string_new (NULL);

      for (GtkWidget *w = picked; w != NULL; w = gtk_widget_get_parent (w))
        g_string_append_printf (chain, " %s(%s)", G_OBJECT_TYPE_NAME (w), gtk_widget_get_css_name (w));
      g_error ("at %g, %g: not the marker but%s", at.x, at.y, chain->str);
    }

  return gtk_widget_get_ancestor (picked, GTK_TYPE_BUTTON);
}

static gboolean
markers_laid_out (Fixture       *f,
                  gconstpointer  data)
{
  MkMapMarker *marker = find_marker (f, "Vientiane");

  return marker != NULL && gtk_widget_get_width (GTK_WIDGET (marker)) > 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (marker));
}

/* --- fixture --------------------------------------------------------------- */

static void
place_activated (MkMapView *view,
                 gint64     entity_id,
                 Fixture   *f)
{
  f->activated_id = entity_id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *paths[] = { g_getenv ("MEKONG_SAMPLES_DIR"), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MkImporter) importer = NULL;
  g_autoptr(GPtrArray) places = NULL;

  f->store = mk_test_archive_open ("mekong-test-map-XXXXXX", &f->tmpdir, &f->archive_path);

  g_assert_nonnull (paths[0]);
  importer = mk_importer_new (f->store);
  g_assert_true (mk_importer_import_paths (importer, paths, NULL, &error));
  g_assert_no_error (error);

  places = mk_store_get_places (f->store, NULL, 0, 0, NULL, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (f->window, "Mekong map");
  gtk_window_set_default_size (f->window, 900, 700);
  f->map_view = mk_map_view_new ();
  g_signal_connect (f->map_view, "place-activated", G_CALLBACK (place_activated), f);
  gtk_window_set_child (f->window, GTK_WIDGET (f->map_view));
  mk_map_view_set_places (f->map_view, places);
  gtk_window_present (f->window);

  g_assert_true (wait_until (f, markers_laid_out, NULL));
  mk_test_settle (200);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  mk_test_settle (50);
  g_assert_finalize_object (f->store);
  g_unlink (f->archive_path);
  g_rmdir (f->tmpdir);
  g_free (f->archive_path);
  g_free (f->tmpdir);
}

/* --- tests ------------------------------------------------------------------ */

/* The samples name these places: each has a marker, in view, on the
 * right spot, with its name and a tooltip giving the count. */
static void
test_markers_for_sample_places (Fixture       *f,
                                gconstpointer  data)
{
  const char *names[] = { "Quang Nam", "Vientiane", "Nghe An", "Hà Nội", "Laos", "Vietnam" };
  int width = gtk_widget_get_width (GTK_WIDGET (f->window));
  int height = gtk_widget_get_height (GTK_WIDGET (f->window));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      MkMapMarker *marker = find_marker (f, names[i]);
      graphene_point_t at;

      if (marker == NULL)
        g_error ("no marker for %s", names[i]);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (marker)));

      /* Zoomed to fit: every marker is inside the window. */
      at = place_in_window (f, marker);
      g_assert_cmpfloat (at.x, >, 0);
      g_assert_cmpfloat (at.x, <, width);
      g_assert_cmpfloat (at.y, >, 0);
      g_assert_cmpfloat (at.y, <, height);
    }

  /* Vientiane is west of Hanoi and south of it; Quang Nam is further south. */
  {
    graphene_point_t vientiane = place_in_window (f, find_marker (f, "Vientiane"));
    graphene_point_t hanoi = place_in_window (f, find_marker (f, "Hanoi"));
    graphene_point_t quang_nam = place_in_window (f, find_marker (f, "Quang Nam"));

    g_assert_cmpfloat (vientiane.x, <, hanoi.x);
    g_assert_cmpfloat (vientiane.y, >, hanoi.y);
    g_assert_cmpfloat (quang_nam.y, >, vientiane.y);
  }

  g_assert_cmpstr (gtk_widget_get_tooltip_text (button_at_place (f, find_marker (f, "Vientiane"))),
                   ==, "Vientiane: named in 3 articles");
  /* A province that merged in 2025 says into which. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button_at_place (f, find_marker (f, "Quang Nam"))),
                   ==, "Quang Nam: named in 2 articles\nPart of Da Nang since July 2025");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button_at_place (f, find_marker (f, "Nghe An"))),
                   ==, "Nghe An: named in 1 article");
}

/* Seven articles name Laos, one names Nghe An: Laos's dot is bigger. */
static void
test_markers_sized_by_count (Fixture       *f,
                             gconstpointer  data)
{
  MkMapMarker *laos = find_marker (f, "Laos");
  MkMapMarker *nghe_an = find_marker (f, "Nghe An");

  g_assert_cmpuint (mk_entity_get_n_articles (mk_map_marker_get_place (laos)), ==, 7);
  g_assert_cmpuint (mk_entity_get_n_articles (mk_map_marker_get_place (nghe_an)), ==, 1);
  g_assert_cmpint (mk_map_marker_get_dot_size (laos), >, mk_map_marker_get_dot_size (nghe_an));
}

/* A click where Vientiane is on screen lands on its marker, and says which
 * place: the window will filter the list by it. */
static void
test_click_vientiane (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkEntity) vientiane = mk_store_find_entity (f->store, MK_ENTITY_PLACE, "Vientiane", &error);
  GtkWidget *button = button_at_place (f, find_marker (f, "Vientiane"));

  g_assert_no_error (error);
  g_assert_nonnull (button);

  g_assert_cmpint (f->activated_id, ==, 0);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (f->activated_id, ==, mk_entity_get_id (vientiane));
}

/* New places replace the old markers, and the view fits them. */
static void
test_set_places_replaces (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkQuery) query = mk_query_new ("Nghệ An");
  g_autoptr(GPtrArray) places = mk_store_get_places (f->store, query, 0, 0, NULL, &error);
  double zoom_before = shumate_viewport_get_zoom_level (shumate_simple_map_get_viewport (mk_map_view_get_map (f->map_view)));

  g_assert_no_error (error);
  mk_map_view_set_places (f->map_view, places);
  mk_test_settle (100);

  g_assert_nonnull (find_marker (f, "Nghe An"));
  g_assert_null (find_marker (f, "Hanoi"));
  {
    GList *markers = shumate_marker_layer_get_markers (mk_map_view_get_marker_layer (f->map_view));

    g_assert_cmpuint (g_list_length (markers), ==, places->len);
    g_list_free (markers);
  }
  /* Fewer, closer places: the view zooms in. */
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (shumate_simple_map_get_viewport (mk_map_view_get_map (f->map_view))),
                     >=, zoom_before);
}

/* The base map needs no network: offline is the default, and the
 * attribution names Natural Earth. Online tiles are a setting. */
static void
test_offline_by_default (Fixture       *f,
                         gconstpointer  data)
{
  ShumateSimpleMap *map = mk_map_view_get_map (f->map_view);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_false (mk_map_view_get_online_tiles (f->map_view));
  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (map)), ==, "mekong-offline");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shumate_simple_map_get_scale (map))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shumate_simple_map_get_license (map))));

  g_settings_set_boolean (settings, "map-online-tiles", TRUE);
  g_assert_true (mk_map_view_get_online_tiles (f->map_view));
  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (map)), ==, "osm-mapnik");
  g_assert_nonnull (strstr (shumate_map_source_get_license (shumate_simple_map_get_map_source (map)), "OpenStreetMap"));
  g_settings_reset (settings, "map-online-tiles");
  g_assert_cmpstr (shumate_map_source_get_id (shumate_simple_map_get_map_source (map)), ==, "mekong-offline");
}

/* Where the marker's name is on screen; FALSE when it is hidden. */
static gboolean
label_on_screen (Fixture         *f,
                 MkMapMarker     *marker,
                 graphene_rect_t *bounds)
{
  GtkWidget *label = mk_test_find_by_css_class (GTK_WIDGET (marker), "map-marker-label");

  g_assert_nonnull (label);
  if (!gtk_widget_get_mapped (label) || gtk_widget_get_opacity (label) == 0)
    return FALSE;
  g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (f->window), bounds));
  return TRUE;
}

static graphene_rect_t
dot_on_screen (Fixture     *f,
               MkMapMarker *marker)
{
  GtkWidget *dot = mk_test_find_by_css_class (GTK_WIDGET (marker), "map-marker-dot");
  graphene_rect_t bounds;

  g_assert_nonnull (dot);
  g_assert_true (gtk_widget_compute_bounds (dot, GTK_WIDGET (f->window), &bounds));
  return bounds;
}

/* Whether a name shown on screen is written over another name, or under
 * (or over) another place's dot. */
static gboolean
labels_collide (Fixture *f)
{
  GList *markers = shumate_marker_layer_get_markers (mk_map_view_get_marker_layer (f->map_view));
  gboolean collide = FALSE;

  for (GList *a = markers; a != NULL; a = a->next)
    {
      graphene_rect_t label;

      if (!label_on_screen (f, a->data, &label))
        continue;
      for (GList *b = markers; b != NULL; b = b->next)
        {
          graphene_rect_t other_label, other_dot;

          if (b == a)
            continue;
          other_dot = dot_on_screen (f, b->data);
          if (graphene_rect_intersection (&label, &other_dot, NULL) ||
              (label_on_screen (f, b->data, &other_label) &&
               graphene_rect_intersection (&label, &other_label, NULL)))
            {
              g_test_message ("the name of %s meets %s",
                              mk_entity_get_name (mk_map_marker_get_place (a->data)),
                              mk_entity_get_name (mk_map_marker_get_place (b->data)));
              collide = TRUE;
            }
        }
    }
  g_list_free (markers);

  return collide;
}

/* Centred near @latitude, @longitude: moved so that the tiles fall on
 * whole pixels, as the view's own fitting does (else seams show). */
static void
zoom_to (Fixture *f,
         double   zoom,
         double   latitude,
         double   longitude)
{
  ShumateSimpleMap *map = mk_map_view_get_map (f->map_view);
  double size = 256.0 * exp2 (zoom);
  double half_width = gtk_widget_get_width (GTK_WIDGET (f->map_view)) / 2.0;
  double half_height = gtk_widget_get_height (GTK_WIDGET (f->map_view)) / 2.0;
  double x, y;

  mk_map_project (latitude, longitude, &x, &y);
  x = (round (x * size - half_width) + half_width) / size;
  y = (round (y * size - half_height) + half_height) / size;

  shumate_viewport_set_zoom_level (shumate_simple_map_get_viewport (map), zoom);
  shumate_map_center_on (shumate_simple_map_get_map (map),
                         atan (sinh (G_PI * (1 - 2 * y))) * 180.0 / G_PI, x * 360.0 - 180.0);
  mk_test_settle (200);
}

/* At zoom 6 Quang Nam's dot sits on the name of Vietnam: that name is
 * hidden, the dot and tooltip stay. Zoomed in there is room for both
 * names; zoomed out neither fits. Whatever the zoom, no name shown is
 * written over another or under a dot. */
static void
test_labels_readable_at_every_zoom (Fixture       *f,
                                    gconstpointer  data)
{
  MkMapMarker *vietnam = find_marker (f, "Vietnam");
  MkMapMarker *quang_nam = find_marker (f, "Quang Nam");
  graphene_rect_t bounds;

  zoom_to (f, 6, 15.9, 107.9);
  g_assert_false (labels_collide (f));
  g_assert_false (label_on_screen (f, vietnam, &bounds));
  g_assert_true (label_on_screen (f, quang_nam, &bounds));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (vietnam)));
  /* A click on Vietnam's dot is Vietnam's, though Quang Nam's marker
   * (its hidden top row) lies over it. */
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button_at_place (f, vietnam)),
                            "Vietnam: named in"));

  zoom_to (f, 8, 15.9, 107.9);
  g_assert_false (labels_collide (f));
  g_assert_true (label_on_screen (f, vietnam, &bounds));
  g_assert_true (label_on_screen (f, quang_nam, &bounds));

  for (double zoom = 3; zoom <= 10; zoom += 0.5)
    {
      zoom_to (f, zoom, 15.9, 107.9);
      g_assert_false (labels_collide (f));
    }
}

static MkEntity *
place_at (const char *name,
          double      latitude,
          double      longitude,
          guint       n_articles)
{
  MkEntity *place = mk_entity_new (MK_ENTITY_PLACE, name);

  mk_entity_set_location (place, latitude, longitude);
  mk_entity_set_n_articles (place, n_articles);
  return place;
}

static MkMapMarker *
marker_named (Fixture    *f,
              const char *name)
{
  MkMapMarker *marker = find_marker (f, name);

  g_assert_nonnull (marker);
  return marker;
}

/* Two places a few metres apart, with dots of the same size (a third
 * place, far away and named far more often, makes both small): their
 * names would be written over each other, and the place fewer articles
 * name loses its name, whichever it is. */
static void
test_label_of_fewer_articles_hidden (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_object_unref);
  graphene_rect_t bounds;

  g_ptr_array_add (places, place_at ("Muang Alpha", 17.0, 104.0, 5));
  g_ptr_array_add (places, place_at ("Muang Beta", 17.0, 104.0005, 4));
  g_ptr_array_add (places, place_at ("Muang Far", 11.0, 99.0, 1000));
  mk_map_view_set_places (f->map_view, places);
  zoom_to (f, 7, 17.0, 104.0);
  g_assert_cmpint (mk_map_marker_get_dot_size (marker_named (f, "Muang Alpha")), ==,
                   mk_map_marker_get_dot_size (marker_named (f, "Muang Beta")));
  g_assert_true (label_on_screen (f, marker_named (f, "Muang Alpha"), &bounds));
  g_assert_false (label_on_screen (f, marker_named (f, "Muang Beta"), &bounds));
  g_assert_false (labels_collide (f));

  mk_entity_set_n_articles (g_ptr_array_index (places, 1), 6);
  mk_map_view_set_places (f->map_view, places);
  zoom_to (f, 7, 17.0, 104.0);
  g_assert_false (label_on_screen (f, marker_named (f, "Muang Alpha"), &bounds));
  g_assert_true (label_on_screen (f, marker_named (f, "Muang Beta"), &bounds));
  g_assert_false (labels_collide (f));
}

/* Not a check: saves the window as it looks, for the README. */
static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  const char *path = g_getenv ("MK_MAP_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  if (path == NULL)
    {
      g_test_skip ("MK_MAP_SCREENSHOT is not set");
      return;
    }
  if (g_getenv ("MK_MAP_SCREENSHOT_VIEW") != NULL)
    {
      g_auto(GStrv) view = g_strsplit (g_getenv ("MK_MAP_SCREENSHOT_VIEW"), ",", 3);

      g_assert_cmpuint (g_strv_length (view), ==, 3);
      zoom_to (f, g_ascii_strtod (view[0], NULL), g_ascii_strtod (view[1], NULL),
               g_ascii_strtod (view[2], NULL));
    }

  /* Tiles are drawn in worker threads: on a busy machine, a while. */
  mk_test_settle (g_getenv ("MK_MAP_SCREENSHOT_VIEW") != NULL ? 6000 : 1500);
  width = gtk_widget_get_width (GTK_WIDGET (f->window));
  height = gtk_widget_get_height (GTK_WIDGET (f->window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* What AdwApplication does in the app: the markers' style. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) \
  g_test_add ("/map-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("markers-for-sample-places", test_markers_for_sample_places);
  ADD ("markers-sized-by-count", test_markers_sized_by_count);
  ADD ("click-vientiane", test_click_vientiane);
  ADD ("set-places-replaces", test_set_places_replaces);
  ADD ("offline-by-default", test_offline_by_default);
  ADD ("labels-readable-at-every-zoom", test_labels_readable_at_every_zoom);
  ADD ("label-of-fewer-articles-hidden", test_label_of_fewer_articles_hidden);
  ADD ("screenshot", test_screenshot);
#undef ADD

  return g_test_run ();
}
