/* mk-feed.h — a news feed read into articles
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mk-article.h"

G_BEGIN_DECLS

#define MK_FEED_ERROR (mk_feed_error_quark ())

typedef enum {
  MK_FEED_ERROR_NOT_A_FEED,
  MK_FEED_ERROR_MALFORMED,
  MK_FEED_ERROR_TOO_LARGE,
} MkFeedError;

typedef enum {
  MK_FEED_FORMAT_UNKNOWN,
  MK_FEED_FORMAT_RSS,
  MK_FEED_FORMAT_RDF,
  MK_FEED_FORMAT_ATOM,
  MK_FEED_FORMAT_JSON,
  MK_FEED_FORMAT_OPML,
  MK_FEED_FORMAT_HTML,
  MK_FEED_FORMAT_OTHER_XML,
} MkFeedFormat;

#define MK_TYPE_FEED (mk_feed_get_type ())

G_DECLARE_FINAL_TYPE (MkFeed, mk_feed, MK, FEED, GObject)

GQuark        mk_feed_error_quark     (void);

MkFeedFormat  mk_feed_sniff           (const char  *data,
                                       gsize        length);
MkFeed       *mk_feed_parse           (const char  *data,
                                       gsize        length,
                                       const char  *base_url,
                                       GError     **error);

MkFeedFormat  mk_feed_get_format      (MkFeed      *self);
const char   *mk_feed_get_title       (MkFeed      *self);
const char   *mk_feed_get_site_url    (MkFeed      *self);
GPtrArray    *mk_feed_get_articles    (MkFeed      *self);

char         *mk_feed_parse_date      (const char  *text);

G_END_DECLS
