/* mk-entity-details.h — one entity: its names, its articles, its company
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mekong-core.h"

G_BEGIN_DECLS

#define MK_TYPE_ENTITY_DETAILS (mk_entity_details_get_type ())

G_DECLARE_FINAL_TYPE (MkEntityDetails, mk_entity_details, MK, ENTITY_DETAILS, AdwWindow)

MkEntityDetails *mk_entity_details_new        (GtkWindow       *parent,
                                               MkStore         *store,
                                               gint64           entity_id);
void             mk_entity_details_show       (MkEntityDetails *self,
                                               gint64           entity_id);
MkEntity        *mk_entity_details_get_entity (MkEntityDetails *self);
GListModel      *mk_entity_details_get_related (MkEntityDetails *self);
gboolean         mk_entity_details_is_loading (MkEntityDetails *self);

G_END_DECLS
