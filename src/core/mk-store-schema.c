/* mk-store-schema.c — the archive's schema and its migrations
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-store.h"
#include "mk-store-schema.h"

/* Each archive records its schema version in PRAGMA user_version. Migration
 * N takes a version N-1 archive to version N; they run in order, in one
 * transaction, so an archive is never left half-migrated. Never edit a
 * migration that has shipped: add a new one and bump
 * MK_STORE_SCHEMA_VERSION. */

static const char migration_1[] =
  "CREATE TABLE sources ("
  "  id            INTEGER PRIMARY KEY,"
  "  kind          TEXT NOT NULL CHECK (kind IN ('files', 'feed')),"
  "  location      TEXT NOT NULL,"
  "  title         TEXT,"
  "  etag          TEXT,"
  "  last_modified TEXT,"
  "  last_fetched  TEXT,"
  "  last_error    TEXT,"
  "  created       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  UNIQUE (kind, location)"
  ");"
  "CREATE TABLE articles ("
  "  id            INTEGER PRIMARY KEY,"
  "  source_id     INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  guid          TEXT NOT NULL,"
  "  title         TEXT NOT NULL DEFAULT '',"
  "  title_derived INTEGER NOT NULL DEFAULT 0,"
  "  url           TEXT,"
  "  outlet        TEXT,"
  "  author        TEXT,"
  "  published     TEXT," /* ISO 8601, UTC when a time is known */
  "  summary       TEXT,"
  "  body          TEXT NOT NULL DEFAULT '',"
  "  language      TEXT,"
  "  content_hash  TEXT NOT NULL,"
  "  excerpt       INTEGER NOT NULL DEFAULT 0,"
  "  related_to    INTEGER REFERENCES articles (id) ON DELETE SET NULL,"
  "  added         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  updated       TEXT,"
  "  UNIQUE (source_id, guid)"
  ");"
  /* NULLs sort first in SQLite, so DESC lists undated articles last. */
  "CREATE INDEX articles_by_published ON articles (published DESC, id DESC);"
  "CREATE INDEX articles_by_content_hash ON articles (content_hash);"
  "CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;"
  "CREATE INDEX articles_by_related_to ON articles (related_to) WHERE related_to IS NOT NULL;"
  /* External-content FTS5 index kept in step by triggers; the 'mekong'
   * tokenizer folds case, diacritics and đ (mk-fts-tokenizer.c). */
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  title, summary, body,"
  "  content = 'articles', content_rowid = 'id', tokenize = 'mekong'"
  ");"
  "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts (rowid, title, summary, body)"
  "    VALUES (new.id, new.title, new.summary, new.body);"
  "END;"
  "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, summary, body)"
  "    VALUES ('delete', old.id, old.title, old.summary, old.body);"
  "END;"
  "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary, body ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, summary, body)"
  "    VALUES ('delete', old.id, old.title, old.summary, old.body);"
  "  INSERT INTO articles_fts (rowid, title, summary, body)"
  "    VALUES (new.id, new.title, new.summary, new.body);"
  "END;";

/* Version 2: the full-text index is keyed by date. Its rowid is the
 * article's sort_key, (publication day << 32) | id, so FTS5 returns matches
 * newest first by walking its own doclists (ORDER BY rowid DESC stops after
 * one page instead of sorting every match), and a date filter is a rowid
 * range that FTS5 seeks to. The index also covers source and author, for
 * title:/source:/author: searches. Undated articles have day 0 and come
 * last. The index is kept by mk-store.c (the key needs the new row's id);
 * a trigger still removes the entries of deleted articles. */
static const char migration_2[] =
  "DROP TRIGGER articles_fts_insert;"
  "DROP TRIGGER articles_fts_delete;"
  "DROP TRIGGER articles_fts_update;"
  "DROP TABLE articles_fts;"
  "ALTER TABLE articles ADD COLUMN sort_key INTEGER;"
  "UPDATE articles SET sort_key = (mk_day (published) << 32) | id;"
  "CREATE UNIQUE INDEX articles_by_sort_key ON articles (sort_key);"
  "DROP INDEX articles_by_published;"
  "CREATE VIEW articles_fts_content AS"
  "  SELECT sort_key, title, summary, body, outlet AS source, author FROM articles;"
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  title, summary, body, source, author,"
  "  content = 'articles_fts_content', content_rowid = 'sort_key', tokenize = 'mekong'"
  ");"
  "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
  "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, summary, body, source, author)"
  "    VALUES ('delete', old.sort_key, old.title, old.summary, old.body, old.outlet, old.author);"
  "END;";

/* Version 3: entities (people, organisations, places) and where articles
 * mention them. An entity is unique by type and key (mk_entity_key():
 * folded, no spaces), and found again by the keys of its aliases, so that
 * "Laos" and "Lao PDR", "Hanoi" and "Hà Nội" are one row across the
 * archive. Offsets count characters of the body (or of the title, when
 * in_title). n_mentions and n_articles are kept by mk-store-entities.c as
 * articles are indexed, so that the archive's most mentioned entities are
 * one index scan; the trigger keeps them right when an article goes. */
static const char migration_3[] =
  "CREATE TABLE entities ("
  "  id            INTEGER PRIMARY KEY,"
  "  type          TEXT NOT NULL CHECK (type IN ('person', 'organization', 'place')),"
  "  name          TEXT NOT NULL,"
  "  folded        TEXT NOT NULL,"
  "  lat           REAL,"
  "  lon           REAL,"
  "  n_mentions    INTEGER NOT NULL DEFAULT 0,"
  "  n_articles    INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (type, folded)"
  ");"
  "CREATE INDEX entities_by_mentions ON entities (n_mentions DESC, n_articles DESC);"
  "CREATE TABLE entity_aliases ("
  "  entity        INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  alias         TEXT NOT NULL,"
  "  folded        TEXT NOT NULL,"
  "  UNIQUE (entity, folded)"
  ");"
  "CREATE INDEX entity_aliases_by_folded ON entity_aliases (folded);"
  "CREATE TABLE mentions ("
  "  article       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  entity        INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  start_offset  INTEGER NOT NULL,"
  "  end_offset    INTEGER NOT NULL,"
  "  in_title      INTEGER NOT NULL DEFAULT 0,"
  "  CHECK (end_offset > start_offset AND start_offset >= 0)"
  ");"
  "CREATE INDEX mentions_by_article ON mentions (article, entity);"
  "CREATE INDEX mentions_by_entity ON mentions (entity, article);"
  "CREATE TRIGGER articles_entities_delete BEFORE DELETE ON articles BEGIN"
  "  UPDATE entities SET"
  "    n_mentions = n_mentions - (SELECT count(*) FROM mentions"
  "                               WHERE article = old.id AND entity = entities.id),"
  "    n_articles = n_articles - 1"
  "    WHERE id IN (SELECT entity FROM mentions WHERE article = old.id);"
  "END;";

/* Version 4: the user's own work on articles: bookmarks, notes and tags
 * (mk-store-annotations.c). Each hangs on the article's id, which an
 * update by a re-import or a re-fetch keeps (mk_store_add_article()
 * updates the row in place), and none is touched by entity extraction.
 * A note is independent of a bookmark. notes_fts indexes the notes with
 * the same tokenizer as the articles, so that searching words finds an
 * article by its note; its rowid is the article id (not the date key,
 * which changes when a re-import corrects the date), as notes are few
 * and their matches are sorted by date after the look-up. Tag names are
 * unique regardless of ASCII case ("MoU" and "mou" are one tag). */
static const char migration_4[] =
  "CREATE TABLE bookmarks ("
  "  article       INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,"
  "  created       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE TABLE notes ("
  "  article       INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,"
  "  text          TEXT NOT NULL,"
  "  updated       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE VIRTUAL TABLE notes_fts USING fts5 ("
  "  text, content = 'notes', content_rowid = 'article', tokenize = 'mekong'"
  ");"
  "CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN"
  "  INSERT INTO notes_fts (rowid, text) VALUES (new.article, new.text);"
  "END;"
  "CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN"
  "  INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.article, old.text);"
  "END;"
  "CREATE TRIGGER notes_fts_update AFTER UPDATE OF text ON notes BEGIN"
  "  INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.article, old.text);"
  "  INSERT INTO notes_fts (rowid, text) VALUES (new.article, new.text);"
  "END;"
  "CREATE TABLE tags ("
  "  id            INTEGER PRIMARY KEY,"
  "  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  created       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE TABLE article_tags ("
  "  article       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  tag           INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (article, tag)"
  ") WITHOUT ROWID;"
  "CREATE INDEX article_tags_by_tag ON article_tags (tag, article);";

/* Version 5: fetching feeds politely. next_fetch is the earliest time
 * the server allowed us to ask again (Cache-Control: max-age); a host that
 * answered 429 or 503 with Retry-After is left alone until retry_after,
 * for all its feeds. last_status is the HTTP status of the last fetch (0
 * when no answer came). An article is found again by its link within its
 * feed, when a feed changes its guids. */
static const char migration_5[] =
  "ALTER TABLE sources ADD COLUMN last_status INTEGER;"
  "ALTER TABLE sources ADD COLUMN next_fetch TEXT;"
  "ALTER TABLE sources ADD COLUMN site_url TEXT;"
  "CREATE TABLE feed_hosts ("
  "  host          TEXT PRIMARY KEY,"
  "  retry_after   TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE INDEX articles_by_source_url ON articles (source_id, url) WHERE url IS NOT NULL;";

/* Version 6: an article's key by its id without reading the article.
 * A search for an entity starts from the ids its mentions give and must
 * order them by key; sort_key was added last to the rows, behind the body,
 * so reading it from the table walks each body's overflow pages (0.8 s for
 * 10,000 articles of a 100,000-article archive, against 0.02 s through this
 * index). */
static const char migration_6[] =
  "CREATE INDEX articles_by_id_key ON articles (id, sort_key);";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == MK_STORE_SCHEMA_VERSION);

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_FAILED,
                   "Could not update the archive: %s", message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* Takes @db from @from_version to @to_version (MK_STORE_SCHEMA_VERSION,
 * except in tests that build archives as older versions wrote them). */
gboolean
mk_store_schema_migrate (sqlite3  *db,
                         int       from_version,
                         int       to_version,
                         GError  **error)
{
  g_autofree char *finish = NULL;

  g_return_val_if_fail (to_version <= MK_STORE_SCHEMA_VERSION, FALSE);

  if (from_version >= to_version)
    return TRUE;

  if (!exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int version = from_version + 1; version <= to_version; version++)
    if (!exec (db, migrations[version - 1], error))
      {
        exec (db, "ROLLBACK", NULL);
        return FALSE;
      }

  /* PRAGMAs cannot take bound parameters; both values are our constants. */
  finish = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d; COMMIT",
                            MK_STORE_APPLICATION_ID, to_version);
  if (!exec (db, finish, error))
    {
      exec (db, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}
