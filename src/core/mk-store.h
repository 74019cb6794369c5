/* mk-store.h — the archive: one SQLite file
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mk-article.h"
#include "mk-entity.h"
#include "mk-feed-source.h"
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
  MK_STORE_ERROR_INVALID,
  MK_STORE_ERROR_FULL,
  MK_STORE_ERROR_READ_ONLY,
  MK_STORE_ERROR_CORRUPT,
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

#define MK_STORE_SCHEMA_VERSION 6

#define MK_TYPE_STORE (mk_store_get_type ())

G_DECLARE_FINAL_TYPE (MkStore, mk_store, MK, STORE, GObject)

GQuark      mk_store_error_quark        (void);

MkStore    *mk_store_open               (const char     *path,
                                         GError        **error);
const char *mk_store_get_path           (MkStore        *self);
int         mk_store_get_schema_version (MkStore        *self);
gboolean    mk_store_is_read_only       (MkStore        *self);
char       *mk_store_dup_default_path   (void);
char       *mk_store_dup_new_path_beside (const char    *path);

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

/* Annotations, the user's own work: mk-store-annotations.c */

/* What one article carries of the user's work. */
typedef struct {
  gboolean   bookmarked;
  char      *bookmarked_at;  /* ISO 8601 UTC, NULL when not bookmarked */
  char      *note;           /* NULL when there is none */
  GStrv      tags;           /* sorted by name, never NULL */
} MkAnnotations;

/* A tag and how many articles carry it. */
typedef struct {
  char      *name;
  gint64     n_articles;
} MkTagCount;

void        mk_annotations_free           (MkAnnotations *annotations);
void        mk_tag_count_free             (MkTagCount    *tag);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkAnnotations, mk_annotations_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkTagCount, mk_tag_count_free)

char       *mk_store_normalize_tag        (const char    *name,
                                           GError       **error);
gboolean    mk_store_set_bookmarked       (MkStore       *self,
                                           gint64         article_id,
                                           gboolean       bookmarked,
                                           const char    *created,
                                           GError       **error);
gboolean    mk_store_set_note             (MkStore       *self,
                                           gint64         article_id,
                                           const char    *text,
                                           GError       **error);
gboolean    mk_store_add_tag              (MkStore       *self,
                                           gint64         article_id,
                                           const char    *tag,
                                           GError       **error);
gboolean    mk_store_remove_tag           (MkStore       *self,
                                           gint64         article_id,
                                           const char    *tag,
                                           GError       **error);
MkAnnotations *mk_store_get_annotations   (MkStore       *self,
                                           gint64         article_id,
                                           GError       **error);
GPtrArray  *mk_store_list_tags            (MkStore       *self,
                                           GError       **error);
gboolean    mk_store_rename_tag           (MkStore       *self,
                                           const char    *old_name,
                                           const char    *new_name,
                                           GError       **error);
GArray     *mk_store_delete_tag           (MkStore       *self,
                                           const char    *name,
                                           GError       **error);

/* Feeds: mk-store-feeds.c */

MkFeedSource *mk_store_add_feed           (MkStore       *self,
                                           const char    *url,
                                           const char    *title,
                                           gboolean      *created,
                                           GError       **error);
MkFeedSource *mk_store_get_feed           (MkStore       *self,
                                           const char    *url,
                                           GError       **error);
GPtrArray    *mk_store_list_feeds         (MkStore       *self,
                                           GError       **error);
gboolean      mk_store_remove_feed        (MkStore       *self,
                                           const char    *url,
                                           gint64        *n_articles,
                                           GError       **error);
gboolean      mk_store_save_feed_fetch    (MkStore       *self,
                                           MkFeedSource  *feed,
                                           GError       **error);
gboolean      mk_store_move_feed          (MkStore       *self,
                                           gint64         feed_id,
                                           const char    *new_url,
                                           GError       **error);
char         *mk_store_dup_host_retry_after (MkStore     *self,
                                           const char    *host,
                                           GError       **error);
gboolean      mk_store_set_host_retry_after (MkStore     *self,
                                           const char    *host,
                                           const char    *when,
                                           GError       **error);
gboolean      mk_store_match_feed_article (MkStore       *self,
                                           gint64         source_id,
                                           MkArticle     *article,
                                           GError       **error);

/* Places on the map: mk-store-places.c */

GPtrArray  *mk_store_get_places           (MkStore       *self,
                                           MkQuery       *query,
                                           gint64         article_id,
                                           guint          limit,
                                           GCancellable  *cancellable,
                                           GError       **error);
void        mk_store_get_places_async     (MkStore       *self,
                                           MkQuery       *query,
                                           gint64         article_id,
                                           guint          limit,
                                           GCancellable  *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer       user_data);
GPtrArray  *mk_store_get_places_finish    (MkStore       *self,
                                           GAsyncResult  *result,
                                           GError       **error);

G_END_DECLS
