/* mk-article-row.c — one article in the result list
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "mk-article-row.h"

struct _MkArticleRow
{
  GtkWidget  parent_instance;

  /* Template children */
  GtkLabel  *title_label;
  GtkLabel  *excerpt_tag;
  GtkLabel  *meta_label;
  GtkLabel  *snippet_label;
  GtkImage  *note_icon;
  GtkButton *star_button;

  MkArticle *article;
};

G_DEFINE_FINAL_TYPE (MkArticleRow, mk_article_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

MkArticleRow *
mk_article_row_new (void)
{
  return g_object_new (MK_TYPE_ARTICLE_ROW, NULL);
}

static GDateTime *
parse_published (const char *published)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *date_time;
  int year, month, day;

  if ((date_time = g_date_time_new_from_iso8601 (published, utc)))
    return date_time;

  /* Most sources only give a day ("2022-11-30"), which GLib's parser
   * rejects for lack of a time. */
  if (sscanf (published, "%4d-%2d-%2d", &year, &month, &day) == 3)
    return g_date_time_new_utc (year, month, day, 0, 0, 0);

  return NULL;
}

/**
 * mk_article_row_format_date:
 * @published: (nullable): an ISO 8601 date or date and time
 *
 * Formats a publication date for people, in their language.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL when there is none
 */
char *
mk_article_row_format_date (const char *published)
{
  g_autoptr(GDateTime) date_time = NULL;

  if (published == NULL || published[0] == '\0')
    return NULL;

  /* Whatever a source wrote is still better than nothing. */
  if (!(date_time = parse_published (published)))
    return g_strdup (published);

  /* Translators: the publication date of an article, see
   * https://docs.gtk.org/glib/method.DateTime.format.html */
  return g_date_time_format (date_time, _("%B %-d, %Y"));
}

/**
 * mk_article_row_dup_meta_text:
 * @article: an article
 *
 * The "source · date" line shown under a title, in the list and above the
 * article; either part is left out when the archive does not know it.
 *
 * Returns: (transfer full): the line, possibly empty
 */
char *
mk_article_row_dup_meta_text (MkArticle *article)
{
  const char *source = mk_article_get_source (article);
  g_autofree char *date = mk_article_row_format_date (mk_article_get_published (article));
  gboolean has_source = source != NULL && source[0] != '\0';

  if (has_source && date != NULL)
    /* Translators: the source of an article and its date, e.g. "VNA · May 2, 2023" */
    return g_strdup_printf (_("%s · %s"), source, date);

  if (has_source)
    return g_strdup (source);

  return g_steal_pointer (&date) ?: g_strdup ("");
}

/* Paragraph breaks and runs of spaces become one space: the two lines of a
 * row are too few for paragraphs. The markup stays valid, as the core's
 * tags (<b>, </b>) hold no whitespace. */
static void
collapse_whitespace (char *text)
{
  gboolean in_space = TRUE;  /* drops leading whitespace too */
  char *out = text;

  for (const char *in = text; *in != '\0'; in++)
    {
      if (g_ascii_isspace (*in))
        {
          if (!in_space)
            *out++ = ' ';
          in_space = TRUE;
        }
      else
        {
          *out++ = *in;
          in_space = FALSE;
        }
    }
  *out = '\0';
}

/* The snippet shows the matched words of a search (the core falls back to
 * the summary without one). Its markup comes escaped from the core. */
static void
mk_article_row_update_snippet (MkArticleRow *self)
{
  g_autofree char *markup = mk_article_dup_snippet_markup (self->article);

  if (markup != NULL)
    collapse_whitespace (markup);

  gtk_label_set_markup (self->snippet_label, markup ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), markup && markup[0] != '\0');
}

/* The star and the note icon follow the article's annotations as the
 * window changes them, without the list being loaded again. */
static void
mk_article_row_update_annotations (MkArticleRow *self)
{
  gboolean bookmarked = self->article && mk_article_get_bookmarked (self->article);
  const char *label = bookmarked ? _("Remove Bookmark") : _("Bookmark");

  gtk_widget_set_visible (GTK_WIDGET (self->note_icon),
                          self->article && mk_article_get_has_note (self->article));
  gtk_button_set_icon_name (self->star_button, bookmarked ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->star_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->star_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (bookmarked)
    gtk_widget_add_css_class (GTK_WIDGET (self->star_button), "starred");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->star_button), "starred");
  /* The star acts on its own row's article, whichever is selected. */
  if (self->article)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->star_button), "x",
                                        mk_article_get_id (self->article));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->star_button),
                                      "win.toggle-bookmark-article");
    }
  else
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->star_button), NULL);
}

static void
on_annotations_changed_cb (MkArticle    *article,
                           GParamSpec   *pspec,
                           MkArticleRow *self)
{
  mk_article_row_update_annotations (self);
}

/**
 * mk_article_row_get_bookmarked:
 *
 * Returns: whether the row's star shows its article as bookmarked
 */
gboolean
mk_article_row_get_bookmarked (MkArticleRow *self)
{
  g_return_val_if_fail (MK_IS_ARTICLE_ROW (self), FALSE);

  return gtk_widget_has_css_class (GTK_WIDGET (self->star_button), "starred");
}

/**
 * mk_article_row_get_shows_note:
 *
 * Returns: whether the row shows the note icon
 */
gboolean
mk_article_row_get_shows_note (MkArticleRow *self)
{
  g_return_val_if_fail (MK_IS_ARTICLE_ROW (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->note_icon));
}

GtkButton *
mk_article_row_get_star_button (MkArticleRow *self)
{
  g_return_val_if_fail (MK_IS_ARTICLE_ROW (self), NULL);

  return self->star_button;
}

static void
mk_article_row_update (MkArticleRow *self)
{
  g_autofree char *meta = NULL;
  const char *title;

  if (self->article == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->meta_label, "");
      gtk_label_set_text (self->snippet_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->excerpt_tag), FALSE);
      return;
    }

  /* Plain text: a title is data, never markup. */
  title = mk_article_get_title (self->article);
  gtk_label_set_text (self->title_label, title ? title : "");

  meta = mk_article_row_dup_meta_text (self->article);
  gtk_label_set_text (self->meta_label, meta);
  /* Shown even when empty: it is what pushes the star to the end. */
  gtk_widget_set_visible (GTK_WIDGET (self->excerpt_tag),
                          mk_article_get_excerpt (self->article));

  mk_article_row_update_snippet (self);
}

/**
 * mk_article_row_get_article:
 * @self: a row
 *
 * Returns: (transfer none) (nullable): the article shown
 */
MkArticle *
mk_article_row_get_article (MkArticleRow *self)
{
  g_return_val_if_fail (MK_IS_ARTICLE_ROW (self), NULL);

  return self->article;
}

/**
 * mk_article_row_get_snippet_markup:
 * @self: a row
 *
 * The snippet as the row shows it: Pango markup, the matched words of the
 * search in `<b>`, everything else escaped.
 *
 * Returns: (transfer none): the markup, empty when there is no snippet
 */
const char *
mk_article_row_get_snippet_markup (MkArticleRow *self)
{
  g_return_val_if_fail (MK_IS_ARTICLE_ROW (self), NULL);

  return gtk_label_get_label (self->snippet_label);
}

void
mk_article_row_set_article (MkArticleRow *self,
                            MkArticle    *article)
{
  g_return_if_fail (MK_IS_ARTICLE_ROW (self));
  g_return_if_fail (!article || MK_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->article)
    g_signal_handlers_disconnect_by_func (self->article, on_annotations_changed_cb, self);
  if (g_set_object (&self->article, article))
    {
      if (article)
        {
          g_signal_connect_object (article, "notify::bookmarked",
                                   G_CALLBACK (on_annotations_changed_cb), self, 0);
          g_signal_connect_object (article, "notify::has-note",
                                   G_CALLBACK (on_annotations_changed_cb), self, 0);
        }
      mk_article_row_update (self);
      mk_article_row_update_annotations (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
    }
}

static void
mk_article_row_dispose (GObject *object)
{
  MkArticleRow *self = MK_ARTICLE_ROW (object);
  GtkWidget *child;

  if (self->article)
    g_signal_handlers_disconnect_by_func (self->article, on_annotations_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_ARTICLE_ROW);
  /* The template's unnamed box too: a GtkWidget unparents its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (mk_article_row_parent_class)->dispose (object);
}

static void
mk_article_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MkArticleRow *self = MK_ARTICLE_ROW (object);

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
mk_article_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MkArticleRow *self = MK_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      mk_article_row_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_article_row_class_init (MkArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_article_row_dispose;
  object_class->get_property = mk_article_row_get_property;
  object_class->set_property = mk_article_row_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         MK_TYPE_ARTICLE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/mk-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MkArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MkArticleRow, excerpt_tag);
  gtk_widget_class_bind_template_child (widget_class, MkArticleRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, MkArticleRow, snippet_label);
  gtk_widget_class_bind_template_child (widget_class, MkArticleRow, note_icon);
  gtk_widget_class_bind_template_child (widget_class, MkArticleRow, star_button);

  gtk_widget_class_set_css_name (widget_class, "articlerow");
}

static void
mk_article_row_init (MkArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
