/* mk-article-row.h — one article in the result list
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mekong-core.h"

G_BEGIN_DECLS

#define MK_TYPE_ARTICLE_ROW (mk_article_row_get_type ())

G_DECLARE_FINAL_TYPE (MkArticleRow, mk_article_row, MK, ARTICLE_ROW, GtkWidget)

MkArticleRow *mk_article_row_new         (void);
MkArticle    *mk_article_row_get_article (MkArticleRow *self);
void          mk_article_row_set_article (MkArticleRow *self,
                                          MkArticle    *article);
const char   *mk_article_row_get_snippet_markup (MkArticleRow *self);
gboolean      mk_article_row_get_bookmarked (MkArticleRow *self);
gboolean      mk_article_row_get_shows_note (MkArticleRow *self);
GtkButton    *mk_article_row_get_star_button (MkArticleRow *self);

char         *mk_article_row_dup_meta_text (MkArticle  *article);
char         *mk_article_row_format_date   (const char *published);

G_END_DECLS
