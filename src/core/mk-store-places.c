/* mk-store-places.c — the places of an article, a search or the archive,
 * with where they are and how many articles name them (part of MkStore)
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-store-private.h"

/* What the map shows: only places the gazetteer could locate (lat and
 * lon set), most named first, each with the number of articles that name
 * it (within the search, for a search). */

#define LOCATED_PLACE "e.type = 'place' AND e.lat IS NOT NULL AND e.lon IS NOT NULL"

static GPtrArray *
collect_places (MkStore       *self,
                sqlite3_stmt  *stmt,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (places, mk_store_entity_from_row (stmt));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      mk_store_set_sqlite_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&places);
}

/* An article's places; the counts are the archive's. */
static GPtrArray *
article_places (MkStore       *self,
                gint64         article_id,
                guint          limit,
                GCancellable  *cancellable,
                GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = mk_store_statement (self,
                             "SELECT " MK_STORE_ENTITY_COLUMNS " FROM entities e"
                             " WHERE e.id IN (SELECT entity FROM mentions WHERE article = ?1)"
                             "   AND " LOCATED_PLACE
                             " ORDER BY e.n_articles DESC, e.name LIMIT ?2",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return collect_places (self, stmt, cancellable, error);
}

/* The archive's places: the counts are kept as articles are indexed. */
static GPtrArray *
archive_places (MkStore       *self,
                guint          limit,
                GCancellable  *cancellable,
                GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = mk_store_statement (self,
                             "SELECT " MK_STORE_ENTITY_COLUMNS " FROM entities e"
                             " WHERE e.n_articles > 0 AND " LOCATED_PLACE
                             " ORDER BY e.n_articles DESC, e.name LIMIT ?1",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  return collect_places (self, stmt, cancellable, error);
}

/* A search's places, counted within its results. */
static GPtrArray *
result_places (MkStore       *self,
               MkQuery       *query,
               guint          limit,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GArray) ids = mk_store_search_ids (self, query, MK_SORT_NEWEST, 0, cancellable, error);
  sqlite3_stmt *stmt;

  if (ids == NULL || !mk_store_fill_result_table (self, ids, error))
    return NULL;

  stmt = mk_store_statement (self,
                             "SELECT e.id, e.type, e.name, e.lat, e.lon, c.n_mentions, c.n_articles"
                             " FROM (SELECT m.entity, count(*) AS n_mentions,"
                             "              count(DISTINCT m.article) AS n_articles"
                             "       FROM temp.mk_result r JOIN mentions m ON m.article = r.id"
                             "       GROUP BY m.entity) AS c"
                             " JOIN entities e ON e.id = c.entity"
                             " WHERE " LOCATED_PLACE
                             " ORDER BY c.n_articles DESC, e.name LIMIT ?1",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  return collect_places (self, stmt, cancellable, error);
}

/**
 * mk_store_get_places:
 * @query: (nullable): a search; %NULL or empty for the whole archive
 * @article_id: an article's id, or 0: then @query says which articles
 * @limit: at most this many, 0 for all
 *
 * The places that can go on a map: those with a location, most named
 * first. Each is an #MkEntity whose n-articles is the number of articles
 * naming it: within the search's results for a search, across the archive
 * otherwise (also for one article's places). Their aliases are not loaded.
 *
 * Returns: (transfer full) (element-type MkEntity):
 */
GPtrArray *
mk_store_get_places (MkStore       *self,
                     MkQuery       *query,
                     gint64         article_id,
                     guint          limit,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  if (article_id > 0)
    return article_places (self, article_id, limit, cancellable, error);
  if (query == NULL || mk_query_is_empty (query))
    return archive_places (self, limit, cancellable, error);
  return result_places (self, query, limit, cancellable, error);
}

typedef struct {
  char *archive_path;
  MkQuery *query;
  gint64 article_id;
  guint limit;
} PlacesJob;

static void
places_job_free (PlacesJob *job)
{
  g_free (job->archive_path);
  g_clear_object (&job->query);
  g_free (job);
}

/* Worker threads open their own connection: an MkStore is not shared
 * between threads. */
static void
places_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PlacesJob *job = task_data;
  g_autoptr(MkStore) store = NULL;
  GError *error = NULL;
  GPtrArray *places;

  store = mk_store_open (job->archive_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  places = mk_store_get_places (store, job->query, job->article_id, job->limit, cancellable, &error);
  if (places == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, places, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * mk_store_get_places_async:
 *
 * mk_store_get_places() in a worker thread, for the window.
 */
void
mk_store_get_places_async (MkStore             *self,
                           MkQuery             *query,
                           gint64               article_id,
                           guint                limit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PlacesJob *job;

  g_return_if_fail (MK_IS_STORE (self));

  /* No source object: the worker thread may drop its reference to the
   * task after the callback ran, and the store's lifetime stays the
   * caller's (as in mk-article-list.c). */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_store_get_places_async);
  job = g_new0 (PlacesJob, 1);
  job->archive_path = g_strdup (mk_store_get_path (self));
  job->query = query ? g_object_ref (query) : NULL;
  job->article_id = article_id;
  job->limit = limit;
  g_task_set_task_data (task, job, (GDestroyNotify) places_job_free);
  g_task_run_in_thread (task, places_thread);
}

/**
 * mk_store_get_places_finish:
 *
 * Returns: (transfer full) (element-type MkEntity):
 */
GPtrArray *
mk_store_get_places_finish (MkStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (MK_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_store_get_places_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
