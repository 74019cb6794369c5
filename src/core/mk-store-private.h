/* mk-store-private.h — what the files of MkStore share
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "mk-store.h"

G_BEGIN_DECLS

sqlite3_stmt *mk_store_statement        (MkStore      *self,
                                         const char   *sql,
                                         GError      **error);
void          mk_store_set_sqlite_error (MkStore      *self,
                                         GError      **error);
gboolean      mk_store_exec             (MkStore      *self,
                                         const char   *sql,
                                         GError      **error);
gboolean      mk_store_begin_immediate  (MkStore      *self,
                                         GError      **error);
gboolean      mk_store_step_done        (MkStore      *self,
                                         sqlite3_stmt *stmt,
                                         GError      **error);
void          mk_store_bind_text        (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *text);
sqlite3      *mk_store_get_db           (MkStore      *self);
/* Steps @stmt to the end, appending column 0 of each row to @values
 * (gint64), checking @cancellable every few thousand SQLite steps. */
gboolean      mk_store_collect_int64    (MkStore      *self,
                                         sqlite3_stmt *stmt,
                                         GCancellable *cancellable,
                                         GArray       *values,
                                         GError      **error);

/* The entity filters of a search (mk-store-entities.c); their parameters
 * start at ?first_param, after the search's own. */
int           mk_store_get_entity_driver        (MkQuery      *query);
void          mk_store_append_entity_driver     (GString      *sql,
                                                 MkQuery      *query,
                                                 int           driver,
                                                 int           first_param);
void          mk_store_append_entity_conditions (GString      *sql,
                                                 MkQuery      *query,
                                                 const char   *article,
                                                 int           skip,
                                                 int           first_param);
void          mk_store_bind_entity_filters      (sqlite3_stmt *stmt,
                                                 MkQuery      *query,
                                                 int           first_param);
/* Entities (mk-store-entities.c), for the files that read them too. */
#define MK_STORE_ENTITY_COLUMNS "e.id, e.type, e.name, e.lat, e.lon, e.n_mentions, e.n_articles"
MkEntity     *mk_store_entity_from_row  (sqlite3_stmt *stmt);
/* Puts @ids (of gint64) into temp.mk_result (id), for a query to join. */
gboolean      mk_store_fill_result_table (MkStore     *self,
                                          GArray      *ids,
                                          GError     **error);

G_END_DECLS
