/* mk-store-entities.c — the archive's entities and where articles mention
 * them (part of MkStore)
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-store-private.h"

/* Across the archive an entity is one row per type and key; an article's
 * entity is the row whose key, or one of whose aliases' keys, is the key
 * of its name or of one of its aliases. So the first article that names
 * the Vietnam Social Security (VSS) makes "VSS" an alias, and a later
 * article that only says "VSS" finds the same row. Short forms of people
 * ("Anh") are never aliases (the extractor does not offer them), or every
 * Anh of the archive would be one person. */

#define ENTITY_COLUMNS MK_STORE_ENTITY_COLUMNS

/* A row of MK_STORE_ENTITY_COLUMNS, without its aliases. */
MkEntity *
mk_store_entity_from_row (sqlite3_stmt *stmt)
{
  MkEntityType type = MK_ENTITY_PERSON;
  MkEntity *entity;

  mk_entity_type_from_string ((const char *) sqlite3_column_text (stmt, 1), &type);
  entity = mk_entity_new (type, (const char *) sqlite3_column_text (stmt, 2));
  mk_entity_set_id (entity, sqlite3_column_int64 (stmt, 0));
  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL && sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    mk_entity_set_location (entity, sqlite3_column_double (stmt, 3), sqlite3_column_double (stmt, 4));
  mk_entity_set_n_mentions (entity, sqlite3_column_int (stmt, 5));
  mk_entity_set_n_articles (entity, sqlite3_column_int (stmt, 6));

  return entity;
}

/* Runs @stmt, whose first column is an id; 0 when there is no row. */
static gint64
step_id (MkStore       *self,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  gint64 id = 0;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      mk_store_set_sqlite_error (self, error);
      id = -1;
    }
  sqlite3_reset (stmt);

  return id;
}

/* The entity of @type whose key or alias key is @key: 0 if none, -1 on error. */
static gint64
lookup_key (MkStore     *self,
            const char  *type,
            const char  *key,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = mk_store_statement (self, "SELECT id FROM entities WHERE type = ?1 AND folded = ?2", error);
  if (stmt == NULL)
    return -1;
  mk_store_bind_text (stmt, 1, type);
  mk_store_bind_text (stmt, 2, key);
  id = step_id (self, stmt, error);
  if (id != 0)
    return id;

  stmt = mk_store_statement (self,
                             "SELECT a.entity FROM entity_aliases a JOIN entities e ON e.id = a.entity"
                             " WHERE a.folded = ?2 AND e.type = ?1 ORDER BY e.n_articles DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    return -1;
  mk_store_bind_text (stmt, 1, type);
  mk_store_bind_text (stmt, 2, key);
  return step_id (self, stmt, error);
}

/* The name first: an alias is only the way to an entity whose own name
 * the article does not use. */
static gint64
find_stored_entity (MkStore   *self,
                    MkEntity  *entity,
                    GError   **error)
{
  const char *type = mk_entity_type_to_string (mk_entity_get_entity_type (entity));
  GPtrArray *aliases = mk_entity_get_aliases (entity);
  g_autofree char *key = mk_entity_key (mk_entity_get_name (entity));
  gint64 id = lookup_key (self, type, key, error);

  for (guint i = 0; id == 0 && i < aliases->len; i++)
    {
      g_autofree char *alias_key = mk_entity_key (g_ptr_array_index (aliases, i));

      id = lookup_key (self, type, alias_key, error);
    }

  return id;
}

static gint64
insert_entity (MkStore   *self,
               MkEntity  *entity,
               GError   **error)
{
  g_autofree char *key = mk_entity_key (mk_entity_get_name (entity));
  sqlite3_stmt *stmt;

  stmt = mk_store_statement (self,
                             "INSERT INTO entities (type, name, folded, lat, lon)"
                             " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                             error);
  if (stmt == NULL)
    return -1;

  mk_store_bind_text (stmt, 1, mk_entity_type_to_string (mk_entity_get_entity_type (entity)));
  mk_store_bind_text (stmt, 2, mk_entity_get_name (entity));
  mk_store_bind_text (stmt, 3, key);
  if (mk_entity_has_location (entity))
    {
      sqlite3_bind_double (stmt, 4, mk_entity_get_latitude (entity));
      sqlite3_bind_double (stmt, 5, mk_entity_get_longitude (entity));
    }
  else
    {
      sqlite3_bind_null (stmt, 4);
      sqlite3_bind_null (stmt, 5);
    }

  return step_id (self, stmt, error);
}

static gboolean
add_alias (MkStore     *self,
           gint64       id,
           const char  *alias,
           GError     **error)
{
  g_autofree char *key = mk_entity_key (alias);
  sqlite3_stmt *stmt;

  if (*key == '\0')
    return TRUE;

  /* Known already, nearly always: a read, not a write (every write
   * statement costs SQLite a savepoint). */
  stmt = mk_store_statement (self,
                             "SELECT EXISTS (SELECT 1 FROM entity_aliases WHERE entity = ?1 AND folded = ?2)"
                             " OR EXISTS (SELECT 1 FROM entities WHERE id = ?1 AND folded = ?2)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  mk_store_bind_text (stmt, 2, key);
  switch (step_id (self, stmt, error))
    {
    case 0:
      break;
    case 1:
      return TRUE;
    default:
      return FALSE;
    }

  stmt = mk_store_statement (self,
                             "INSERT INTO entity_aliases (entity, alias, folded) VALUES (?1, ?2, ?3)"
                             " ON CONFLICT DO NOTHING",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  mk_store_bind_text (stmt, 2, alias);
  mk_store_bind_text (stmt, 3, key);
  return mk_store_step_done (self, stmt, error);
}

/* The names the article gives that the row does not have yet. */
static gboolean
add_aliases (MkStore   *self,
             gint64     id,
             MkEntity  *entity,
             GError   **error)
{
  GPtrArray *aliases = mk_entity_get_aliases (entity);

  if (!add_alias (self, id, mk_entity_get_name (entity), error))
    return FALSE;
  if (mk_entity_get_label (entity) != mk_entity_get_name (entity) &&
      !add_alias (self, id, mk_entity_get_label (entity), error))
    return FALSE;

  for (guint i = 0; i < aliases->len; i++)
    if (!add_alias (self, id, g_ptr_array_index (aliases, i), error))
      return FALSE;

  return TRUE;
}

static gint64
ensure_entity (MkStore   *self,
               MkEntity  *entity,
               GError   **error)
{
  gint64 id = find_stored_entity (self, entity, error);

  if (id == 0)
    id = insert_entity (self, entity, error);
  if (id <= 0 || !add_aliases (self, id, entity, error))
    return -1;

  return id;
}

/* [[entity, start, end, in_title], …] for mentions, [[entity, count], …]
 * for counts: one statement for the whole article, through json_each(),
 * instead of one per row. */
static void
append_mentions (GString  *json,
                 gint64    entity_id,
                 MkEntity *entity)
{
  GArray *mentions = mk_entity_get_mentions (entity);

  for (guint i = 0; i < mentions->len; i++)
    {
      MkMention *mention = &g_array_index (mentions, MkMention, i);

      g_string_append_printf (json, "%s[%" G_GINT64_FORMAT ",%d,%d,%d]",
                              json->len > 1 ? "," : "", entity_id,
                              mention->start, mention->end, mention->in_title ? 1 : 0);
    }
}

static gboolean
insert_mentions (MkStore     *self,
                 gint64       article_id,
                 const char  *mentions,
                 const char  *counts,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = mk_store_statement (self,
                             "INSERT INTO mentions (article, entity, start_offset, end_offset, in_title)"
                             " SELECT ?1, json_extract (value, '$[0]'), json_extract (value, '$[1]'),"
                             "        json_extract (value, '$[2]'), json_extract (value, '$[3]')"
                             " FROM json_each (?2)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  mk_store_bind_text (stmt, 2, mentions);
  if (!mk_store_step_done (self, stmt, error))
    return FALSE;

  stmt = mk_store_statement (self,
                             "UPDATE entities SET n_mentions = n_mentions + json_extract (c.value, '$[1]'),"
                             " n_articles = n_articles + 1"
                             " FROM json_each (?1) AS c WHERE entities.id = json_extract (c.value, '$[0]')",
                             error);
  if (stmt == NULL)
    return FALSE;
  mk_store_bind_text (stmt, 1, counts);
  return mk_store_step_done (self, stmt, error);
}

static gboolean
has_mentions (MkStore   *self,
              gint64     article_id,
              gboolean  *found,
              GError   **error)
{
  sqlite3_stmt *stmt = mk_store_statement (self,
                                           "SELECT EXISTS (SELECT 1 FROM mentions WHERE article = ?1)",
                                           error);
  gint64 exists;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  exists = step_id (self, stmt, error);
  *found = exists == 1;
  return exists >= 0;
}

/* Takes the article's old mentions out of the counts, then out of the
 * table. */
static gboolean
forget_mentions (MkStore   *self,
                 gint64     article_id,
                 GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  /* A new article has none: nothing to write. */
  if (!has_mentions (self, article_id, &found, error))
    return FALSE;
  if (!found)
    return TRUE;

  stmt = mk_store_statement (self,
                             "UPDATE entities SET n_mentions = n_mentions - old.n, n_articles = n_articles - 1"
                             " FROM (SELECT entity, count(*) AS n FROM mentions WHERE article = ?1"
                             "       GROUP BY entity) AS old"
                             " WHERE entities.id = old.entity",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!mk_store_step_done (self, stmt, error))
    return FALSE;

  stmt = mk_store_statement (self, "DELETE FROM mentions WHERE article = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  return mk_store_step_done (self, stmt, error);
}

/**
 * mk_store_set_article_entities:
 * @article_id: an article of the archive
 * @entities: (element-type MkEntity): what mk_entity_extractor_extract()
 *   found in it
 *
 * Replaces the article's mentions: each entity is merged with the one of
 * the archive that has its name or one of its aliases (by key), or added.
 * Call inside mk_store_begin()/mk_store_commit().
 */
gboolean
mk_store_set_article_entities (MkStore    *self,
                               gint64      article_id,
                               GPtrArray  *entities,
                               GError    **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) mentions = g_string_new ("[");
  g_autoptr(GString) totals = g_string_new ("[");
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);
  g_return_val_if_fail (entities != NULL, FALSE);

  if (!forget_mentions (self, article_id, error))
    return FALSE;

  for (guint i = 0; i < entities->len; i++)
    {
      MkEntity *entity = g_ptr_array_index (entities, i);
      gint64 id = ensure_entity (self, entity, error);
      guint n;

      if (id <= 0)
        return FALSE;

      /* Two of the article's entities may be one of the archive's: one
       * article for its count. */
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));
      g_hash_table_replace (counts, g_memdup2 (&id, sizeof id),
                            GUINT_TO_POINTER (n + mk_entity_get_mentions (entity)->len));

      mk_entity_set_id (entity, id);
      append_mentions (mentions, id, entity);
    }

  if (g_hash_table_size (counts) == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (totals, "%s[%" G_GINT64_FORMAT ",%u]", totals->len > 1 ? "," : "",
                            *(gint64 *) key, GPOINTER_TO_UINT (value));
  g_string_append_c (mentions, ']');
  g_string_append_c (totals, ']');

  return insert_mentions (self, article_id, mentions->str, totals->str, error);
}

/**
 * mk_store_clear_entities:
 *
 * Forgets every entity, alias and mention, before indexing the archive
 * again with new rules. Call inside a transaction.
 */
gboolean
mk_store_clear_entities (MkStore  *self,
                         GError  **error)
{
  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  return mk_store_exec (self, "DELETE FROM mentions", error) &&
         mk_store_exec (self, "DELETE FROM entity_aliases", error) &&
         mk_store_exec (self, "DELETE FROM entities", error);
}

/**
 * mk_store_list_article_ids:
 * @after_id: list ids above this one (0 for the first)
 * @limit: at most this many
 *
 * Walks the archive in id order, a batch at a time.
 *
 * Returns: (transfer full) (element-type gint64): ids, ascending
 */
GArray *
mk_store_list_article_ids (MkStore  *self,
                           gint64    after_id,
                           guint     limit,
                           GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  stmt = mk_store_statement (self, "SELECT id FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, after_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  if (!mk_store_collect_int64 (self, stmt, NULL, ids, error))
    return NULL;

  return g_steal_pointer (&ids);
}

static gboolean
type_matches (MkEntity *entity,
              int       type)
{
  return type == MK_ENTITY_TYPE_ANY || (int) mk_entity_get_entity_type (entity) == type;
}

/* The fullest of an article's forms of an entity, as written: the
 * longest, but a form in capitals only when there is no other. */
static gboolean
is_better_label (const char *candidate,
                 const char *current)
{
  g_autofree char *upper = g_utf8_strup (candidate, -1);
  g_autofree char *current_upper = current ? g_utf8_strup (current, -1) : NULL;
  gboolean caps = g_str_equal (upper, candidate) && g_utf8_strlen (candidate, -1) > 5;
  gboolean current_caps = current && g_str_equal (current_upper, current) &&
                          g_utf8_strlen (current, -1) > 5;

  if (current == NULL || (current_caps && !caps))
    return TRUE;
  if (caps && !current_caps)
    return FALSE;
  return g_utf8_strlen (candidate, -1) > g_utf8_strlen (current, -1);
}

typedef struct {
  MkEntity *entity;
  GPtrArray *surfaces;   /* of char*: how the article writes it, in order */
} ArticleEntity;

static void
article_entity_free (gpointer data)
{
  ArticleEntity *item = data;

  g_object_unref (item->entity);
  g_ptr_array_unref (item->surfaces);
  g_free (item);
}

/* The article's forms of an entity: the fullest is its label, the others
 * its aliases in this list ("Dao Viet Anh", then "Anh"). */
static void
finish_article_entity (ArticleEntity *item)
{
  const char *label = NULL;

  for (guint i = 0; i < item->surfaces->len; i++)
    if (is_better_label (g_ptr_array_index (item->surfaces, i), label))
      label = g_ptr_array_index (item->surfaces, i);

  if (label == NULL)
    return;

  mk_entity_set_label (item->entity, label);
  for (guint i = 0; i < item->surfaces->len; i++)
    {
      g_autofree char *key = mk_entity_key (g_ptr_array_index (item->surfaces, i));
      g_autofree char *label_key = mk_entity_key (label);

      if (!g_str_equal (key, label_key))
        mk_entity_add_alias (item->entity, g_ptr_array_index (item->surfaces, i));
    }
}

/* Adds one mention row to the entity of the article's list it belongs to. */
static void
add_article_mention (GPtrArray    *items,
                     GHashTable   *by_id,
                     sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const char *surface = (const char *) sqlite3_column_text (stmt, 10);
  ArticleEntity *item = g_hash_table_lookup (by_id, &id);

  if (item == NULL)
    {
      item = g_new0 (ArticleEntity, 1);
      item->entity = mk_store_entity_from_row (stmt);
      item->surfaces = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (items, item);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), item);
    }

  mk_entity_add_mention (item->entity, sqlite3_column_int (stmt, 7), sqlite3_column_int (stmt, 8),
                         sqlite3_column_int (stmt, 9));
  if (surface != NULL && *surface != '\0')
    g_ptr_array_add (item->surfaces, g_strdup (surface));
}

static int
compare_article_entities (gconstpointer a,
                          gconstpointer b)
{
  MkEntity *x = *(MkEntity **) a;
  MkEntity *y = *(MkEntity **) b;
  guint nx = mk_entity_get_mentions (x)->len;
  guint ny = mk_entity_get_mentions (y)->len;

  if (nx != ny)
    return nx > ny ? -1 : 1;
  return g_utf8_collate (mk_entity_get_label (x), mk_entity_get_label (y));
}

/**
 * mk_store_get_article_entities:
 * @type: an #MkEntityType, or %MK_ENTITY_TYPE_ANY
 *
 * The entities an article mentions, most mentioned first. Each has its
 * mentions in this article (in text order, title first), its label (the
 * fullest form this article writes, "Việt Nam" where the archive says
 * "Vietnam"), the article's other forms as aliases, and its archive-wide
 * counts.
 *
 * Returns: (transfer full) (element-type MkEntity):
 */
GPtrArray *
mk_store_get_article_entities (MkStore  *self,
                               gint64    article_id,
                               int       type,
                               GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (article_entity_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GPtrArray *entities;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  /* substr() counts characters, as the offsets do. */
  stmt = mk_store_statement (self,
                             "SELECT " ENTITY_COLUMNS ", m.start_offset, m.end_offset, m.in_title,"
                             " substr (CASE WHEN m.in_title THEN a.title ELSE a.body END,"
                             "         m.start_offset + 1, m.end_offset - m.start_offset)"
                             " FROM mentions m JOIN entities e ON e.id = m.entity"
                             " JOIN articles a ON a.id = m.article"
                             " WHERE m.article = ?1"
                             " ORDER BY m.in_title DESC, m.start_offset",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_article_mention (items, by_id, stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      mk_store_set_sqlite_error (self, error);
      return NULL;
    }

  entities = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < items->len; i++)
    {
      ArticleEntity *item = g_ptr_array_index (items, i);

      if (!type_matches (item->entity, type))
        continue;
      finish_article_entity (item);
      g_ptr_array_add (entities, g_object_ref (item->entity));
    }
  g_ptr_array_sort (entities, compare_article_entities);

  return entities;
}

static gboolean
load_aliases (MkStore   *self,
              MkEntity  *entity,
              GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = mk_store_statement (self,
                             "SELECT alias FROM entity_aliases WHERE entity = ?1 ORDER BY rowid",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, mk_entity_get_id (entity));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    mk_entity_add_alias (entity, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      mk_store_set_sqlite_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static int
is_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* Steps @stmt (rows of ENTITY_COLUMNS), checking @cancellable every few
 * thousand SQLite steps, then loads each entity's aliases. */
static GPtrArray *
collect_entities_cancellable (MkStore       *self,
                              sqlite3_stmt  *stmt,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (cancellable != NULL)
    sqlite3_progress_handler (mk_store_get_db (self), 1000, is_cancelled, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entities, mk_store_entity_from_row (stmt));
  sqlite3_progress_handler (mk_store_get_db (self), 0, NULL, NULL);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        mk_store_set_sqlite_error (self, error);
      return NULL;
    }

  for (guint i = 0; i < entities->len; i++)
    if (!load_aliases (self, g_ptr_array_index (entities, i), error))
      return NULL;

  return g_steal_pointer (&entities);
}

static GPtrArray *
collect_entities (MkStore       *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  return collect_entities_cancellable (self, stmt, NULL, error);
}

/* The archive's entities, most mentioned first: the counts are kept as
 * articles are indexed, so this reads one index. */
static GPtrArray *
archive_entities (MkStore  *self,
                  int       type,
                  guint     limit,
                  GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = mk_store_statement (self,
                             "SELECT " ENTITY_COLUMNS " FROM entities e"
                             " WHERE e.n_articles > 0 AND (?1 IS NULL OR e.type = ?1)"
                             " ORDER BY e.n_mentions DESC, e.n_articles DESC, e.name LIMIT ?2",
                             error);
  if (stmt == NULL)
    return NULL;

  mk_store_bind_text (stmt, 1, type == MK_ENTITY_TYPE_ANY ? NULL : mk_entity_type_to_string (type));
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return collect_entities (self, stmt, error);
}

/* The ids of a search, in a temporary table the counting query joins. */
gboolean
mk_store_fill_result_table (MkStore  *self,
                            GArray   *ids,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  if (!mk_store_exec (self, "CREATE TEMP TABLE IF NOT EXISTS mk_result (id INTEGER PRIMARY KEY)", error) ||
      !mk_store_exec (self, "DELETE FROM temp.mk_result", error))
    return FALSE;

  stmt = mk_store_statement (self, "INSERT OR IGNORE INTO temp.mk_result (id) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (!mk_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The entities of a search's articles, with counts within them, most
 * mentioned first: at most @limit in all, and at most @per_type of each
 * type (0: no bound). One pass over the results' mentions for all types. */
static GPtrArray *
result_entities (MkStore       *self,
                 MkQuery       *query,
                 int            type,
                 guint          limit,
                 guint          per_type,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GArray) ids = mk_store_search_ids (self, query, MK_SORT_NEWEST, 0, cancellable, error);
  sqlite3_stmt *stmt;

  if (ids == NULL || !mk_store_fill_result_table (self, ids, error))
    return NULL;

  stmt = mk_store_statement (self,
                             "SELECT id, type, name, lat, lon, n_mentions, n_articles FROM ("
                             "  SELECT e.id, e.type, e.name, e.lat, e.lon, c.n_mentions, c.n_articles,"
                             "         row_number () OVER (PARTITION BY e.type ORDER BY c.n_mentions DESC,"
                             "                             c.n_articles DESC, e.name) AS rank"
                             "  FROM (SELECT m.entity, count(*) AS n_mentions,"
                             "               count(DISTINCT m.article) AS n_articles"
                             "        FROM temp.mk_result r JOIN mentions m ON m.article = r.id"
                             "        GROUP BY m.entity) AS c"
                             "  JOIN entities e ON e.id = c.entity"
                             "  WHERE (?1 IS NULL OR e.type = ?1))"
                             " WHERE ?3 = 0 OR rank <= ?3"
                             " ORDER BY n_mentions DESC, n_articles DESC, name LIMIT ?2",
                             error);
  if (stmt == NULL)
    return NULL;

  mk_store_bind_text (stmt, 1, type == MK_ENTITY_TYPE_ANY ? NULL : mk_entity_type_to_string (type));
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, per_type);
  return collect_entities_cancellable (self, stmt, cancellable, error);
}

/**
 * mk_store_get_entities:
 * @query: (nullable): the search whose articles count; %NULL or an empty
 *   query for the whole archive
 * @type: an #MkEntityType, or %MK_ENTITY_TYPE_ANY
 * @limit: at most this many, 0 for all
 *
 * The entities of the archive, or of a search's results, most mentioned
 * first, with their mention and article counts (within the results, for a
 * search) and their aliases.
 *
 * Returns: (transfer full) (element-type MkEntity):
 */
GPtrArray *
mk_store_get_entities (MkStore       *self,
                       MkQuery       *query,
                       int            type,
                       guint          limit,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  if (query == NULL || mk_query_is_empty (query))
    return archive_entities (self, type, limit, error);

  return result_entities (self, query, type, limit, 0, cancellable, error);
}

/**
 * mk_store_get_top_entities:
 * @query: (nullable): the search whose articles count; %NULL or an empty
 *   query for the whole archive
 * @per_type: at most this many of each type
 *
 * The most mentioned people, organisations and places of the archive or
 * of a search's results, as mk_store_get_entities() counts them, but in
 * one pass over the results' mentions for the three types.
 *
 * Returns: (transfer full) (element-type MkEntity): most mentioned first
 */
GPtrArray *
mk_store_get_top_entities (MkStore       *self,
                           MkQuery       *query,
                           guint          per_type,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);
  g_return_val_if_fail (per_type > 0, NULL);

  if (query != NULL && !mk_query_is_empty (query))
    return result_entities (self, query, MK_ENTITY_TYPE_ANY, 0, per_type, cancellable, error);

  /* The archive's counts are kept: three short reads of one index. */
  all = g_ptr_array_new_with_free_func (g_object_unref);
  for (int type = 0; type < MK_ENTITY_N_TYPES; type++)
    {
      g_autoptr(GPtrArray) some = archive_entities (self, type, per_type, error);

      if (some == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (all, g_steal_pointer (&some));
    }

  return g_steal_pointer (&all);
}

/**
 * mk_store_get_entity:
 *
 * Returns: (transfer full): the entity, with its aliases and counts
 */
MkEntity *
mk_store_get_entity (MkStore  *self,
                     gint64    id,
                     GError  **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  stmt = mk_store_statement (self, "SELECT " ENTITY_COLUMNS " FROM entities e WHERE e.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  found = collect_entities (self, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND, _("No entity with id %s"), number);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

/**
 * mk_store_find_entity:
 * @type: an #MkEntityType, or %MK_ENTITY_TYPE_ANY
 * @name: a name or alias, in any spelling ("Ha Noi", "lao pdr")
 *
 * Returns: (transfer full): the entity, or %NULL with @error set
 *   (%MK_STORE_ERROR_NOT_FOUND when there is none)
 */
MkEntity *
mk_store_find_entity (MkStore     *self,
                      int          type,
                      const char  *name,
                      GError     **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = mk_entity_key (name);
  stmt = mk_store_statement (self,
                             "SELECT id FROM ("
                             "  SELECT e.id, e.n_articles, 0 AS rank FROM entities e"
                             "   WHERE e.folded = ?1 AND (?2 IS NULL OR e.type = ?2)"
                             "  UNION ALL"
                             "  SELECT e.id, e.n_articles, 1 FROM entity_aliases a"
                             "   JOIN entities e ON e.id = a.entity"
                             "   WHERE a.folded = ?1 AND (?2 IS NULL OR e.type = ?2))"
                             " ORDER BY rank, n_articles DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    return NULL;

  mk_store_bind_text (stmt, 1, key);
  mk_store_bind_text (stmt, 2, type == MK_ENTITY_TYPE_ANY ? NULL : mk_entity_type_to_string (type));
  id = step_id (self, stmt, error);
  if (id < 0)
    return NULL;
  if (id == 0)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND, _("No entity named “%s”"), name);
      return NULL;
    }

  return mk_store_get_entity (self, id, error);
}

/**
 * mk_store_get_entity_article_ids:
 * @limit: at most this many, 0 for all
 *
 * Returns: (transfer full) (element-type gint64): the articles that
 *   mention the entity, newest first
 */
GArray *
mk_store_get_entity_article_ids (MkStore  *self,
                                 gint64    entity_id,
                                 guint     limit,
                                 GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  stmt = mk_store_statement (self,
                             "SELECT a.id FROM articles a"
                             " WHERE a.id IN (SELECT article FROM mentions WHERE entity = ?1)"
                             " ORDER BY a.sort_key DESC LIMIT ?2",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, entity_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  if (!mk_store_collect_int64 (self, stmt, NULL, ids, error))
    return NULL;

  return g_steal_pointer (&ids);
}

gint64
mk_store_count_entities (MkStore  *self,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_STORE (self), -1);

  stmt = mk_store_statement (self, "SELECT count(*) FROM entities WHERE n_articles > 0", error);
  if (stmt == NULL)
    return -1;

  return step_id (self, stmt, error);
}

/* --- Entity filters of searches (for mk-store.c) -------------------------- */

/* The parameters before @first_param are the search's own (mk-store.c);
 * filter i binds its key or id to ?(first_param + 2i) and its type to the
 * next one. */

static void
append_type_condition (GString    *sql,
                       int         type,
                       int         param)
{
  if (type == MK_ENTITY_TYPE_ANY)
    /* Spelled out so that the (type, folded) index serves "any type" too. */
    g_string_append (sql, "e.type IN ('person', 'organization', 'place')");
  else
    g_string_append_printf (sql, "e.type = ?%d", param);
}

/* "m.entity …": the entities filter @i names. By name, that is every
 * entity of the type whose key or one of whose aliases' keys is the key
 * typed, both read from an index. */
static void
append_entity_set (GString *sql,
                   MkQuery *query,
                   guint    i,
                   int      first_param)
{
  int param = first_param + 2 * i;
  const char *key;
  int type;

  mk_query_get_entity_filter (query, i, &type, &key, NULL, NULL);
  if (key == NULL)
    {
      g_string_append_printf (sql, "m.entity = ?%d", param);
      return;
    }

  g_string_append_printf (sql, "m.entity IN (SELECT e.id FROM entities e WHERE e.folded = ?%d AND ", param);
  append_type_condition (sql, type, param + 1);
  /* CROSS JOIN: from the alias index to the entity, not through every
   * entity of the type. */
  g_string_append_printf (sql, " UNION SELECT x.entity FROM entity_aliases x"
                               " CROSS JOIN entities e ON e.id = x.entity WHERE x.folded = ?%d AND ", param);
  append_type_condition (sql, type, param + 1);
  g_string_append_c (sql, ')');
}

/**
 * mk_store_get_entity_driver:
 *
 * Returns: the first filter that wants its entity's articles, whose
 *   mentions a search can start from; -1 when there is none
 */
int
mk_store_get_entity_driver (MkQuery *query)
{
  guint n = query ? mk_query_get_n_entity_filters (query) : 0;

  for (guint i = 0; i < n; i++)
    {
      gboolean negated;

      mk_query_get_entity_filter (query, i, NULL, NULL, NULL, &negated);
      if (!negated)
        return (int) i;
    }

  return -1;
}

/**
 * mk_store_append_entity_driver:
 *
 * Appends a subquery whose column "article" lists, once each, the
 * articles that mention the entity of filter @driver: the mentions index
 * gives them without reading any other article.
 */
void
mk_store_append_entity_driver (GString *sql,
                               MkQuery *query,
                               int      driver,
                               int      first_param)
{
  g_string_append (sql, "(SELECT DISTINCT m.article AS article FROM mentions m WHERE ");
  append_entity_set (sql, query, driver, first_param);
  g_string_append_c (sql, ')');
}

/**
 * mk_store_append_entity_conditions:
 * @article: the SQL expression of the candidate article's id
 * @skip: a filter already applied (the driver), or -1
 *
 * Appends " AND [NOT] EXISTS (…)" for each of the query's entity filters:
 * one probe of the mentions index per candidate article.
 */
void
mk_store_append_entity_conditions (GString    *sql,
                                   MkQuery    *query,
                                   const char *article,
                                   int         skip,
                                   int         first_param)
{
  guint n = query ? mk_query_get_n_entity_filters (query) : 0;

  for (guint i = 0; i < n; i++)
    {
      gboolean negated;

      if ((int) i == skip)
        continue;

      mk_query_get_entity_filter (query, i, NULL, NULL, NULL, &negated);
      g_string_append_printf (sql, " AND %sEXISTS (SELECT 1 FROM mentions m WHERE m.article = %s AND ",
                              negated ? "NOT " : "", article);
      append_entity_set (sql, query, i, first_param);
      g_string_append_c (sql, ')');
    }
}

/**
 * mk_store_bind_entity_filters:
 *
 * Binds the values of the SQL the two functions above wrote.
 */
void
mk_store_bind_entity_filters (sqlite3_stmt *stmt,
                              MkQuery      *query,
                              int           first_param)
{
  guint n = query ? mk_query_get_n_entity_filters (query) : 0;

  for (guint i = 0; i < n; i++)
    {
      int param = first_param + 2 * i;
      const char *key;
      gint64 id;
      int type;

      mk_query_get_entity_filter (query, i, &type, &key, &id, NULL);
      if (key == NULL)
        {
          sqlite3_bind_int64 (stmt, param, id);
          continue;
        }

      mk_store_bind_text (stmt, param, key);
      if (type != MK_ENTITY_TYPE_ANY)
        mk_store_bind_text (stmt, param + 1, mk_entity_type_to_string (type));
    }
}

/**
 * mk_store_get_related_entities:
 * @entity_id: an entity of the archive
 * @limit: at most this many, 0 for all
 *
 * The entities most often named in the same articles as @entity_id: each
 * with, as its counts, the number of articles they share ("n-articles")
 * and its mentions in them ("n-mentions"); most shared articles first.
 * Reads the mentions of the entity's articles only.
 *
 * Returns: (transfer full) (element-type MkEntity):
 */
GPtrArray *
mk_store_get_related_entities (MkStore       *self,
                               gint64         entity_id,
                               guint          limit,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  stmt = mk_store_statement (self,
                             "SELECT e.id, e.type, e.name, e.lat, e.lon, c.n_mentions, c.n_articles"
                             " FROM (SELECT o.entity, count(*) AS n_mentions,"
                             "              count(DISTINCT o.article) AS n_articles"
                             "       FROM (SELECT DISTINCT article FROM mentions WHERE entity = ?1) AS s"
                             "       CROSS JOIN mentions o ON o.article = s.article"
                             "       WHERE o.entity != ?1 GROUP BY o.entity) AS c"
                             " JOIN entities e ON e.id = c.entity"
                             " ORDER BY c.n_articles DESC, c.n_mentions DESC, e.name LIMIT ?2",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, entity_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  if (cancellable != NULL)
    sqlite3_progress_handler (mk_store_get_db (self), 1000, is_cancelled, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entities, mk_store_entity_from_row (stmt));
  sqlite3_progress_handler (mk_store_get_db (self), 0, NULL, NULL);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        mk_store_set_sqlite_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&entities);
}

/* "2021-03-01" for a day number of the index keys (GDate's Julian day). */
static char *
iso_date_of_day (gint64 day)
{
  g_autoptr(GDate) date = NULL;
  char text[16];

  if (day <= 0 || day > G_MAXUINT32 || !g_date_valid_julian ((guint32) day))
    return NULL;

  date = g_date_new_julian ((guint32) day);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/**
 * mk_store_get_entity_dates:
 * @first: (out) (transfer full) (nullable): the publication day
 *   ("YYYY-MM-DD") of the earliest dated article that mentions the
 *   entity, or %NULL
 * @last: (out) (transfer full) (nullable): that of the latest, or %NULL
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
mk_store_get_entity_dates (MkStore  *self,
                           gint64    entity_id,
                           char    **first,
                           char    **last,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  *first = *last = NULL;
  /* The day is the high half of the key (migration 2), read from the
   * index of keys by id (migration 6) rather than from each row; day 0,
   * undated, is left out. */
  stmt = mk_store_statement (self,
                             "SELECT min (a.sort_key >> 32), max (a.sort_key >> 32)"
                             " FROM (SELECT DISTINCT article FROM mentions WHERE entity = ?1) AS h"
                             " CROSS JOIN articles a INDEXED BY articles_by_id_key ON a.id = h.article"
                             " WHERE a.sort_key >= 4294967296",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, entity_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *first = iso_date_of_day (sqlite3_column_int64 (stmt, 0));
      *last = iso_date_of_day (sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      mk_store_set_sqlite_error (self, error);
      return FALSE;
    }

  return TRUE;
}
