/* mk-article-list.h — a GListModel of search results, paged in from the archive
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mk-store.h"

G_BEGIN_DECLS

#define MK_TYPE_ARTICLE_LIST (mk_article_list_get_type ())

G_DECLARE_FINAL_TYPE (MkArticleList, mk_article_list, MK, ARTICLE_LIST, GObject)

MkArticleList *mk_article_list_new           (MkStore             *store);
MkStore       *mk_article_list_get_store     (MkArticleList       *self);
MkQuery       *mk_article_list_get_query     (MkArticleList       *self);
gint64         mk_article_list_get_n_matches (MkArticleList       *self);
gboolean       mk_article_list_find          (MkArticleList       *self,
                                              gint64               article_id,
                                              guint               *position);
MkArticle     *mk_article_list_find_loaded   (MkArticleList       *self,
                                              gint64               id);
void           mk_article_list_search_async  (MkArticleList       *self,
                                              MkQuery             *query,
                                              MkSort               sort,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean       mk_article_list_search_finish (MkArticleList       *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
