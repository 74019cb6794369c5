/* mk-window-annotations.c — bookmarks, notes and tags in the main window,
 * their views and export
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mk-window-private.h"

/* Every write goes through the window's MkAnnotationWriter: one worker
 * thread with its own connection, writing in the order asked, so the main
 * thread never waits on the archive's lock (an import may hold it) and two
 * saves of a note never land out of order. Rows and the article header
 * show a change at once, by setting the list's own MkArticle (the rows
 * follow its properties): nothing is loaded again, nothing flickers. A
 * failed write puts things back and says why in a toast.
 *
 * Reading an article's annotations when it is shown is three primary-key
 * look-ups, as cheap as reading the article itself, so it stays on the
 * main thread like that read. */

typedef struct {
  MkWindow *self;
  gint64    article_id;
  gboolean  bookmarked;   /* what was asked */
  char     *text;         /* the note or the tag written */
} WriteCall;

static WriteCall *
write_call_new (MkWindow   *self,
                gint64      article_id,
                const char *text)
{
  WriteCall *call = g_new0 (WriteCall, 1);

  call->self = g_object_ref (self);
  call->article_id = article_id;
  call->text = g_strdup (text);
  return call;
}

static void
write_call_free (WriteCall *call)
{
  g_object_unref (call->self);
  g_free (call->text);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WriteCall, write_call_free)

/* After dispose, callbacks of writes still running have nothing to show. */
static gboolean
window_alive (MkWindow *self)
{
  return self->article_view != NULL;
}

static gint64
article_in_view (MkWindow *self)
{
  MkArticle *article = mk_article_view_get_article (self->article_view);

  return article ? mk_article_get_id (article) : 0;
}

/* --- Rows and header --------------------------------------------------------- */

static void
show_bookmarked (MkWindow *self,
                 gint64    article_id,
                 gboolean  bookmarked)
{
  MkArticle *listed = mk_article_list_find_loaded (self->articles, article_id);
  MkArticle *shown = mk_article_view_get_article (self->article_view);

  if (listed != NULL)
    mk_article_set_bookmarked (listed, bookmarked);
  if (shown != NULL && mk_article_get_id (shown) == article_id)
    {
      mk_article_set_bookmarked (shown, bookmarked);
      mk_article_view_set_bookmarked (self->article_view, bookmarked);
    }
}

static void
show_has_note (MkWindow *self,
               gint64    article_id,
               gboolean  has_note)
{
  MkArticle *listed = mk_article_list_find_loaded (self->articles, article_id);

  if (listed != NULL)
    mk_article_set_has_note (listed, has_note);
}

/* The tags of the archive, for completion and the filter menu. */
static void
refresh_tags (MkWindow *self)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) views = g_menu_new ();
  g_autoptr(GMenu) tag_views = g_menu_new ();
  g_auto(GStrv) known = NULL;
  g_autoptr(GError) error = NULL;

  tags = mk_store_list_tags (self->store, &error);
  if (tags == NULL)
    {
      _mk_window_toast (self, error->message);
      return;
    }

  g_menu_append (views, _("All Articles"), "win.filter('')");
  g_menu_append (views, _("Bookmarked"), "win.filter('is:bookmarked')");
  g_menu_append (views, _("With a Note"), "win.filter('has:note')");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (views));

  for (guint i = 0; i < tags->len; i++)
    {
      MkTagCount *tag = tags->pdata[i];
      g_autofree char *count = g_strdup_printf ("%'" G_GINT64_FORMAT, tag->n_articles);
      /* Translators: a tag in the filter menu and how many articles have it */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), tag->name, count);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.filter-tag", "s", tag->name);
      g_menu_append_item (tag_views, item);
      g_strv_builder_add (names, tag->name);
    }
  if (tags->len > 0)
    g_menu_append_section (menu, _("Tags"), G_MENU_MODEL (tag_views));

  gtk_menu_button_set_menu_model (self->filter_button, G_MENU_MODEL (menu));
  known = g_strv_builder_end (names);
  mk_tag_chips_set_known_tags (mk_article_view_get_tag_chips (self->article_view),
                               (const char * const *) known);
}

/**
 * _mk_window_annotations_show:
 * @article: (nullable): the article now in view
 *
 * Shows the article's star, tags and note. The note of the article shown
 * before is saved first.
 */
void
_mk_window_annotations_show (MkWindow  *self,
                             MkArticle *article)
{
  MkNoteEditor *editor = mk_article_view_get_note_editor (self->article_view);
  MkTagChips *chips = mk_article_view_get_tag_chips (self->article_view);
  g_autoptr(MkAnnotations) annotations = NULL;
  g_autoptr(GError) error = NULL;
  const char *note;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-bookmark", article != NULL);
  if (article == NULL)
    {
      mk_note_editor_set_note (editor, 0, NULL);
      mk_tag_chips_set_tags (chips, NULL);
      return;
    }

  annotations = mk_store_get_annotations (self->store, mk_article_get_id (article), &error);
  if (annotations == NULL)
    {
      _mk_window_toast (self, error->message);
      mk_note_editor_set_note (editor, 0, NULL);
      return;
    }

  mk_article_view_set_bookmarked (self->article_view, annotations->bookmarked);
  mk_tag_chips_set_tags (chips, (const char * const *) annotations->tags);

  /* A note still on its way to the archive is newer than what it holds. */
  note = g_hash_table_lookup (self->unsaved_notes, &(gint64) { mk_article_get_id (article) });
  mk_note_editor_set_note (editor, mk_article_get_id (article), note ? note : annotations->note);
}

static void
reload_tags_in_view (MkWindow *self,
                     gint64    article_id)
{
  g_autoptr(MkAnnotations) annotations = NULL;

  if (article_in_view (self) != article_id)
    return;

  annotations = mk_store_get_annotations (self->store, article_id, NULL);
  if (annotations != NULL)
    mk_tag_chips_set_tags (mk_article_view_get_tag_chips (self->article_view),
                           (const char * const *) annotations->tags);
}

/* --- Bookmarks --------------------------------------------------------------- */

static void
bookmark_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(WriteCall) call = user_data;
  g_autoptr(GError) error = NULL;

  if (mk_annotation_writer_finish (MK_ANNOTATION_WRITER (object), result, &error) ||
      !window_alive (call->self))
    return;

  show_bookmarked (call->self, call->article_id, !call->bookmarked);
  _mk_window_toast (call->self, error->message);
}

static void
set_bookmarked (MkWindow   *self,
                gint64      article_id,
                gboolean    bookmarked,
                const char *created)
{
  WriteCall *call = write_call_new (self, article_id, NULL);

  call->bookmarked = bookmarked;
  show_bookmarked (self, article_id, bookmarked);
  mk_annotation_writer_set_bookmarked (self->annotation_writer, article_id, bookmarked, created,
                                       bookmark_written_cb, call);
}

/* Un-bookmarking is one click away from losing the date it was made: the
 * toast's Undo puts the bookmark back with that date. */
static void
toggle_bookmark (MkWindow *self,
                 gint64    article_id)
{
  g_autoptr(MkAnnotations) annotations = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *undo;

  annotations = mk_store_get_annotations (self->store, article_id, &error);
  if (annotations == NULL)
    {
      _mk_window_toast (self, error->message);
      return;
    }

  if (!annotations->bookmarked)
    {
      set_bookmarked (self, article_id, TRUE, NULL);
      return;
    }

  set_bookmarked (self, article_id, FALSE, NULL);
  undo = _mk_toast_new (_("Bookmark removed"));
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "win.undo-unbookmark");
  adw_toast_set_action_target_value (undo, g_variant_new ("(xs)", article_id,
                                                          annotations->bookmarked_at));
  _mk_window_show_toast (self, undo);
}

static void
toggle_bookmark_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  gint64 id = article_in_view (self);

  if (id != 0)
    toggle_bookmark (self, id);
}

static void
toggle_bookmark_article_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  toggle_bookmark (MK_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
undo_unbookmark_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gint64 id;
  const char *created;

  g_variant_get (parameter, "(x&s)", &id, &created);
  set_bookmarked (MK_WINDOW (widget), id, TRUE, created);
}

/* --- Notes ------------------------------------------------------------------- */

static void
note_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WriteCall) call = user_data;
  MkWindow *self = call->self;
  g_autoptr(GError) error = NULL;
  gboolean ok = mk_annotation_writer_finish (MK_ANNOTATION_WRITER (object), result, &error);
  const char *unsaved = g_hash_table_lookup (self->unsaved_notes, &call->article_id);

  /* Written, unless a newer save of this note is still coming. */
  if (g_strcmp0 (unsaved, call->text) == 0)
    g_hash_table_remove (self->unsaved_notes, &call->article_id);

  if (!window_alive (self))
    return;
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("The note could not be saved: %s"), error->message);

      _mk_window_toast (self, message);
    }
}

static void
on_note_save_cb (MkNoteEditor *editor,
                 gint64        article_id,
                 const char   *text,
                 MkWindow     *self)
{
  gint64 *key = g_new (gint64, 1);

  *key = article_id;
  g_hash_table_replace (self->unsaved_notes, key, g_strdup (text));
  show_has_note (self, article_id, text[0] != '\0');
  mk_annotation_writer_set_note (self->annotation_writer, article_id, text,
                                 note_written_cb, write_call_new (self, article_id, text));
}

/**
 * _mk_window_annotations_save_all:
 *
 * Hands the note being typed to the writer and waits until every write
 * asked is in the archive: for a window that closes, so that nothing
 * typed is lost on quit. The writes are single rows: the wait is short.
 */
void
_mk_window_annotations_save_all (MkWindow *self)
{
  if (self->article_view != NULL)
    mk_note_editor_flush (mk_article_view_get_note_editor (self->article_view));
  if (self->annotation_writer != NULL)
    mk_annotation_writer_wait (self->annotation_writer);
}

static gboolean
on_close_request_cb (GtkWindow *window,
                     MkWindow  *self)
{
  _mk_window_annotations_save_all (self);
  return FALSE;
}

/* --- Tags -------------------------------------------------------------------- */

static void
tags_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WriteCall) call = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = mk_annotation_writer_finish (MK_ANNOTATION_WRITER (object), result, &error);

  if (!window_alive (call->self))
    return;
  if (!ok)
    _mk_window_toast (call->self, error->message);

  reload_tags_in_view (call->self, call->article_id);
  refresh_tags (call->self);
}

static void
on_add_tag_cb (MkTagChips *chips,
               const char *typed,
               MkWindow   *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tag = mk_store_normalize_tag (typed, &error);
  gint64 id = article_in_view (self);

  if (tag == NULL)
    {
      _mk_window_toast (self, error->message);
      return;
    }
  if (id == 0)
    return;

  mk_annotation_writer_add_tag (self->annotation_writer, id, tag, tags_written_cb,
                                write_call_new (self, id, tag));
}

static void
on_remove_tag_cb (MkTagChips *chips,
                  const char *tag,
                  MkWindow   *self)
{
  gint64 id = article_in_view (self);

  if (id != 0)
    mk_annotation_writer_remove_tag (self->annotation_writer, id, tag, tags_written_cb,
                                     write_call_new (self, id, tag));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    MkWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "mk-entry");
  const char *old_name = g_object_get_data (G_OBJECT (dialog), "mk-tag");
  g_autoptr(GError) error = NULL;
  g_autofree char *new_name = NULL;

  if (g_strcmp0 (response, "rename") != 0)
    return;

  new_name = mk_store_normalize_tag (gtk_editable_get_text (entry), &error);
  if (new_name == NULL)
    {
      _mk_window_toast (self, error->message);
      return;
    }

  mk_annotation_writer_rename_tag (self->annotation_writer, old_name, new_name, tags_written_cb,
                                   write_call_new (self, article_in_view (self), new_name));
}

static void
rename_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  const char *tag = g_variant_get_string (parameter, NULL);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Tag?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a tag */
                                  _("The tag “%s” is renamed on every article that has it. "
                                    "Naming it like another tag merges the two."), tag);
  gtk_editable_set_text (GTK_EDITABLE (entry), tag);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "mk-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "mk-tag", g_strdup (tag), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tag_deleted_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WriteCall) call = user_data;
  MkWindow *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) had = mk_annotation_writer_delete_tag_finish (MK_ANNOTATION_WRITER (object),
                                                                  result, &error);
  g_autofree char *title = NULL;
  GVariantBuilder ids;
  AdwToast *undo;

  if (!window_alive (self))
    return;
  if (had == NULL)
    {
      _mk_window_toast (self, error->message);
      return;
    }

  reload_tags_in_view (self, article_in_view (self));
  refresh_tags (self);

  g_variant_builder_init (&ids, G_VARIANT_TYPE ("ax"));
  for (guint i = 0; i < had->len; i++)
    g_variant_builder_add (&ids, "x", g_array_index (had, gint64, i));

  /* Translators: %s is a tag */
  title = g_strdup_printf (_("Tag “%s” deleted"), call->text);
  undo = _mk_toast_new (title);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "win.undo-delete-tag");
  adw_toast_set_action_target_value (undo, g_variant_new ("(sax)", call->text, &ids));
  _mk_window_show_toast (self, undo);
}

static void
delete_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  const char *tag = g_variant_get_string (parameter, NULL);

  mk_annotation_writer_delete_tag (self->annotation_writer, tag, tag_deleted_cb,
                                   write_call_new (self, 0, tag));
}

static void
undo_delete_tag_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  g_autoptr(GVariant) ids_variant = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *tag;
  gsize n_ids;
  const gint64 *values;

  g_variant_get (parameter, "(&s@ax)", &tag, &ids_variant);
  values = g_variant_get_fixed_array (ids_variant, &n_ids, sizeof (gint64));
  g_array_append_vals (ids, values, n_ids);

  mk_annotation_writer_restore_tag (self->annotation_writer, tag, ids, tags_written_cb,
                                    write_call_new (self, article_in_view (self), tag));
}

/* --- Views: Bookmarked, a tag ------------------------------------------------ */

/* The views are searches (is:bookmarked, tag:"…"), put in the search box:
 * the user sees what is shown and can narrow it with words. */
static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), g_variant_get_string (parameter, NULL));
}

static void
filter_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  g_autofree char *query = g_strdup_printf ("tag:\"%s\"", g_variant_get_string (parameter, NULL));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
}

/* --- Export ------------------------------------------------------------------ */

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(WriteCall) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_written = 0;

  if (!mk_exporter_export_file_finish (result, &n_written, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && window_alive (call->self))
        {
          message = g_strdup_printf (_("Could not export: %s"), error->message);
          _mk_window_toast (call->self, message);
        }
      return;
    }

  if (!window_alive (call->self))
    return;
  /* Translators: %u is a number of articles, %s a file name */
  message = g_strdup_printf (ngettext ("Exported %u article to “%s”",
                                       "Exported %u articles to “%s”", n_written),
                             n_written, call->text);
  _mk_window_toast (call->self, message);
}

/* win.export-to((uri, format, query)): what the Export dialog does once a
 * file is chosen; the query selects the articles ("" for all). */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  const char *uri, *format_name, *query;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  MkExportFormat format;

  g_variant_get (parameter, "(&s&s&s)", &uri, &format_name, &query);
  if (!mk_export_format_from_string (format_name, &format))
    {
      g_warning ("Unknown export format “%s”", format_name);
      return;
    }

  file = g_file_new_for_uri (uri);
  name = g_file_get_basename (file);
  mk_exporter_export_file_async (mk_store_get_path (self->store), format,
                                 query[0] != '\0' ? query : NULL, file,
                                 self->export_cancellable, exported_cb,
                                 write_call_new (self, 0, name));
}

static const char * const format_ids[] = { "markdown", "csv", "jsonl", NULL };

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       MkWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *query = NULL;
  const char *format, *selection;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  format = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
  selection = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "selection");
  if (file == NULL || format == NULL || selection == NULL)
    return;

  if (g_str_equal (selection, "result"))
    query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  else if (g_str_equal (selection, "bookmarked"))
    query = g_strdup ("is:bookmarked");
  else
    query = g_strdup_printf ("tag:\"%s\"", selection + strlen ("tag:"));

  uri = g_file_get_uri (file);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.export-to", "(sss)", uri, format, query);
}

/* Export…: the portal's file chooser, with the format and which articles
 * (the current result, the bookmarks or a tag) as its choices. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  const char *format_labels[] = { _("Markdown report"), _("CSV (spreadsheet)"), _("JSON Lines"), NULL };
  g_autoptr(GPtrArray) selection_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) selection_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tags = mk_store_list_tags (self->store, NULL);

  g_ptr_array_add (selection_ids, g_strdup ("result"));
  g_ptr_array_add (selection_labels, g_strdup (_("The articles listed")));
  g_ptr_array_add (selection_ids, g_strdup ("bookmarked"));
  g_ptr_array_add (selection_labels, g_strdup (_("The bookmarked articles")));
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      MkTagCount *tag = tags->pdata[i];

      g_ptr_array_add (selection_ids, g_strconcat ("tag:", tag->name, NULL));
      /* Translators: %s is a tag */
      g_ptr_array_add (selection_labels, g_strdup_printf (_("The articles tagged “%s”"), tag->name));
    }
  g_ptr_array_add (selection_ids, NULL);
  g_ptr_array_add (selection_labels, NULL);

  g_clear_object (&self->export_chooser);
  self->export_chooser = gtk_file_chooser_native_new (_("Export Articles"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), _("articles.md"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->export_chooser), "format", _("Format"),
                               (const char **) format_ids, format_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->export_chooser), "format", "markdown");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->export_chooser), "selection", _("Articles"),
                               (const char **) selection_ids->pdata,
                               (const char **) selection_labels->pdata);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->export_chooser), "selection", "result");
  g_signal_connect_object (self->export_chooser, "response", G_CALLBACK (on_export_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

/* --- Set-up ------------------------------------------------------------------ */

void
_mk_window_class_annotations_init (MkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.toggle-bookmark", NULL, toggle_bookmark_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-bookmark-article", "x",
                                   toggle_bookmark_article_action);
  gtk_widget_class_install_action (widget_class, "win.undo-unbookmark", "(xs)", undo_unbookmark_action);
  gtk_widget_class_install_action (widget_class, "win.filter", "s", filter_action);
  gtk_widget_class_install_action (widget_class, "win.filter-tag", "s", filter_tag_action);
  gtk_widget_class_install_action (widget_class, "win.rename-tag", "s", rename_tag_action);
  gtk_widget_class_install_action (widget_class, "win.delete-tag", "s", delete_tag_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-tag", "(sax)", undo_delete_tag_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-to", "(sss)", export_to_action);
}

void
_mk_window_annotations_init (MkWindow *self)
{
  MkNoteEditor *editor = mk_article_view_get_note_editor (self->article_view);
  MkTagChips *chips = mk_article_view_get_tag_chips (self->article_view);

  self->annotation_writer = mk_annotation_writer_new (mk_store_get_path (self->store));
  self->unsaved_notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->export_cancellable = g_cancellable_new ();

  g_signal_connect_object (editor, "save", G_CALLBACK (on_note_save_cb), self, 0);
  g_signal_connect_object (chips, "add-tag", G_CALLBACK (on_add_tag_cb), self, 0);
  g_signal_connect_object (chips, "remove-tag", G_CALLBACK (on_remove_tag_cb), self, 0);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-bookmark", FALSE);
  refresh_tags (self);
}

void
_mk_window_annotations_finalize (MkWindow *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->export_chooser);
  g_clear_object (&self->annotation_writer);
  g_clear_pointer (&self->unsaved_notes, g_hash_table_unref);
}
