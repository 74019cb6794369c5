/* mk-annotation-writer.c — the user's bookmarks, notes and tags, written in order off the main thread
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-annotation-writer.h"
#include "mk-store.h"

/* A window writes annotations as the user works: a note on every pause in
 * typing, a star per click. Each write is small, but a write can wait on
 * the archive's lock while an import commits, so none runs on the main
 * thread. They run one at a time, in the order asked, on one worker
 * thread with its own connection: two saves of a note can never land in
 * the wrong order. Results come back on the caller's main context (GTask).
 * mk_annotation_writer_wait() blocks until everything asked is written,
 * for a window that closes: nothing typed is lost on quit. */

struct _MkAnnotationWriter
{
  GObject parent_instance;

  char *archive_path;
  GThreadPool *pool;     /* one thread: the writes in order */
  MkStore *store;        /* used by the pool's thread only */
  GMutex lock;
  GCond idle;
  guint pending;
};

G_DEFINE_FINAL_TYPE (MkAnnotationWriter, mk_annotation_writer, G_TYPE_OBJECT)

typedef enum {
  OP_BOOKMARK,
  OP_NOTE,
  OP_ADD_TAG,
  OP_REMOVE_TAG,
  OP_RENAME_TAG,
  OP_DELETE_TAG,
  OP_RESTORE_TAG,
} OpKind;

typedef struct {
  OpKind kind;
  gint64 article_id;
  gboolean flag;
  char *text;            /* note, tag, created, old name */
  char *other;           /* new name */
  GArray *ids;           /* restore */
} Op;

static void
op_free (Op *op)
{
  g_free (op->text);
  g_free (op->other);
  g_clear_pointer (&op->ids, g_array_unref);
  g_free (op);
}

static gboolean
restore_tag (MkStore  *store,
             Op       *op,
             GError  **error)
{
  if (!mk_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < op->ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      /* An article gone since has nothing to get back. */
      if (!mk_store_add_tag (store, g_array_index (op->ids, gint64, i), op->text, &local_error) &&
          !g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND))
        {
          mk_store_rollback (store);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return mk_store_commit (store, error);
}

static void
run_op (MkAnnotationWriter *self,
        GTask              *task,
        Op                 *op)
{
  GError *error = NULL;
  GArray *ids = NULL;
  gboolean ok;

  if (self->store == NULL)
    self->store = mk_store_open (self->archive_path, &error);
  if (self->store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (op->kind)
    {
    case OP_BOOKMARK:
      ok = mk_store_set_bookmarked (self->store, op->article_id, op->flag, op->text, &error);
      break;
    case OP_NOTE:
      ok = mk_store_set_note (self->store, op->article_id, op->text, &error);
      break;
    case OP_ADD_TAG:
      ok = mk_store_add_tag (self->store, op->article_id, op->text, &error);
      break;
    case OP_REMOVE_TAG:
      ok = mk_store_remove_tag (self->store, op->article_id, op->text, &error);
      break;
    case OP_RENAME_TAG:
      ok = mk_store_rename_tag (self->store, op->text, op->other, &error);
      break;
    case OP_DELETE_TAG:
      ids = mk_store_delete_tag (self->store, op->text, &error);
      ok = ids != NULL;
      break;
    case OP_RESTORE_TAG:
    default:
      ok = restore_tag (self->store, op, &error);
      break;
    }

  if (!ok)
    g_task_return_error (task, error);
  else if (ids != NULL)
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
  else
    g_task_return_boolean (task, TRUE);
}

static void
worker (gpointer data,
        gpointer user_data)
{
  g_autoptr(GTask) task = data;
  MkAnnotationWriter *self = user_data;

  run_op (self, task, g_task_get_task_data (task));

  g_mutex_lock (&self->lock);
  if (--self->pending == 0)
    g_cond_broadcast (&self->idle);
  g_mutex_unlock (&self->lock);
}

static void
mk_annotation_writer_finalize (GObject *object)
{
  MkAnnotationWriter *self = (MkAnnotationWriter *)object;

  /* Tasks hold a reference to the writer, so none is queued here. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_object (&self->store);
  g_free (self->archive_path);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->idle);

  G_OBJECT_CLASS (mk_annotation_writer_parent_class)->finalize (object);
}

static void
mk_annotation_writer_class_init (MkAnnotationWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_annotation_writer_finalize;
}

static void
mk_annotation_writer_init (MkAnnotationWriter *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->idle);
  self->pool = g_thread_pool_new (worker, self, 1, FALSE, NULL);
}

/**
 * mk_annotation_writer_new:
 * @archive_path: the archive; the writer opens its own connection
 */
MkAnnotationWriter *
mk_annotation_writer_new (const char *archive_path)
{
  MkAnnotationWriter *self;

  g_return_val_if_fail (archive_path != NULL, NULL);

  self = g_object_new (MK_TYPE_ANNOTATION_WRITER, NULL);
  self->archive_path = g_strdup (archive_path);
  return self;
}

static void
push (MkAnnotationWriter  *self,
      Op                  *op,
      gpointer             source_tag,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  GTask *task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);

  g_mutex_lock (&self->lock);
  self->pending++;
  g_mutex_unlock (&self->lock);

  g_thread_pool_push (self->pool, task, NULL);
}

static Op *
op_new (OpKind      kind,
        gint64      article_id,
        const char *text)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->article_id = article_id;
  op->text = g_strdup (text);
  return op;
}

/**
 * mk_annotation_writer_set_bookmarked:
 * @created: (nullable): the date of a bookmark being restored (Undo)
 */
void
mk_annotation_writer_set_bookmarked (MkAnnotationWriter  *self,
                                     gint64               article_id,
                                     gboolean             bookmarked,
                                     const char          *created,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Op *op = op_new (OP_BOOKMARK, article_id, created);

  g_return_if_fail (MK_IS_ANNOTATION_WRITER (self));

  op->flag = bookmarked;
  push (self, op, mk_annotation_writer_set_bookmarked, callback, user_data);
}

void
mk_annotation_writer_set_note (MkAnnotationWriter  *self,
                               gint64               article_id,
                               const char          *text,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (MK_IS_ANNOTATION_WRITER (self));

  push (self, op_new (OP_NOTE, article_id, text), mk_annotation_writer_set_note, callback, user_data);
}

void
mk_annotation_writer_add_tag (MkAnnotationWriter  *self,
                              gint64               article_id,
                              const char          *tag,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (MK_IS_ANNOTATION_WRITER (self));

  push (self, op_new (OP_ADD_TAG, article_id, tag), mk_annotation_writer_add_tag, callback, user_data);
}

void
mk_annotation_writer_remove_tag (MkAnnotationWriter  *self,
                                 gint64               article_id,
                                 const char          *tag,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (MK_IS_ANNOTATION_WRITER (self));

  push (self, op_new (OP_REMOVE_TAG, article_id, tag), mk_annotation_writer_remove_tag,
        callback, user_data);
}

void
mk_annotation_writer_rename_tag (MkAnnotationWriter  *self,
                                 const char          *old_name,
                                 const char          *new_name,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Op *op = op_new (OP_RENAME_TAG, 0, old_name);

  g_return_if_fail (MK_IS_ANNOTATION_WRITER (self));

  op->other = g_strdup (new_name);
  push (self, op, mk_annotation_writer_rename_tag, callback, user_data);
}

/**
 * mk_annotation_writer_delete_tag:
 *
 * Finish with mk_annotation_writer_delete_tag_finish(), which gives the
 * articles that had the tag, for mk_annotation_writer_restore_tag().
 */
void
mk_annotation_writer_delete_tag (MkAnnotationWriter  *self,
                                 const char          *tag,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (MK_IS_ANNOTATION_WRITER (self));

  push (self, op_new (OP_DELETE_TAG, 0, tag), mk_annotation_writer_delete_tag, callback, user_data);
}

/**
 * mk_annotation_writer_restore_tag:
 * @article_ids: (element-type gint64): the articles to tag again
 *
 * Undoes a deletion: the tag is made again, on the articles it was on.
 */
void
mk_annotation_writer_restore_tag (MkAnnotationWriter  *self,
                                  const char          *tag,
                                  GArray              *article_ids,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Op *op = op_new (OP_RESTORE_TAG, 0, tag);

  g_return_if_fail (MK_IS_ANNOTATION_WRITER (self));

  op->ids = g_array_ref (article_ids);
  push (self, op, mk_annotation_writer_restore_tag, callback, user_data);
}

gboolean
mk_annotation_writer_finish (MkAnnotationWriter  *self,
                             GAsyncResult        *result,
                             GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mk_annotation_writer_delete_tag_finish:
 *
 * Returns: (transfer full) (element-type gint64): the articles that had
 *   the tag, or %NULL with @error set
 */
GArray *
mk_annotation_writer_delete_tag_finish (MkAnnotationWriter  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mk_annotation_writer_wait:
 *
 * Blocks until every write asked so far is in the archive (their
 * callbacks run later, from the main context). For a window that closes.
 */
void
mk_annotation_writer_wait (MkAnnotationWriter *self)
{
  g_return_if_fail (MK_IS_ANNOTATION_WRITER (self));

  g_mutex_lock (&self->lock);
  while (self->pending > 0)
    g_cond_wait (&self->idle, &self->lock);
  g_mutex_unlock (&self->lock);
}
