/* mk-feed-source.h — a feed the archive follows
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the last fetch of this run did; not stored. */
typedef enum {
  MK_FEED_FETCH_NONE,          /* not fetched in this run */
  MK_FEED_FETCH_OK,            /* read, articles stored */
  MK_FEED_FETCH_NOT_MODIFIED,  /* 304: nothing new */
  MK_FEED_FETCH_NOT_DUE,       /* the server asked us to wait (max-age, Retry-After) */
  MK_FEED_FETCH_FAILED,        /* see last_error */
} MkFeedFetchOutcome;

#define MK_TYPE_FEED_SOURCE (mk_feed_source_get_type ())

G_DECLARE_FINAL_TYPE (MkFeedSource, mk_feed_source, MK, FEED_SOURCE, GObject)

MkFeedSource *mk_feed_source_new                (gint64        id,
                                                 const char   *url);

gint64        mk_feed_source_get_id             (MkFeedSource *self);
const char   *mk_feed_source_get_url            (MkFeedSource *self);
const char   *mk_feed_source_get_title          (MkFeedSource *self);
void          mk_feed_source_set_title          (MkFeedSource *self,
                                                 const char   *title);
const char   *mk_feed_source_get_display_name   (MkFeedSource *self);
const char   *mk_feed_source_get_site_url       (MkFeedSource *self);
void          mk_feed_source_set_site_url       (MkFeedSource *self,
                                                 const char   *site_url);
const char   *mk_feed_source_get_etag           (MkFeedSource *self);
const char   *mk_feed_source_get_last_modified  (MkFeedSource *self);
void          mk_feed_source_set_validators     (MkFeedSource *self,
                                                 const char   *etag,
                                                 const char   *last_modified);
const char   *mk_feed_source_get_last_fetched   (MkFeedSource *self);
void          mk_feed_source_set_last_fetched   (MkFeedSource *self,
                                                 const char   *last_fetched);
const char   *mk_feed_source_get_last_error     (MkFeedSource *self);
void          mk_feed_source_set_last_error     (MkFeedSource *self,
                                                 const char   *last_error);
int           mk_feed_source_get_last_status    (MkFeedSource *self);
void          mk_feed_source_set_last_status    (MkFeedSource *self,
                                                 int           status);
const char   *mk_feed_source_get_next_fetch     (MkFeedSource *self);
void          mk_feed_source_set_next_fetch     (MkFeedSource *self,
                                                 const char   *next_fetch);
gint64        mk_feed_source_get_n_articles     (MkFeedSource *self);
void          mk_feed_source_set_n_articles     (MkFeedSource *self,
                                                 gint64        n_articles);

MkFeedFetchOutcome mk_feed_source_get_outcome   (MkFeedSource *self);
guint         mk_feed_source_get_n_added        (MkFeedSource *self);
guint         mk_feed_source_get_n_updated      (MkFeedSource *self);
void          mk_feed_source_set_outcome        (MkFeedSource       *self,
                                                 MkFeedFetchOutcome  outcome,
                                                 guint               n_added,
                                                 guint               n_updated);

G_END_DECLS
