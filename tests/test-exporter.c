/* test-exporter.c — JSON Lines, CSV and Markdown exports against golden files
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "mekong-core.h"

/* MEKONG_UPDATE_GOLDEN=1 rewrites the golden files from what the exporter
 * writes now, for a change that is meant; read the diff before committing. */

typedef struct {
  char *dir;
  char *path;
  MkStore *store;
} Fixture;

/* A note with what breaks naive writers: commas, quotes, line breaks (LF
 * and CRLF), Markdown and HTML characters, Vietnamese text. */
#define TRICKY_NOTE \
  "Cần hỏi lại: \"Bảo hiểm xã hội\", hạn 2025.\n" \
  "# Not a heading, *not bold*, [not](a link) & <b>not HTML</b>\r\n" \
  "1. not a list\n" \
  "- nor this | pipe `tick` ~tilde_ under\\back"

static gint64
add (MkStore    *store,
     const char *guid,
     const char *title,
     const char *source,
     const char *url,
     const char *published,
     const char *body)
{
  g_autoptr(MkArticle) article = mk_article_new ();
  g_autoptr(MkEntityExtractor) extractor = mk_entity_extractor_new ();
  g_autoptr(MkArticle) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 source_id;

  source_id = mk_store_ensure_source (store, "files", "local", NULL, &error);
  mk_article_set_guid (article, guid);
  mk_article_set_title (article, title);
  mk_article_set_source (article, source);
  mk_article_set_url (article, url);
  mk_article_set_published (article, published);
  mk_article_set_summary (article, body);
  mk_article_set_body (article, body);
  mk_article_set_language (article, "en");
  g_assert_true (mk_store_begin (store, &error));
  g_assert_true (mk_store_add_article (store, source_id, article, NULL, &error));
  stored = mk_store_get_article (store, mk_article_get_id (article), &error);
  g_assert_true (mk_entity_index_article (extractor, store, stored, &error));
  g_assert_true (mk_store_commit (store, &error));
  g_assert_no_error (error);
  return mk_article_get_id (article);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a, b, c;

  fixture->dir = g_dir_make_tmp ("mekong-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "archive.db", NULL);
  fixture->store = mk_store_open (fixture->path, &error);
  g_assert_no_error (error);

  a = add (fixture->store, "a", "VSS and LSSO sign MoU, 2022–2025", "VNA",
           "https://vietnamplus.vn/vss-lsso-mou.html", "2022-11-30T08:00:00Z",
           "Vietnam Social Security (VSS) and the Lao Social Security Organisation (LSSO) "
           "signed a memorandum in Vientiane. Dao Viet Anh said the VSS would help.");
  b = add (fixture->store, "b", "*Bold* claims: \"Hà Nội\" #1 <script>", "VOV.VN",
           "https://vov.vn/a b<c>", "2023-05-01",
           "Hà Nội and Vientiane agreed on training.");
  c = add (fixture->store, "c", "Not bookmarked, not tagged", NULL, NULL, NULL,
           "Nothing about anything.");

  g_assert_true (mk_store_set_bookmarked (fixture->store, a, TRUE, "2024-01-02T03:04:05Z", &error));
  g_assert_true (mk_store_set_note (fixture->store, a, TRICKY_NOTE, &error));
  g_assert_true (mk_store_add_tag (fixture->store, a, "MoU 2022-2025", &error));
  g_assert_true (mk_store_add_tag (fixture->store, a, "Bảo hiểm, xã hội", &error));
  g_assert_true (mk_store_set_bookmarked (fixture->store, b, TRUE, "2024-02-03T04:05:06Z", &error));
  g_assert_true (mk_store_set_note (fixture->store, b, "Một dòng.", &error));
  g_assert_true (mk_store_add_tag (fixture->store, b, "MoU 2022-2025", &error));
  g_assert_true (mk_store_set_note (fixture->store, c, "Only a note", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

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

static char *
export (MkStore        *store,
        MkExportFormat  format,
        const char     *typed,
        guint          *n_written)
{
  g_autoptr(MkExporter) exporter = mk_exporter_new (store, format);
  g_autoptr(MkQuery) query = typed ? mk_query_new (typed) : NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  char nul = '\0';

  ids = mk_exporter_select (exporter, query, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mk_exporter_write (exporter, ids, stream, NULL, n_written, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, &nul, 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
assert_golden (const char *text,
               const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "export", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (g_getenv ("MEKONG_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_true (g_file_set_contents (path, text, -1, &error));
      g_assert_no_error (error);
    }

  g_assert_true (g_file_get_contents (path, &expected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_golden_bookmarked (Fixture       *fixture,
                        gconstpointer  data)
{
  const struct { MkExportFormat format; const char *file; } cases[] = {
    { MK_EXPORT_JSONL, "bookmarked.jsonl" },
    { MK_EXPORT_CSV, "bookmarked.csv" },
    { MK_EXPORT_MARKDOWN, "bookmarked.md" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n_written = 0;
      g_autofree char *text = export (fixture->store, cases[i].format, "is:bookmarked", &n_written);

      g_test_message ("%s", cases[i].file);
      g_assert_cmpuint (n_written, ==, 2);
      assert_golden (text, cases[i].file);
    }
}

/* A tag, a search and everything select what they say. */
static void
test_selections (Fixture       *fixture,
                 gconstpointer  data)
{
  guint n = 0;
  g_autofree char *tag = export (fixture->store, MK_EXPORT_CSV, "tag:\"mou 2022-2025\"", &n);
  g_autofree char *search = NULL;
  g_autofree char *all = NULL;
  g_autofree char *noted = NULL;

  g_assert_cmpuint (n, ==, 2);
  search = export (fixture->store, MK_EXPORT_JSONL, "vientiane training", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_str_has_prefix (search, "{\"id\":2,"));
  all = export (fixture->store, MK_EXPORT_MARKDOWN, NULL, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_nonnull (strstr (all, "\n## Not bookmarked, not tagged\n"));
  noted = export (fixture->store, MK_EXPORT_JSONL, "has:note -is:bookmarked", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (noted, "\"note\":\"Only a note\""));
}

/* Reads RFC 4180 back: the records, each an array of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) record = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; *p && !(p[0] == '"' && p[1] != '"'); p++)
            {
              if (p[0] == '"')
                p++;
              g_string_append_c (field, *p);
            }
          g_assert_true (*p == '"');
          p++;
        }
      while (*p && *p != ',' && *p != '\r')
        g_string_append_c (field, *p++);
      g_strv_builder_add (record, field->str);
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (records, g_strv_builder_end (record));
          g_clear_pointer (&record, g_strv_builder_unref);
          record = g_strv_builder_new ();
        }
    }

  return records;
}

/* A note of any text, 1 MB long, comes back exactly from JSON Lines and
 * from CSV. */
static void
test_note_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *jsonl = NULL;
  g_autofree char *csv = NULL;
  guint n;

  while (big->len < 1024 * 1024)
    g_string_append (big, TRICKY_NOTE "\n😀 ລາວ, \"x\"\r\n");
  g_assert_true (mk_store_set_note (fixture->store, 3, big->str, &error));

  jsonl = export (fixture->store, MK_EXPORT_JSONL, "has:note -is:bookmarked", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, jsonl, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "note"),
                   ==, big->str);

  csv = export (fixture->store, MK_EXPORT_CSV, "has:note -is:bookmarked", &n);
  records = parse_csv (csv);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (((char **) records->pdata[0])[10], ==, "note");
  g_assert_cmpstr (((char **) records->pdata[1])[10], ==, big->str);
  g_assert_cmpuint (g_strv_length (records->pdata[1]), ==, 13);
}

static void
test_markdown_escape (void)
{
  const struct { const char *text; const char *escaped; } cases[] = {
    { "plain words, 2022-2025", "plain words, 2022-2025" },
    { "# heading", "\\# heading" },
    { "  - item", "\\- item" },
    { "12. list", "12\\. list" },
    { "*a* _b_ `c` [d](e) <f> g|h ~i & j \\ k", "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> g\\|h \\~i \\& j \\\\ k" },
    { "line\nbreak", "line break" },
    { "Hà Nội > Vientiane", "Hà Nội \\> Vientiane" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = mk_exporter_escape_markdown (cases[i].text);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
    }
}

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
export_file (Fixture        *fixture,
             const char     *typed,
             GFile          *file,
             GCancellable   *cancellable,
             guint          *n_written,
             GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_exporter_export_file_async (fixture->path, MK_EXPORT_MARKDOWN, typed, file, cancellable,
                                 exported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return mk_exporter_export_file_finish (result, n_written, error);
}

/* The window's export: to a file, in a worker thread; a cancelled export
 * leaves the file that was there. */
static void
test_export_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "report.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint n = 0;

  g_assert_true (export_file (fixture, "tag:\"MoU 2022-2025\"", file, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# Articles from Mekong\n"));
  g_assert_nonnull (strstr (contents, "## VSS and LSSO sign MoU, 2022–2025"));
  g_clear_pointer (&contents, g_free);

  g_cancellable_cancel (cancellable);
  g_assert_false (export_file (fixture, NULL, file, cancellable, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "## VSS and LSSO sign MoU, 2022–2025"));
  g_assert_null (strstr (contents, "Not bookmarked"));
}

#define add_test(path, func) \
  g_test_add ("/exporter/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("golden-bookmarked", test_golden_bookmarked);
  add_test ("selections", test_selections);
  add_test ("note-round-trip", test_note_round_trip);
  add_test ("export-file", test_export_file);
  g_test_add_func ("/exporter/markdown-escape", test_markdown_escape);

  return g_test_run ();
}
