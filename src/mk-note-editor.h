/* mk-note-editor.h — the user's note on the article in view, saved as they type
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MK_TYPE_NOTE_EDITOR (mk_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (MkNoteEditor, mk_note_editor, MK, NOTE_EDITOR, AdwBin)

MkNoteEditor *mk_note_editor_new        (void);
void          mk_note_editor_set_note   (MkNoteEditor *self,
                                         gint64        article_id,
                                         const char   *text);
gint64        mk_note_editor_get_article_id (MkNoteEditor *self);
char         *mk_note_editor_dup_text   (MkNoteEditor *self);
gboolean      mk_note_editor_flush      (MkNoteEditor *self);

G_END_DECLS
