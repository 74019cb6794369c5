/* mk-entity-extractor.h — finding the people, organisations and places an
 * article names
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mk-entity.h"
#include "mk-gazetteer.h"

G_BEGIN_DECLS

#define MK_TYPE_ENTITY_EXTRACTOR (mk_entity_extractor_get_type ())

G_DECLARE_FINAL_TYPE (MkEntityExtractor, mk_entity_extractor, MK, ENTITY_EXTRACTOR, GObject)

MkEntityExtractor *mk_entity_extractor_new                (void);
MkEntityExtractor *mk_entity_extractor_new_with_gazetteer (MkGazetteer       *gazetteer);

GPtrArray         *mk_entity_extractor_extract            (MkEntityExtractor *self,
                                                           const char        *title,
                                                           const char        *body);

G_END_DECLS
