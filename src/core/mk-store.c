/* mk-store.c — the archive: one SQLite file
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mk-fts-tokenizer.h"
#include "mk-store.h"
#include "mk-store-schema.h"

/* One MkStore is one connection. A connection belongs to the thread that
 * uses it: work in a GTask thread opens its own MkStore on the same path
 * (WAL lets readers and one writer share the file). */
struct _MkStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements;  /* SQL text -> sqlite3_stmt*, prepared once */
};

G_DEFINE_FINAL_TYPE (MkStore, mk_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (mk-store-error-quark, mk_store_error)

#define ARTICLE_COLUMNS \
  "a.id, a.guid, a.title, a.title_derived, a.url, a.outlet, a.author, " \
  "a.published, a.summary, a.language, a.excerpt, a.related_to"
#define N_ARTICLE_COLUMNS 12

/* How many SQLite VM steps between two looks at the GCancellable. */
#define PROGRESS_STEPS 4096

static void
mk_store_finalize (GObject *object)
{
  MkStore *self = (MkStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (mk_store_parent_class)->finalize (object);
}

static void
mk_store_class_init (MkStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
mk_store_init (MkStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
}

static void
set_sqlite_error (MkStore  *self,
                  GError  **error)
{
  int code = sqlite3_extended_errcode (self->db) & 0xff;
  int domain_code;

  switch (code)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      domain_code = MK_STORE_ERROR_BUSY;
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      domain_code = MK_STORE_ERROR_NOT_AN_ARCHIVE;
      break;
    default:
      domain_code = MK_STORE_ERROR_FAILED;
    }

  g_set_error (error, MK_STORE_ERROR, domain_code,
               _("Archive error: %s"), sqlite3_errmsg (self->db));
}

/* Statements are prepared once per connection and reset after each use;
 * @sql must be a string literal (the cache keys on it). */
static sqlite3_stmt *
statement (MkStore     *self,
           const char  *sql,
           GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (MkStore     *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (MkStore     *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Refuses files that are not ours before anything writes to them: a text
 * file, someone else's SQLite database, or an archive from a newer Mekong. */
static gboolean
check_archive (MkStore  *self,
               int      *version,
               GError  **error)
{
  gint64 application_id, user_version, n_objects;

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &user_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    {
      g_clear_error (error);
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_AN_ARCHIVE,
                   _("“%s” is not a Mekong archive"), self->path);
      return FALSE;
    }

  if (n_objects > 0 && application_id != MK_STORE_APPLICATION_ID)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_AN_ARCHIVE,
                   _("“%s” is a database, but not a Mekong archive"), self->path);
      return FALSE;
    }

  if (user_version > MK_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Mekong"), self->path);
      return FALSE;
    }

  *version = (int) user_version;
  return TRUE;
}

static gboolean
configure_connection (MkStore  *self,
                      GError  **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, TRUE);

  return mk_fts_tokenizer_register (self->db, error) &&
         exec (self, "PRAGMA foreign_keys = ON", error);
}

static gboolean
ensure_parent_directory (const char  *path,
                         GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (path);

  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"),
                   parent, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * mk_store_open:
 * @path: the archive file; created (with its folder) when missing
 *
 * Opens an archive, creating or migrating its schema as needed. A file that
 * is not a Mekong archive is refused and left untouched.
 */
MkStore *
mk_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(MkStore) self = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!ensure_parent_directory (path, error))
    return NULL;

  self = g_object_new (MK_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_OPEN,
                   _("Could not open the archive “%s”: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  if (!configure_connection (self, error) ||
      !check_archive (self, &version, error))
    return NULL;

  /* WAL lets the window read while an import writes; NORMAL sync is safe
   * with WAL (a crash loses at most the last transactions, never the file). */
  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !mk_store_schema_migrate (self->db, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
mk_store_get_path (MkStore *self)
{
  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  return self->path;
}

int
mk_store_get_schema_version (MkStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (MK_IS_STORE (self), 0);

  query_int (self, "PRAGMA user_version", &version, NULL);
  return (int) version;
}

/**
 * mk_store_dup_default_path:
 *
 * Returns: `$XDG_DATA_HOME/mekong/archive.db`
 */
char *
mk_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "mekong", "archive.db", NULL);
}

/* BEGIN IMMEDIATE takes the write lock at once, so two writers wait for
 * each other (busy timeout) instead of failing half-way through. */
gboolean
mk_store_begin (MkStore  *self,
                GError  **error)
{
  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  return exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
mk_store_commit (MkStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  return exec (self, "COMMIT", error);
}

void
mk_store_rollback (MkStore *self)
{
  g_return_if_fail (MK_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * mk_store_ensure_source:
 * @kind: "files" or "feed"
 * @location: what identifies the source within its kind (a feed URL)
 * @title: (nullable): a name to show
 *
 * Returns: the id of the source, created when new, or 0 on error
 */
gint64
mk_store_ensure_source (MkStore     *self,
                        const char  *kind,
                        const char  *location,
                        const char  *title,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (MK_IS_STORE (self), 0);

  stmt = statement (self,
                    "INSERT INTO sources (kind, location, title) VALUES (?1, ?2, ?3)"
                    " ON CONFLICT (kind, location) DO UPDATE SET title = coalesce (?3, title)"
                    " RETURNING id",
                    error);
  if (stmt == NULL)
    return 0;

  bind_text (stmt, 1, kind);
  bind_text (stmt, 2, location);
  bind_text (stmt, 3, title);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return id;
}

/* Looks for an article already in the archive: same guid in the same source,
 * or else the same content from anywhere. Indexed, so O(log n) per article. */
static gboolean
find_existing (MkStore     *self,
               gint64       source_id,
               const char  *guid,
               const char  *content_hash,
               gint64      *id,
               char       **existing_hash,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = statement (self,
                    "SELECT id, content_hash FROM articles WHERE source_id = ?1 AND guid = ?2"
                    " UNION ALL "
                    "SELECT id, content_hash FROM articles WHERE content_hash = ?3"
                    " LIMIT 1",
                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, source_id);
  bind_text (stmt, 2, guid);
  bind_text (stmt, 3, content_hash);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *existing_hash = g_strdup (column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static void
bind_article (sqlite3_stmt *stmt,
              gint64        source_id,
              MkArticle    *article,
              const char   *content_hash)
{
  sqlite3_bind_int64 (stmt, 1, source_id);
  bind_text (stmt, 2, mk_article_get_guid (article));
  bind_text (stmt, 3, mk_article_get_title (article) ? mk_article_get_title (article) : "");
  sqlite3_bind_int (stmt, 4, mk_article_get_title_derived (article));
  bind_text (stmt, 5, mk_article_get_url (article));
  bind_text (stmt, 6, mk_article_get_source (article));
  bind_text (stmt, 7, mk_article_get_author (article));
  bind_text (stmt, 8, mk_article_get_published (article));
  bind_text (stmt, 9, mk_article_get_summary (article));
  bind_text (stmt, 10, mk_article_get_body (article) ? mk_article_get_body (article) : "");
  bind_text (stmt, 11, mk_article_get_language (article));
  bind_text (stmt, 12, content_hash);
  sqlite3_bind_int (stmt, 13, mk_article_get_excerpt (article));
  if (mk_article_get_related_to (article) > 0)
    sqlite3_bind_int64 (stmt, 14, mk_article_get_related_to (article));
  else
    sqlite3_bind_null (stmt, 14);
}

static gboolean
step_done (MkStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * mk_store_add_article:
 * @source_id: from mk_store_ensure_source()
 * @article: the article; its id is set to the archive's id on success
 * @change: (out) (optional): whether it was added, updated or already there
 *
 * Adds @article, or updates the one with the same guid in @source_id when
 * its content changed. The same content under another guid is not added
 * again. Call inside mk_store_begin()/mk_store_commit().
 */
gboolean
mk_store_add_article (MkStore        *self,
                      gint64          source_id,
                      MkArticle      *article,
                      MkStoreChange  *change,
                      GError        **error)
{
  g_autofree char *content_hash = NULL;
  g_autofree char *existing_hash = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);
  g_return_val_if_fail (MK_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (mk_article_get_guid (article) != NULL, FALSE);

  content_hash = mk_article_dup_content_hash (article);
  if (!find_existing (self, source_id, mk_article_get_guid (article), content_hash,
                      &id, &existing_hash, error))
    return FALSE;

  if (id != 0 && g_strcmp0 (existing_hash, content_hash) == 0)
    {
      mk_article_set_id (article, id);
      if (change)
        *change = MK_STORE_UNCHANGED;
      return TRUE;
    }

  if (id != 0)
    {
      stmt = statement (self,
                        "UPDATE articles SET source_id = ?1, guid = ?2, title = ?3,"
                        " title_derived = ?4, url = ?5, outlet = ?6, author = ?7,"
                        " published = ?8, summary = ?9, body = ?10, language = ?11,"
                        " content_hash = ?12, excerpt = ?13, related_to = ?14,"
                        " updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                        " WHERE id = ?15",
                        error);
      if (stmt == NULL)
        return FALSE;
      bind_article (stmt, source_id, article, content_hash);
      sqlite3_bind_int64 (stmt, 15, id);
    }
  else
    {
      stmt = statement (self,
                        "INSERT INTO articles (source_id, guid, title, title_derived, url,"
                        " outlet, author, published, summary, body, language, content_hash,"
                        " excerpt, related_to)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                        error);
      if (stmt == NULL)
        return FALSE;
      bind_article (stmt, source_id, article, content_hash);
    }

  if (!step_done (self, stmt, error))
    return FALSE;

  mk_article_set_id (article, id != 0 ? id : sqlite3_last_insert_rowid (self->db));
  if (change)
    *change = id != 0 ? MK_STORE_UPDATED : MK_STORE_ADDED;

  return TRUE;
}

gint64
mk_store_count_articles (MkStore  *self,
                         GError  **error)
{
  gint64 count = -1;

  g_return_val_if_fail (MK_IS_STORE (self), -1);

  query_int (self, "SELECT count(*) FROM articles", &count, error);
  return count;
}

gint64
mk_store_count_sources (MkStore  *self,
                        GError  **error)
{
  gint64 count = -1;

  g_return_val_if_fail (MK_IS_STORE (self), -1);

  query_int (self, "SELECT count(*) FROM sources", &count, error);
  return count;
}

static MkArticle *
article_from_row (sqlite3_stmt *stmt)
{
  MkArticle *article = mk_article_new ();

  mk_article_set_id (article, sqlite3_column_int64 (stmt, 0));
  mk_article_set_guid (article, column_text (stmt, 1));
  mk_article_set_title (article, column_text (stmt, 2));
  mk_article_set_title_derived (article, sqlite3_column_int (stmt, 3));
  mk_article_set_url (article, column_text (stmt, 4));
  mk_article_set_source (article, column_text (stmt, 5));
  mk_article_set_author (article, column_text (stmt, 6));
  mk_article_set_published (article, column_text (stmt, 7));
  mk_article_set_summary (article, column_text (stmt, 8));
  mk_article_set_language (article, column_text (stmt, 9));
  mk_article_set_excerpt (article, sqlite3_column_int (stmt, 10));
  mk_article_set_related_to (article, sqlite3_column_int64 (stmt, 11));

  return article;
}

/**
 * mk_store_get_article:
 *
 * Returns: (transfer full): the whole article, body included
 */
MkArticle *
mk_store_get_article (MkStore  *self,
                      gint64    id,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  MkArticle *article = NULL;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  stmt = statement (self,
                    "SELECT " ARTICLE_COLUMNS ", a.body FROM articles a WHERE a.id = ?1",
                    error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      article = article_from_row (stmt);
      mk_article_set_body (article, column_text (stmt, N_ARTICLE_COLUMNS));
    }
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND,
                   _("No article with id %s"), number);
    }
  else
    set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return article;
}

/* With a query, the row comes from the FTS index too, for its snippet:
 * column 2 is the body, the words matched are wrapped in the marks. */
static sqlite3_stmt *
list_row_statement (MkStore  *self,
                    MkQuery  *query,
                    GError  **error)
{
  if (query == NULL || mk_query_is_empty (query))
    return statement (self,
                      "SELECT " ARTICLE_COLUMNS " FROM articles a WHERE a.id = ?1",
                      error);

  return statement (self,
                    "SELECT " ARTICLE_COLUMNS ","
                    " snippet (articles_fts, 2, '" MK_SNIPPET_MARK_START "', '"
                    MK_SNIPPET_MARK_END "', '…', 24)"
                    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
                    " WHERE articles_fts MATCH ?2 AND articles_fts.rowid = ?1",
                    error);
}

/**
 * mk_store_get_articles:
 * @ids: (array length=n_ids): the articles to load
 * @query: (nullable): the search that found them, for snippets
 *
 * Loads what a list row shows (everything but the body), in the order of
 * @ids. An id no longer in the archive is skipped.
 *
 * Returns: (transfer full) (element-type MkArticle):
 */
GPtrArray *
mk_store_get_articles (MkStore       *self,
                       const gint64  *ids,
                       guint          n_ids,
                       MkQuery       *query,
                       GError       **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean with_snippet = query != NULL && !mk_query_is_empty (query);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  stmt = list_row_statement (self, query, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      if (with_snippet)
        bind_text (stmt, 2, mk_query_get_fts_match (query));

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          MkArticle *article = article_from_row (stmt);

          if (with_snippet)
            mk_article_set_snippet (article, column_text (stmt, N_ARTICLE_COLUMNS));
          g_ptr_array_add (articles, article);
        }
      else if (rc != SQLITE_DONE)
        {
          set_sqlite_error (self, error);
          sqlite3_reset (stmt);
          return NULL;
        }
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&articles);
}

static int
check_cancelled (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

static const char *
search_sql (MkQuery *query,
            MkSort   sort)
{
  gboolean match = query != NULL && !mk_query_is_empty (query);

  /* Literal strings, so each one is prepared once and cached. Weights for
   * bm25: a word in the title counts most, then the summary, then the body. */
  switch (sort)
    {
    case MK_SORT_RELEVANCE:
      if (match)
        return "SELECT articles_fts.rowid FROM articles_fts WHERE articles_fts MATCH ?1"
               " ORDER BY bm25 (articles_fts, 10.0, 3.0, 1.0) LIMIT ?2";
      G_GNUC_FALLTHROUGH;
    case MK_SORT_NEWEST:
    default:
      if (match)
        return "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
               " WHERE articles_fts MATCH ?1 ORDER BY a.published DESC, a.id DESC LIMIT ?2";
      return "SELECT a.id FROM articles a ORDER BY a.published DESC, a.id DESC LIMIT ?2";
    case MK_SORT_OLDEST:
      if (match)
        return "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
               " WHERE articles_fts MATCH ?1"
               " ORDER BY a.published IS NULL, a.published ASC, a.id ASC LIMIT ?2";
      return "SELECT a.id FROM articles a"
             " ORDER BY a.published IS NULL, a.published ASC, a.id ASC LIMIT ?2";
    }
}

/**
 * mk_store_search_ids:
 * @query: (nullable): what to look for; %NULL or empty lists every article
 * @limit: at most this many ids, 0 for all
 *
 * Returns: (transfer full) (element-type gint64): the ids of the matching
 *   articles in the order asked for, or %NULL with @error set (also when
 *   @cancellable was cancelled)
 */
GArray *
mk_store_search_ids (MkStore       *self,
                     MkQuery       *query,
                     MkSort         sort,
                     guint          limit,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  stmt = statement (self, search_sql (query, sort), error);
  if (stmt == NULL)
    return NULL;

  if (query != NULL && !mk_query_is_empty (query))
    bind_text (stmt, 1, mk_query_get_fts_match (query));
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, PROGRESS_STEPS, check_cancelled, cancellable);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  sqlite3_progress_handler (self->db, 0, NULL, NULL);

  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&ids);
}

/**
 * mk_store_search:
 *
 * Like mk_store_search_ids(), but returns the articles with their snippets.
 *
 * Returns: (transfer full) (element-type MkArticle):
 */
GPtrArray *
mk_store_search (MkStore       *self,
                 MkQuery       *query,
                 MkSort         sort,
                 guint          limit,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  ids = mk_store_search_ids (self, query, sort, limit, cancellable, error);
  if (ids == NULL)
    return NULL;

  return mk_store_get_articles (self, (const gint64 *) ids->data, ids->len, query, error);
}
