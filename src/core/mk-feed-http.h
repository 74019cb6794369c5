/* mk-feed-http.h — one GET of a feed (private to libmekong-core)
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

void         mk_feed_http_get_async   (SoupSession         *session,
                                       guint                timeout,
                                       guint64              max_body_size,
                                       const char          *url,
                                       const char          *etag,
                                       const char          *last_modified,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean     mk_feed_http_get_finish  (GAsyncResult        *result,
                                       GError             **error);
SoupMessage *mk_feed_http_get_message (GAsyncResult        *result);
const char  *mk_feed_http_get_url     (GAsyncResult        *result);
gboolean     mk_feed_http_was_moved   (GAsyncResult        *result);
GBytes      *mk_feed_http_steal_body  (GAsyncResult        *result);

G_END_DECLS
