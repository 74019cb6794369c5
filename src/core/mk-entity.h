/* mk-entity.h — a person, organisation or place named in the archive
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  MK_ENTITY_PERSON,
  MK_ENTITY_ORGANIZATION,
  MK_ENTITY_PLACE,
} MkEntityType;

#define MK_ENTITY_N_TYPES 3

/* For type filters (store calls, search fields): every type. */
#define MK_ENTITY_TYPE_ANY ((int) -1)

#define MK_TYPE_ENTITY_TYPE (mk_entity_type_get_type ())
GType        mk_entity_type_get_type      (void);
const char  *mk_entity_type_to_string     (MkEntityType  type);
gboolean     mk_entity_type_from_string   (const char   *text,
                                           MkEntityType *type);

/* One mention: character (not byte) offsets into the article's body, or
 * into its title when @in_title; @end is exclusive. Characters, because
 * that is what GtkTextBuffer and every script language count. */
typedef struct {
  int      start;
  int      end;
  gboolean in_title;
} MkMention;

#define MK_TYPE_ENTITY (mk_entity_get_type ())

G_DECLARE_FINAL_TYPE (MkEntity, mk_entity, MK, ENTITY, GObject)

MkEntity     *mk_entity_new             (MkEntityType  type,
                                         const char   *name);

gint64        mk_entity_get_id          (MkEntity     *self);
void          mk_entity_set_id          (MkEntity     *self,
                                         gint64        id);
MkEntityType  mk_entity_get_entity_type (MkEntity     *self);
const char   *mk_entity_get_name        (MkEntity     *self);
void          mk_entity_set_name        (MkEntity     *self,
                                         const char   *name);
const char   *mk_entity_get_label       (MkEntity     *self);
void          mk_entity_set_label       (MkEntity     *self,
                                         const char   *label);
GPtrArray    *mk_entity_get_aliases     (MkEntity     *self);
gboolean      mk_entity_add_alias       (MkEntity     *self,
                                         const char   *alias);
gboolean      mk_entity_has_location    (MkEntity     *self);
double        mk_entity_get_latitude    (MkEntity     *self);
double        mk_entity_get_longitude   (MkEntity     *self);
void          mk_entity_set_location    (MkEntity     *self,
                                         double        latitude,
                                         double        longitude);
GArray       *mk_entity_get_mentions    (MkEntity     *self);
void          mk_entity_add_mention     (MkEntity     *self,
                                         int           start,
                                         int           end,
                                         gboolean      in_title);
guint         mk_entity_get_n_mentions  (MkEntity     *self);
void          mk_entity_set_n_mentions  (MkEntity     *self,
                                         guint         n_mentions);
guint         mk_entity_get_n_articles  (MkEntity     *self);
void          mk_entity_set_n_articles  (MkEntity     *self,
                                         guint         n_articles);

char         *mk_entity_key             (const char   *name);

G_END_DECLS
