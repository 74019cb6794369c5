/* test-migrations.c — archives written by every earlier Mekong open today
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/migrations/vN.db.gz is an archive of schema version N written
 * by the real mekong-cli of the last commit at which N was the newest
 * schema (make-fixtures.sh there says which, and how): the sample
 * articles, three hostile ones, and from version 4 bookmarks, notes and
 * tags, from version 5 two followed feeds with their fetch state. Each
 * test decompresses a copy, reads what the old archive holds with plain
 * SQL, opens it with today's MkStore (which migrates it) and checks that a
 * user finds all of it again: articles byte for byte, search, is:/has:/tag:,
 * notes, feeds, entities; that the file is sound and that opening it again
 * changes nothing.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>

#include "mekong-core.h"
#include "mk-fts-tokenizer.h"

/* What the fixtures hold, as make-fixtures.sh wrote it. */
#define N_FILE_ARTICLES 10  /* 7 from the 5 sample files, 3 hostile */
#define N_FEED_ARTICLES 2   /* version 5 only */

static const char markup_title[] = "<b>x</b> & <script>alert(1)</script>";
static const char markup_body[] = "Markup body: <i>kept</i> &amp; shown in Vientiane.";
static const char sql_title[] = "Robert'); DROP TABLE articles; -- O'Brien's \"50%\" _ share";
static const char sql_body[] = "SQL body: ' OR 1=1; --  \"%\" _ \\. Hanoi.";
static const char rtl_title[] = "\xe2\x80\xae" "evil" "\xe2\x80\xac" " zero" "\xe2\x80\x8b" "width" "\xe2\x80\x8f";
static const char rtl_body[] = "RTL body: \xe2\x80\xae" "txet" "\xe2\x80\xac" " and \xef\xbb\xbf" "BOM.";

/* Titles of the annotated articles (by the start of their title). */
static const char security_title[] = "Vietnam, Laos reinforce ties in social security";
static const char vss_title[] = "The Vietnam Social Security (VSS)";
static const char ministry_title[] = "The Ministry of Labour, Invalids";
static const char forum_title[] = "Vientiane hosts a Mekong water forum";
static const char port_title[] = "Đà Nẵng port & O'Brien's \"50%\" share";

static const char security_note[] =
  "Ghi chú: <b>Hà Nội</b> & \"Viêng Chăn\" — hỏi BHXH về 50% _ quỹ; DROP TABLE notes; --";
static const char ministry_note[] =
  "First line: pension actuarial tables\n\n  indented <script>alert(1)</script> line\nlast line without newline";
static const char forum_note[] = "Theo dõi: nguồn RSS <feed> & \"tin\"";

#define FEED_URL "http://127.0.0.1:8765/feed.xml"
#define FLAKY_URL "http://localhost:8765/flaky.xml"

typedef struct {
  char *dir;
  char *path;
  int version;
} Fixture;

/* --- plain SQL on the archive, old or new -------------------------------- */

static sqlite3 *
open_sql (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  /* For the full-text indexes' integrity checks. */
  g_assert_true (mk_fts_tokenizer_register (db, NULL));
  return db;
}

static gint64
sql_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every row of @sql, its columns quoted by SQLite (so NULL, '' and
 * numbers stay apart), one line each. */
static char *
sql_rows (sqlite3    *db,
          const char *sql)
{
  GString *rows = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (rows, "%s%s", i ? "|" : "", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (rows, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (rows, FALSE);
}

/* @got and @want, as sql_rows() gives them, row by row: a failure names
 * the one row that differs rather than printing the archive. */
static void
assert_same_rows (const char *got,
                  const char *want)
{
  g_auto(GStrv) got_rows = g_strsplit (got, "\n", -1);
  g_auto(GStrv) want_rows = g_strsplit (want, "\n", -1);

  for (guint i = 0; got_rows[i] || want_rows[i]; i++)
    {
      g_assert_nonnull (got_rows[i]);
      g_assert_nonnull (want_rows[i]);
      g_assert_cmpstr (got_rows[i], ==, want_rows[i]);
    }
}

/* Every table's rows (not the full-text indexes' own, which are checked
 * by FTS5's integrity check), and the schema: what opening the archive
 * again must not change. */
static char *
dump_content (const char *path)
{
  GString *dump = g_string_new (NULL);
  g_autofree char *tables = NULL;
  g_autofree char *schema = NULL;
  g_auto(GStrv) names = NULL;
  sqlite3 *db = open_sql (path);

  tables = sql_rows (db,
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    "  AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%_fts_%' ORDER BY name");
  schema = sql_rows (db, "SELECT type, name, quote(sql) FROM sqlite_schema ORDER BY name");
  g_string_append (dump, schema);
  names = g_strsplit (tables, "\n", -1);
  for (guint i = 0; names[i] && *names[i]; i++)
    {
      g_autofree char *each = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", names[i]);
      g_autofree char *rows = sql_rows (db, each);

      g_string_append_printf (dump, "== %s\n%s", names[i], rows);
    }
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

static void
assert_sound (const char *path)
{
  sqlite3 *db = open_sql (path);
  g_autofree char *check = sql_rows (db, "PRAGMA integrity_check");
  g_autofree char *keys = sql_rows (db, "PRAGMA foreign_key_check");

  g_assert_cmpstr (check, ==, "ok\n");
  g_assert_cmpstr (keys, ==, "");
  /* The full-text indexes agree with what they index. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check');"
                                     "INSERT INTO notes_fts (notes_fts) VALUES ('integrity-check');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* --- what the old archive holds, read before it is migrated -------------- */

typedef struct {
  char *articles;   /* every column a reader sees, by id */
  char *bookmarks;
  char *notes;
  char *tags;       /* article|tag, by article then tag */
  char *feeds;
  char *feed_hosts;
  char *mentions;   /* article|entity name|offsets */
  gint64 n_entities;
} OldArchive;

static void
old_archive_clear (OldArchive *old)
{
  g_free (old->articles);
  g_free (old->bookmarks);
  g_free (old->notes);
  g_free (old->tags);
  g_free (old->feeds);
  g_free (old->feed_hosts);
  g_free (old->mentions);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OldArchive, old_archive_clear)

#define ARTICLE_COLUMNS \
  "id, quote(guid), quote(title), title_derived, quote(url), quote(outlet), quote(author)," \
  " quote(published), quote(summary), quote(body), quote(language), excerpt, quote(related_to), source_id"

static void
read_old_archive (const char *path,
                  int         version,
                  OldArchive *old)
{
  sqlite3 *db = open_sql (path);

  g_assert_cmpint (sql_int (db, "PRAGMA user_version"), ==, version);
  old->articles = sql_rows (db, "SELECT " ARTICLE_COLUMNS " FROM articles ORDER BY id");
  if (version >= 3)
    {
      old->mentions = sql_rows (db,
        "SELECT m.article, e.type, quote(e.name), m.start_offset, m.end_offset, m.in_title"
        "  FROM mentions m JOIN entities e ON e.id = m.entity ORDER BY 1, 4, 5, 2, 3");
      old->n_entities = sql_int (db, "SELECT count(*) FROM entities");
    }
  if (version >= 4)
    {
      old->bookmarks = sql_rows (db, "SELECT article, created FROM bookmarks ORDER BY article");
      old->notes = sql_rows (db, "SELECT article, quote(text) FROM notes ORDER BY article");
      old->tags = sql_rows (db,
        "SELECT a.article, quote(t.name) FROM article_tags a JOIN tags t ON t.id = a.tag ORDER BY 1, 2");
    }
  if (version >= 5)
    {
      old->feeds = sql_rows (db,
        "SELECT quote(location), quote(title), quote(site_url), quote(etag), quote(last_modified),"
        "  quote(last_fetched), quote(last_error), quote(last_status), quote(next_fetch)"
        "  FROM sources WHERE kind = 'feed' ORDER BY location");
      old->feed_hosts = sql_rows (db, "SELECT host, retry_after FROM feed_hosts ORDER BY host");
    }
  sqlite3_close (db);
}

/* --- fixture ------------------------------------------------------------- */

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("v%d.db.gz", GPOINTER_TO_INT (data));
  g_autoptr(GFile) fixture = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "migrations", name, NULL));
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GInputStream) unzipped = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GError) error = NULL;

  f->version = GPOINTER_TO_INT (data);
  f->dir = g_dir_make_tmp ("mekong-migrations-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "archive.db", NULL);

  /* A copy: the committed fixture is never opened for writing. */
  in = G_INPUT_STREAM (g_file_read (fixture, NULL, &error));
  g_assert_no_error (error);
  unzipped = g_converter_input_stream_new (in, G_CONVERTER (gunzip));
  copy = g_file_new_for_path (f->path);
  out = G_OUTPUT_STREAM (g_file_create (copy, G_FILE_CREATE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_output_stream_splice (out, unzipped,
                                           G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                           G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                           NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* --- what a user sees, through today's store ----------------------------- */

/* The one article whose title begins with @start. */
static gint64
id_of (MkStore    *store,
       const char *start)
{
  g_autoptr(MkQuery) everything = mk_query_new ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = mk_store_search_ids (store, everything, MK_SORT_NEWEST, 0, NULL, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(MkArticle) article = mk_store_get_article (store, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      if (g_str_has_prefix (mk_article_get_title (article), start))
        {
          g_assert_cmpint (id, ==, 0);
          id = mk_article_get_id (article);
        }
    }
  if (id == 0)
    g_error ("no article begins “%s”", start);
  return id;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The ids @typed finds, sorted, as "1,4,8". */
static char *
found (MkStore    *store,
       const char *typed)
{
  g_autoptr(MkQuery) query = mk_query_new (typed);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = mk_store_search_ids (store, query, MK_SORT_NEWEST, 0, NULL, &error);
  GString *list = g_string_new (NULL);

  g_assert_no_error (error);
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (list, FALSE);
}

/* The ids of the articles whose titles begin with the given strings
 * (NULL-terminated), sorted, as found() gives them. */
static char *
ids_of (MkStore *store,
        ...)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *list = g_string_new (NULL);
  const char *start;
  va_list args;

  va_start (args, store);
  while ((start = va_arg (args, const char *)))
    {
      gint64 id = id_of (store, start);
      g_array_append_val (ids, id);
    }
  va_end (args);
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (list, FALSE);
}

#define assert_finds(store, typed, ...) \
  G_STMT_START { \
    g_autofree char *got_ = found (store, typed); \
    g_autofree char *want_ = ids_of (store, __VA_ARGS__); \
    g_test_message ("%s → %s", typed, got_); \
    g_assert_cmpstr (got_, ==, want_); \
  } G_STMT_END

/* The articles as the store gives them, in the columns of ARTICLE_COLUMNS,
 * quoted as SQLite quotes, so that they compare with what the old archive
 * held byte for byte. */
static char *
quote (const char *text)
{
  return text ? sqlite3_mprintf ("%Q", text) : sqlite3_mprintf ("NULL");
}

static char *
articles_as_read (MkStore    *store,
                  const char *path)
{
  GString *rows = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_auto(GStrv) lines = NULL;
  sqlite3 *db = open_sql (path);

  /* The ids and what MkArticle does not carry, from the table. */
  ids = sql_rows (db, "SELECT id, quote(language), source_id FROM articles ORDER BY id");
  sqlite3_close (db);
  lines = g_strsplit (ids, "\n", -1);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "|", -1);
      g_autoptr(MkArticle) article = mk_store_get_article (store, g_ascii_strtoll (cells[0], NULL, 10), &error);
      g_autofree char *related = NULL;
      char *q[8];

      g_assert_no_error (error);
      g_assert_nonnull (article);
      q[0] = quote (mk_article_get_guid (article));
      q[1] = quote (mk_article_get_title (article));
      q[2] = quote (mk_article_get_url (article));
      q[3] = quote (mk_article_get_source (article));
      q[4] = quote (mk_article_get_author (article));
      q[5] = quote (mk_article_get_published (article));
      q[6] = quote (mk_article_get_summary (article));
      q[7] = quote (mk_article_get_body (article));
      related = mk_article_get_related_to (article)
        ? g_strdup_printf ("%" G_GINT64_FORMAT, mk_article_get_related_to (article))
        : g_strdup ("NULL");
      g_string_append_printf (rows, "%s|%s|%s|%d|%s|%s|%s|%s|%s|%s|%s|%d|%s|%s\n",
                              cells[0], q[0], q[1], mk_article_get_title_derived (article),
                              q[2], q[3], q[4], q[5], q[6], q[7], cells[1],
                              mk_article_get_excerpt (article), related, cells[2]);
      for (guint j = 0; j < G_N_ELEMENTS (q); j++)
        sqlite3_free (q[j]);
    }
  return g_string_free (rows, FALSE);
}

static void
assert_articles (MkStore          *store,
                 Fixture          *f,
                 const OldArchive *old)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *read = articles_as_read (store, f->path);
  g_autoptr(MkArticle) markup = mk_store_get_article (store, id_of (store, "<b>x</b>"), &error);
  g_autoptr(MkArticle) sql = mk_store_get_article (store, id_of (store, "Robert');"), &error);
  g_autoptr(MkArticle) rtl = mk_store_get_article (store, id_of (store, "\xe2\x80\xae" "evil"), &error);

  g_assert_cmpint (mk_store_count_articles (store, &error), ==,
                   N_FILE_ARTICLES + (f->version >= 5 ? N_FEED_ARTICLES : 0));
  /* Every article, every field, byte for byte as the old version wrote it. */
  assert_same_rows (read, old->articles);
  /* And that is the hostile text as it was typed. */
  g_assert_cmpstr (mk_article_get_title (markup), ==, markup_title);
  g_assert_cmpstr (mk_article_get_body (markup), ==, markup_body);
  g_assert_cmpstr (mk_article_get_title (sql), ==, sql_title);
  g_assert_cmpstr (mk_article_get_body (sql), ==, sql_body);
  g_assert_cmpstr (mk_article_get_title (rtl), ==, rtl_title);
  g_assert_cmpstr (mk_article_get_body (rtl), ==, rtl_body);
}

static void
assert_search (MkStore *store,
               Fixture *f)
{
  g_autofree char *all = found (store, "");
  g_auto(GStrv) all_ids = g_strsplit (all, ",", -1);

  /* The empty search lists every article. */
  g_assert_cmpint (g_strv_length (all_ids), ==, mk_store_count_articles (store, NULL));
  assert_finds (store, "\"drop table articles\"", "Robert');", NULL);
  assert_finds (store, "title:script alert", "<b>x</b>", NULL);
  assert_finds (store, "\"markup body\" kept", "<b>x</b>", NULL);
  assert_finds (store, "txet", "\xe2\x80\xae" "evil", NULL);
  /* Folded: no diacritics typed, đ as d. */
  assert_finds (store, "pham minh chinh", "Prime Minister Phạm Minh Chính", NULL);
  assert_finds (store, "title:\"reinforce ties\"", security_title, NULL);
  assert_finds (store, "year:2022", ministry_title, NULL);
  assert_finds (store, "source:vns year:2022", ministry_title, NULL);
  if (f->version >= 5)
    assert_finds (store, "da nang", port_title, NULL);
}

/* Bookmarks, notes and tags: what a version 4 or later archive holds, and
 * a version before 4 can take after the migration. */
static void
assert_annotations (MkStore          *store,
                    Fixture          *f,
                    const OldArchive *old)
{
  g_autoptr(GError) error = NULL;
  gint64 security = id_of (store, security_title);
  gint64 ministry = id_of (store, ministry_title);
  g_autoptr(MkAnnotations) on_security = NULL;
  g_autoptr(MkAnnotations) on_ministry = NULL;
  g_autoptr(GPtrArray) tags = NULL;

  if (f->version < 4)
    {
      /* Nothing to keep; the migrated archive takes annotations. */
      g_autofree char *bookmarked = found (store, "is:bookmarked");

      g_assert_cmpstr (bookmarked, ==, "");
      g_assert_true (mk_store_set_bookmarked (store, security, TRUE, NULL, &error));
      g_assert_true (mk_store_set_note (store, security, security_note, &error));
      g_assert_true (mk_store_add_tag (store, ministry, "draft", &error));
      g_assert_no_error (error);
      assert_finds (store, "is:bookmarked", security_title, NULL);
      assert_finds (store, "bhxh", security_title, NULL);
      assert_finds (store, "tag:draft", ministry_title, NULL);
      on_security = mk_store_get_annotations (store, security, &error);
      g_assert_cmpstr (on_security->note, ==, security_note);
      return;
    }

  if (f->version >= 5)
    {
      assert_finds (store, "is:bookmarked", security_title, vss_title, "<b>x</b>", forum_title, NULL);
      assert_finds (store, "has:note", security_title, ministry_title, forum_title, NULL);
      assert_finds (store, "rss", forum_title, NULL);
      assert_finds (store, "tag:feed", forum_title, NULL);
    }
  else
    {
      assert_finds (store, "is:bookmarked", security_title, vss_title, "<b>x</b>", NULL);
      assert_finds (store, "has:note", security_title, ministry_title, NULL);
    }
  assert_finds (store, "is:bookmarked -has:note", vss_title, "<b>x</b>", NULL);
  assert_finds (store, "tag:draft", ministry_title, NULL);
  assert_finds (store, "tag:\"MoU 2016-2020\"", security_title, ministry_title, NULL);
  assert_finds (store, "tag:\"mou 2016-2020\" -is:bookmarked", ministry_title, NULL);
  assert_finds (store, "tag:\"<i>Lào</i>\"", security_title, NULL);
  assert_finds (store, "tag:\"'; DROP TABLE tags; --\"", "<b>x</b>", NULL);
  /* Words only in a note find its article, folded as in articles. */
  assert_finds (store, "bhxh", security_title, NULL);
  assert_finds (store, "vieng chan", security_title, NULL);
  assert_finds (store, "actuarial", ministry_title, NULL);
  assert_finds (store, "actuarial has:note tag:draft", ministry_title, NULL);

  /* The notes, exactly as typed; the bookmark's date kept. */
  on_security = mk_store_get_annotations (store, security, &error);
  g_assert_no_error (error);
  g_assert_true (on_security->bookmarked);
  g_assert_cmpstr (on_security->note, ==, security_note);
  g_assert_cmpuint (g_strv_length (on_security->tags), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) on_security->tags, "MoU 2016-2020"));
  g_assert_true (g_strv_contains ((const char * const *) on_security->tags, "<i>Lào</i>"));
  g_assert_nonnull (strstr (old->bookmarks, on_security->bookmarked_at));
  on_ministry = mk_store_get_annotations (store, ministry, &error);
  g_assert_false (on_ministry->bookmarked);
  g_assert_cmpstr (on_ministry->note, ==, ministry_note);
  if (f->version >= 5)
    {
      g_autoptr(MkAnnotations) on_forum = mk_store_get_annotations (store, id_of (store, forum_title), &error);

      g_assert_cmpstr (on_forum->note, ==, forum_note);
    }

  tags = mk_store_list_tags (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, f->version >= 5 ? 5 : 4);
}

/* The rows of the user's work as the old archive had them, read again
 * from the migrated one: none lost, none changed. */
static void
assert_annotation_rows_kept (Fixture          *f,
                             const OldArchive *old)
{
  sqlite3 *db = open_sql (f->path);
  g_autofree char *bookmarks = sql_rows (db, "SELECT article, created FROM bookmarks ORDER BY article");
  g_autofree char *notes = sql_rows (db, "SELECT article, quote(text) FROM notes ORDER BY article");
  g_autofree char *tags = sql_rows (db,
    "SELECT a.article, quote(t.name) FROM article_tags a JOIN tags t ON t.id = a.tag ORDER BY 1, 2");

  sqlite3_close (db);
  g_assert_cmpuint (strlen (old->bookmarks), >, 0);
  g_assert_cmpuint (strlen (old->notes), >, 0);
  assert_same_rows (bookmarks, old->bookmarks);
  assert_same_rows (notes, old->notes);
  assert_same_rows (tags, old->tags);
}

static MkFeedSource *
find_feed (GPtrArray  *feeds,
           const char *url)
{
  for (guint i = 0; i < feeds->len; i++)
    if (g_strcmp0 (mk_feed_source_get_url (g_ptr_array_index (feeds, i)), url) == 0)
      return g_ptr_array_index (feeds, i);
  g_error ("no feed %s", url);
}

static void
assert_feeds (MkStore          *store,
              Fixture          *f,
              const OldArchive *old)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = mk_store_list_feeds (store, &error);
  g_autofree char *retry_after = NULL;
  MkFeedSource *feed, *flaky;
  sqlite3 *db;
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  if (f->version < 5)
    {
      g_assert_cmpuint (feeds->len, ==, 0);
      return;
    }

  g_assert_cmpuint (feeds->len, ==, 2);
  feed = find_feed (feeds, FEED_URL);
  g_assert_cmpstr (mk_feed_source_get_title (feed), ==, "Tin Lào & Việt");
  g_assert_cmpstr (mk_feed_source_get_site_url (feed), ==, "https://news.example.org/");
  g_assert_cmpstr (mk_feed_source_get_etag (feed), ==, "\"mekong-fixture-1\"");
  g_assert_cmpstr (mk_feed_source_get_last_modified (feed), ==, "Mon, 23 Nov 2026 06:00:00 GMT");
  g_assert_cmpint (mk_feed_source_get_last_status (feed), ==, 200);
  g_assert_null (mk_feed_source_get_last_error (feed));
  g_assert_nonnull (mk_feed_source_get_last_fetched (feed));
  g_assert_nonnull (mk_feed_source_get_next_fetch (feed));
  g_assert_cmpint (mk_feed_source_get_n_articles (feed), ==, N_FEED_ARTICLES);

  flaky = find_feed (feeds, FLAKY_URL);
  g_assert_cmpint (mk_feed_source_get_last_status (flaky), ==, 503);
  g_assert_cmpstr (mk_feed_source_get_last_error (flaky), ==, "HTTP 503 Service Unavailable");
  g_assert_cmpint (mk_feed_source_get_n_articles (flaky), ==, 0);

  /* The host that asked to be left alone is still left alone. */
  retry_after = mk_store_dup_host_retry_after (store, "localhost", &error);
  g_assert_no_error (error);
  g_assert_nonnull (retry_after);
  g_assert_nonnull (strstr (old->feed_hosts, retry_after));

  /* Every field of the fetch state, as it was. */
  db = open_sql (f->path);
  rows = sql_rows (db,
    "SELECT quote(location), quote(title), quote(site_url), quote(etag), quote(last_modified),"
    "  quote(last_fetched), quote(last_error), quote(last_status), quote(next_fetch)"
    "  FROM sources WHERE kind = 'feed' ORDER BY location");
  sqlite3_close (db);
  assert_same_rows (rows, old->feeds);
}

static void
assert_entities (MkStore          *store,
                 Fixture          *f,
                 const OldArchive *old)
{
  g_autoptr(GError) error = NULL;

  if (f->version < 3)
    {
      /* Before version 3 there were none: they come with
       * `mekong-cli reindex-entities` (the app does not index an old
       * archive by itself). */
      g_autofree char *none = found (store, "place:vientiane");

      g_assert_cmpint (mk_store_count_entities (store, &error), ==, 0);
      g_assert_cmpstr (none, ==, "");
      g_assert_true (mk_entity_index_archive (store, 0, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_autofree char *mentions = NULL;
      sqlite3 *db = open_sql (f->path);

      mentions = sql_rows (db,
        "SELECT m.article, e.type, quote(e.name), m.start_offset, m.end_offset, m.in_title"
        "  FROM mentions m JOIN entities e ON e.id = m.entity ORDER BY 1, 4, 5, 2, 3");
      sqlite3_close (db);
      g_assert_cmpuint (strlen (old->mentions), >, 0);
      assert_same_rows (mentions, old->mentions);
      g_assert_cmpint (mk_store_count_entities (store, &error), ==, old->n_entities);
    }

  g_assert_cmpint (mk_store_count_entities (store, &error), >, 20);
  /* The hostile article names Vientiane; so do samples. */
  {
    g_autofree char *vientiane = found (store, "place:vientiane");
    g_autofree char *markup = g_strdup_printf ("%" G_GINT64_FORMAT, id_of (store, "<b>x</b>"));
    g_auto(GStrv) ids = g_strsplit (vientiane, ",", -1);

    g_assert_cmpuint (g_strv_length (ids), >=, 2);
    g_assert_true (g_strv_contains ((const char * const *) ids, markup));
  }
  assert_finds (store, "person:\"Phạm Minh Chính\"", "Prime Minister Phạm Minh Chính", NULL);
}

static void
test_migrates (Fixture       *f,
               gconstpointer  data)
{
  g_auto(OldArchive) old = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *after_first = NULL;
  g_autofree char *after_second = NULL;
  MkStore *store;

  read_old_archive (f->path, f->version, &old);

  store = mk_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_store_get_schema_version (store), ==, MK_STORE_SCHEMA_VERSION);
  assert_articles (store, f, &old);
  assert_search (store, f);
  if (f->version >= 4)
    assert_annotation_rows_kept (f, &old);
  assert_annotations (store, f, &old);
  assert_feeds (store, f, &old);
  assert_entities (store, f, &old);
  g_assert_finalize_object (store);
  assert_sound (f->path);

  /* Opened again: nothing to migrate, nothing changes. */
  after_first = dump_content (f->path);
  store = mk_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_store_get_schema_version (store), ==, MK_STORE_SCHEMA_VERSION);
  g_assert_finalize_object (store);
  after_second = dump_content (f->path);
  assert_same_rows (after_second, after_first);
  assert_sound (f->path);
}

/* --- today's mekong-cli on a migrated copy ------------------------------- */

static char *
run_cli (Fixture    *f,
         const char *command,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("MEKONG_CLI"));
  g_ptr_array_add (argv, (char *) "--archive");
  g_ptr_array_add (argv, f->path);
  g_ptr_array_add (argv, (char *) command);
  va_start (args, command);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("mekong-cli %s failed: %s", command, err);
  return g_steal_pointer (&out);
}

static void
test_cli_reads (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *bookmarks = NULL;
  g_autofree char *search = NULL;

  if (!g_getenv ("MEKONG_CLI"))
    {
      g_test_skip ("MEKONG_CLI is not set");
      return;
    }

  /* The CLI migrates the old archive itself. */
  search = run_cli (f, "search", "drop table articles", NULL);
  g_assert_nonnull (strstr (search, sql_title));
  bookmarks = run_cli (f, "bookmarks", NULL);
  g_assert_nonnull (strstr (bookmarks, security_title));
  g_assert_nonnull (strstr (bookmarks, vss_title));
  g_assert_nonnull (strstr (bookmarks, markup_title));
  g_assert_null (strstr (bookmarks, ministry_title));
  if (f->version >= 5)
    {
      g_autofree char *feeds = run_cli (f, "feeds", NULL);

      g_assert_nonnull (strstr (bookmarks, forum_title));
      g_assert_nonnull (strstr (feeds, FEED_URL));
      g_assert_nonnull (strstr (feeds, FLAKY_URL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Every earlier version: a new schema version needs the fixture of the
   * one it replaces (make-fixtures.sh at its last commit), or this fails. */
  for (int version = 1; version < MK_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *path = g_strdup_printf ("/migrations/from-version-%d", version);

      g_test_add (path, Fixture, GINT_TO_POINTER (version), set_up, test_migrates, tear_down);
    }
  /* The annotated ones. */
  g_test_add ("/migrations/cli-reads-version-4", Fixture, GINT_TO_POINTER (4), set_up, test_cli_reads, tear_down);
  g_test_add ("/migrations/cli-reads-version-5", Fixture, GINT_TO_POINTER (5), set_up, test_cli_reads, tear_down);

  return g_test_run ();
}
