/* mk-importer.c — bringing files and folders into the archive
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-entity-index.h"
#include "mk-importer.h"
#include "mk-text-parser.h"

/* Each file is imported in a transaction of its own: a bad file, a full
 * disk or a cancel leaves the archive as it was before that file, and the
 * files already done stay done. Importing the same file again finds its
 * articles by guid (the file's URI) and changes nothing. The entities of
 * an article are found as it is stored, in the same transaction, so an
 * article is never in the archive without them. */

struct _MkImporter
{
  GObject parent_instance;

  MkStore *store;
  MkEntityExtractor *extractor;
  guint n_added;
  guint n_updated;
  guint n_unchanged;
  guint n_failed;
  GPtrArray *errors;  /* of GError*, each naming its file */
};

G_DEFINE_FINAL_TYPE (MkImporter, mk_importer, G_TYPE_OBJECT)

/* All files imported by hand share one source; the guid tells them apart. */
#define FILES_SOURCE_KIND "files"
#define FILES_SOURCE_LOCATION "local"

static void
mk_importer_finalize (GObject *object)
{
  MkImporter *self = (MkImporter *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->extractor);
  g_clear_pointer (&self->errors, g_ptr_array_unref);

  G_OBJECT_CLASS (mk_importer_parent_class)->finalize (object);
}

static void
mk_importer_class_init (MkImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_importer_finalize;
}

static void
mk_importer_init (MkImporter *self)
{
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

MkImporter *
mk_importer_new (MkStore *store)
{
  MkImporter *self;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);

  self = g_object_new (MK_TYPE_IMPORTER, NULL);
  self->store = g_object_ref (store);
  self->extractor = mk_entity_extractor_new ();
  return self;
}

/* A teaser's guid: the file it came from and its title, so the same teaser
 * is found again on re-import, whatever its position in the block. */
static char *
excerpt_guid (const char *uri,
              MkArticle  *excerpt)
{
  g_autofree char *hash = mk_article_dup_content_hash (excerpt);

  return g_strdup_printf ("%s#related-%.16s", uri, hash);
}

static gboolean
store_articles (MkImporter  *self,
                GPtrArray   *articles,
                const char  *uri,
                guint        counts[3],
                GError     **error)
{
  gint64 source_id;
  gint64 article_id = 0;

  source_id = mk_store_ensure_source (self->store, FILES_SOURCE_KIND,
                                      FILES_SOURCE_LOCATION, NULL, error);
  if (source_id == 0)
    return FALSE;

  for (guint i = 0; i < articles->len; i++)
    {
      MkArticle *article = g_ptr_array_index (articles, i);
      MkStoreChange change;

      if (mk_article_get_excerpt (article))
        {
          g_autofree char *guid = excerpt_guid (uri, article);

          mk_article_set_guid (article, guid);
          mk_article_set_related_to (article, article_id);
        }
      else
        mk_article_set_guid (article, uri);

      if (!mk_store_add_article (self->store, source_id, article, &change, error))
        return FALSE;
      if (change != MK_STORE_UNCHANGED &&
          !mk_entity_index_article (self->extractor, self->store, article, error))
        return FALSE;
      if (!mk_article_get_excerpt (article))
        article_id = mk_article_get_id (article);
      counts[change]++;
    }

  return TRUE;
}

static gboolean
import_data (MkImporter    *self,
             const char    *data,
             gsize          length,
             const char    *uri,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  guint counts[3] = { 0 };

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  articles = mk_text_parser_parse (data, length, error);
  if (articles == NULL)
    return FALSE;

  if (!mk_store_begin (self->store, error))
    return FALSE;

  if (!store_articles (self, articles, uri, counts, error) ||
      !mk_store_commit (self->store, error))
    {
      mk_store_rollback (self->store);
      return FALSE;
    }

  /* Counted only once committed, so the report never claims more than
   * the archive holds. */
  self->n_added += counts[MK_STORE_ADDED];
  self->n_updated += counts[MK_STORE_UPDATED];
  self->n_unchanged += counts[MK_STORE_UNCHANGED];

  return TRUE;
}

static void
record_failure (MkImporter   *self,
                const char   *name,
                const GError *error,
                GError      **out_error)
{
  GError *named = g_error_new (error->domain, error->code, "%s: %s", name, error->message);

  self->n_failed++;
  g_ptr_array_add (self->errors, g_error_copy (named));
  g_propagate_error (out_error, named);
}

static gboolean
is_cancelled_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Trouble with the archive itself (a full disk, a read-only or locked or
 * damaged file) is not the file's fault and would fail every file after
 * it: the import stops, with that one error, instead of reporting each
 * file. What was committed before stays. */
static gboolean
stops_import (const GError *error)
{
  return is_cancelled_error (error) ||
         g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_BUSY) ||
         g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_FULL) ||
         g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_READ_ONLY) ||
         g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_CORRUPT) ||
         g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_AN_ARCHIVE);
}

/**
 * mk_importer_import_bytes:
 * @bytes: the contents of a plain-text article
 * @uri: where they came from; identifies the article on re-import
 *
 * Imports one article (and its related excerpts) in one transaction. A
 * failure is recorded in mk_importer_get_errors() too.
 */
gboolean
mk_importer_import_bytes (MkImporter    *self,
                          GBytes        *bytes,
                          const char    *uri,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (MK_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  if (import_data (self, data ? data : "", length, uri, cancellable, &local_error))
    return TRUE;

  if (stops_import (local_error))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    record_failure (self, uri, local_error, error);
  return FALSE;
}

static GBytes *
load_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  /* Checked before reading, so a 50 GB file costs nothing. */
  if (g_file_info_get_size (info) > MK_TEXT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (MK_TEXT_MAX_SIZE);

      g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_TOO_LARGE,
                   _("too large for an article (%s; at most %s)"), size, limit);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

/**
 * mk_importer_import_file:
 *
 * Imports one plain-text file. A failure is returned in @error, naming the
 * file, and recorded in mk_importer_get_errors().
 */
gboolean
mk_importer_import_file (MkImporter    *self,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (MK_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  uri = g_file_get_uri (file);
  name = g_file_get_parse_name (file);

  bytes = load_file (file, cancellable, &local_error);
  if (bytes != NULL)
    {
      gsize length = 0;
      const char *data = g_bytes_get_data (bytes, &length);

      if (import_data (self, data ? data : "", length, uri, cancellable, &local_error))
        return TRUE;
    }

  if (stops_import (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* GIO's own messages already name the file; ours do not. */
  if (local_error->domain == G_IO_ERROR)
    {
      self->n_failed++;
      g_ptr_array_add (self->errors, g_error_copy (local_error));
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else
    record_failure (self, name, local_error, error);

  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (g_file_info_get_name (*(GFileInfo **) a),
                         g_file_info_get_name (*(GFileInfo **) b));
}

static gboolean import_path (MkImporter    *self,
                             GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error);

/* Folders are walked in name order, so imports are reproducible; hidden
 * files (".git", editor backups) are not articles. */
static gboolean
import_folder (MkImporter    *self,
               GFile         *folder,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  while (enumerator &&
         (info = g_file_enumerator_next_file (enumerator, cancellable, &local_error)))
    {
      if (g_file_info_get_is_hidden (info) || g_file_info_get_name (info)[0] == '.')
        g_object_unref (info);
      else
        g_ptr_array_add (children, info);
    }

  if (local_error != NULL)
    {
      if (!is_cancelled_error (local_error))
        {
          self->n_failed++;
          g_ptr_array_add (self->errors, g_error_copy (local_error));
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_ptr_array_sort (children, compare_names);
  for (guint i = 0; i < children->len; i++)
    {
      GFileInfo *child_info = g_ptr_array_index (children, i);
      g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (child_info));

      if (!import_path (self, child, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* Returns FALSE only when cancelled or when the archive fails (see
 * stops_import()): a file's own failures are recorded and the import goes
 * on with the next file. */
static gboolean
import_path (MkImporter    *self,
             GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GFileType type;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);
  if (type == G_FILE_TYPE_DIRECTORY)
    return import_folder (self, file, cancellable, error);

  if (mk_importer_import_file (self, file, cancellable, &local_error))
    return TRUE;

  if (stops_import (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * mk_importer_import_paths:
 * @paths: file names, folder names or URIs (resource:// included)
 *
 * Imports every file named, and every file in the folders named. A file
 * that cannot be imported is recorded (see mk_importer_get_errors()) and
 * the others go on.
 *
 * Returns: %FALSE only when cancelled, or when the archive itself failed
 *   (full disk, read-only, locked, damaged: see stops_import()); the files
 *   imported before that stay imported
 */
gboolean
mk_importer_import_paths (MkImporter         *self,
                          const char * const *paths,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_return_val_if_fail (MK_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

      if (!import_path (self, file, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

static void
import_paths_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  char **strv = task_data;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkImporter) importer = NULL;
  GError *error = NULL;

  /* The archive path is the first element, the paths follow. */
  store = mk_store_open (strv[0], &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  importer = mk_importer_new (store);
  if (!mk_importer_import_paths (importer, (const char * const *) strv + 1, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&importer), g_object_unref);
}

/**
 * mk_importer_import_paths_async:
 * @archive_path: the archive to import into; a connection of its own is
 *   opened in a worker thread, so the caller's thread never waits
 *
 * Runs mk_importer_import_paths() in a thread.
 */
void
mk_importer_import_paths_async (const char          *archive_path,
                                const char * const  *paths,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GStrvBuilder *builder;

  g_return_if_fail (archive_path != NULL);
  g_return_if_fail (paths != NULL);

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, archive_path);
  g_strv_builder_addv (builder, (const char **) paths);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_importer_import_paths_async);
  g_task_set_task_data (task, g_strv_builder_end (builder), (GDestroyNotify) g_strfreev);
  g_strv_builder_unref (builder);
  g_task_run_in_thread (task, import_paths_thread);
}

/**
 * mk_importer_import_paths_finish:
 *
 * Returns: (transfer full): the importer, for its counts and errors
 */
MkImporter *
mk_importer_import_paths_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
mk_importer_get_n_added (MkImporter *self)
{
  g_return_val_if_fail (MK_IS_IMPORTER (self), 0);
  return self->n_added;
}

guint
mk_importer_get_n_updated (MkImporter *self)
{
  g_return_val_if_fail (MK_IS_IMPORTER (self), 0);
  return self->n_updated;
}

guint
mk_importer_get_n_unchanged (MkImporter *self)
{
  g_return_val_if_fail (MK_IS_IMPORTER (self), 0);
  return self->n_unchanged;
}

guint
mk_importer_get_n_failed (MkImporter *self)
{
  g_return_val_if_fail (MK_IS_IMPORTER (self), 0);
  return self->n_failed;
}

/**
 * mk_importer_get_errors:
 *
 * Returns: (transfer none) (element-type GError): one error per file that
 *   could not be imported, each naming the file
 */
GPtrArray *
mk_importer_get_errors (MkImporter *self)
{
  g_return_val_if_fail (MK_IS_IMPORTER (self), NULL);
  return self->errors;
}
