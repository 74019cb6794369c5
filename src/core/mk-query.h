/* mk-query.h — what a person typed into a search box, made safe for FTS5
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The filters answered from the user's annotations. */
typedef enum {
  MK_QUERY_FILTER_BOOKMARKED,  /* is:bookmarked */
  MK_QUERY_FILTER_NOTE,        /* has:note */
  MK_QUERY_FILTER_TAG,         /* tag:NAME */
} MkQueryFilter;

#define MK_TYPE_QUERY (mk_query_get_type ())

G_DECLARE_FINAL_TYPE (MkQuery, mk_query, MK, QUERY, GObject)

MkQuery    *mk_query_new             (const char *text);
const char *mk_query_get_text        (MkQuery    *self);
gboolean    mk_query_is_empty        (MkQuery    *self);
const char *mk_query_get_fts_match   (MkQuery    *self);
const char *mk_query_get_fts_exclude (MkQuery    *self);
const char *mk_query_get_fts_title_match (MkQuery *self);
gboolean    mk_query_get_day_range   (MkQuery    *self,
                                      guint32    *first_day,
                                      guint32    *last_day);
const char *mk_query_get_fts_notes_match (MkQuery *self);
guint       mk_query_get_n_filters   (MkQuery    *self);
MkQueryFilter mk_query_get_filter    (MkQuery    *self,
                                      guint       index,
                                      const char **tag,
                                      gboolean   *negated);
char       *mk_query_describe        (MkQuery    *self);

void        mk_query_add_entity_id   (MkQuery    *self,
                                      gint64      entity_id);
guint       mk_query_get_n_entity_filters (MkQuery *self);
void        mk_query_get_entity_filter (MkQuery     *self,
                                        guint        index,
                                        int         *type,
                                        const char **key,
                                        gint64      *entity_id,
                                        gboolean    *negated);

guint32     mk_query_day_from_date   (const char *iso_date);

G_END_DECLS
