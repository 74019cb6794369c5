/* mk-store-annotations.c — bookmarks, notes and tags: the user's own work
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-store.h"
#include "mk-store-private.h"

/* The tables are made by migration 4 (mk-store-schema.c). Every write here
 * is small (a row or two, or one tag's links) and atomic: it runs in its
 * own transaction, or in a savepoint of the caller's. */

#define MAX_TAG_CHARS 200

void
mk_annotations_free (MkAnnotations *annotations)
{
  if (annotations == NULL)
    return;

  g_free (annotations->bookmarked_at);
  g_free (annotations->note);
  g_strfreev (annotations->tags);
  g_free (annotations);
}

void
mk_tag_count_free (MkTagCount *tag)
{
  if (tag == NULL)
    return;

  g_free (tag->name);
  g_free (tag);
}

/* --- Transactions ----------------------------------------------------------- */

/* A savepoint nests in the caller's transaction; outside one, BEGIN
 * IMMEDIATE takes the write lock at once, waiting for other writers as
 * mk_store_begin() does. */
static gboolean
begin_write (MkStore   *self,
             gboolean  *own,
             GError   **error)
{
  *own = sqlite3_get_autocommit (mk_store_get_db (self));

  return *own ? mk_store_begin_immediate (self, error)
              : mk_store_exec (self, "SAVEPOINT annotations", error);
}

static gboolean
end_write (MkStore   *self,
           gboolean   own,
           gboolean   ok,
           GError   **error)
{
  if (ok)
    return mk_store_exec (self, own ? "COMMIT" : "RELEASE annotations", error);

  if (own)
    mk_store_exec (self, "ROLLBACK", NULL);
  else
    mk_store_exec (self, "ROLLBACK TO annotations; RELEASE annotations", NULL);
  return FALSE;
}

/* --- Checks ----------------------------------------------------------------- */

static gboolean
require_article (MkStore  *self,
                 gint64    article_id,
                 GError  **error)
{
  sqlite3_stmt *stmt = mk_store_statement (self, "SELECT 1 FROM articles WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, article_id);

      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND,
                   _("No article with id %s"), number);
    }
  else
    mk_store_set_sqlite_error (self, error);

  return FALSE;
}

static gboolean
invalid_tag (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, MK_STORE_ERROR, MK_STORE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * mk_store_normalize_tag:
 * @name: a tag name as typed
 *
 * Tags are names people type and search for (`tag:"MoU 2022-2025"`):
 * composed (NFC) UTF-8, white space trimmed and each run of it made one
 * space, no control characters and no double quotes (a search could not
 * name the tag), at most 200 characters.
 *
 * Returns: (transfer full): the tag name, or %NULL with @error set
 */
char *
mk_store_normalize_tag (const char  *name,
                        GError     **error)
{
  g_autofree char *composed = NULL;
  GString *out;
  gboolean space = FALSE;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      invalid_tag (error, _("A tag must be valid UTF-8 text"));
      return NULL;
    }

  composed = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  out = g_string_new (NULL);
  for (const char *p = composed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (g_unichar_iscntrl (c) || c == '"')
        {
          g_string_free (out, TRUE);
          invalid_tag (error, _("A tag cannot contain double quotes or control characters"));
          return NULL;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0 || g_utf8_strlen (out->str, -1) > MAX_TAG_CHARS)
    {
      g_string_free (out, TRUE);
      invalid_tag (error, _("A tag must have between 1 and 200 characters"));
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/* --- Bookmarks and notes ---------------------------------------------------- */

/**
 * mk_store_set_bookmarked:
 * @created: (nullable): when it was bookmarked (ISO 8601), to restore a
 *   bookmark on undo; %NULL for now
 *
 * Bookmarking a bookmarked article keeps its first date.
 */
gboolean
mk_store_set_bookmarked (MkStore     *self,
                         gint64       article_id,
                         gboolean     bookmarked,
                         const char  *created,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  if (!require_article (self, article_id, error))
    return FALSE;

  if (bookmarked)
    stmt = mk_store_statement (self,
                               "INSERT INTO bookmarks (article, created)"
                               " VALUES (?1, coalesce (?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
                               " ON CONFLICT (article) DO NOTHING",
                               error);
  else
    stmt = mk_store_statement (self, "DELETE FROM bookmarks WHERE article = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  if (bookmarked)
    mk_store_bind_text (stmt, 2, created);
  return mk_store_step_done (self, stmt, error);
}

/**
 * mk_store_set_note:
 * @text: (nullable): the note, kept exactly as given; %NULL or "" removes it
 *
 * One single-row write (the full-text index follows by trigger), cheap
 * enough to run on every pause in typing.
 */
gboolean
mk_store_set_note (MkStore     *self,
                   gint64       article_id,
                   const char  *text,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean remove = text == NULL || *text == '\0';

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  if (!remove && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, MK_STORE_ERROR, MK_STORE_ERROR_INVALID,
                           _("A note must be valid UTF-8 text"));
      return FALSE;
    }

  if (!require_article (self, article_id, error))
    return FALSE;

  if (remove)
    stmt = mk_store_statement (self, "DELETE FROM notes WHERE article = ?1", error);
  else
    stmt = mk_store_statement (self,
                               "INSERT INTO notes (article, text) VALUES (?1, ?2)"
                               " ON CONFLICT (article) DO UPDATE SET text = excluded.text,"
                               " updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                               " WHERE text IS NOT excluded.text",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!remove)
    mk_store_bind_text (stmt, 2, text);
  return mk_store_step_done (self, stmt, error);
}

/* --- Tags ------------------------------------------------------------------- */

/* The id of the tag named @name (any ASCII case), 0 when there is none,
 * -1 on error. */
static gint64
find_tag (MkStore     *self,
          const char  *name,
          GError     **error)
{
  sqlite3_stmt *stmt = mk_store_statement (self, "SELECT id FROM tags WHERE name = ?1", error);
  gint64 id = -1;
  int rc;

  if (stmt == NULL)
    return -1;

  mk_store_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    id = 0;
  else
    mk_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return id;
}

static gint64
ensure_tag (MkStore     *self,
            const char  *name,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = find_tag (self, name, error);

  if (id != 0)
    return id;

  stmt = mk_store_statement (self, "INSERT INTO tags (name) VALUES (?1)", error);
  if (stmt == NULL)
    return -1;
  mk_store_bind_text (stmt, 1, name);
  if (!mk_store_step_done (self, stmt, error))
    return -1;

  return sqlite3_last_insert_rowid (mk_store_get_db (self));
}

static gboolean
no_such_tag (GError     **error,
             const char  *name)
{
  g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND, _("No tag “%s”"), name);
  return FALSE;
}

static gboolean
link_tag (MkStore     *self,
          gint64       article_id,
          const char  *name,
          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 tag_id;

  if (!require_article (self, article_id, error))
    return FALSE;

  tag_id = ensure_tag (self, name, error);
  if (tag_id < 0)
    return FALSE;

  stmt = mk_store_statement (self,
                             "INSERT INTO article_tags (article, tag) VALUES (?1, ?2)"
                             " ON CONFLICT DO NOTHING",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  return mk_store_step_done (self, stmt, error);
}

/**
 * mk_store_add_tag:
 * @tag: a tag name; the tag is created when new (see
 *   mk_store_normalize_tag() for what a name may be)
 */
gboolean
mk_store_add_tag (MkStore     *self,
                  gint64       article_id,
                  const char  *tag,
                  GError     **error)
{
  g_autofree char *name = NULL;
  gboolean own;

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  name = mk_store_normalize_tag (tag, error);
  if (name == NULL || !begin_write (self, &own, error))
    return FALSE;

  return end_write (self, own, link_tag (self, article_id, name, error), error);
}

/**
 * mk_store_remove_tag:
 *
 * Takes @tag off the article. The tag itself stays, with its other
 * articles (or none): only mk_store_delete_tag() removes a tag.
 */
gboolean
mk_store_remove_tag (MkStore     *self,
                     gint64       article_id,
                     const char  *tag,
                     GError     **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 tag_id;

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  name = mk_store_normalize_tag (tag, error);
  if (name == NULL || !require_article (self, article_id, error))
    return FALSE;

  tag_id = find_tag (self, name, error);
  if (tag_id < 0)
    return FALSE;
  if (tag_id == 0)
    return no_such_tag (error, name);

  stmt = mk_store_statement (self, "DELETE FROM article_tags WHERE article = ?1 AND tag = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, tag_id);
  return mk_store_step_done (self, stmt, error);
}

/**
 * mk_store_rename_tag:
 *
 * Renames @old_name everywhere. When a tag called @new_name exists
 * already, the two become one.
 */
gboolean
mk_store_rename_tag (MkStore     *self,
                     const char  *old_name,
                     const char  *new_name,
                     GError     **error)
{
  g_autofree char *old_tag = NULL;
  g_autofree char *new_tag = NULL;
  gint64 old_id, new_id;
  sqlite3_stmt *stmt;
  gboolean own, ok;

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  old_tag = mk_store_normalize_tag (old_name, error);
  if (old_tag == NULL)
    return FALSE;
  new_tag = mk_store_normalize_tag (new_name, error);
  if (new_tag == NULL || !begin_write (self, &own, error))
    return FALSE;

  old_id = find_tag (self, old_tag, error);
  new_id = old_id > 0 ? find_tag (self, new_tag, error) : -1;
  if (old_id == 0)
    no_such_tag (error, old_tag);
  if (old_id <= 0 || new_id < 0)
    return end_write (self, own, FALSE, NULL);

  if (new_id == 0 || new_id == old_id)
    {
      stmt = mk_store_statement (self, "UPDATE tags SET name = ?2 WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, old_id);
          mk_store_bind_text (stmt, 2, new_tag);
          ok = mk_store_step_done (self, stmt, error);
        }
      return end_write (self, own, ok, error);
    }

  stmt = mk_store_statement (self,
                             "INSERT INTO article_tags (article, tag)"
                             " SELECT article, ?2 FROM article_tags WHERE tag = ?1"
                             " ON CONFLICT DO NOTHING",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, old_id);
      sqlite3_bind_int64 (stmt, 2, new_id);
      ok = mk_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      stmt = mk_store_statement (self, "DELETE FROM tags WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, old_id);
          ok = mk_store_step_done (self, stmt, error);
        }
    }

  return end_write (self, own, ok, error);
}

/**
 * mk_store_delete_tag:
 *
 * Deletes the tag and takes it off every article.
 *
 * Returns: (transfer full) (element-type gint64): the articles that had
 *   it, ascending, so that an undo can put it back; %NULL with @error set
 */
GArray *
mk_store_delete_tag (MkStore     *self,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *tag = NULL;
  sqlite3_stmt *stmt;
  gint64 tag_id;
  gboolean own, ok;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  tag = mk_store_normalize_tag (name, error);
  if (tag == NULL || !begin_write (self, &own, error))
    return NULL;

  tag_id = find_tag (self, tag, error);
  if (tag_id == 0)
    no_such_tag (error, tag);
  if (tag_id <= 0)
    {
      end_write (self, own, FALSE, NULL);
      return NULL;
    }

  stmt = mk_store_statement (self, "SELECT article FROM article_tags WHERE tag = ?1 ORDER BY article",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, tag_id);
      ok = mk_store_collect_int64 (self, stmt, NULL, ids, error);
    }
  if (ok)
    {
      stmt = mk_store_statement (self, "DELETE FROM tags WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, tag_id);
          ok = mk_store_step_done (self, stmt, error);
        }
    }

  if (!end_write (self, own, ok, error))
    return NULL;

  return g_steal_pointer (&ids);
}

/**
 * mk_store_list_tags:
 *
 * Returns: (transfer full) (element-type MkTagCount): every tag, by name
 *   (ignoring case), with how many articles carry it
 */
GPtrArray *
mk_store_list_tags (MkStore  *self,
                    GError  **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_tag_count_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  stmt = mk_store_statement (self,
                             "SELECT t.name, count (at.article) FROM tags t"
                             " LEFT JOIN article_tags at ON at.tag = t.id"
                             " GROUP BY t.id ORDER BY t.name COLLATE NOCASE, t.id",
                             error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MkTagCount *tag = g_new0 (MkTagCount, 1);

      tag->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      tag->n_articles = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (tags, tag);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      mk_store_set_sqlite_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&tags);
}

/* --- Reading ---------------------------------------------------------------- */

static gboolean
read_text (MkStore     *self,
           const char  *sql,
           gint64       article_id,
           char       **text,
           GError     **error)
{
  sqlite3_stmt *stmt = mk_store_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      mk_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static GStrv
read_tags (MkStore  *self,
           gint64    article_id,
           GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = mk_store_statement (self,
                             "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag"
                             " WHERE at.article = ?1 ORDER BY t.name COLLATE NOCASE, t.id",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      mk_store_set_sqlite_error (self, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/**
 * mk_store_get_annotations:
 *
 * Returns: (transfer full): the article's bookmark, note and tags, or
 *   %NULL with @error set (%MK_STORE_ERROR_NOT_FOUND for no such article)
 */
MkAnnotations *
mk_store_get_annotations (MkStore  *self,
                          gint64    article_id,
                          GError  **error)
{
  g_autoptr(MkAnnotations) annotations = g_new0 (MkAnnotations, 1);

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  if (!require_article (self, article_id, error) ||
      !read_text (self, "SELECT created FROM bookmarks WHERE article = ?1", article_id,
                  &annotations->bookmarked_at, error) ||
      !read_text (self, "SELECT text FROM notes WHERE article = ?1", article_id,
                  &annotations->note, error))
    return NULL;

  annotations->bookmarked = annotations->bookmarked_at != NULL;
  annotations->tags = read_tags (self, article_id, error);
  if (annotations->tags == NULL)
    return NULL;

  return g_steal_pointer (&annotations);
}
