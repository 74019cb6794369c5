/* test-annotations.c — bookmarks, notes and tags, and searching by them
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>

#include "mekong-core.h"
#include "mk-fts-tokenizer.h"
#include "mk-store-schema.h"

typedef struct {
  char *dir;
  char *path;
  MkStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("mekong-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "archive.db", NULL);
  fixture->store = mk_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixture->store)
    g_assert_finalize_object (fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
add (MkStore    *store,
     const char *guid,
     const char *title,
     const char *body,
     const char *published)
{
  g_autoptr(MkArticle) article = mk_article_new ();
  g_autoptr(GError) error = NULL;
  gint64 source;

  source = mk_store_ensure_source (store, "files", "local", NULL, &error);
  g_assert_no_error (error);
  mk_article_set_guid (article, guid);
  mk_article_set_title (article, title);
  mk_article_set_body (article, body);
  mk_article_set_published (article, published);
  g_assert_true (mk_store_begin (store, &error));
  g_assert_true (mk_store_add_article (store, source, article, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mk_store_commit (store, &error));
  return mk_article_get_id (article);
}

static MkAnnotations *
annotations_of (MkStore *store,
                gint64   id)
{
  g_autoptr(GError) error = NULL;
  MkAnnotations *annotations = mk_store_get_annotations (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (annotations);
  return annotations;
}

/* The ids a search finds, as "1,3", in the order asked for. */
static char *
found (MkStore    *store,
       const char *typed,
       MkSort      sort)
{
  g_autoptr(MkQuery) query = mk_query_new (typed);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = mk_store_search_ids (store, query, sort, 0, NULL, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 count;

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));

  /* The count the window shows agrees with the list. */
  count = mk_store_count_matches (store, query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, ids->len);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_found(store, typed, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = found ((store), (typed), MK_SORT_NEWEST); \
    g_test_message ("search «%s»", (typed)); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

static void
test_bookmarks (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MkAnnotations) first = NULL;
  g_autoptr(MkAnnotations) after = NULL;
  g_autoptr(MkAnnotations) restored = NULL;
  g_autoptr(MkArticle) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  gint64 id = add (fixture->store, "a", "Talks in Vientiane", "Text.", "2022-11-30");

  first = annotations_of (fixture->store, id);
  g_assert_false (first->bookmarked);
  g_assert_null (first->bookmarked_at);
  g_assert_null (first->note);
  g_assert_cmpuint (g_strv_length (first->tags), ==, 0);

  g_assert_true (mk_store_set_bookmarked (fixture->store, id, TRUE, NULL, &error));
  g_clear_pointer (&first, mk_annotations_free);
  first = annotations_of (fixture->store, id);
  g_assert_true (first->bookmarked);
  g_assert_nonnull (first->bookmarked_at);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       first->bookmarked_at, 0, 0));
  created = g_strdup (first->bookmarked_at);

  /* The list row knows it is bookmarked. */
  {
    g_autoptr(GPtrArray) rows = mk_store_get_articles (fixture->store, &id, 1, NULL, &error);
    g_assert_no_error (error);
    listed = g_object_ref (g_ptr_array_index (rows, 0));
  }
  g_assert_true (mk_article_get_bookmarked (listed));
  g_assert_false (mk_article_get_has_note (listed));

  /* Off, then back on with its first date, as Undo does. */
  g_assert_true (mk_store_set_bookmarked (fixture->store, id, FALSE, NULL, &error));
  g_clear_pointer (&after, mk_annotations_free);
  after = annotations_of (fixture->store, id);
  g_assert_false (after->bookmarked);
  g_assert_true (mk_store_set_bookmarked (fixture->store, id, TRUE, "2020-01-02T03:04:05Z", &error));
  restored = annotations_of (fixture->store, id);
  g_assert_cmpstr (restored->bookmarked_at, ==, "2020-01-02T03:04:05Z");

  /* Bookmarking twice keeps the first date. */
  g_assert_true (mk_store_set_bookmarked (fixture->store, id, TRUE, NULL, &error));
  g_clear_pointer (&restored, mk_annotations_free);
  restored = annotations_of (fixture->store, id);
  g_assert_cmpstr (restored->bookmarked_at, ==, "2020-01-02T03:04:05Z");

  /* No such article: one clear error. */
  g_assert_false (mk_store_set_bookmarked (fixture->store, 4242, TRUE, NULL, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
}

static void
assert_note_round_trips (MkStore    *store,
                         gint64      id,
                         const char *text)
{
  g_autoptr(MkAnnotations) annotations = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mk_store_set_note (store, id, text, &error));
  g_assert_no_error (error);
  annotations = annotations_of (store, id);
  g_assert_cmpuint (strlen (annotations->note), ==, strlen (text));
  g_assert_true (memcmp (annotations->note, text, strlen (text)) == 0);
}

static void
test_notes_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(MkAnnotations) annotations = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add (fixture->store, "a", "Title", "Text.", NULL);
  /* Decomposed "Hà" (a + combining grave) must stay decomposed. */
  const char *unicode = "Bộ Lao động – Thương binh; Ha\xcc\x80 Nội; ລາວ; שלום; 😀\n\ttab";
  const char *markup = "<b>bold</b> &amp; \"quotes\" 'single' `code` *stars* _under_ # [x](y) | a,b\r\n";

  assert_note_round_trips (fixture->store, id, unicode);
  assert_note_round_trips (fixture->store, id, markup);

  /* 1 MB of text, every byte back. */
  while (big->len < 1024 * 1024)
    g_string_append (big, "Ghi chú về Hiệp định <MoU> \"2022–2025\", ");
  assert_note_round_trips (fixture->store, id, big->str);

  /* Invalid UTF-8 is refused and the note is as it was. */
  g_assert_false (mk_store_set_note (fixture->store, id, "bad \xff byte", &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_INVALID);
  annotations = annotations_of (fixture->store, id);
  g_assert_cmpstr (annotations->note, ==, big->str);
  g_clear_pointer (&annotations, mk_annotations_free);

  /* An empty note is no note. */
  g_assert_true (mk_store_set_note (fixture->store, id, "", NULL));
  annotations = annotations_of (fixture->store, id);
  g_assert_null (annotations->note);
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(MkAnnotations) annotations = NULL;
  g_autoptr(GArray) had = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = add (fixture->store, "a", "A", "Text a.", NULL);
  gint64 b = add (fixture->store, "b", "B", "Text b.", NULL);

  g_assert_true (mk_store_add_tag (fixture->store, a, "  MoU   2022-2025 ", &error));
  g_assert_no_error (error);
  g_assert_true (mk_store_add_tag (fixture->store, b, "mou 2022-2025", &error));
  g_assert_true (mk_store_add_tag (fixture->store, a, "MoU 2022-2025", &error));
  g_assert_true (mk_store_add_tag (fixture->store, a, "Bảo hiểm", &error));

  tags = mk_store_list_tags (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 2);
  g_assert_cmpstr (((MkTagCount *) tags->pdata[0])->name, ==, "Bảo hiểm");
  g_assert_cmpint (((MkTagCount *) tags->pdata[0])->n_articles, ==, 1);
  g_assert_cmpstr (((MkTagCount *) tags->pdata[1])->name, ==, "MoU 2022-2025");
  g_assert_cmpint (((MkTagCount *) tags->pdata[1])->n_articles, ==, 2);
  g_clear_pointer (&tags, g_ptr_array_unref);

  annotations = annotations_of (fixture->store, a);
  g_assert_cmpuint (g_strv_length (annotations->tags), ==, 2);
  g_assert_cmpstr (annotations->tags[0], ==, "Bảo hiểm");
  g_assert_cmpstr (annotations->tags[1], ==, "MoU 2022-2025");
  g_clear_pointer (&annotations, mk_annotations_free);

  /* Names that could not be searched for are refused. */
  g_assert_false (mk_store_add_tag (fixture->store, a, "  ", &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mk_store_add_tag (fixture->store, a, "say \"hi\"", &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mk_store_add_tag (fixture->store, 4242, "x", &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Taking a tag off one article leaves it on the other. */
  g_assert_true (mk_store_remove_tag (fixture->store, b, "MOU 2022-2025", &error));
  g_assert_no_error (error);
  annotations = annotations_of (fixture->store, b);
  g_assert_cmpuint (g_strv_length (annotations->tags), ==, 0);
  g_clear_pointer (&annotations, mk_annotations_free);
  g_assert_true (mk_store_add_tag (fixture->store, b, "MoU 2022-2025", &error));

  /* Rename everywhere; renaming onto an existing tag merges the two. */
  g_assert_true (mk_store_rename_tag (fixture->store, "Bảo hiểm", "Social security", &error));
  g_assert_true (mk_store_add_tag (fixture->store, b, "Social security", &error));
  g_assert_true (mk_store_rename_tag (fixture->store, "MoU 2022-2025", "social SECURITY", &error));
  g_assert_no_error (error);
  tags = mk_store_list_tags (fixture->store, &error);
  g_assert_cmpuint (tags->len, ==, 1);
  g_assert_cmpstr (((MkTagCount *) tags->pdata[0])->name, ==, "Social security");
  g_assert_cmpint (((MkTagCount *) tags->pdata[0])->n_articles, ==, 2);
  g_clear_pointer (&tags, g_ptr_array_unref);
  g_assert_false (mk_store_rename_tag (fixture->store, "nothing", "x", &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Delete: gone from every article; what had it is returned for Undo. */
  had = mk_store_delete_tag (fixture->store, "social security", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (had->len, ==, 2);
  g_assert_cmpint (g_array_index (had, gint64, 0), ==, a);
  g_assert_cmpint (g_array_index (had, gint64, 1), ==, b);
  tags = mk_store_list_tags (fixture->store, &error);
  g_assert_cmpuint (tags->len, ==, 0);
  annotations = annotations_of (fixture->store, a);
  g_assert_cmpuint (g_strv_length (annotations->tags), ==, 0);
  g_assert_null (mk_store_delete_tag (fixture->store, "social security", &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
}

static void
annotate (MkStore *store,
          gint64   id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mk_store_set_bookmarked (store, id, TRUE, "2024-05-06T07:08:09Z", &error));
  g_assert_true (mk_store_set_note (store, id, "Xem lại: \"Đào Việt Anh\" <ký>", &error));
  g_assert_true (mk_store_add_tag (store, id, "MoU 2022-2025", &error));
  g_assert_no_error (error);
}

static void
assert_annotated (MkStore *store,
                  gint64   id)
{
  g_autoptr(MkAnnotations) annotations = annotations_of (store, id);

  g_assert_true (annotations->bookmarked);
  g_assert_cmpstr (annotations->bookmarked_at, ==, "2024-05-06T07:08:09Z");
  g_assert_cmpstr (annotations->note, ==, "Xem lại: \"Đào Việt Anh\" <ký>");
  g_assert_cmpuint (g_strv_length (annotations->tags), ==, 1);
  g_assert_cmpstr (annotations->tags[0], ==, "MoU 2022-2025");
}

/* The user's work outlives a re-import with new text and date, and a new
 * run of entity extraction over the whole archive. */
static void
test_annotations_survive (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add (fixture->store, "a", "Vientiane talks", "Dao Viet Anh met the LSSO in Vientiane.", "2022-11-30");
  gint64 again;

  annotate (fixture->store, id);

  again = add (fixture->store, "a", "Vientiane talks (updated)", "Dao Viet Anh met the LSSO in Vientiane again.",
               "2022-12-01");
  g_assert_cmpint (again, ==, id);
  assert_annotated (fixture->store, id);
  assert_found (fixture->store, "is:bookmarked", "1");
  assert_found (fixture->store, "tag:\"MoU 2022-2025\" year:2022", "1");

  g_assert_true (mk_entity_index_archive (fixture->store, 10, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mk_store_clear_entities (fixture->store, &error));
  g_assert_true (mk_entity_index_archive (fixture->store, 10, NULL, NULL, NULL, NULL, &error));
  g_assert_cmpint (mk_store_count_entities (fixture->store, NULL), >, 0);
  assert_annotated (fixture->store, id);

  /* And closing and opening the archive. */
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = mk_store_open (fixture->path, &error);
  g_assert_no_error (error);
  assert_annotated (fixture->store, id);
}

/* An archive of schema 3 (before annotations) is migrated: its articles
 * keep their ids, and can be annotated and searched by annotation. */
static void
test_migration_from_version_3 (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "v3.db", NULL);
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (mk_fts_tokenizer_register (db, NULL));
  sqlite3_create_function (db, "mk_day", 1, SQLITE_UTF8, NULL, NULL, NULL, NULL);
  g_assert_true (mk_store_schema_migrate (db, 0, 1, &error));
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO sources (kind, location) VALUES ('files', 'local');"
    "INSERT INTO articles (id, source_id, guid, title, body, published, content_hash)"
    "  VALUES (7, 1, 'a', 'Hà Nội talks', 'Vũ Đức Đam met the minister.', '2022-11-30', 'x');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = mk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_store_get_schema_version (store), ==, MK_STORE_SCHEMA_VERSION);
  annotate (store, 7);
  assert_annotated (store, 7);
  assert_found (store, "is:bookmarked ha noi", "7");
  assert_found (store, "vu duc dam has:note", "7");
}

static void
test_search_by_annotations (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add (fixture->store, "a", "Laos pension talks", "Vientiane and Hanoi.", "2021-01-01");
  gint64 b = add (fixture->store, "b", "Laos training", "Quang Nam province.", "2022-01-01");
  gint64 c = add (fixture->store, "c", "Vietnam budget", "Ministry of Finance.", "2023-01-01");
  gint64 d = add (fixture->store, "d", "Undated Laos note", "Nothing else.", NULL);

  g_assert_cmpint (a, ==, 1);
  g_assert_cmpint (d, ==, 4);
  g_assert_true (mk_store_set_bookmarked (fixture->store, a, TRUE, NULL, &error));
  g_assert_true (mk_store_set_bookmarked (fixture->store, c, TRUE, NULL, &error));
  g_assert_true (mk_store_set_bookmarked (fixture->store, d, TRUE, NULL, &error));
  g_assert_true (mk_store_set_note (fixture->store, b, "Ask the VSS about the actuarial tables.", &error));
  g_assert_true (mk_store_set_note (fixture->store, c, "Compare with the Lao budget", &error));
  g_assert_true (mk_store_add_tag (fixture->store, a, "MoU 2022-2025", &error));
  g_assert_true (mk_store_add_tag (fixture->store, b, "MoU 2022-2025", &error));
  g_assert_true (mk_store_add_tag (fixture->store, b, "draft", &error));
  g_assert_no_error (error);

  assert_found (fixture->store, "is:bookmarked", "3,1,4");
  assert_found (fixture->store, "-is:bookmarked", "2");
  assert_found (fixture->store, "has:note", "3,2");
  assert_found (fixture->store, "-has:note", "1,4");
  assert_found (fixture->store, "tag:\"MoU 2022-2025\"", "2,1");
  assert_found (fixture->store, "tag:\"mou  2022-2025\"", "2,1");
  assert_found (fixture->store, "tag:draft", "2");
  assert_found (fixture->store, "-tag:draft", "3,1,4");
  assert_found (fixture->store, "tag:nothing", "");
  assert_found (fixture->store, "tag:\"MoU 2022-2025\" -tag:draft", "1");
  assert_found (fixture->store, "is:bookmarked has:note", "3");
  assert_found (fixture->store, "is:bookmarked -has:note", "1,4");

  /* With words, dates and sort orders. */
  assert_found (fixture->store, "laos is:bookmarked", "1,4");
  assert_found (fixture->store, "laos -is:bookmarked", "2");
  assert_found (fixture->store, "is:bookmarked year:2023", "3");
  assert_found (fixture->store, "tag:\"MoU 2022-2025\" vientiane", "1");
  {
    g_autofree char *oldest = found (fixture->store, "is:bookmarked", MK_SORT_OLDEST);
    g_autofree char *relevant = found (fixture->store, "laos is:bookmarked", MK_SORT_RELEVANCE);

    g_assert_cmpstr (oldest, ==, "1,3,4");
    /* both have the word in the title; the shorter title ranks first */
    g_assert_cmpstr (relevant, ==, "4,1");
  }

  /* Words find articles by their notes too, with the other filters. */
  assert_found (fixture->store, "actuarial", "2");
  assert_found (fixture->store, "vss tables", "2");
  assert_found (fixture->store, "lao", "3");
  assert_found (fixture->store, "budget", "3");
  assert_found (fixture->store, "actuarial -is:bookmarked", "2");
  assert_found (fixture->store, "actuarial is:bookmarked", "");
  assert_found (fixture->store, "actuarial year:2023", "");
  assert_found (fixture->store, "title:actuarial", "");
  {
    g_autofree char *relevant = found (fixture->store, "actuarial", MK_SORT_RELEVANCE);
    g_autoptr(MkQuery) query = mk_query_new ("actuarial");
    g_autoptr(GPtrArray) rows = mk_store_search (fixture->store, query, MK_SORT_NEWEST, 0, NULL, &error);

    g_assert_cmpstr (relevant, ==, "2");
    /* Found by its note: the row is there, with its note icon. */
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (mk_article_get_title (rows->pdata[0]), ==, "Laos training");
    g_assert_true (mk_article_get_has_note (rows->pdata[0]));
  }

  /* A note edited or removed is searched as it is now. */
  g_assert_true (mk_store_set_note (fixture->store, b, "Nothing to see.", &error));
  assert_found (fixture->store, "actuarial", "");
  assert_found (fixture->store, "see", "2");
  g_assert_true (mk_store_set_note (fixture->store, b, NULL, &error));
  assert_found (fixture->store, "see", "");
  assert_found (fixture->store, "has:note", "3");
}

#define add_test(path, func) \
  g_test_add ("/annotations/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("bookmarks", test_bookmarks);
  add_test ("notes-round-trip", test_notes_round_trip);
  add_test ("tags", test_tags);
  add_test ("survive", test_annotations_survive);
  add_test ("migration-from-version-3", test_migration_from_version_3);
  add_test ("search", test_search_by_annotations);

  return g_test_run ();
}
