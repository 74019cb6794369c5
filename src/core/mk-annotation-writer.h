/* mk-annotation-writer.h — the user's bookmarks, notes and tags, written in order off the main thread
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MK_TYPE_ANNOTATION_WRITER (mk_annotation_writer_get_type ())

G_DECLARE_FINAL_TYPE (MkAnnotationWriter, mk_annotation_writer, MK, ANNOTATION_WRITER, GObject)

MkAnnotationWriter *mk_annotation_writer_new (const char *archive_path);

void     mk_annotation_writer_set_bookmarked (MkAnnotationWriter  *self,
                                              gint64               article_id,
                                              gboolean             bookmarked,
                                              const char          *created,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void     mk_annotation_writer_set_note       (MkAnnotationWriter  *self,
                                              gint64               article_id,
                                              const char          *text,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void     mk_annotation_writer_add_tag        (MkAnnotationWriter  *self,
                                              gint64               article_id,
                                              const char          *tag,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void     mk_annotation_writer_remove_tag     (MkAnnotationWriter  *self,
                                              gint64               article_id,
                                              const char          *tag,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void     mk_annotation_writer_rename_tag     (MkAnnotationWriter  *self,
                                              const char          *old_name,
                                              const char          *new_name,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void     mk_annotation_writer_delete_tag     (MkAnnotationWriter  *self,
                                              const char          *tag,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void     mk_annotation_writer_restore_tag    (MkAnnotationWriter  *self,
                                              const char          *tag,
                                              GArray              *article_ids,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean mk_annotation_writer_finish         (MkAnnotationWriter  *self,
                                              GAsyncResult        *result,
                                              GError             **error);
GArray  *mk_annotation_writer_delete_tag_finish (MkAnnotationWriter *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void     mk_annotation_writer_wait           (MkAnnotationWriter  *self);

G_END_DECLS
