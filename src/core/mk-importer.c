/* mk-importer.c — bringing files and folders into the archive
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-entity-index.h"
#include "mk-feed.h"
#include "mk-importer.h"
#include "mk-opml.h"
#include "mk-text-parser.h"
#include "mk-xml.h"

/* Each file is imported in a transaction of its own: a bad file, a full
 * disk or a cancel leaves the archive as it was before that file, and the
 * files already done stay done. Importing the same file again finds its
 * articles by guid (the file's URI) and changes nothing. A file may also
 * be a feed (RSS, Atom, JSON Feed: its items are articles, each known by
 * the file's URI and the item's guid) or an OPML subscription list (its
 * feeds are registered, not fetched). The entities of
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
  guint n_feeds_added;
  GPtrArray *errors;  /* of GError*, each naming its file */

  MkImportProgressFunc progress_func;
  gpointer progress_data;
  guint n_files_done;
  guint n_files_total;
  gint64 first_article_id;
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
                gint64      *out_article_id,
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

  *out_article_id = article_id;
  return TRUE;
}

/* Articles whose guids are set already, into the files source. */
static gboolean
store_feed_file_articles (MkImporter  *self,
                          GPtrArray   *articles,
                          guint        counts[3],
                          GError     **error)
{
  gint64 source_id = mk_store_ensure_source (self->store, FILES_SOURCE_KIND,
                                             FILES_SOURCE_LOCATION, NULL, error);

  if (source_id == 0)
    return FALSE;

  for (guint i = 0; i < articles->len; i++)
    {
      MkArticle *article = g_ptr_array_index (articles, i);
      MkStoreChange change;

      if (!mk_store_add_article (self->store, source_id, article, &change, error))
        return FALSE;
      if (change != MK_STORE_UNCHANGED &&
          !mk_entity_index_article (self->extractor, self->store, article, error))
        return FALSE;
      counts[change]++;
    }

  return TRUE;
}

static gboolean
store_feed_articles (MkImporter    *self,
                     GPtrArray     *articles,
                     MkFeedSource  *feed,
                     guint          counts[3],
                     GError       **error)
{
  gint64 source_id = mk_feed_source_get_id (feed);

  for (guint i = 0; i < articles->len; i++)
    {
      MkArticle *article = g_ptr_array_index (articles, i);
      MkStoreChange change;

      if (!mk_store_match_feed_article (self->store, source_id, article, error) ||
          !mk_store_add_article (self->store, source_id, article, &change, error))
        return FALSE;
      if (change != MK_STORE_UNCHANGED &&
          !mk_entity_index_article (self->extractor, self->store, article, error))
        return FALSE;
      counts[change]++;
    }

  return TRUE;
}

/* Stores @articles in one transaction, counted once committed, so that
 * the report never claims more than the archive holds. @feed, when given,
 * is the feed they were fetched from: its articles are matched by guid or
 * link within it, and what the fetch learnt is saved with them. */
static gboolean
store_in_transaction (MkImporter    *self,
                      GPtrArray     *articles,
                      const char    *uri,
                      MkFeedSource  *feed,
                      GCancellable  *cancellable,
                      GError       **error)
{
  guint counts[3] = { 0 };
  gint64 article_id = 0;
  gboolean ok;

  if (!mk_store_begin (self->store, error))
    return FALSE;

  if (feed != NULL)
    ok = store_feed_articles (self, articles, feed, counts, error) &&
         mk_store_save_feed_fetch (self->store, feed, error);
  else if (uri != NULL)
    ok = store_articles (self, articles, uri, counts, &article_id, error);
  else
    ok = store_feed_file_articles (self, articles, counts, error);

  /* The last look before the commit: a cancel leaves the archive as it was. */
  if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !mk_store_commit (self->store, error))
    {
      mk_store_rollback (self->store);
      return FALSE;
    }

  self->n_added += counts[MK_STORE_ADDED];
  self->n_updated += counts[MK_STORE_UPDATED];
  self->n_unchanged += counts[MK_STORE_UNCHANGED];
  if (self->first_article_id == 0)
    self->first_article_id = article_id;

  return TRUE;
}

/* A feed saved as a file: its items become articles of the files source,
 * each known by the file's URI and its own guid, so a second import of
 * the same file changes nothing. */
static gboolean
import_feed_file (MkImporter    *self,
                  const char    *data,
                  gsize          length,
                  const char    *uri,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(MkFeed) feed = mk_feed_parse (data, length, NULL, error);
  GPtrArray *articles;

  if (feed == NULL)
    return FALSE;

  articles = mk_feed_get_articles (feed);
  for (guint i = 0; i < articles->len; i++)
    {
      MkArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *guid = g_strconcat (uri, "#", mk_article_get_guid (article), NULL);

      mk_article_set_guid (article, guid);
    }

  return store_in_transaction (self, articles, NULL, NULL, cancellable, error);
}

/* A subscription list: its feeds are registered, to be fetched later. */
static gboolean
import_opml (MkImporter    *self,
             const char    *data,
             gsize          length,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) feeds = mk_opml_parse (data, length, error);
  guint n_added = 0;

  if (feeds == NULL || !mk_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; i < feeds->len; i++)
    {
      MkOpmlFeed *entry = g_ptr_array_index (feeds, i);
      g_autoptr(MkFeedSource) source = NULL;
      gboolean created = FALSE;

      source = mk_store_add_feed (self->store, entry->url, entry->title, &created, error);
      if (source == NULL)
        {
          mk_store_rollback (self->store);
          return FALSE;
        }
      n_added += created;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !mk_store_commit (self->store, error))
    {
      mk_store_rollback (self->store);
      return FALSE;
    }

  self->n_feeds_added += n_added;
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

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  switch (mk_feed_sniff (data, length))
    {
    case MK_FEED_FORMAT_RSS:
    case MK_FEED_FORMAT_RDF:
    case MK_FEED_FORMAT_ATOM:
    case MK_FEED_FORMAT_JSON:
    /* Markup that is no feed gets the feed parser's clear refusal rather
     * than being kept as an article full of tags. */
    case MK_FEED_FORMAT_HTML:
    case MK_FEED_FORMAT_OTHER_XML:
      return import_feed_file (self, data, length, uri, cancellable, error);
    case MK_FEED_FORMAT_OPML:
      return import_opml (self, data, length, cancellable, error);
    case MK_FEED_FORMAT_UNKNOWN:
    default:
      break;
    }

  articles = mk_text_parser_parse (data, length, error);
  if (articles == NULL)
    return FALSE;

  return store_in_transaction (self, articles, uri, NULL, cancellable, error);
}

/**
 * mk_importer_import_feed:
 * @feed: the feed registered in the archive, with what this fetch learnt
 *   (validators, status, next fetch) already set on it
 * @parsed: (nullable): what the fetch brought, or %NULL when nothing new
 *   came (a failed fetch, a 304)
 *
 * Stores the articles of a fetched feed and @feed's fetch record in one
 * transaction. An article already in the feed (same guid, or same link) is
 * updated only when its text changed; never added twice.
 */
gboolean
mk_importer_import_feed (MkImporter    *self,
                         MkFeedSource  *feed,
                         MkFeed        *parsed,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_return_val_if_fail (MK_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (MK_IS_FEED_SOURCE (feed), FALSE);

  return store_in_transaction (self, parsed ? mk_feed_get_articles (parsed) : none,
                               NULL, feed, cancellable, error);
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

  /* Checked before reading, so a 50 GB file costs nothing. Feeds may be
   * larger than articles; the text parser refuses a large text itself. */
  if (g_file_info_get_size (info) > MAX (MK_TEXT_MAX_SIZE, MK_XML_MAX_SIZE))
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (MAX (MK_TEXT_MAX_SIZE, MK_XML_MAX_SIZE));

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

static void
report_progress (MkImporter *self,
                 GFile      *file)
{
  g_autofree char *name = NULL;

  self->n_files_done++;
  if (self->progress_func == NULL)
    return;

  name = g_file_get_basename (file);
  self->progress_func (self->n_files_done, MAX (self->n_files_done, self->n_files_total),
                       name, self->progress_data);
}

/* The files an import will go through, so that progress can be shown as
 * a fraction. Walking the folders twice costs little next to importing. */
static guint
count_files (GFile        *file,
             GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;
  guint n_files = 0;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    return 1;

  enumerator = g_file_enumerate_children (file,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                          G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  while (enumerator && (info = g_file_enumerator_next_file (enumerator, cancellable, NULL)))
    {
      if (!g_file_info_get_is_hidden (info) && g_file_info_get_name (info)[0] != '.')
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          n_files += count_files (child, cancellable);
        }
      g_object_unref (info);
    }

  return n_files;
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

  if (!mk_importer_import_file (self, file, cancellable, &local_error) &&
      stops_import (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  report_progress (self, file);
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

  if (self->progress_func != NULL)
    for (guint i = 0; paths[i] != NULL; i++)
      {
        g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

        self->n_files_total += count_files (file, cancellable);
      }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

      if (!import_path (self, file, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * mk_importer_set_progress_func:
 * @func: (nullable): called after each file, in the importing thread
 *
 * Asks to be told how far mk_importer_import_paths() has come.
 */
void
mk_importer_set_progress_func (MkImporter           *self,
                               MkImportProgressFunc  func,
                               gpointer              user_data)
{
  g_return_if_fail (MK_IS_IMPORTER (self));

  self->progress_func = func;
  self->progress_data = user_data;
}

typedef struct
{
  char **strv;  /* the archive path, then the paths to import */
  MkImportProgressFunc progress_func;
  gpointer progress_data;
  GDestroyNotify progress_data_free;
  GMainContext *context;  /* the caller's */
  gint64 last_report_time;
} ImportPathsData;

static gboolean
do_nothing (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

/* The last reference to the task may go in the worker thread; the
 * caller's data (a window, say) is freed in the caller's own thread. */
static void
import_paths_data_free (ImportPathsData *data)
{
  g_strfreev (data->strv);
  if (data->progress_data_free != NULL)
    g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, do_nothing,
                                data->progress_data, data->progress_data_free);
  g_main_context_unref (data->context);
  g_free (data);
}

typedef struct
{
  GTask *task;  /* keeps the caller's progress data alive */
  guint n_done;
  guint n_total;
  char *name;
} ProgressReport;

static void
progress_report_free (ProgressReport *report)
{
  g_object_unref (report->task);
  g_free (report->name);
  g_free (report);
}

static gboolean
dispatch_progress_report (gpointer user_data)
{
  ProgressReport *report = user_data;
  ImportPathsData *data = g_task_get_task_data (report->task);

  data->progress_func (report->n_done, report->n_total, report->name, data->progress_data);
  return G_SOURCE_REMOVE;
}

/* Runs in the worker: passes the news to the caller's main context, at most
 * ten times a second (thousands of files a second would flood it) and
 * always for the last file. Reports are queued before the task returns, so
 * the caller sees them before the result. */
static void
post_progress_report (guint       n_done,
                      guint       n_total,
                      const char *name,
                      gpointer    user_data)
{
  GTask *task = user_data;
  ImportPathsData *data = g_task_get_task_data (task);
  gint64 now = g_get_monotonic_time ();
  ProgressReport *report;

  if (n_done < n_total && now - data->last_report_time < G_USEC_PER_SEC / 10)
    return;
  data->last_report_time = now;

  report = g_new0 (ProgressReport, 1);
  report->task = g_object_ref (task);
  report->n_done = n_done;
  report->n_total = n_total;
  report->name = g_strdup (name);
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              dispatch_progress_report, report,
                              (GDestroyNotify) progress_report_free);
}

static void
import_paths_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ImportPathsData *data = task_data;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkImporter) importer = NULL;
  GError *error = NULL;

  store = mk_store_open (data->strv[0], &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  importer = mk_importer_new (store);
  if (data->progress_func != NULL)
    mk_importer_set_progress_func (importer, post_progress_report, task);

  if (!mk_importer_import_paths (importer, (const char * const *) data->strv + 1, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&importer), g_object_unref);
}

/**
 * mk_importer_import_paths_async:
 * @archive_path: the archive to import into; a connection of its own is
 *   opened in a worker thread, so the caller's thread never waits
 * @progress_func: (nullable): called in the caller's thread-default main
 *   context as files are done
 * @progress_data_free: (nullable): frees @progress_data once the import
 *   and all its progress reports are over
 *
 * Runs mk_importer_import_paths() in a thread.
 */
void
mk_importer_import_paths_async (const char           *archive_path,
                                const char * const   *paths,
                                MkImportProgressFunc  progress_func,
                                gpointer              progress_data,
                                GDestroyNotify        progress_data_free,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  GStrvBuilder *builder;
  ImportPathsData *data;

  g_return_if_fail (archive_path != NULL);
  g_return_if_fail (paths != NULL);

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, archive_path);
  g_strv_builder_addv (builder, (const char **) paths);

  data = g_new0 (ImportPathsData, 1);
  data->strv = g_strv_builder_end (builder);
  data->progress_func = progress_func;
  data->progress_data = progress_data;
  data->progress_data_free = progress_data_free;
  data->context = g_main_context_ref_thread_default ();
  g_strv_builder_unref (builder);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_importer_import_paths_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_paths_data_free);
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

/**
 * mk_importer_get_first_article_id:
 *
 * Returns: the id of the first article the import went through, new or
 *   already in the archive (excerpts aside), or 0 if there was none; what
 *   to show after opening a file
 */
gint64
mk_importer_get_first_article_id (MkImporter *self)
{
  g_return_val_if_fail (MK_IS_IMPORTER (self), 0);

  return self->first_article_id;
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

/**
 * mk_importer_get_n_feeds_added:
 *
 * Returns: how many feeds the subscription lists imported registered
 */
guint
mk_importer_get_n_feeds_added (MkImporter *self)
{
  g_return_val_if_fail (MK_IS_IMPORTER (self), 0);
  return self->n_feeds_added;
}
