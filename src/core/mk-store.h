/* mk-store.h — the archive: one SQLite file
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mk-article.h"
#include "mk-entity.h"
#include "mk-query.h"

G_BEGIN_DECLS

#define MK_STORE_ERROR (mk_store_error_quark ())

typedef enum {
  MK_STORE_ERROR_OPEN,
  MK_STORE_ERROR_NOT_AN_ARCHIVE,
  MK_STORE_ERROR_TOO_NEW,
  MK_STORE_ERROR_FAILED,
  MK_STORE_ERROR_NOT_FOUND,
  MK_STORE_ERROR_BUSY,
} MkStoreError;

typedef enum {
  MK_SORT_NEWEST,
  MK_SORT_OLDEST,
  MK_SORT_RELEVANCE,
} MkSort;

/* What adding an article did; importers count these for their report. */
typedef enum {
  MK_STORE_ADDED,
  MK_STORE_UPDATED,
  MK_STORE_UNCHANGED,
} MkStoreChange;

#define MK_STORE_SCHEMA_VERSION 4

#define MK_TYPE_STORE (mk_store_get_type ())

G_DECLARE_FINAL_TYPE (MkStore, mk_store, MK, STORE, GObject)

GQuark      mk_store_error_quark        (void);

MkStore    *mk_store_open               (const char     *path,
                                         GError        **error);
const char *mk_store_get_path           (MkStore        *self);
int         mk_store_get_schema_version (MkStore        *self);
char       *mk_store_dup_default_path   (void);

gboolean    mk_store_begin              (MkStore        *self,
                                         GError        **error);
gboolean    mk_store_commit             (MkStore        *self,
                                         GError        **error);
void        mk_store_rollback           (MkStore        *self);

gint64      mk_store_ensure_source      (MkStore        *self,
                                         const char     *kind,
                                         const char     *location,
                                         const char     *title,
                                         GError        **error);
gboolean    mk_store_add_article        (MkStore        *self,
                                         gint64          source_id,
                                         MkArticle      *article,
                                         MkStoreChange  *change,
                                         GError        **error);

gint64      mk_store_count_articles     (MkStore        *self,
                                         GError        **error);
gint64      mk_store_count_sources      (MkStore        *self,
                                         GError        **error);
MkArticle  *mk_store_get_article        (MkStore        *self,
                                         gint64          id,
                                         GError        **error);
GPtrArray  *mk_store_get_articles       (MkStore        *self,
                                         const gint64   *ids,
                                         guint           n_ids,
                                         MkQuery        *query,
                                         GError        **error);
GArray     *mk_store_search_ids         (MkStore        *self,
                                         MkQuery        *query,
                                         MkSort          sort,
                                         guint           limit,
                                         GCancellable   *cancellable,
                                         GError        **error);
gint64      mk_store_count_matches      (MkStore        *self,
                                         MkQuery        *query,
                                         GCancellable   *cancellable,
                                         GError        **error);
GPtrArray  *mk_store_search             (MkStore        *self,
                                         MkQuery        *query,
                                         MkSort          sort,
                                         guint           limit,
                                         GCancellable   *cancellable,
                                         GError        **error);

/* Entities: mk-store-entities.c */

gboolean    mk_store_set_article_entities (MkStore       *self,
                                           gint64         article_id,
                                           GPtrArray     *entities,
                                           GError       **error);
gboolean    mk_store_clear_entities       (MkStore       *self,
                                           GError       **error);
GArray     *mk_store_list_article_ids     (MkStore       *self,
                                           gint64         after_id,
                                           guint          limit,
                                           GError       **error);
GPtrArray  *mk_store_get_article_entities (MkStore       *self,
                                           gint64         article_id,
                                           int            type,
                                           GError       **error);
GPtrArray  *mk_store_get_entities         (MkStore       *self,
                                           MkQuery       *query,
                                           int            type,
                                           guint          limit,
                                           GCancellable  *cancellable,
                                           GError       **error);
GPtrArray  *mk_store_get_top_entities     (MkStore       *self,
                                           MkQuery       *query,
                                           guint          per_type,
                                           GCancellable  *cancellable,
                                           GError       **error);
MkEntity   *mk_store_get_entity           (MkStore       *self,
                                           gint64         id,
                                           GError       **error);
MkEntity   *mk_store_find_entity          (MkStore       *self,
                                           int            type,
                                           const char    *name,
                                           GError       **error);
GArray     *mk_store_get_entity_article_ids (MkStore     *self,
                                           gint64         entity_id,
                                           guint          limit,
                                           GError       **error);
gint64      mk_store_count_entities       (MkStore       *self,
                                           GError       **error);
GPtrArray  *mk_store_get_related_entities (MkStore       *self,
                                           gint64         entity_id,
                                           guint          limit,
                                           GCancellable  *cancellable,
                                           GError       **error);
gboolean    mk_store_get_entity_dates     (MkStore       *self,
                                           gint64         entity_id,
                                           char         **first,
                                           char         **last,
                                           GError       **error);

G_END_DECLS
