/* test-map-data.c — reading the offline map's shapes, and projecting
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mekong-core.h"

/* A file of one land triangle, one border line and one province border
 * of three points, as derive-map.py writes. */
static GBytes *
small_map (gsize truncate_by)
{
  GByteArray *data = g_byte_array_new ();
  const float land[] = { 0.1f, 0.1f, 0.3f, 0.3f };
  const float land_points[] = { 0.1f, 0.1f, 0.3f, 0.1f, 0.2f, 0.3f };
  const float line[] = { 0.5f, 0.5f, 0.6f, 0.6f };
  const float line_points[] = { 0.5f, 0.5f, 0.6f, 0.6f };
  const float province[] = { 0.7f, 0.4f, 0.75f, 0.45f };
  const float province_points[] = { 0.7f, 0.4f, 0.72f, 0.42f, 0.75f, 0.45f };
  guint32 counts[] = { GUINT32_TO_LE (1), GUINT32_TO_LE (1), GUINT32_TO_LE (1) };
  guint32 n3 = GUINT32_TO_LE (3), n2 = GUINT32_TO_LE (2);

  g_assert_true (G_BYTE_ORDER == G_LITTLE_ENDIAN);
  g_byte_array_append (data, (const guint8 *) "MKMAP003", 8);
  g_byte_array_append (data, (const guint8 *) counts, sizeof counts);
  g_byte_array_append (data, (const guint8 *) land, sizeof land);
  g_byte_array_append (data, (const guint8 *) &n3, 4);
  g_byte_array_append (data, (const guint8 *) land_points, sizeof land_points);
  g_byte_array_append (data, (const guint8 *) line, sizeof line);
  g_byte_array_append (data, (const guint8 *) &n2, 4);
  g_byte_array_append (data, (const guint8 *) line_points, sizeof line_points);
  g_byte_array_append (data, (const guint8 *) province, sizeof province);
  g_byte_array_append (data, (const guint8 *) &n3, 4);
  g_byte_array_append (data, (const guint8 *) province_points, sizeof province_points);
  g_byte_array_set_size (data, data->len - truncate_by);

  return g_byte_array_free_to_bytes (data);
}

static void
count_shape (const float *points,
             guint        n_points,
             gpointer     user_data)
{
  guint *n = user_data;

  g_assert_cmpfloat (points[0], >=, 0.0);
  *n += n_points;
}

static void
test_map_data_read (void)
{
  g_autoptr(GBytes) bytes = small_map (0);
  g_autoptr(GError) error = NULL;
  g_autoptr(MkMapData) data = mk_map_data_new (bytes, &error);
  MkMapBox near_land = { 0.0, 0.0, 0.15, 0.15 };
  MkMapBox far_away = { 0.8, 0.8, 0.9, 0.9 };
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (mk_map_data_get_n_shapes (data, MK_MAP_LAYER_LAND), ==, 1);
  g_assert_cmpuint (mk_map_data_get_n_shapes (data, MK_MAP_LAYER_BORDERS), ==, 1);
  g_assert_cmpuint (mk_map_data_get_n_shapes (data, MK_MAP_LAYER_PROVINCES), ==, 1);

  mk_map_data_foreach (data, MK_MAP_LAYER_LAND, &near_land, count_shape, &n);
  g_assert_cmpuint (n, ==, 3);
  n = 0;
  mk_map_data_foreach (data, MK_MAP_LAYER_LAND, &far_away, count_shape, &n);
  mk_map_data_foreach (data, MK_MAP_LAYER_BORDERS, &far_away, count_shape, &n);
  g_assert_cmpuint (n, ==, 0);
  mk_map_data_foreach (data, MK_MAP_LAYER_BORDERS, NULL, count_shape, &n);
  g_assert_cmpuint (n, ==, 2);
  n = 0;
  mk_map_data_foreach (data, MK_MAP_LAYER_PROVINCES, NULL, count_shape, &n);
  g_assert_cmpuint (n, ==, 3);
}

/* Cut short, or not a map at all: one clear error, no crash. */
static void
test_map_data_damaged (void)
{
  const gsize cuts[] = { 1, 8, 30, 60, 90 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GBytes) bytes = small_map (cuts[i]);
      g_autoptr(GError) error = NULL;

      g_assert_null (mk_map_data_new (bytes, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }

  {
    g_autoptr(GBytes) text = g_bytes_new_static ("<html>not a map</html>", 22);
    g_autoptr(GError) error = NULL;

    g_assert_null (mk_map_data_new (text, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }
}

static void
test_map_data_project (void)
{
  double x, y;

  mk_map_project (0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-9);
  mk_map_project (85.0511287798, -180, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0.0, 1e-6);
  /* Hanoi, on OpenStreetMap's tile 6/50/28. */
  mk_map_project (21.03, 105.85, &x, &y);
  g_assert_cmpuint ((guint) (x * 64), ==, 50);
  g_assert_cmpuint ((guint) (y * 64), ==, 28);
  /* The poles are clamped to the square's edges. */
  mk_map_project (-90, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, 1.0, 1e-6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-data/read", test_map_data_read);
  g_test_add_func ("/map-data/damaged", test_map_data_damaged);
  g_test_add_func ("/map-data/project", test_map_data_project);

  return g_test_run ();
}
