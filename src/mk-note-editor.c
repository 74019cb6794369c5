/* mk-note-editor.c — the user's note on the article in view, saved as they type
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-note-editor.h"

/* No save button: the note is handed over for saving ("save" signal) half
 * a second after the last keystroke, when the editor loses the focus,
 * before another article's note replaces it, and when the window asks
 * (mk_note_editor_flush(), on close). Only a note that changed since the
 * last save is handed over. */

#define SAVE_DELAY_MS 500

struct _MkNoteEditor
{
  AdwBin         parent_instance;

  /* Template children */
  GtkTextView   *text_view;
  GtkTextBuffer *buffer;

  gint64         article_id;   /* 0: no article */
  guint          save_timeout_id;
  gboolean       loading;      /* set_note() filling the buffer */
  gboolean       dirty;
};

G_DEFINE_FINAL_TYPE (MkNoteEditor, mk_note_editor, ADW_TYPE_BIN)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

MkNoteEditor *
mk_note_editor_new (void)
{
  return g_object_new (MK_TYPE_NOTE_EDITOR, NULL);
}

char *
mk_note_editor_dup_text (MkNoteEditor *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (MK_IS_NOTE_EDITOR (self), NULL);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
}

gint64
mk_note_editor_get_article_id (MkNoteEditor *self)
{
  g_return_val_if_fail (MK_IS_NOTE_EDITOR (self), 0);

  return self->article_id;
}

/**
 * mk_note_editor_flush:
 *
 * Hands a changed note over for saving now.
 *
 * Returns: whether there was one
 */
gboolean
mk_note_editor_flush (MkNoteEditor *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (MK_IS_NOTE_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  if (!self->dirty || self->article_id == 0)
    return FALSE;

  self->dirty = FALSE;
  text = mk_note_editor_dup_text (self);
  g_signal_emit (self, signals[SAVE], 0, self->article_id, text);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  MkNoteEditor *self = user_data;

  self->save_timeout_id = 0;
  mk_note_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      MkNoteEditor  *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->save_timeout_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   MkNoteEditor            *self)
{
  mk_note_editor_flush (self);
}

/**
 * mk_note_editor_set_note:
 * @article_id: the article the note is on, 0 for none
 * @text: (nullable): its note
 *
 * Shows another article's note; a change to the one shown before is saved
 * first.
 */
void
mk_note_editor_set_note (MkNoteEditor *self,
                         gint64        article_id,
                         const char   *text)
{
  g_return_if_fail (MK_IS_NOTE_EDITOR (self));

  mk_note_editor_flush (self);

  self->article_id = article_id;
  self->loading = TRUE;
  gtk_text_buffer_set_text (self->buffer, text ? text : "", -1);
  self->loading = FALSE;
  self->dirty = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), article_id != 0);
}

static void
mk_note_editor_dispose (GObject *object)
{
  MkNoteEditor *self = MK_NOTE_EDITOR (object);

  /* The window flushes before it goes (close-request); by now whoever
   * would save is being torn down too. */
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);

  G_OBJECT_CLASS (mk_note_editor_parent_class)->dispose (object);
}

static void
mk_note_editor_class_init (MkNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_note_editor_dispose;

  /**
   * MkNoteEditor::save:
   * @article_id: the article the note is on
   * @text: the note; "" when it was emptied
   *
   * The note changed and should be saved.
   */
  signals[SAVE] =
    g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/mk-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MkNoteEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, MkNoteEditor, buffer);
  gtk_widget_class_bind_template_callback (widget_class, on_buffer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);

  gtk_widget_class_set_css_name (widget_class, "noteeditor");
}

static void
mk_note_editor_init (MkNoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
