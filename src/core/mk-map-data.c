/* mk-map-data.c — the shapes of the offline base map
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "mk-map-data.h"

/* The data is written by data/map/derive-map.py from Natural Earth's
 * countries and the provinces of Vietnam and Laos (see that script): no
 * library reads TopoJSON in C, and a flat binary of projected points loads
 * in a copy. All little-endian:
 *
 *   "MKMAP003", uint32 n_land, uint32 n_borders, uint32 n_provinces, then
 *   n_land + n_borders + n_provinces records (the layers in the order of
 *   MkMapLayer) of float32 min_x, min_y, max_x, max_y; uint32 n_points;
 *   n_points × float32 (x, y)
 *
 * with x, y on the Mercator square, 0..1 from 180° W and from 85.05° N; a
 * shape that crosses the antimeridian is kept whole, with x past 0 or 1. */

#define MAGIC "MKMAP003"
#define HEADER_SIZE (8 + MK_MAP_N_LAYERS * 4)
#define RECORD_HEADER_SIZE (5 * 4)

typedef struct {
  MkMapBox box;
  guint first;     /* index of its first point in points */
  guint n_points;
} Shape;

struct _MkMapData
{
  GObject parent_instance;

  GArray *shapes[MK_MAP_N_LAYERS];  /* of Shape */
  GArray *points;                   /* of float: x, y, x, y… */
};

G_DEFINE_FINAL_TYPE (MkMapData, mk_map_data, G_TYPE_OBJECT)

static void
mk_map_data_finalize (GObject *object)
{
  MkMapData *self = (MkMapData *)object;

  for (guint i = 0; i < MK_MAP_N_LAYERS; i++)
    g_clear_pointer (&self->shapes[i], g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (mk_map_data_parent_class)->finalize (object);
}

static void
mk_map_data_class_init (MkMapDataClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_map_data_finalize;
}

static void
mk_map_data_init (MkMapData *self)
{
  for (guint i = 0; i < MK_MAP_N_LAYERS; i++)
    self->shapes[i] = g_array_new (FALSE, FALSE, sizeof (Shape));
  self->points = g_array_new (FALSE, FALSE, sizeof (float));
}

/* A cursor over the bytes that never reads past their end. */
typedef struct {
  const guint8 *data;
  gsize size;
  gsize offset;
} Reader;

static gboolean
read_uint32 (Reader  *reader,
             guint32 *value)
{
  guint32 le;

  if (reader->size - reader->offset < sizeof le)
    return FALSE;
  memcpy (&le, reader->data + reader->offset, sizeof le);
  reader->offset += sizeof le;
  *value = GUINT32_FROM_LE (le);
  return TRUE;
}

/* A coordinate on the Mercator square, or one square-width beside it
 * for shapes across the antimeridian. */
static gboolean
read_coordinate (Reader *reader,
                 float  *value)
{
  guint32 bits;

  if (!read_uint32 (reader, &bits))
    return FALSE;
  memcpy (value, &bits, sizeof *value);
  return isfinite (*value) && *value >= -1.0f && *value <= 2.0f;
}

static gboolean
read_shape (MkMapData *self,
            Reader    *reader,
            Shape     *shape)
{
  float box[4];
  guint32 n_points;

  for (guint i = 0; i < 4; i++)
    if (!read_coordinate (reader, &box[i]))
      return FALSE;
  if (!read_uint32 (reader, &n_points) || n_points < 2 ||
      n_points > (reader->size - reader->offset) / (2 * sizeof (float)))
    return FALSE;

  shape->box = (MkMapBox) { box[0], box[1], box[2], box[3] };
  shape->first = self->points->len;
  shape->n_points = n_points;
  g_array_set_size (self->points, self->points->len + 2 * n_points);
  for (guint i = 0; i < 2 * n_points; i++)
    if (!read_coordinate (reader, &g_array_index (self->points, float, shape->first + i)))
      return FALSE;

  return TRUE;
}

/**
 * mk_map_data_new:
 * @bytes: the contents of a .mkmap file
 *
 * Returns: (transfer full) (nullable): the shapes, or %NULL with @error
 *   set when @bytes is not a whole .mkmap file
 */
MkMapData *
mk_map_data_new (GBytes  *bytes,
                 GError **error)
{
  g_autoptr(MkMapData) self = g_object_new (MK_TYPE_MAP_DATA, NULL);
  Reader reader = { 0 };
  guint32 counts[MK_MAP_N_LAYERS];

  g_return_val_if_fail (bytes != NULL, NULL);

  reader.data = g_bytes_get_data (bytes, &reader.size);
  if (reader.size < HEADER_SIZE || memcmp (reader.data, MAGIC, 8) != 0)
    goto invalid;
  reader.offset = 8;
  for (guint layer = 0; layer < MK_MAP_N_LAYERS; layer++)
    if (!read_uint32 (&reader, &counts[layer]) ||
        counts[layer] > reader.size / RECORD_HEADER_SIZE)
      goto invalid;

  for (guint layer = 0; layer < MK_MAP_N_LAYERS; layer++)
    for (guint i = 0; i < counts[layer]; i++)
      {
        Shape shape;

        if (!read_shape (self, &reader, &shape))
          goto invalid;
        g_array_append_val (self->shapes[layer], shape);
      }

  if (reader.offset != reader.size)
    goto invalid;

  return g_steal_pointer (&self);

invalid:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The map data is damaged (not a whole .mkmap file)"));
  return NULL;
}

guint
mk_map_data_get_n_shapes (MkMapData  *self,
                          MkMapLayer  layer)
{
  g_return_val_if_fail (MK_IS_MAP_DATA (self), 0);
  g_return_val_if_fail (layer < MK_MAP_N_LAYERS, 0);

  return self->shapes[layer]->len;
}

static gboolean
boxes_meet (const MkMapBox *a,
            const MkMapBox *b)
{
  return a->min_x <= b->max_x && b->min_x <= a->max_x &&
         a->min_y <= b->max_y && b->min_y <= a->max_y;
}

/**
 * mk_map_data_foreach:
 * @box: (nullable): only the shapes whose bounding box meets it
 * @func: (scope call):
 *
 * Calls @func for each shape of @layer, in the order of the data. A
 * shape across the antimeridian has x past 0 or 1: callers that draw the
 * square's edges ask again with @box one width to the side. Safe to call
 * from several threads at once: the data is read-only once loaded.
 */
void
mk_map_data_foreach (MkMapData      *self,
                     MkMapLayer      layer,
                     const MkMapBox *box,
                     MkMapShapeFunc  func,
                     gpointer        user_data)
{
  GArray *shapes;

  g_return_if_fail (MK_IS_MAP_DATA (self));
  g_return_if_fail (layer < MK_MAP_N_LAYERS);

  shapes = self->shapes[layer];
  for (guint i = 0; i < shapes->len; i++)
    {
      const Shape *shape = &g_array_index (shapes, Shape, i);

      if (box == NULL || boxes_meet (&shape->box, box))
        func (&g_array_index (self->points, float, shape->first), shape->n_points, user_data);
    }
}

/**
 * mk_map_project:
 * @x: (out): 0 at 180° W, 1 at 180° E
 * @y: (out): 0 at 85.05° N, 1 at 85.05° S
 *
 * Web Mercator, as libshumate and OpenStreetMap tiles use it, on a square
 * of side 1; latitudes beyond ±85.05° are clamped to its edges.
 */
void
mk_map_project (double  latitude,
                double  longitude,
                double *x,
                double *y)
{
  double sine = sin (CLAMP (latitude, -85.0511287798, 85.0511287798) * G_PI / 180.0);

  *x = (longitude + 180.0) / 360.0;
  *y = 0.5 - log ((1.0 + sine) / (1.0 - sine)) / (4.0 * G_PI);
}
