/* mk-store.c — the archive: one SQLite file
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>
#include <string.h>

#include "mk-fts-tokenizer.h"
#include "mk-store.h"
#include "mk-store-private.h"
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
  GArray *unindexed;       /* IndexEntry: rows written in this transaction */
  GHashTable *unindexed_ids;
  gboolean read_only;      /* see open_read_only() */
};

/* A row whose full-text entry is added when the transaction commits. */
typedef struct {
  gint64 key;
  gint64 id;
} IndexEntry;

G_DEFINE_FINAL_TYPE (MkStore, mk_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (mk-store-error-quark, mk_store_error)

#define ARTICLE_COLUMNS \
  "a.id, a.guid, a.title, a.title_derived, a.url, a.outlet, a.author, " \
  "a.published, a.summary, a.language, a.excerpt, a.related_to, " \
  "EXISTS (SELECT 1 FROM bookmarks WHERE article = a.id), " \
  "EXISTS (SELECT 1 FROM notes WHERE article = a.id)"
#define N_ARTICLE_COLUMNS 14

/* How many SQLite VM steps between two looks at the GCancellable. */
#define PROGRESS_STEPS 4096

static void
mk_store_finalize (GObject *object)
{
  MkStore *self = (MkStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->unindexed, g_array_unref);
  g_clear_pointer (&self->unindexed_ids, g_hash_table_unref);
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
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->unindexed = g_array_new (FALSE, FALSE, sizeof (IndexEntry));
  self->unindexed_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* One message per kind of trouble with the file itself, naming it: these
 * reach people (mekong-cli, the window) as they are. Anything else is
 * SQLite's own message. */
static void
set_sqlite_error (MkStore  *self,
                  GError  **error)
{
  int code = sqlite3_extended_errcode (self->db) & 0xff;
  g_autofree char *display = g_filename_display_name (self->path);

  switch (code)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_BUSY,
                   _("The archive “%s” is locked by another program; try again when it is done"),
                   display);
      break;
    case SQLITE_FULL:
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_FULL,
                   _("The disk holding the archive “%s” is full; nothing more was written"),
                   display);
      break;
    case SQLITE_READONLY:
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_READ_ONLY,
                   _("The archive “%s” is read-only; nothing was written"), display);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_CORRUPT,
                   _("The archive “%s” is damaged (%s)"),
                   display, sqlite3_errmsg (self->db));
      break;
    case SQLITE_NOTADB:
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_AN_ARCHIVE,
                   _("“%s” is not a Mekong archive"), display);
      break;
    default:
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_FAILED,
                   _("Archive error: %s"), sqlite3_errmsg (self->db));
    }
}

/* Statements are prepared once per connection, cached by their text, and
 * reset before each use. Search SQL is put together from a few fixed parts
 * (see search_sql()), so the cache stays small. */
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

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
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
  g_autoptr(GError) local_error = NULL;

  if (!query_int (self, "PRAGMA application_id", &application_id, &local_error) ||
      !query_int (self, "PRAGMA user_version", &user_version, &local_error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, &local_error))
    {
      /* A locked or damaged archive is still ours: say so, not "not an
       * archive", which would send people looking for another file. */
      if (g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_BUSY) ||
          g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
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

/* mk_day(published): the day number the index orders by (see
 * mk_query_day_from_date()), 0 for an undated article. An SQL function so
 * that migrations and writes compute keys the one same way. */
static void
sql_mk_day (sqlite3_context  *context,
            int               n_args,
            sqlite3_value   **args)
{
  const char *published = (const char *) sqlite3_value_text (args[0]);

  sqlite3_result_int64 (context, mk_query_day_from_date (published));
}

/* Test hook: MEKONG_TEST_MAX_PAGES=N makes the archive unable to grow past
 * N pages, so that tests can see what a full disk does (SQLITE_FULL) on
 * any machine, without root or a small file system. */
static gboolean
limit_pages_for_tests (MkStore  *self,
                       GError  **error)
{
  const char *max_pages = g_getenv ("MEKONG_TEST_MAX_PAGES");
  g_autofree char *sql = NULL;
  guint64 n;

  if (max_pages == NULL || !g_ascii_string_to_unsigned (max_pages, 10, 1, G_MAXUINT32, &n, NULL))
    return TRUE;

  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GUINT64_FORMAT, n);
  return exec (self, sql, error);
}

static gboolean
configure_connection (MkStore  *self,
                      GError  **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_create_function_v2 (self->db, "mk_day", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, sql_mk_day, NULL, NULL, NULL);

  /* Temporary data (statement journals, the ephemeral tables of joins and
   * of a search's result set) in memory: on disk, indexing an article's
   * entities cost thousands of small writes to temporary files. */
  return mk_fts_tokenizer_register (self->db, error) &&
         exec (self, "PRAGMA foreign_keys = ON", error) &&
         exec (self, "PRAGMA temp_store = MEMORY", error) &&
         limit_pages_for_tests (self, error);
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

/* An archive we may read but not write (its permissions, a read-only
 * medium or mount). */
static gboolean
is_read_only_file (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0;
}

/* Opens @self->path for reading only: searching and reading work, every
 * write fails with MK_STORE_ERROR_READ_ONLY. A WAL archive needs its -shm
 * file, which SQLite cannot create in a folder it may not write to; then
 * the file is opened as immutable (nobody can change it, we cannot either). */
static MkStore *
open_read_only (MkStore  *self_owned,
                GError  **error)
{
  g_autoptr(MkStore) self = self_owned;
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autofree char *uri = g_filename_to_uri (self->path, NULL, error);
  g_autofree char *sqlite_uri = NULL;
  int version = 0;

  if (uri == NULL)
    return NULL;
  sqlite_uri = g_strconcat (uri, "?mode=ro",
                            g_access (folder, W_OK) != 0 ? "&immutable=1" : "", NULL);

  if (sqlite3_open_v2 (sqlite_uri, &self->db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_OPEN,
                   _("Could not open the archive “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  self->read_only = TRUE;
  if (!configure_connection (self, error) ||
      !check_archive (self, &version, error))
    return NULL;

  if (version < MK_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_READ_ONLY,
                   _("The archive “%s” is read-only and was written by an older Mekong; "
                     "it cannot be updated to be read"), self->path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * mk_store_is_read_only:
 *
 * Returns: %TRUE when the archive was opened for reading only, because its
 *   file may not be written (see mk_store_open())
 */
gboolean
mk_store_is_read_only (MkStore *self)
{
  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  return self->read_only;
}

/**
 * mk_store_open:
 * @path: the archive file; created (with its folder) when missing
 *
 * Opens an archive, creating or migrating its schema as needed. A file that
 * is not a Mekong archive is refused and left untouched. A file that may
 * not be written is opened for reading only (mk_store_is_read_only()).
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

  if (is_read_only_file (path))
    return open_read_only (g_steal_pointer (&self), error);

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
  /* 32 MB of page cache instead of 2 MB: the indexes of a large archive
   * (content hashes, date keys) take writes all over the file. Pages are
   * only cached once read, so a small archive costs no more. Set after
   * check_archive(), as it reads the file. */
  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA cache_size = -32768", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !mk_store_schema_migrate (self->db, version, MK_STORE_SCHEMA_VERSION, error))
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

/**
 * mk_store_dup_new_path_beside:
 * @path: an archive that cannot be used (damaged, not an archive, too new)
 *
 * Where a new, empty archive can go next to @path without touching it:
 * "archive (2).db", "archive (3).db"… in the same folder, the first name
 * that is free.
 *
 * Returns: (transfer full): the new path
 */
char *
mk_store_dup_new_path_beside (const char *path)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  const char *dot;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  dot = strrchr (name, '.');
  if (dot == NULL || dot == name)
    dot = name + strlen (name);
  stem = g_strndup (name, dot - name);

  for (guint n = 2; ; n++)
    {
      g_autofree char *candidate_name = g_strdup_printf ("%s (%u)%s", stem, n, dot);
      g_autofree char *candidate = g_build_filename (folder, candidate_name, NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&candidate);
    }
}

/* How long a write waits in all for the other writers of the archive (the
 * window, mekong-cli, a fetch) before it gives up. The busy timeout (5 s)
 * bounds one attempt: opening and reading keep to it, so that an archive
 * another program holds is reported soon; a write tries again, since
 * SQLite's busy handler has no queue and two busy importers, each taking
 * the lock back at once after its commit, can keep a third writer out for
 * longer than one attempt. */
#define WRITE_WAIT_SECONDS 30

/* BEGIN IMMEDIATE takes the write lock at once, so two writers wait for
 * each other instead of failing half-way through. */
gboolean
mk_store_begin_immediate (MkStore  *self,
                          GError  **error)
{
  gint64 give_up = g_get_monotonic_time () + WRITE_WAIT_SECONDS * G_USEC_PER_SEC;
  int rc;

  /* Each attempt waits in SQLite's busy handler; the pause is for an
   * answer that comes without waiting. */
  while ((rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK &&
         (rc & 0xff) == SQLITE_BUSY && g_get_monotonic_time () < give_up)
    g_usleep (10 * 1000);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
forget_unindexed (MkStore *self)
{
  g_array_set_size (self->unindexed, 0);
  g_hash_table_remove_all (self->unindexed_ids);
}

gboolean
mk_store_begin (MkStore  *self,
                GError  **error)
{
  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  forget_unindexed (self);
  return mk_store_begin_immediate (self, error);
}

static gboolean index_article (MkStore   *self,
                               gint64     id,
                               gboolean   add,
                               GError   **error);

static int
compare_index_entries (gconstpointer a,
                       gconstpointer b)
{
  const IndexEntry *x = a, *y = b;

  return x->key < y->key ? -1 : x->key > y->key;
}

/* FTS5 keeps new entries in memory, but must write them out each time a
 * rowid is not larger than the one before. Articles arrive in any date
 * order, so their date-ordered keys would force a write per article;
 * added in key order at commit, they are written once. */
static gboolean
index_unindexed (MkStore  *self,
                 GError  **error)
{
  g_array_sort (self->unindexed, compare_index_entries);
  for (guint i = 0; i < self->unindexed->len; i++)
    if (!index_article (self, g_array_index (self->unindexed, IndexEntry, i).id, TRUE, error))
      return FALSE;

  forget_unindexed (self);
  return TRUE;
}

gboolean
mk_store_commit (MkStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  return index_unindexed (self, error) && exec (self, "COMMIT", error);
}

void
mk_store_rollback (MkStore *self)
{
  g_return_if_fail (MK_IS_STORE (self));

  forget_unindexed (self);
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

/* The full-text index is keyed by sort_key, which needs the row's id, so
 * it is kept here rather than by triggers: an article's entry is removed
 * before its row changes (FTS5 needs the old text to remove it) and added
 * when the row is final, at commit (index_unindexed()). */
static gboolean
index_article (MkStore   *self,
               gint64     id,
               gboolean   add,
               GError   **error)
{
  sqlite3_stmt *row, *stmt;
  gboolean ok;

  row = statement (self,
                   "SELECT sort_key, title, summary, body, outlet, author FROM articles WHERE id = ?1",
                   error);
  if (row == NULL)
    return FALSE;

  /* Single-row INSERT ... VALUES, not INSERT ... SELECT: a statement that
   * may write several rows opens a savepoint, and FTS5 writes out its
   * pending entries at every savepoint, one small segment per article. */
  if (add)
    stmt = statement (self,
                      "INSERT INTO articles_fts (rowid, title, summary, body, source, author)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                      error);
  else
    stmt = statement (self,
                      "INSERT INTO articles_fts (articles_fts, rowid, title, summary, body, source, author)"
                      " VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6)",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (row, 1, id);
  if (sqlite3_step (row) != SQLITE_ROW)
    {
      set_sqlite_error (self, error);
      sqlite3_reset (row);
      return FALSE;
    }

  for (int column = 0; column < 6; column++)
    sqlite3_bind_value (stmt, column + 1, sqlite3_column_value (row, column));
  ok = step_done (self, stmt, error);
  sqlite3_reset (row);

  return ok;
}

static gint64
sort_key_of (MkArticle *article,
             gint64     id)
{
  return ((gint64) mk_query_day_from_date (mk_article_get_published (article)) << 32) | id;
}

static gboolean
set_sort_key (MkStore  *self,
              gint64    id,
              gint64    key,
              GError  **error)
{
  sqlite3_stmt *stmt = statement (self, "UPDATE articles SET sort_key = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, key);
  return step_done (self, stmt, error);
}

/* Inside a transaction the entry waits for the commit (see
 * index_unindexed()); outside one it is added at once. */
static gboolean
index_later (MkStore    *self,
             gint64      id,
             gint64      key,
             GError    **error)
{
  IndexEntry entry = { key, id };
  gint64 *set_key;

  if (sqlite3_get_autocommit (self->db))
    return index_article (self, id, TRUE, error);

  if (g_hash_table_contains (self->unindexed_ids, &id))
    {
      /* Written twice in one transaction: the commit indexes its last
       * state, under its last key. */
      for (guint i = 0; i < self->unindexed->len; i++)
        if (g_array_index (self->unindexed, IndexEntry, i).id == id)
          g_array_index (self->unindexed, IndexEntry, i).key = key;
      return TRUE;
    }

  set_key = g_new (gint64, 1);
  *set_key = id;
  g_hash_table_add (self->unindexed_ids, set_key);
  g_array_append_val (self->unindexed, entry);
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
  gint64 new_id = 0;

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
      /* Remove its entry while the row still holds the text it was made
       * from; one still waiting for the commit has nothing to remove. */
      if (!g_hash_table_contains (self->unindexed_ids, &id) &&
          !index_article (self, id, FALSE, error))
        return FALSE;
      stmt = statement (self,
                        "UPDATE articles SET source_id = ?1, guid = ?2, title = ?3,"
                        " title_derived = ?4, url = ?5, outlet = ?6, author = ?7,"
                        " published = ?8, summary = ?9, body = ?10, language = ?11,"
                        " content_hash = ?12, excerpt = ?13, related_to = ?14,"
                        " sort_key = ?16,"
                        " updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                        " WHERE id = ?15",
                        error);
      if (stmt == NULL)
        return FALSE;
      bind_article (stmt, source_id, article, content_hash);
      sqlite3_bind_int64 (stmt, 15, id);
      sqlite3_bind_int64 (stmt, 16, sort_key_of (article, id));
      if (!step_done (self, stmt, error))
        return FALSE;
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
      if (!step_done (self, stmt, error))
        return FALSE;
      new_id = sqlite3_last_insert_rowid (self->db);
      if (!set_sort_key (self, new_id, sort_key_of (article, new_id), error))
        return FALSE;
    }

  if (!index_later (self, id != 0 ? id : new_id, sort_key_of (article, id != 0 ? id : new_id), error))
    return FALSE;

  mk_article_set_id (article, id != 0 ? id : new_id);
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
  mk_article_set_bookmarked (article, sqlite3_column_int (stmt, 12));
  mk_article_set_has_note (article, sqlite3_column_int (stmt, 13));

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

/* With words to match, the row comes with its snippet: column 2 of the
 * index is the body, and the words matched are wrapped in the marks. The
 * CROSS JOIN makes SQLite find the article by id first, then ask FTS5 for
 * that one row. */
static sqlite3_stmt *
list_row_statement (MkStore  *self,
                    gboolean  with_snippet,
                    GError  **error)
{
  if (!with_snippet)
    return statement (self,
                      "SELECT " ARTICLE_COLUMNS " FROM articles a WHERE a.id = ?1",
                      error);

  return statement (self,
                    "SELECT " ARTICLE_COLUMNS ","
                    " snippet (articles_fts, 2, '" MK_SNIPPET_MARK_START "', '"
                    MK_SNIPPET_MARK_END "', '…', 24)"
                    " FROM articles a CROSS JOIN articles_fts ON articles_fts.rowid = a.sort_key"
                    " WHERE a.id = ?1 AND articles_fts MATCH ?2",
                    error);
}

/* The keys of @ids' rows: a page of a newest-first result is one range of
 * the index. Returns FALSE when an id is gone. */
static gboolean
key_range_of (MkStore      *self,
              const gint64 *ids,
              guint         n_ids,
              gint64       *lowest,
              gint64       *highest)
{
  sqlite3_stmt *stmt = statement (self, "SELECT sort_key FROM articles WHERE id = ?1", NULL);

  *lowest = G_MAXINT64;
  *highest = G_MININT64;
  for (guint i = 0; stmt != NULL && i < n_ids; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        break;
      *lowest = MIN (*lowest, sqlite3_column_int64 (stmt, 0));
      *highest = MAX (*highest, sqlite3_column_int64 (stmt, 0));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return *lowest <= *highest;
}

/* Loads the rows of @ids with their snippets in one pass over the index
 * range they span, into @by_id. FTS5 reads each doclist (and expands each
 * prefix) once per MATCH, so one statement per page rather than per row;
 * rows the pass does not reach (a relevance page can span a wide range)
 * are left for the caller to load one by one. */
static void
load_snippet_range (MkStore       *self,
                    const gint64  *ids,
                    guint          n_ids,
                    MkQuery       *query,
                    GHashTable    *by_id)
{
  sqlite3_stmt *stmt;
  gint64 lowest, highest;

  if (n_ids < 2 || !key_range_of (self, ids, n_ids, &lowest, &highest))
    return;

  stmt = statement (self,
                    "SELECT " ARTICLE_COLUMNS ","
                    " snippet (articles_fts, 2, '" MK_SNIPPET_MARK_START "', '"
                    MK_SNIPPET_MARK_END "', '…', 24)"
                    " FROM articles_fts CROSS JOIN articles a ON a.sort_key = articles_fts.rowid"
                    " WHERE articles_fts MATCH ?1 AND articles_fts.rowid BETWEEN ?2 AND ?3"
                    " ORDER BY articles_fts.rowid DESC LIMIT ?4",
                    NULL);
  if (stmt == NULL)
    return;

  bind_text (stmt, 1, mk_query_get_fts_match (query));
  sqlite3_bind_int64 (stmt, 2, lowest);
  sqlite3_bind_int64 (stmt, 3, highest);
  sqlite3_bind_int64 (stmt, 4, 2 * n_ids);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      MkArticle *article = article_from_row (stmt);
      gint64 *id = g_new (gint64, 1);

      *id = mk_article_get_id (article);
      mk_article_set_snippet (article, column_text (stmt, N_ARTICLE_COLUMNS));
      g_hash_table_insert (by_id, id, article);
    }
  sqlite3_reset (stmt);
}

/* One row without a snippet; NULL when it is gone (or on error, with
 * @error set). Uses its own statement: the caller's is still stepping. */
static MkArticle *
load_list_row (MkStore  *self,
               gint64    id,
               GError  **error)
{
  sqlite3_stmt *stmt = list_row_statement (self, FALSE, error);
  MkArticle *article = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    article = article_from_row (stmt);
  else if (rc != SQLITE_DONE)
    set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return article;
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
  g_autoptr(GHashTable) loaded = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_object_unref);
  gboolean with_snippet = query != NULL && mk_query_get_fts_match (query) != NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  if (with_snippet)
    load_snippet_range (self, ids, n_ids, query, loaded);

  stmt = list_row_statement (self, with_snippet, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < n_ids; i++)
    {
      MkArticle *article = g_hash_table_lookup (loaded, &ids[i]);
      int rc;

      if (article != NULL)
        {
          g_ptr_array_add (articles, g_object_ref (article));
          continue;
        }

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      if (with_snippet)
        bind_text (stmt, 2, mk_query_get_fts_match (query));

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE && with_snippet)
        {
          g_autoptr(GError) local_error = NULL;

          /* Found by its note, not by its text: no snippet to show. */
          article = load_list_row (self, ids[i], &local_error);
          if (local_error != NULL)
            {
              sqlite3_reset (stmt);
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (article != NULL)
            g_ptr_array_add (articles, article);
        }
      else if (rc == SQLITE_ROW)
        {
          article = article_from_row (stmt);
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

/* Index keys are (day << 32) | id; see migration 2 in mk-store-schema.c. */
#define KEY_DAY(day) ((gint64) (day) << 32)
#define KEY_ID_MASK G_GINT64_CONSTANT (0xffffffff)

/* Relevance ranks this many of the newest matches: ranking every match of a
 * common word in a million articles would take seconds. The rest follow,
 * newest first. */
#define RELEVANCE_CANDIDATES 4000

/* Weights: title most, then source and author, then summary, then body. */
#define BM25 "bm25 (articles_fts, 10.0, 3.0, 1.0, 4.0, 4.0)"

typedef struct {
  MkQuery *query;
  const char *match;    /* FTS5 expressions, see mk-query.h */
  const char *exclude;
  const char *notes;
  int driver;           /* the positive filter the search starts from, or -1 */
  int entity_driver;    /* the same among entity filters, when no driver */
  int entity_param;     /* the first parameter of the entity filters */
  gint64 lowest;        /* key range to search, inclusive */
  gint64 highest;
  GCancellable *cancellable;
} Search;

static void
search_init (Search       *search,
             MkQuery      *query,
             GCancellable *cancellable)
{
  guint32 first_day = 0, last_day = 0;

  memset (search, 0, sizeof *search);
  search->query = query;
  search->cancellable = cancellable;
  search->lowest = 0;
  search->highest = G_MAXINT64;
  search->driver = -1;
  search->entity_driver = -1;

  if (query == NULL)
    return;

  search->match = mk_query_get_fts_match (query);
  search->exclude = mk_query_get_fts_exclude (query);
  search->notes = mk_query_get_fts_notes_match (query);
  for (guint i = 0; i < mk_query_get_n_filters (query) && search->driver < 0; i++)
    {
      gboolean negated;

      mk_query_get_filter (query, i, NULL, &negated);
      if (!negated)
        search->driver = (int) i;
    }

  /* The user's own sets (bookmarks, a tag) are smaller than an entity's
   * articles: a search starts from one of them when it can. */
  if (search->driver < 0)
    search->entity_driver = mk_store_get_entity_driver (query);
  search->entity_param = 6 + (int) mk_query_get_n_filters (query);

  if (mk_query_get_day_range (query, &first_day, &last_day))
    {
      /* A date filter leaves out undated articles (day 0). */
      search->lowest = KEY_DAY (MAX (first_day, 1));
      if (last_day != 0)
        search->highest = KEY_DAY (last_day + 1) - 1;
    }
}

static const char *
match_of (Search *search)
{
  return search->match;
}

static const char *
exclude_of (Search *search)
{
  return search->exclude;
}

/* What a search statement selects: the keys, the keys with their BM25
 * scores (relevance), or how many there are. */
typedef enum {
  SELECT_KEYS,
  SELECT_SCORED,
  SELECT_COUNT,
} SelectKind;

/* Parameters: ?1 the match (or exclude) expression, ?2..?3 the key range,
 * ?4 the limit, ?5 the notes' match, ?6… the tag of each filter, then the
 * entity filters' (search->entity_param, mk-store-entities.c). */
#define FILTER_PARAMETER(i) (6 + (int) (i))

/* The articles of filter @i, by id, as an SQL set. */
static void
append_filter_set (GString     *sql,
                   MkQueryFilter kind,
                   guint        i)
{
  switch (kind)
    {
    case MK_QUERY_FILTER_BOOKMARKED:
      g_string_append (sql, "SELECT article FROM bookmarks");
      break;
    case MK_QUERY_FILTER_NOTE:
      g_string_append (sql, "SELECT article FROM notes");
      break;
    case MK_QUERY_FILTER_TAG:
    default:
      g_string_append_printf (sql, "SELECT article FROM article_tags"
                                   " WHERE tag = (SELECT id FROM tags WHERE name = ?%d)",
                              FILTER_PARAMETER (i));
      break;
    }
}

/* " AND @id IN (…)" for each filter but @skip (the one the search
 * starts from). */
static void
append_filters (Search     *search,
                GString    *sql,
                const char *id,
                int         skip,
                int         entity_skip)
{
  guint n = search->query ? mk_query_get_n_filters (search->query) : 0;

  for (guint i = 0; i < n; i++)
    {
      gboolean negated;
      MkQueryFilter kind = mk_query_get_filter (search->query, i, NULL, &negated);

      if ((int) i == skip)
        continue;
      g_string_append_printf (sql, " AND %s %sIN (", id, negated ? "NOT " : "");
      append_filter_set (sql, kind, i);
      g_string_append_c (sql, ')');
    }

  mk_store_append_entity_conditions (sql, search->query, id, entity_skip,
                                     search->entity_param);
}

/* A search with is:, has: or tag: and no words starts from that set of
 * the user's articles, which is small next to the archive, and sorts it
 * by key, instead of walking the whole archive for the few that are in
 * it. With words, the full-text index is walked in key order and each
 * match checked against the set (an index look-up): asking FTS5 about
 * each article of the set instead would read the words' whole doclists
 * once per article. */
static void
append_driven (Search     *search,
               GString    *sql,
               SelectKind  select)
{
  MkQueryFilter kind = mk_query_get_filter (search->query, search->driver, NULL, NULL);

  g_string_append_printf (sql, "SELECT %s FROM ", select == SELECT_COUNT ? "count(*)" : "a.sort_key");
  g_string_append (sql, kind == MK_QUERY_FILTER_BOOKMARKED ? "bookmarks f"
                        : kind == MK_QUERY_FILTER_NOTE ? "notes f" : "article_tags f");
  g_string_append (sql, " CROSS JOIN articles a ON a.id = f.article");
  g_string_append (sql, " WHERE a.sort_key BETWEEN ?2 AND ?3");
  if (kind == MK_QUERY_FILTER_TAG)
    g_string_append_printf (sql, " AND f.tag = (SELECT id FROM tags WHERE name = ?%d)",
                            FILTER_PARAMETER (search->driver));
  if (exclude_of (search))
    g_string_append (sql, " AND a.sort_key NOT IN"
                          " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1)");
  append_filters (search, sql, "a.id", search->driver, -1);
}

/* Without is:/has:/tag:, the full-text index when there are words to
 * match, the articles' own key index otherwise (an empty query, dates
 * only, or words only excluded); -is:… filters are checked per row. */
static void
append_articles (Search     *search,
                 GString    *sql,
                 SelectKind  select)
{
  if (match_of (search))
    {
      g_string_append_printf (sql, "SELECT %s FROM articles_fts"
                                   " WHERE articles_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3",
                              select == SELECT_COUNT ? "count(*)"
                              : select == SELECT_SCORED ? "rowid, " BM25 : "rowid");
      /* Qualified: the entity conditions are subqueries with rowids of
       * their own. */
      append_filters (search, sql, "(articles_fts.rowid & 4294967295)", -1, -1);
      return;
    }

  if (search->driver >= 0)
    {
      append_driven (search, sql, select);
      return;
    }

  g_string_append_printf (sql, "SELECT %s FROM ", select == SELECT_COUNT ? "count(*)" : "a.sort_key");
  if (search->entity_driver >= 0)
    {
      /* CROSS JOIN: SQLite must start from the entity's articles (the
       * mentions index), not walk the whole archive in key order; INDEXED
       * BY: their keys come from an index, not from the rows (migration 6). */
      mk_store_append_entity_driver (sql, search->query, search->entity_driver,
                                     search->entity_param);
      g_string_append (sql, " AS hit CROSS JOIN articles a INDEXED BY articles_by_id_key"
                            " ON a.id = hit.article");
    }
  else
    g_string_append (sql, "articles a");
  g_string_append (sql, " WHERE a.sort_key BETWEEN ?2 AND ?3");
  if (exclude_of (search))
    g_string_append (sql, " AND a.sort_key NOT IN"
                          " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1)");
  append_filters (search, sql, "a.id", -1, search->entity_driver);
}

/* The articles whose notes match: few, so sorted after the look-up. */
static void
append_notes (Search   *search,
              GString  *sql)
{
  g_string_append (sql, "SELECT a.sort_key FROM notes_fts"
                        " CROSS JOIN articles a ON a.id = notes_fts.rowid"
                        " WHERE notes_fts MATCH ?5 AND a.sort_key BETWEEN ?2 AND ?3");
  append_filters (search, sql, "a.id", -1, -1);
}

/* How many articles match by their text or their note, in one walk of
 * the text's matches: |text| - |text and note| + |note|. Counting a
 * UNION would collect every match of a common word to remove the
 * duplicates; asking FTS5 about each note's article would read the
 * words' doclists once per note. */
static void
append_count_with_notes (Search  *search,
                         GString *sql)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  append_notes (search, notes);
  g_string_append_printf (sql, "SELECT count(*) - coalesce (sum (rowid IN (%s)), 0)"
                               " + (SELECT count(*) FROM (%s))"
                               " FROM articles_fts WHERE articles_fts MATCH ?1"
                               " AND rowid BETWEEN ?2 AND ?3",
                          notes->str, notes->str);
  append_filters (search, sql, "(articles_fts.rowid & 4294967295)", -1, -1);
}

/* The SQL for one search, from a few fixed parts. Words are looked for
 * in the articles and in the user's notes: the two sets are merged in
 * key order (SQLite merges the two ordered selects of a UNION, so the
 * first page still stops early). Relevance ranks the articles alone and
 * puts the note matches first itself (search_relevant()). */
static char *
search_sql (Search     *search,
            SelectKind  select,
            gboolean    ascending,
            gboolean    limited)
{
  GString *sql = g_string_new (NULL);
  gboolean with_notes = select != SELECT_SCORED && search->notes != NULL;

  if (with_notes && select == SELECT_COUNT)
    append_count_with_notes (search, sql);
  else if (with_notes)
    {
      append_articles (search, sql, select);
      g_string_append (sql, " UNION ");
      append_notes (search, sql);
    }
  else
    append_articles (search, sql, select);

  if (limited)
    g_string_append_printf (sql, " ORDER BY 1 %s LIMIT ?4", ascending ? "ASC" : "DESC");

  return g_string_free (sql, FALSE);
}

static void
bind_filters (Search       *search,
              sqlite3_stmt *stmt)
{
  guint n = search->query ? mk_query_get_n_filters (search->query) : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *tag = NULL;

      if (mk_query_get_filter (search->query, i, &tag, NULL) == MK_QUERY_FILTER_TAG)
        {
          /* A tag typed with odd spacing still finds the tag; one that no
           * tag could be called finds nothing (NULL equals nothing). */
          g_autofree char *name = mk_store_normalize_tag (tag, NULL);

          bind_text (stmt, FILTER_PARAMETER (i), name);
        }
    }
}

static sqlite3_stmt *
prepare_search (MkStore     *self,
                Search      *search,
                const char  *sql,
                gint64       lowest,
                gint64       highest,
                gint64       limit,
                GError     **error)
{
  sqlite3_stmt *stmt = statement (self, sql, error);
  const char *expression = match_of (search) ? match_of (search) : exclude_of (search);

  if (stmt == NULL)
    return NULL;

  if (expression)
    bind_text (stmt, 1, expression);
  sqlite3_bind_int64 (stmt, 2, lowest);
  sqlite3_bind_int64 (stmt, 3, highest);
  sqlite3_bind_int64 (stmt, 4, limit);
  if (search->notes && sqlite3_bind_parameter_count (stmt) >= 5)
    bind_text (stmt, 5, search->notes);
  bind_filters (search, stmt);
  mk_store_bind_entity_filters (stmt, search->query, search->entity_param);
  return stmt;
}

/* Steps @stmt to the end, appending column 0 of each row to @keys, and
 * checks @cancellable every few thousand SQLite steps. */
gboolean
mk_store_collect_int64 (MkStore       *self,
                        sqlite3_stmt  *stmt,
                        GCancellable  *cancellable,
                        GArray        *values,
                        GError       **error)
{
  int rc;

  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, PROGRESS_STEPS, check_cancelled, cancellable);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (values, value);
    }

  sqlite3_progress_handler (self->db, 0, NULL, NULL);

  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
collect_keys (MkStore       *self,
              sqlite3_stmt  *stmt,
              Search        *search,
              GArray        *keys,
              GError       **error)
{
  return mk_store_collect_int64 (self, stmt, search->cancellable, keys, error);
}

/* Keys in [lowest, highest], in key order, at most @limit of them (0: all). */
static gboolean
search_range (MkStore  *self,
              Search   *search,
              gint64    lowest,
              gint64    highest,
              gboolean  ascending,
              guint     limit,
              GArray   *keys,
              GError  **error)
{
  g_autofree char *sql = search_sql (search, SELECT_KEYS, ascending, TRUE);
  sqlite3_stmt *stmt;

  if (lowest > highest)
    return TRUE;

  stmt = prepare_search (self, search, sql, lowest, highest, limit > 0 ? (gint64) limit : -1, error);
  return stmt != NULL && collect_keys (self, stmt, search, keys, error);
}

static gboolean
search_newest (MkStore  *self,
               Search   *search,
               guint     limit,
               GArray   *keys,
               GError  **error)
{
  return search_range (self, search, search->lowest, search->highest, FALSE, limit, keys, error);
}

/* Oldest first, but undated articles still last: the dated keys ascending,
 * then the undated ones. */
static gboolean
search_oldest (MkStore  *self,
               Search   *search,
               guint     limit,
               GArray   *keys,
               GError  **error)
{
  gint64 first_dated = MAX (search->lowest, KEY_DAY (1));

  if (!search_range (self, search, first_dated, search->highest, TRUE, limit, keys, error))
    return FALSE;
  if (limit > 0 && keys->len >= limit)
    return TRUE;

  return search_range (self, search, search->lowest, MIN (search->highest, KEY_DAY (1) - 1),
                       TRUE, limit > 0 ? limit - keys->len : 0, keys, error);
}

typedef struct {
  gint64 key;
  double score;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  /* bm25() is better when lower; ties go to the newer article. */
  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return x->key > y->key ? -1 : x->key < y->key;
}


/* Steps @stmt, whose rows are (key, score), appending them to @ranked. */
static gboolean
collect_ranked (MkStore       *self,
                sqlite3_stmt  *stmt,
                GArray        *ranked,
                GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Ranked r = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };
      g_array_append_val (ranked, r);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The newest candidates, with their scores. */
static gboolean
rank_newest (MkStore  *self,
             Search   *search,
             GArray   *ranked,
             GError  **error)
{
  g_autofree char *sql = search_sql (search, SELECT_SCORED, FALSE, TRUE);
  sqlite3_stmt *stmt;

  stmt = prepare_search (self, search, sql, search->lowest, search->highest,
                         RELEVANCE_CANDIDATES, error);
  if (stmt == NULL)
    return FALSE;

  return collect_ranked (self, stmt, ranked, error);
}

/* Older articles with the words in their titles are likely among the best
 * matches too: the newest of them come from one pass over the matches that
 * also have the words in the title. Their BM25 is computed for that
 * combined expression, which counts the title words twice: a bias toward
 * title matches, which is what this pass is for. One statement, because
 * FTS5 re-reads every doclist (and re-expands every prefix) per MATCH. */
static gboolean
rank_older_titles (MkStore     *self,
                   Search      *search,
                   gint64       below,
                   GArray      *ranked,
                   GError     **error)
{
  g_autofree char *expression = g_strdup_printf ("(%s) AND (%s)", match_of (search),
                                                 mk_query_get_fts_title_match (search->query));
  g_autofree char *sql = NULL;
  Search titles = *search;
  sqlite3_stmt *stmt;

  titles.match = expression;
  sql = search_sql (&titles, SELECT_SCORED, FALSE, TRUE);
  stmt = prepare_search (self, &titles, sql, search->lowest, below - 1,
                         RELEVANCE_CANDIDATES / 4, error);
  if (stmt == NULL)
    return FALSE;

  return collect_ranked (self, stmt, ranked, error);
}

/* The articles whose own notes have the words come first: what the user
 * wrote about an article says best what it is about to them. Notes are
 * few; they are added newest first. @taken points into @notes, which the
 * caller keeps as long as @taken. */
static gboolean
note_matches_first (MkStore     *self,
                    Search      *search,
                    guint        limit,
                    GArray      *notes,
                    GArray      *keys,
                    GHashTable  *taken,
                    GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (search->notes == NULL)
    return TRUE;

  append_notes (search, sql);
  g_string_append (sql, " ORDER BY 1 DESC LIMIT ?4");
  stmt = prepare_search (self, search, sql->str, search->lowest, search->highest,
                         limit > 0 ? (gint64) limit : -1, error);
  if (stmt == NULL)
    return FALSE;

  if (!collect_keys (self, stmt, search, notes, error))
    return FALSE;

  for (guint i = 0; i < notes->len; i++)
    {
      g_array_append_val (keys, g_array_index (notes, gint64, i));
      g_hash_table_add (taken, &g_array_index (notes, gint64, i));
    }
  return TRUE;
}

/* Ranking every match of a common word in a million articles by BM25 takes
 * seconds, so relevance ranks a bounded set of candidates: the newest
 * RELEVANCE_CANDIDATES matches and the newest older articles with the words
 * in their titles. The other matches follow, newest first. Weights: title
 * most, then source and author, then summary, then body. */
static gboolean
search_relevant (MkStore  *self,
                 Search   *search,
                 guint     limit,
                 GArray   *keys,
                 GError  **error)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) taken = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) rest = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 oldest_candidate;

  if (match_of (search) == NULL)
    return search_newest (self, search, limit, keys, error);

  if (!note_matches_first (self, search, limit, notes, keys, taken, error) ||
      !rank_newest (self, search, ranked, error))
    return FALSE;

  oldest_candidate = ranked->len ? g_array_index (ranked, Ranked, ranked->len - 1).key : 0;
  if (ranked->len == RELEVANCE_CANDIDATES &&
      !rank_older_titles (self, search, oldest_candidate, ranked, error))
    return FALSE;

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len && (limit == 0 || keys->len < limit); i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);

      if (g_hash_table_contains (taken, &r->key))
        continue;
      g_array_append_val (keys, r->key);
      g_hash_table_add (taken, &r->key);
    }

  if (ranked->len < RELEVANCE_CANDIDATES || (limit > 0 && keys->len >= limit))
    return TRUE;

  if (!search_range (self, search, search->lowest, oldest_candidate - 1, FALSE, 0, rest, error))
    return FALSE;
  for (guint i = 0; i < rest->len && (limit == 0 || keys->len < limit); i++)
    if (!g_hash_table_contains (taken, &g_array_index (rest, gint64, i)))
      g_array_append_val (keys, g_array_index (rest, gint64, i));

  return TRUE;
}

/**
 * mk_store_search_ids:
 * @query: (nullable): what to look for; %NULL or empty lists every article
 * @limit: at most this many ids, 0 for all
 *
 * Newest first (and oldest first) walk the date-ordered index and stop after
 * @limit rows, so a first page costs the same for 10 and for 1,000,000
 * matches.
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
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  Search search;
  gboolean ok;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  search_init (&search, query, cancellable);
  switch (sort)
    {
    case MK_SORT_OLDEST:
      ok = search_oldest (self, &search, limit, keys, error);
      break;
    case MK_SORT_RELEVANCE:
      ok = search_relevant (self, &search, limit, keys, error);
      break;
    case MK_SORT_NEWEST:
    default:
      ok = search_newest (self, &search, limit, keys, error);
      break;
    }

  if (!ok)
    return NULL;

  for (guint i = 0; i < keys->len; i++)
    g_array_index (keys, gint64, i) &= KEY_ID_MASK;

  return g_steal_pointer (&keys);
}

/**
 * mk_store_count_matches:
 * @query: (nullable): what to look for; %NULL counts every article
 *
 * Returns: how many articles match, or -1 with @error set
 */
gint64
mk_store_count_matches (MkStore       *self,
                        MkQuery       *query,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GArray) count = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  Search search;

  g_return_val_if_fail (MK_IS_STORE (self), -1);

  search_init (&search, query, cancellable);
  sql = search_sql (&search, SELECT_COUNT, FALSE, FALSE);
  stmt = prepare_search (self, &search, sql, search.lowest, search.highest, -1, error);
  if (stmt == NULL || !collect_keys (self, stmt, &search, count, error))
    return -1;

  return g_array_index (count, gint64, 0);
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

/* --- For mk-store-entities.c (mk-store-private.h) ----------------------- */

sqlite3_stmt *
mk_store_statement (MkStore     *self,
                    const char  *sql,
                    GError     **error)
{
  return statement (self, sql, error);
}

void
mk_store_set_sqlite_error (MkStore  *self,
                           GError  **error)
{
  set_sqlite_error (self, error);
}

gboolean
mk_store_exec (MkStore     *self,
               const char  *sql,
               GError     **error)
{
  return exec (self, sql, error);
}

gboolean
mk_store_step_done (MkStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  return step_done (self, stmt, error);
}

void
mk_store_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  bind_text (stmt, index, text);
}

sqlite3 *
mk_store_get_db (MkStore *self)
{
  return self->db;
}
