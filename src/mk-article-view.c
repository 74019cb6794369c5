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
  GtkTextView       *body_view;
  GtkTextBuffer     *body_buffer;
  GtkButton         *star_button;
  MkTagChips        *tag_chips;
  MkNoteEditor      *note_editor;

  MkArticle         *article;
  GArray            *marks;       /* of Mark, by start offset */
  GtkTextTag        *mention_tags[MK_ENTITY_N_TYPES];
};

/* A mention marked in the body, for clicks: character offsets, as the
 * archive stores them and GtkTextBuffer counts. */
typedef struct {
  int    start;
  int    end;
  gint64 entity_id;
} Mark;

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
      g_array_set_size (self->marks, 0);
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
  g_array_set_size (self->marks, 0);

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

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/**
 * mk_article_view_set_entities:
 * @entities: (nullable) (element-type MkEntity): the entities of the
 *   article shown, with their mentions (mk_store_get_article_entities())
 *
 * Marks each mention in the body by its entity's type; a click on one
 * activates win.filter-entity, as the entity pane does. Mentions beyond
 * the body (the article changed since) are left out.
 */
void
mk_article_view_set_entities (MkArticleView *self,
                              GPtrArray     *entities)
{
  GtkTextIter start, end;
  int n_chars;

  g_return_if_fail (MK_IS_ARTICLE_VIEW (self));

  gtk_text_buffer_get_bounds (self->body_buffer, &start, &end);
  for (guint t = 0; t < MK_ENTITY_N_TYPES; t++)
    gtk_text_buffer_remove_tag (self->body_buffer, self->mention_tags[t], &start, &end);
  g_array_set_size (self->marks, 0);

  n_chars = gtk_text_buffer_get_char_count (self->body_buffer);
  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      MkEntity *entity = g_ptr_array_index (entities, i);
      GArray *mentions = mk_entity_get_mentions (entity);

      for (guint j = 0; j < mentions->len; j++)
        {
          MkMention *mention = &g_array_index (mentions, MkMention, j);
          Mark mark = { mention->start, mention->end, mk_entity_get_id (entity) };

          if (mention->in_title || mention->end > n_chars || mention->start >= mention->end)
            continue;

          gtk_text_buffer_get_iter_at_offset (self->body_buffer, &start, mention->start);
          gtk_text_buffer_get_iter_at_offset (self->body_buffer, &end, mention->end);
          gtk_text_buffer_apply_tag (self->body_buffer,
                                     self->mention_tags[mk_entity_get_entity_type (entity)],
                                     &start, &end);
          g_array_append_val (self->marks, mark);
        }
    }
  g_array_sort (self->marks, compare_marks);
}

/* The mark under a point of the text view, or NULL. */
static const Mark *
mk_article_view_mark_at (MkArticleView *self,
                         double         x,
                         double         y)
{
  GtkTextIter iter;
  int buffer_x, buffer_y, offset;

  gtk_text_view_window_to_buffer_coords (self->body_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);
  if (!gtk_text_view_get_iter_at_location (self->body_view, &iter, buffer_x, buffer_y))
    return NULL;

  offset = gtk_text_iter_get_offset (&iter);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);

      if (mark->start > offset)
        break;
      if (offset < mark->end)
        return mark;
    }

  return NULL;
}

/* A click, not the end of a selection: the mention's entity filters the
 * list. */
static void
on_body_released_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     MkArticleView   *self)
{
  const Mark *mark;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (self->body_buffer))
    return;

  mark = mk_article_view_mark_at (self, x, y);
  if (mark != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.filter-entity", "x", mark->entity_id);
}

/* A hand over mentions, as over links: they can be clicked. */
static void
on_body_motion_cb (GtkEventControllerMotion *controller,
                   double                    x,
                   double                    y,
                   MkArticleView            *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->body_view),
                                   mk_article_view_mark_at (self, x, y) ? "pointer" : "text");
}

/* The marks: a tint of the type's hue, translucent so that the text keeps
 * the style's own colour, stronger on a dark page (where a faint tint
 * vanishes), and an underline for those who do not see the tint. The hues
 * are the GNOME palette's blue 3, purple 2 and green 4. */
static const struct {
  const char *name;
  const char *rgb;
} mention_hues[MK_ENTITY_N_TYPES] = {
  [MK_ENTITY_PERSON] = { "person", "53,132,228" },
  [MK_ENTITY_ORGANIZATION] = { "organization", "145,65,172" },
  [MK_ENTITY_PLACE] = { "place", "46,194,126" },
};

static void
mk_article_view_update_mention_tags (MkArticleView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  for (guint t = 0; t < MK_ENTITY_N_TYPES; t++)
    {
      g_autofree char *tint = g_strdup_printf ("rgba(%s,%s)", mention_hues[t].rgb, dark ? "0.30" : "0.16");
      g_autofree char *line = g_strdup_printf ("rgba(%s,0.9)", mention_hues[t].rgb);
      GdkRGBA background, underline;

      gdk_rgba_parse (&background, tint);
      gdk_rgba_parse (&underline, line);
      g_object_set (self->mention_tags[t],
                    "background-rgba", &background,
                    "underline", PANGO_UNDERLINE_SINGLE,
                    "underline-rgba", &underline,
                    NULL);
    }
}

static void
on_dark_changed_cb (AdwStyleManager *style_manager,
                    GParamSpec      *pspec,
                    MkArticleView   *self)
{
  mk_article_view_update_mention_tags (self);
}

static void
mk_article_view_dispose (GObject *object)
{
  MkArticleView *self = MK_ARTICLE_VIEW (object);

  /* No gtk_widget_dispose_template(): AdwBin unparents its child itself,
   * and would be left with a dangling pointer if the template did it. */
  g_clear_object (&self->article);
  g_clear_pointer (&self->marks, g_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, body_view);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, body_buffer);
  gtk_widget_class_bind_template_callback (widget_class, on_body_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_body_motion_cb);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, star_button);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, tag_chips);
  gtk_widget_class_bind_template_child (widget_class, MkArticleView, note_editor);

  gtk_widget_class_set_css_name (widget_class, "articleview");
}

static void
mk_article_view_init (MkArticleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  for (guint t = 0; t < MK_ENTITY_N_TYPES; t++)
    self->mention_tags[t] = gtk_text_buffer_create_tag (self->body_buffer, mention_hues[t].name, NULL);
  mk_article_view_update_mention_tags (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, 0);
}
