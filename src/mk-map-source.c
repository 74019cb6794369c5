/* mk-map-source.c — a base map drawn on this machine, with no network
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "mekong-core.h"
#include "mk-map-source.h"

/* libshumate lets a map source fill its tiles itself: this one draws each
 * 256×256 tile with cairo from Natural Earth's 1:50m countries and the
 * provinces of Vietnam (as they are since the 2025 merger) and Laos, bundled
 * in the GResource (data/map/, see derive-map.py and LICENSE-DATA.md for
 * where the provinces come from): sea, land, coast, country borders and,
 * from PROVINCE_MIN_ZOOM on, province borders. Tiles are drawn in a worker
 * thread: the data is read-only, and a tile touches nothing else. */

#define TILE_SIZE 256
#define TILE_STRIDE (4 * TILE_SIZE)   /* ARGB32: what cairo gives a 256 px row */
#define MAP_RESOURCE "/io/github/mekong/Mekong/map/world-50m.mkmap"

/* Colours as in GNOME Maps' light style: pale sea, paper land. */
#define SEA_RGB     0.667, 0.827, 0.875
#define LAND_RGB    0.949, 0.937, 0.914
#define COAST_RGB   0.478, 0.643, 0.737
#define BORDER_RGB  0.545, 0.431, 0.620
/* Province borders as GNOME Maps and OpenStreetMap draw them: the country
 * border's purple, lighter, thinner and dashed. */
#define PROVINCE_RGB 0.722, 0.643, 0.773

/* Below this zoom a province is a few pixels wide: its borders would only
 * smudge the country. */
#define PROVINCE_MIN_ZOOM 5

struct _MkMapSource
{
  ShumateMapSource parent_instance;

  MkMapData *data;
};

G_DEFINE_FINAL_TYPE (MkMapSource, mk_map_source, SHUMATE_TYPE_MAP_SOURCE)

/* What a worker needs to draw one tile: copied from the tile on the main
 * thread, since a ShumateTile belongs to it. */
typedef struct {
  MkMapData *data;
  guint x;
  guint y;
  guint zoom;
} TileJob;

static void
tile_job_free (TileJob *job)
{
  g_clear_object (&job->data);
  g_free (job);
}

/* Where the tile's pixels are on the Mercator square. */
typedef struct {
  cairo_t *cr;
  double scale;    /* pixels per unit of the square */
  double origin_x;
  double origin_y;
} Canvas;

/* Each shape becomes one subpath; points closer than half a pixel to the
 * last one drawn are skipped, so that a world tile does not draw the
 * coast of Norway point by point. */
static void
add_shape (const float *points,
           guint        n_points,
           gpointer     user_data,
           gboolean     close)
{
  Canvas *canvas = user_data;
  double last_x = 0, last_y = 0;

  for (guint i = 0; i < n_points; i++)
    {
      double x = points[2 * i] * canvas->scale - canvas->origin_x;
      double y = points[2 * i + 1] * canvas->scale - canvas->origin_y;

      if (i == 0)
        cairo_move_to (canvas->cr, x, y);
      else if (i == n_points - 1 || fabs (x - last_x) + fabs (y - last_y) >= 0.5)
        cairo_line_to (canvas->cr, x, y);
      else
        continue;
      last_x = x;
      last_y = y;
    }
  if (close)
    cairo_close_path (canvas->cr);
}

static void
add_ring (const float *points,
          guint        n_points,
          gpointer     user_data)
{
  add_shape (points, n_points, user_data, TRUE);
}

static void
add_line (const float *points,
          guint        n_points,
          gpointer     user_data)
{
  add_shape (points, n_points, user_data, FALSE);
}

/* Adds the shapes of @layer that fall on the tile to the current path.
 * Shapes across the antimeridian run past the square's edge (see
 * mk-map-data.c): they are asked for again one square-width to each side,
 * and drawn shifted back. */
static void
add_layer (const TileJob  *job,
           const Canvas   *canvas,
           MkMapLayer      layer,
           MkMapShapeFunc  add)
{
  for (int side = -1; side <= 1; side++)
    {
      Canvas shifted = *canvas;
      /* One pixel of slack, so that lines on a tile's edge are drawn on both. */
      MkMapBox box = {
        (canvas->origin_x - 1) / canvas->scale + side, (canvas->origin_y - 1) / canvas->scale,
        (canvas->origin_x + TILE_SIZE + 1) / canvas->scale + side,
        (canvas->origin_y + TILE_SIZE + 1) / canvas->scale,
      };

      shifted.origin_x += side * canvas->scale;
      mk_map_data_foreach (job->data, layer, &box, add, &shifted);
    }
}

/* Under the country borders, which hide where the two meet. A dash starts
 * where its line does, off the tile or not, so dashes run on across the
 * tiles' edges. */
static void
stroke_province_borders (const TileJob *job,
                         const Canvas  *canvas,
                         double         line_width)
{
  const double dashes[] = { 4.0, 2.5 };
  cairo_t *cr = canvas->cr;

  add_layer (job, canvas, MK_MAP_LAYER_PROVINCES, add_line);
  cairo_save (cr);
  cairo_set_source_rgb (cr, PROVINCE_RGB);
  cairo_set_line_width (cr, line_width * 0.8);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static cairo_surface_t *
draw_tile (const TileJob *job)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_SIZE, TILE_SIZE);
  cairo_t *cr = cairo_create (surface);
  Canvas canvas = { cr, (double) TILE_SIZE * (1u << job->zoom),
                    (double) job->x * TILE_SIZE, (double) job->y * TILE_SIZE };
  double line_width = job->zoom < 3 ? 0.6 : job->zoom < 6 ? 0.9 : 1.4;

  cairo_set_source_rgb (cr, SEA_RGB);
  cairo_paint (cr);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  add_layer (job, &canvas, MK_MAP_LAYER_LAND, add_ring);
  cairo_set_source_rgb (cr, LAND_RGB);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, COAST_RGB);
  cairo_set_line_width (cr, line_width * 0.8);
  cairo_stroke (cr);

  if (job->zoom >= PROVINCE_MIN_ZOOM)
    stroke_province_borders (job, &canvas, line_width);

  add_layer (job, &canvas, MK_MAP_LAYER_BORDERS, add_line);
  cairo_set_source_rgb (cr, BORDER_RGB);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
draw_tile_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  cairo_surface_t *surface;
  g_autoptr(GBytes) pixels = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  surface = draw_tile (task_data);
  /* CAIRO_FORMAT_ARGB32 is GDK_MEMORY_DEFAULT: the texture takes the bytes
   * as they are. */
  g_assert (cairo_image_surface_get_stride (surface) == TILE_STRIDE);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) TILE_STRIDE * TILE_SIZE);
  cairo_surface_destroy (surface);

  g_task_return_pointer (task, g_steal_pointer (&pixels), (GDestroyNotify) g_bytes_unref);
}

static void
mk_map_source_fill_tile_async (ShumateMapSource    *source,
                               ShumateTile         *tile,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  MkMapSource *self = MK_MAP_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  TileJob *job = g_new0 (TileJob, 1);

  g_task_set_source_tag (task, mk_map_source_fill_tile_async);
  job->data = g_object_ref (self->data);
  job->x = shumate_tile_get_x (tile);
  job->y = shumate_tile_get_y (tile);
  job->zoom = MIN (shumate_tile_get_zoom_level (tile), 30u);
  g_task_set_task_data (task, job, (GDestroyNotify) tile_job_free);
  /* The tile is filled when the pixels are back, on this thread. */
  g_object_set_data_full (G_OBJECT (task), "tile", g_object_ref (tile), g_object_unref);
  shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);

  g_task_run_in_thread (task, draw_tile_in_thread);
}

static gboolean
mk_map_source_fill_tile_finish (ShumateMapSource  *source,
                                GAsyncResult      *result,
                                GError           **error)
{
  GTask *task = G_TASK (result);
  ShumateTile *tile = g_object_get_data (G_OBJECT (task), "tile");
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  pixels = g_task_propagate_pointer (task, error);
  if (pixels == NULL)
    return FALSE;

  texture = gdk_memory_texture_new (TILE_SIZE, TILE_SIZE, GDK_MEMORY_DEFAULT, pixels, TILE_STRIDE);
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  return TRUE;
}

static void
mk_map_source_dispose (GObject *object)
{
  MkMapSource *self = MK_MAP_SOURCE (object);

  g_clear_object (&self->data);

  G_OBJECT_CLASS (mk_map_source_parent_class)->dispose (object);
}

/* ShumateMapSource's properties are construct properties: set in init,
 * their defaults would overwrite them. */
static void
mk_map_source_constructed (GObject *object)
{
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (object);

  G_OBJECT_CLASS (mk_map_source_parent_class)->constructed (object);

  shumate_map_source_set_id (source, "mekong-offline");
  shumate_map_source_set_name (source, _("Offline map"));
  shumate_map_source_set_license (source, _("Natural Earth (public domain)"));
  shumate_map_source_set_license_uri (source, "https://www.naturalearthdata.com/about/terms-of-use/");
  shumate_map_source_set_tile_size (source, TILE_SIZE);
  shumate_map_source_set_min_zoom_level (source, 0);
  /* 1:50m data: past zoom 10 there is nothing more to see. */
  shumate_map_source_set_max_zoom_level (source, 10);
  shumate_map_source_set_projection (source, SHUMATE_MAP_PROJECTION_MERCATOR);
}

static void
mk_map_source_class_init (MkMapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->constructed = mk_map_source_constructed;
  object_class->dispose = mk_map_source_dispose;
  source_class->fill_tile_async = mk_map_source_fill_tile_async;
  source_class->fill_tile_finish = mk_map_source_fill_tile_finish;
}

static MkMapData *
load_bundled_data (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  MkMapData *data;

  bytes = g_resources_lookup_data (MAP_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* The data is compiled into the program: missing or damaged, it is a
   * bug of the build, not something a user can cause or fix. */
  if (bytes == NULL || (data = mk_map_data_new (bytes, &error)) == NULL)
    g_error ("%s: %s", MAP_RESOURCE, error->message);

  return data;
}

static void
mk_map_source_init (MkMapSource *self)
{
  static MkMapData *shared;

  /* Every source shares one copy of the shapes, loaded once. */
  if (g_once_init_enter (&shared))
    g_once_init_leave (&shared, load_bundled_data ());
  self->data = g_object_ref (shared);
}

MkMapSource *
mk_map_source_new (void)
{
  return g_object_new (MK_TYPE_MAP_SOURCE, NULL);
}
