/* mk-map-marker.h — one place on the map: a dot sized by how often the
 * archive names it, and its name
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "mekong-core.h"

G_BEGIN_DECLS

#define MK_TYPE_MAP_MARKER (mk_map_marker_get_type ())

G_DECLARE_FINAL_TYPE (MkMapMarker, mk_map_marker, MK, MAP_MARKER, ShumateMarker)

MkMapMarker *mk_map_marker_new            (MkEntity    *place,
                                           guint        max_articles);
MkEntity    *mk_map_marker_get_place      (MkMapMarker *self);
int          mk_map_marker_get_dot_size   (MkMapMarker *self);
void         mk_map_marker_get_label_box  (MkMapMarker     *self,
                                           graphene_rect_t *box);
gboolean     mk_map_marker_get_label_shown (MkMapMarker *self);
void         mk_map_marker_set_label_shown (MkMapMarker *self,
                                            gboolean     shown);

G_END_DECLS
