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

G_END_DECLS
