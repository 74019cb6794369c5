/* mk-article.h — one article of the archive
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MK_TYPE_ARTICLE (mk_article_get_type ())

G_DECLARE_FINAL_TYPE (MkArticle, mk_article, MK, ARTICLE, GObject)

MkArticle  *mk_article_new               (void);

gint64      mk_article_get_id            (MkArticle  *self);
void        mk_article_set_id            (MkArticle  *self,
                                          gint64      id);
const char *mk_article_get_title         (MkArticle  *self);
void        mk_article_set_title         (MkArticle  *self,
                                          const char *title);
gboolean    mk_article_get_title_derived (MkArticle  *self);
void        mk_article_set_title_derived (MkArticle  *self,
                                          gboolean    derived);
const char *mk_article_get_url           (MkArticle  *self);
void        mk_article_set_url           (MkArticle  *self,
                                          const char *url);
const char *mk_article_get_guid          (MkArticle  *self);
void        mk_article_set_guid          (MkArticle  *self,
                                          const char *guid);
const char *mk_article_get_source        (MkArticle  *self);
void        mk_article_set_source        (MkArticle  *self,
                                          const char *source);
const char *mk_article_get_author        (MkArticle  *self);
void        mk_article_set_author        (MkArticle  *self,
                                          const char *author);
const char *mk_article_get_published     (MkArticle  *self);
void        mk_article_set_published     (MkArticle  *self,
                                          const char *published);
const char *mk_article_get_summary       (MkArticle  *self);
void        mk_article_set_summary       (MkArticle  *self,
                                          const char *summary);
const char *mk_article_get_body          (MkArticle  *self);
void        mk_article_set_body          (MkArticle  *self,
                                          const char *body);
const char *mk_article_get_language      (MkArticle  *self);
void        mk_article_set_language      (MkArticle  *self,
                                          const char *language);
gboolean    mk_article_get_excerpt       (MkArticle  *self);
void        mk_article_set_excerpt       (MkArticle  *self,
                                          gboolean    excerpt);
gint64      mk_article_get_related_to    (MkArticle  *self);
void        mk_article_set_related_to    (MkArticle  *self,
                                          gint64      article_id);
gboolean    mk_article_get_bookmarked    (MkArticle  *self);
void        mk_article_set_bookmarked    (MkArticle  *self,
                                          gboolean    bookmarked);
gboolean    mk_article_get_has_note      (MkArticle  *self);
void        mk_article_set_has_note      (MkArticle  *self,
                                          gboolean    has_note);
const char *mk_article_get_snippet       (MkArticle  *self);
void        mk_article_set_snippet       (MkArticle  *self,
                                          const char *snippet);
char       *mk_article_dup_snippet_markup (MkArticle *self);
char       *mk_article_dup_plain_snippet (MkArticle  *self);
char       *mk_article_dup_content_hash  (MkArticle  *self);

/* Snippets mark matched words with these two characters; they never occur
 * in stored text because the importers drop control characters. */
#define MK_SNIPPET_MARK_START "\x02"
#define MK_SNIPPET_MARK_END   "\x03"

G_END_DECLS
