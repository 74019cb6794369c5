/* mk-entity-panel.h — the people, organisations and places beside the article
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mekong-core.h"

G_BEGIN_DECLS

#define MK_TYPE_ENTITY_PANEL (mk_entity_panel_get_type ())

G_DECLARE_FINAL_TYPE (MkEntityPanel, mk_entity_panel, MK, ENTITY_PANEL, AdwBin)

MkEntityPanel *mk_entity_panel_new                 (void);
void           mk_entity_panel_set_store           (MkEntityPanel *self,
                                                    MkStore       *store);
void           mk_entity_panel_set_article_entities (MkEntityPanel *self,
                                                    GPtrArray     *entities);
void           mk_entity_panel_set_query           (MkEntityPanel *self,
                                                    MkQuery       *query);
const char    *mk_entity_panel_get_scope           (MkEntityPanel *self);
void           mk_entity_panel_set_scope           (MkEntityPanel *self,
                                                    const char    *scope);
void           mk_entity_panel_set_filter_id       (MkEntityPanel *self,
                                                    gint64         entity_id);
GListModel    *mk_entity_panel_get_entities        (MkEntityPanel *self,
                                                    MkEntityType   type);
gboolean       mk_entity_panel_is_loading          (MkEntityPanel *self);

G_END_DECLS
