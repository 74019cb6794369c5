/* mk-article-view.c — one article, to read
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mk-article-row.h"
#include "mk-article-view.h"
#include "mk-note-editor.h"
#include "mk-tag-chips.h"

struct _MkArticleView
{
  AdwBin             parent_instance;

  /* Template children */
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *meta_label;
  GtkLabel          *excerpt_label;
  GtkLinkButton     *link_button;
  GtkTextBuffer     *body_buffer;
  GtkButton         *star_button;
  MkTagChips        *tag_chips;
  MkNoteEditor      *note_editor;

  MkArticle         *article;
};

G_DEFINE_FINAL_TYPE (MkArticleView, mk_article_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

MkArticleView *
mk_article_view_new (void)
{
  return g_object_new (MK_TYPE_ARTICLE_VIEW, NULL);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* "Source · Date", with the author when the archive knows one. */
static char *
mk_article_view_dup_meta (MkArticle *article)
{
  g_autofree char *meta = mk_article_row_dup_meta_text (article);
  const char *author = mk_article_get_author (article);

  if (!is_set (author))
    return g_steal_pointer (&meta);

  if (meta[0] == '\0')
    return g_strdup (author);

  /* Translators: the author of an article, then its source and date */
  return g_strdup_printf (_("%s · %s"), author, meta);
}

static void
mk_article_view_update (MkArticleView *self)
{
  MkArticle *article = self->article;
  g_autofree char *meta = NULL;
  const char *title;
  const char *url;
  const char *body;

  if (article == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_text_buffer_set_text (self->body_buffer, "", 0);
      return;
    }

  /* Plain text everywhere: titles and bodies are data, never markup. */
  title = mk_article_get_title (article);
  gtk_label_set_text (self->title_label, is_set (title) ? title : _("Untitled Article"));

  meta = mk_article_view_dup_meta (article);
  gtk_label_set_text (self->meta_label, meta);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta[0] != '\0');

  gtk_widget_set_visible (GTK_WIDGET (self->excerpt_label), mk_article_get_excerpt (article));

  url = mk_article_get_url (article);
  if (is_set (url))
    gtk_link_button_set_uri (self->link_button, url);
  gtk_widget_set_visible (GTK_WIDGET (self->link_button), is_set (url));

  body = mk_article_get_body (article);
  gtk_text_buffer_set_text (self->body_buffer, body ? body : "", -1);

  /* A new article is read from its start, not from where the last one was. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "article");
}

/**
 * mk_article_view_set_bookmarked:
 *
 * Shows whether the article in view is bookmarked, on the star.
 */
void
mk_article_view_set_bookmarked (MkArticleView *self,
                                gboolean       bookmarked)
{
  const char *label = bookmarked ? _("Remove Bookmark") : _("Bookmark");

  g_return_if_fail (MK_IS_ARTICLE_VIEW (self));

  gtk_button_set_icon_name (self->star_button, bookmarked ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->star_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->star_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (bookmarked)
    gtk_widget_add_css_class (GTK_WIDGET (self->star_button), "starred");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->star_button), "starred");
}

gboolean
mk_article_view_get_bookmarked (MkArticleView *self)
{
  g_return_val_if_fail (MK_IS_ARTICLE_VIEW (self), FALSE);

  return gtk_widget_has_css_class (GTK_WIDGET (self->star_button), "starred");
}

/**
 * mk_article_view_get_tag_chips:
 *
 * Returns: (transfer none): the chips of the article's tags
 */
MkTagChips *
mk_article_view_get_tag_chips (MkArticleView *self)
{
  g_return_val_if_fail (MK_IS_ARTICLE_VIEW (self), NULL);

  return self->tag_chips;
}

/**
 * mk_article_view_get_note_editor:
 *
 * Returns: (transfer none): the editor of the article's note
 */
MkNoteEditor *
mk_article_view_get_note_editor (MkArticleView *self)
{
  g_return_val_if_fail (MK_IS_ARTICLE_VIEW (self), NULL);

  return self->note_editor;
}

/**
 * mk_article_view_get_article:
 * @self: an article view
 *
 * Returns: (transfer none) (nullable): the article shown
 */
MkArticle *
mk_article_view_get_article (MkArticleView *self)
{
  g_return_val_if_fail (MK_IS_ARTICLE_VIEW (self), NULL);

  return self->article;
}

/**
 * mk_article_view_set_article:
 * @self: an article view
 * @article: (nullable): the article to show, with its body
 *
 * Shows @article, or a placeholder when it is %NULL.
 */
void
mk_article_view_set_article (MkArticleView *self,
                             MkArticle     *article)
{
  g_return_if_fail (MK_IS_ARTICLE_VIEW (self));
  g_return_if_fail (!article || MK_IS_ARTICLE (article));

  if (g_set_object (&self->article, article))
    {
      mk_article_view_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
    }
}

static void
mk_article_view_dispose (GObject *object)
{
  MkArticleView *self = MK_ARTICLE_VIEW (object);

  /* No gtk_widget_dispose_template(): AdwBin unparents its child itself,
   * and would be left with a dangling pointer if the template did it. */
  g_clear_object (&self->article);

  G_OBJECT_CLASS (mk_article_view_parent_class)->dispose (object);
}

static void
mk_article_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MkArticleView *self = MK_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_article_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MkArticleView *self = MK_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      mk_article_view_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_article_view_class_init (MkArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_article_view_dispose;
  object_class->get_property = mk_article_view_get_property;
  object_class->set_property = mk_article_view_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         MK_TYPE_ARTICLE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MK_TYPE_TAG_CHIPS);
  g_type_ensure (MK_TYPE_NOTE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/mk-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, stack);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, scroller);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, title_label);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, link_button);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, body_buffer);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, star_button);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, tag_chips);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, note_editor);

  gtk_widget_class_set_css_name (widget_class, "articleview");
}

static void
mk_article_view_init (MkArticleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
