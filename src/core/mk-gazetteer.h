/* mk-gazetteer.h — the places and well-known bodies the extractor knows
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mk-entity.h"

G_BEGIN_DECLS

/* One line of the gazetteer: read-only, owned by the MkGazetteer. */
typedef struct {
  MkEntityType  type;        /* MK_ENTITY_PLACE or MK_ENTITY_ORGANIZATION */
  const char   *name;        /* canonical */
  const char   *kind;        /* places: country, province, city, region, feature */
  gboolean      has_location;
  double        latitude;
  double        longitude;
  GStrv         variants;    /* other names, as written in the data */
  const char   *country;     /* places: ISO 3166-1 alpha-2 code, or "" */
  const char   *joined;      /* Vietnamese provinces: the provincial unit of
                              * 2025 they are part of (their own name when
                              * they kept their borders), else "" */
} MkGazetteerEntry;

#define MK_TYPE_GAZETTEER (mk_gazetteer_get_type ())

G_DECLARE_FINAL_TYPE (MkGazetteer, mk_gazetteer, MK, GAZETTEER, GObject)

MkGazetteer            *mk_gazetteer_get_default     (void);
MkGazetteer            *mk_gazetteer_new_from_data   (const char   *places,
                                                      const char   *organizations,
                                                      GError      **error);

const MkGazetteerEntry *mk_gazetteer_lookup          (MkGazetteer  *self,
                                                      MkEntityType  type,
                                                      const char   *key);
const MkGazetteerEntry *mk_gazetteer_lookup_place    (MkGazetteer  *self,
                                                      const char   *name);
const MkGazetteerEntry *mk_gazetteer_lookup_acronym  (MkGazetteer  *self,
                                                      const char   *text);
const MkGazetteerEntry *mk_gazetteer_lookup_demonym  (MkGazetteer  *self,
                                                      const char   *key);
guint                   mk_gazetteer_get_max_words   (MkGazetteer  *self);
guint                   mk_gazetteer_get_n_entries   (MkGazetteer  *self);

G_END_DECLS
