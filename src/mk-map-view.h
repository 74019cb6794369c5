/* mk-map-view.h — the places of the archive on a map
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "mekong-core.h"

G_BEGIN_DECLS

#define MK_TYPE_MAP_VIEW (mk_map_view_get_type ())

G_DECLARE_FINAL_TYPE (MkMapView, mk_map_view, MK, MAP_VIEW, AdwBin)

MkMapView          *mk_map_view_new               (void);
void                mk_map_view_set_places        (MkMapView *self,
                                                   GPtrArray *places);
ShumateMarkerLayer *mk_map_view_get_marker_layer  (MkMapView *self);
ShumateSimpleMap   *mk_map_view_get_map           (MkMapView *self);
gboolean            mk_map_view_get_online_tiles  (MkMapView *self);
void                mk_map_view_set_online_tiles  (MkMapView *self,
                                                   gboolean   online_tiles);

G_END_DECLS
