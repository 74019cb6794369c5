/* mk-feed-fetcher.h — fetching feeds over HTTP, politely
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mk-feed-source.h"

G_BEGIN_DECLS

#define MK_FEED_FETCHER_MAX_REDIRECTS 5

#define MK_TYPE_FEED_FETCHER (mk_feed_fetcher_get_type ())

G_DECLARE_FINAL_TYPE (MkFeedFetcher, mk_feed_fetcher, MK, FEED_FETCHER, GObject)

MkFeedFetcher *mk_feed_fetcher_new              (const char           *archive_path);
const char    *mk_feed_fetcher_get_archive_path (MkFeedFetcher        *self);

void           mk_feed_fetcher_fetch_async      (MkFeedFetcher        *self,
                                                 const char * const   *urls,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GPtrArray     *mk_feed_fetcher_fetch_finish     (MkFeedFetcher        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

void           mk_feed_fetcher_discover_async   (MkFeedFetcher        *self,
                                                 const char           *url,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
MkFeedSource  *mk_feed_fetcher_discover_finish  (MkFeedFetcher        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
