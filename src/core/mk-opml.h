/* mk-opml.h — subscription lists (OPML) read and written
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One feed of a subscription list. */
typedef struct {
  char *url;        /* the feed's address (xmlUrl) */
  char *title;      /* (nullable) */
  char *site_url;   /* (nullable) htmlUrl */
} MkOpmlFeed;

MkOpmlFeed *mk_opml_feed_new   (const char  *url,
                                const char  *title,
                                const char  *site_url);
void        mk_opml_feed_free  (MkOpmlFeed  *feed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkOpmlFeed, mk_opml_feed_free)

GPtrArray  *mk_opml_parse      (const char  *data,
                                gsize        length,
                                GError     **error);
char       *mk_opml_write      (GPtrArray   *feeds,
                                const char  *title);

G_END_DECLS
