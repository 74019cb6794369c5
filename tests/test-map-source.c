/* test-map-source.c — the offline base map draws land, sea, borders and
 * the provinces of Vietnam (of 2025) and Laos
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include <gtk/gtk.h>

#include "mekong-core.h"
#include "mk-map-source.h"

#define TILE_SIZE 256

typedef struct {
  guint8 *pixels;   /* GDK_MEMORY_DEFAULT: B, G, R, A on little-endian */
  gsize stride;
} Tile;

static void
tile_filled (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* The tile at @zoom that holds @latitude, @longitude, filled as the map
 * fills it, and where in it that point is. */
static Tile
fill_tile (MkMapSource *source,
           guint        zoom,
           double       latitude,
           double       longitude,
           guint       *px,
           guint       *py)
{
  double x, y, scale = (double) TILE_SIZE * (1u << zoom);
  g_autoptr(ShumateTile) tile = NULL;
  GdkTexture *texture;
  gboolean done = FALSE;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  Tile pixels;

  mk_map_project (latitude, longitude, &x, &y);
  tile = shumate_tile_new_full ((guint) (x * scale) / TILE_SIZE, (guint) (y * scale) / TILE_SIZE,
                                TILE_SIZE, zoom);
  *px = (guint) (x * scale) % TILE_SIZE;
  *py = (guint) (y * scale) % TILE_SIZE;

  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, tile_filled, &done);
  while (!done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done);
  g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);

  texture = GDK_TEXTURE (shumate_tile_get_paintable (tile));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, TILE_SIZE);
  /* To look at the tiles: MK_TEST_TILE_DIR=/tmp meson test … */
  if (g_getenv ("MK_TEST_TILE_DIR") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("tile-%u-%u-%u.png", zoom,
                                               shumate_tile_get_x (tile), shumate_tile_get_y (tile));
      g_autofree char *path = g_build_filename (g_getenv ("MK_TEST_TILE_DIR"), name, NULL);

      gdk_texture_save_to_png (texture, path);
    }
  pixels.stride = 4 * TILE_SIZE;
  pixels.pixels = g_malloc (pixels.stride * TILE_SIZE);
  gdk_texture_download (texture, pixels.pixels, pixels.stride);
  return pixels;
}

/* gdk_texture_download() writes B, G, R, A (CAIRO_FORMAT_ARGB32). */
static gboolean
pixel_is (const Tile *tile,
          guint       x,
          guint       y,
          guint8      r,
          guint8      g,
          guint8      b)
{
  const guint8 *p = tile->pixels + y * tile->stride + 4 * x;

  return ABS (p[2] - r) <= 6 && ABS (p[1] - g) <= 6 && ABS (p[0] - b) <= 6;
}

static double
share_of (const Tile *tile,
          guint8      r,
          guint8      g,
          guint8      b)
{
  guint n = 0;

  for (guint y = 0; y < TILE_SIZE; y++)
    for (guint x = 0; x < TILE_SIZE; x++)
      n += pixel_is (tile, x, y, r, g, b);

  return (double) n / (TILE_SIZE * TILE_SIZE);
}

#define LAND 242, 239, 233
#define SEA 170, 211, 223
#define COAST 122, 164, 188
#define BORDER 139, 110, 158
#define PROVINCE 184, 164, 197

typedef struct {
  guint8 r, g, b;
} Colour;

/* Whether a pixel is more province border than anything else the map
 * draws: lines are antialiased, and dashed, so few pixels have the
 * border's colour exactly. A country border half over a pixel of land
 * reads as one too: the places tested are away from those. */
static gboolean
pixel_is_province_border (const Tile *tile,
                          guint       x,
                          guint       y)
{
  const Colour palette[] = { { LAND }, { SEA }, { COAST }, { BORDER }, { PROVINCE } };
  const guint8 *p = tile->pixels + y * tile->stride + 4 * x;
  guint nearest = 0, nearest_distance = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      int dr = p[2] - palette[i].r, dg = p[1] - palette[i].g, db = p[0] - palette[i].b;
      guint distance = dr * dr + dg * dg + db * db;

      if (distance < nearest_distance)
        {
          nearest = i;
          nearest_distance = distance;
        }
    }

  return nearest == G_N_ELEMENTS (palette) - 1;
}

/* Whether a province border is drawn within @radius pixels of a point:
 * room for the antialiasing, and for a gap between dashes. */
static gboolean
province_border_at (MkMapSource *source,
                    guint        zoom,
                    double       latitude,
                    double       longitude,
                    guint        radius)
{
  guint px, py;
  Tile tile = fill_tile (source, zoom, latitude, longitude, &px, &py);
  gboolean found = FALSE;

  g_assert_cmpuint (px, >=, radius);
  g_assert_cmpuint (py, >=, radius);
  g_assert_cmpuint (px + radius, <, TILE_SIZE);
  g_assert_cmpuint (py + radius, <, TILE_SIZE);
  for (guint y = py - radius; y <= py + radius && !found; y++)
    for (guint x = px - radius; x <= px + radius && !found; x++)
      found = pixel_is_province_border (&tile, x, y);

  g_free (tile.pixels);
  return found;
}

/* Vientiane's tile is land, with the Mekong border to Thailand on it. */
static void
test_map_source_laos_is_land (void)
{
  g_autoptr(MkMapSource) source = mk_map_source_new ();
  guint x, y;
  Tile tile = fill_tile (source, 6, 17.97, 102.61, &x, &y);

  g_assert_true (pixel_is (&tile, x, y, LAND));
  g_assert_cmpfloat (share_of (&tile, LAND), >, 0.8);
  /* The tile reaches the Gulf of Tonkin at Vinh. */
  g_assert_cmpfloat (share_of (&tile, SEA), <, 0.15);
  g_assert_cmpfloat (share_of (&tile, BORDER), >, 0.001);
  g_free (tile.pixels);
}

/* The South China Sea is sea, with no border on it. */
static void
test_map_source_south_china_sea_is_sea (void)
{
  g_autoptr(MkMapSource) source = mk_map_source_new ();
  guint x, y;
  Tile tile = fill_tile (source, 6, 13.5, 114.0, &x, &y);

  g_assert_true (pixel_is (&tile, x, y, SEA));
  g_assert_cmpfloat (share_of (&tile, SEA), >, 0.95);
  g_assert_cmpfloat (share_of (&tile, BORDER), ==, 0.0);
  g_free (tile.pixels);
}

/* The whole world in one tile: Siberia is land, the Pacific is sea. */
static void
test_map_source_world (void)
{
  g_autoptr(MkMapSource) source = mk_map_source_new ();
  guint x, y;
  Tile tile = fill_tile (source, 0, 62.0, 100.0, &x, &y);

  g_assert_true (pixel_is (&tile, x, y, LAND));
  g_free (tile.pixels);
  tile = fill_tile (source, 0, 0.0, -140.0, &x, &y);
  g_assert_true (pixel_is (&tile, x, y, SEA));
  g_free (tile.pixels);
}

/* The points below lie on the borders in data/map/world-50m.mkmap: points
 * of the provinces' outlines in the source data (see derive-map.py), each
 * more than 10 pixels from a coast or a country border at the zoom tested. */

/* Borders between provinces that are different units since 2025 are drawn:
 * Nghệ An and Thanh Hóa, both unchanged; Quảng Nam (now Đà Nẵng) and Quảng
 * Ngãi; Thừa Thiên Huế (now Huế) and Đà Nẵng. In Laos, every border:
 * Vientiane province and Vientiane prefecture. */
static void
test_map_source_province_borders (void)
{
  g_autoptr(MkMapSource) source = mk_map_source_new ();

  g_assert_true (province_border_at (source, 7, 19.5149, 105.2767, 3));
  g_assert_true (province_border_at (source, 7, 19.8274, 105.1399, 3));
  g_assert_true (province_border_at (source, 7, 15.2853, 108.3362, 3));
  g_assert_true (province_border_at (source, 7, 16.2212, 107.9728, 3));
  g_assert_true (province_border_at (source, 7, 18.3040, 102.4008, 3));
  g_assert_true (province_border_at (source, 6, 19.5149, 105.2767, 3));
  /* A place on the map with no border: the middle of Nghệ An. */
  g_assert_false (province_border_at (source, 7, 19.05, 104.75, 3));
}

/* Provinces that merged in 2025 are one unit: the border between Quảng Nam
 * and Đà Nẵng, and the one between Hà Nam and Nam Định (both now Ninh
 * Bình), are gone. */
static void
test_map_source_merged_provinces (void)
{
  g_autoptr(MkMapSource) source = mk_map_source_new ();

  g_assert_false (province_border_at (source, 7, 16.0538, 108.0089, 3));
  g_assert_false (province_border_at (source, 7, 16.0164, 108.0111, 3));
  g_assert_false (province_border_at (source, 7, 15.9775, 108.1015, 3));
  g_assert_false (province_border_at (source, 7, 20.4135, 106.0261, 3));
  g_assert_false (province_border_at (source, 6, 16.0164, 108.0111, 3));
}

/* Province borders are drawn from zoom 5; at zoom 4 they would only blur
 * the country. (Xiangkhoang and Louangphrabang, in the middle of Laos.) */
static void
test_map_source_province_zoom (void)
{
  g_autoptr(MkMapSource) source = mk_map_source_new ();

  g_assert_true (province_border_at (source, 5, 19.4737, 102.6604, 2));
  g_assert_false (province_border_at (source, 4, 19.4737, 102.6604, 2));
}

/* The CPU time this process has used, in all its threads, in ms: unlike
 * the time on the clock, it hardly depends on what else the machine runs. */
static double
cpu_ms (void)
{
  struct timespec now;

  g_assert_cmpint (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now), ==, 0);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* How long a tile takes, for the record (not a pass/fail figure). */
static void
test_map_source_speed (void)
{
  g_autoptr(MkMapSource) source = mk_map_source_new ();
  const guint zooms[] = { 0, 3, 6, 9 };

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      guint x, y;

      for (guint n = 0; n < 10; n++)
        g_free (fill_tile (source, zooms[i], 16.0 + n * 0.3, 105.0, &x, &y).pixels);
      g_test_message ("zoom %u: %.1f ms per tile (%.1f ms of CPU time)", zooms[i],
                      (g_get_monotonic_time () - start) / 10 / 1000.0, (cpu_ms () - cpu_start) / 10);
    }
}

static void
test_map_source_properties (void)
{
  g_autoptr(MkMapSource) source = mk_map_source_new ();

  g_assert_cmpuint (shumate_map_source_get_tile_size (SHUMATE_MAP_SOURCE (source)), ==, TILE_SIZE);
  g_assert_nonnull (shumate_map_source_get_license (SHUMATE_MAP_SOURCE (source)));
  g_assert_cmpint (shumate_map_source_get_projection (SHUMATE_MAP_SOURCE (source)), ==,
                   SHUMATE_MAP_PROJECTION_MERCATOR);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-source/laos-is-land", test_map_source_laos_is_land);
  g_test_add_func ("/map-source/south-china-sea-is-sea", test_map_source_south_china_sea_is_sea);
  g_test_add_func ("/map-source/world", test_map_source_world);
  g_test_add_func ("/map-source/province-borders", test_map_source_province_borders);
  g_test_add_func ("/map-source/merged-provinces", test_map_source_merged_provinces);
  g_test_add_func ("/map-source/province-zoom", test_map_source_province_zoom);
  g_test_add_func ("/map-source/properties", test_map_source_properties);
  g_test_add_func ("/map-source/speed", test_map_source_speed);

  return g_test_run ();
}
