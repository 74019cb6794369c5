/* mk-store-feeds.c — the feeds an archive follows, and how to ask them
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-store.h"
#include "mk-store-private.h"

/* Feeds are rows of `sources` of kind "feed", identified by their URL
 * (location). What a fetch learnt (validators, status, error, when to ask
 * again) is written by mk_store_save_feed_fetch(), in the same transaction
 * as the articles it brought when there were any. Per-host back-off
 * (Retry-After) lives in feed_hosts. See migration 4. */

#define FEED_COLUMNS \
  "s.id, s.location, s.title, s.site_url, s.etag, s.last_modified, s.last_fetched," \
  " s.last_error, s.last_status, s.next_fetch," \
  " (SELECT count(*) FROM articles a WHERE a.source_id = s.id)"

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static MkFeedSource *
feed_from_row (sqlite3_stmt *stmt)
{
  MkFeedSource *feed = mk_feed_source_new (sqlite3_column_int64 (stmt, 0), column_text (stmt, 1));

  mk_feed_source_set_title (feed, column_text (stmt, 2));
  mk_feed_source_set_site_url (feed, column_text (stmt, 3));
  mk_feed_source_set_validators (feed, column_text (stmt, 4), column_text (stmt, 5));
  mk_feed_source_set_last_fetched (feed, column_text (stmt, 6));
  mk_feed_source_set_last_error (feed, column_text (stmt, 7));
  mk_feed_source_set_last_status (feed, sqlite3_column_int (stmt, 8));
  mk_feed_source_set_next_fetch (feed, column_text (stmt, 9));
  mk_feed_source_set_n_articles (feed, sqlite3_column_int64 (stmt, 10));
  return feed;
}

/**
 * mk_store_get_feed:
 * @url: the feed's address as registered
 *
 * Returns: (transfer full): the feed, or %NULL with %MK_STORE_ERROR_NOT_FOUND
 */
MkFeedSource *
mk_store_get_feed (MkStore     *self,
                   const char  *url,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  MkFeedSource *feed = NULL;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  stmt = mk_store_statement (self,
                             "SELECT " FEED_COLUMNS " FROM sources s"
                             " WHERE s.kind = 'feed' AND s.location = ?1",
                             error);
  if (stmt == NULL)
    return NULL;

  mk_store_bind_text (stmt, 1, url);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    feed = feed_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND,
                 _("no feed “%s” in the archive"), url);
  else
    mk_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return feed;
}

/**
 * mk_store_add_feed:
 * @title: (nullable): what to call it until its first fetch
 * @created: (out) (optional): whether it was new
 *
 * Registers a feed; one already registered is returned as it is.
 *
 * Returns: (transfer full): the feed, or %NULL on error
 */
MkFeedSource *
mk_store_add_feed (MkStore     *self,
                   const char  *url,
                   const char  *title,
                   gboolean    *created,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  stmt = mk_store_statement (self,
                             "INSERT INTO sources (kind, location, title) VALUES ('feed', ?1, ?2)"
                             " ON CONFLICT (kind, location) DO NOTHING",
                             error);
  if (stmt == NULL)
    return NULL;

  mk_store_bind_text (stmt, 1, url);
  mk_store_bind_text (stmt, 2, title);
  if (!mk_store_step_done (self, stmt, error))
    return NULL;

  if (created != NULL)
    *created = sqlite3_changes (mk_store_get_db (self)) > 0;

  return mk_store_get_feed (self, url, error);
}

/**
 * mk_store_list_feeds:
 *
 * Returns: (transfer full) (element-type MkFeedSource): every feed, by
 *   name, each with its number of articles
 */
GPtrArray *
mk_store_list_feeds (MkStore  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  stmt = mk_store_statement (self,
                             "SELECT " FEED_COLUMNS " FROM sources s WHERE s.kind = 'feed'"
                             " ORDER BY coalesce (s.title, s.location) COLLATE NOCASE, s.id",
                             error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (feeds, feed_from_row (stmt));
  if (rc != SQLITE_DONE)
    mk_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&feeds) : NULL;
}

/**
 * mk_store_remove_feed:
 * @n_articles: (out) (optional): how many articles went with it
 *
 * Removes a feed and the articles it brought (with their entities and
 * full-text entries), in one transaction.
 */
gboolean
mk_store_remove_feed (MkStore     *self,
                      const char  *url,
                      gint64      *n_articles,
                      GError     **error)
{
  g_autoptr(MkFeedSource) feed = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  if (!mk_store_begin (self, error))
    return FALSE;

  feed = mk_store_get_feed (self, url, error);
  stmt = feed ? mk_store_statement (self, "DELETE FROM sources WHERE id = ?1", error) : NULL;
  if (stmt == NULL)
    {
      mk_store_rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, mk_feed_source_get_id (feed));
  if (!mk_store_step_done (self, stmt, error) || !mk_store_commit (self, error))
    {
      mk_store_rollback (self);
      return FALSE;
    }

  if (n_articles != NULL)
    *n_articles = mk_feed_source_get_n_articles (feed);
  return TRUE;
}

/**
 * mk_store_save_feed_fetch:
 *
 * Writes what a fetch learnt about @feed: its title and site, validators,
 * status and error, last and next fetch times.
 */
gboolean
mk_store_save_feed_fetch (MkStore       *self,
                          MkFeedSource  *feed,
                          GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);
  g_return_val_if_fail (MK_IS_FEED_SOURCE (feed), FALSE);

  stmt = mk_store_statement (self,
                             "UPDATE sources SET title = coalesce (?2, title),"
                             " site_url = coalesce (?3, site_url), etag = ?4, last_modified = ?5,"
                             " last_fetched = ?6, last_error = ?7, last_status = ?8, next_fetch = ?9"
                             " WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, mk_feed_source_get_id (feed));
  mk_store_bind_text (stmt, 2, mk_feed_source_get_title (feed));
  mk_store_bind_text (stmt, 3, mk_feed_source_get_site_url (feed));
  mk_store_bind_text (stmt, 4, mk_feed_source_get_etag (feed));
  mk_store_bind_text (stmt, 5, mk_feed_source_get_last_modified (feed));
  mk_store_bind_text (stmt, 6, mk_feed_source_get_last_fetched (feed));
  mk_store_bind_text (stmt, 7, mk_feed_source_get_last_error (feed));
  sqlite3_bind_int (stmt, 8, mk_feed_source_get_last_status (feed));
  mk_store_bind_text (stmt, 9, mk_feed_source_get_next_fetch (feed));
  return mk_store_step_done (self, stmt, error);
}

/**
 * mk_store_move_feed:
 *
 * Records that a feed answered with a permanent redirect: its address is
 * @new_url from now on. When @new_url is already registered, the old
 * entry is kept as it is (the two are one feed; the user decides).
 *
 * Returns: %TRUE when moved
 */
gboolean
mk_store_move_feed (MkStore     *self,
                    gint64       feed_id,
                    const char  *new_url,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  stmt = mk_store_statement (self,
                             "UPDATE OR IGNORE sources SET location = ?2 WHERE id = ?1 AND kind = 'feed'",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, feed_id);
  mk_store_bind_text (stmt, 2, new_url);
  if (!mk_store_step_done (self, stmt, error))
    return FALSE;

  return sqlite3_changes (mk_store_get_db (self)) > 0;
}

/**
 * mk_store_dup_host_retry_after:
 *
 * Returns: (transfer full) (nullable): until when @host asked to be left
 *   alone (ISO 8601, UTC), or %NULL
 */
char *
mk_store_dup_host_retry_after (MkStore     *self,
                               const char  *host,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  char *when = NULL;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  stmt = mk_store_statement (self, "SELECT retry_after FROM feed_hosts WHERE host = ?1", error);
  if (stmt == NULL)
    return NULL;

  mk_store_bind_text (stmt, 1, host);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    when = g_strdup (column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    mk_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return when;
}

gboolean
mk_store_set_host_retry_after (MkStore     *self,
                               const char  *host,
                               const char  *when,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);
  g_return_val_if_fail (host != NULL && when != NULL, FALSE);

  stmt = mk_store_statement (self,
                             "INSERT INTO feed_hosts (host, retry_after) VALUES (?1, ?2)"
                             " ON CONFLICT (host) DO UPDATE SET retry_after = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;

  mk_store_bind_text (stmt, 1, host);
  mk_store_bind_text (stmt, 2, when);
  return mk_store_step_done (self, stmt, error);
}

/**
 * mk_store_match_feed_article:
 *
 * Finds @article's earlier copy in @source_id: by guid, or else by link
 * (feeds change their guids more often than their links). When found by
 * link, @article takes the stored guid, so that mk_store_add_article()
 * updates that row instead of adding a second. Both lookups are indexed.
 */
gboolean
mk_store_match_feed_article (MkStore    *self,
                             gint64      source_id,
                             MkArticle  *article,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  if (mk_article_get_url (article) == NULL)
    return TRUE;

  stmt = mk_store_statement (self,
                             "SELECT guid FROM articles WHERE source_id = ?1 AND guid = ?2"
                             " UNION ALL "
                             "SELECT guid FROM articles WHERE source_id = ?1 AND url = ?3"
                             " LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, source_id);
  mk_store_bind_text (stmt, 2, mk_article_get_guid (article));
  mk_store_bind_text (stmt, 3, mk_article_get_url (article));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *guid = g_strdup (column_text (stmt, 0));

      mk_article_set_guid (article, guid);
    }
  else if (rc != SQLITE_DONE)
    mk_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}
