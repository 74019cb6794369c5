/* mk-map-data.h — the shapes of the offline base map
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a shape is: land is filled (and its outline is the coast), borders
 * between countries and between provinces (of Vietnam and Laos only) are
 * lines. */
typedef enum {
  MK_MAP_LAYER_LAND,
  MK_MAP_LAYER_BORDERS,
  MK_MAP_LAYER_PROVINCES,
} MkMapLayer;

#define MK_MAP_N_LAYERS 3

/* A rectangle on the Mercator square (see mk_map_project()). */
typedef struct {
  double min_x;
  double min_y;
  double max_x;
  double max_y;
} MkMapBox;

/* Called for each shape: @points holds @n_points (x, y) pairs. */
typedef void (*MkMapShapeFunc) (const float *points,
                                guint        n_points,
                                gpointer     user_data);

#define MK_TYPE_MAP_DATA (mk_map_data_get_type ())

G_DECLARE_FINAL_TYPE (MkMapData, mk_map_data, MK, MAP_DATA, GObject)

MkMapData *mk_map_data_new          (GBytes          *bytes,
                                     GError         **error);
guint      mk_map_data_get_n_shapes (MkMapData       *self,
                                     MkMapLayer       layer);
void       mk_map_data_foreach      (MkMapData       *self,
                                     MkMapLayer       layer,
                                     const MkMapBox  *box,
                                     MkMapShapeFunc   func,
                                     gpointer         user_data);

void       mk_map_project           (double           latitude,
                                     double           longitude,
                                     double          *x,
                                     double          *y);

G_END_DECLS
