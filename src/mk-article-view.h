/* mk-article-view.h — one article, to read
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mekong-core.h"
#include "mk-note-editor.h"
#include "mk-tag-chips.h"

G_BEGIN_DECLS

#define MK_TYPE_ARTICLE_VIEW (mk_article_view_get_type ())

G_DECLARE_FINAL_TYPE (MkArticleView, mk_article_view, MK, ARTICLE_VIEW, AdwBin)

MkArticleView *mk_article_view_new         (void);
MkArticle     *mk_article_view_get_article (MkArticleView *self);
void           mk_article_view_set_article (MkArticleView *self,
                                            MkArticle     *article);
void           mk_article_view_set_entities (MkArticleView *self,
                                             GPtrArray     *entities);
void           mk_article_view_set_bookmarked (MkArticleView *self,
                                            gboolean       bookmarked);
gboolean       mk_article_view_get_bookmarked (MkArticleView *self);
MkTagChips    *mk_article_view_get_tag_chips (MkArticleView *self);
MkNoteEditor  *mk_article_view_get_note_editor (MkArticleView *self);

G_END_DECLS
