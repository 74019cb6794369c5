/* mk-map-source.h — a base map drawn on this machine, with no network
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define MK_TYPE_MAP_SOURCE (mk_map_source_get_type ())

G_DECLARE_FINAL_TYPE (MkMapSource, mk_map_source, MK, MAP_SOURCE, ShumateMapSource)

MkMapSource *mk_map_source_new (void);

G_END_DECLS
