/* test-cli.c — mekong-cli as a script uses it: the real binary, its exit
 * statuses, its stdout and its stderr, on throwaway archives
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* The title of sample 000, whose "Related" block becomes two excerpts. */
#define TITLE_000 "Vietnam, Laos reinforce ties in social security"

static const char * const export_keys[] = {
  "id", "title", "url", "source", "published", "author", "summary", "body",
  "language", "excerpt", "related_to", "title_derived", "entities", "places",
  "bookmarked", "bookmarked_at", "note", "tags", NULL
};

static const char * const entity_keys[] = {
  "id", "name", "type", "mentions", "articles", "aliases", NULL
};

static const char * const search_keys[] = {
  "id", "title", "source", "published", "snippet", NULL
};

/* Running the binary --------------------------------------------------- */

typedef struct {
  int   status;  /* the exit status, or -1 when it did not exit (a crash) */
  char *out;
  char *err;
} CliRun;

static void
cli_run_free (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

typedef struct {
  char *dir;      /* removed with everything in it at teardown */
  char *archive;  /* dir/archive.db, passed as --archive */
} Fixture;

static const char *
cli_path (void)
{
  const char *path = g_getenv ("MEKONG_CLI");

  g_assert_nonnull (path);
  return path;
}

static const char *
samples_dir (void)
{
  const char *path = g_getenv ("MEKONG_SAMPLES_DIR");

  g_assert_nonnull (path);
  return path;
}

/* @env: (nullable): NAME, VALUE, NAME, VALUE…, NULL to set for the child */
static CliRun *
run_argv (const char * const *argv,
          const char * const *env)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  CliRun *run = g_new0 (CliRun, 1);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  /* Fails unless both streams are valid UTF-8, which the CLI promises. */
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);

  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  return run;
}

/* Every run gets XDG_DATA_HOME inside the fixture's folder, so that no test
 * can reach the default archive of the person running the tests. */
static CliRun *
run_cli_va (Fixture            *f,
            gboolean            with_archive,
            const char * const *env,
            const char         *first_arg,
            va_list             args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) env_builder = g_strv_builder_new ();
  g_autofree char *data_home = g_build_filename (f->dir, "data", NULL);
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) full_env = NULL;

  g_strv_builder_add (builder, cli_path ());
  if (with_archive)
    {
      g_strv_builder_add (builder, "--archive");
      g_strv_builder_add (builder, f->archive);
    }
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_strv_builder_add (builder, arg);
  argv = g_strv_builder_end (builder);

  g_strv_builder_add_many (env_builder, "XDG_DATA_HOME", data_home, NULL);
  if (env != NULL)
    g_strv_builder_addv (env_builder, (const char **) env);
  full_env = g_strv_builder_end (env_builder);

  return run_argv ((const char * const *) argv, (const char * const *) full_env);
}

static CliRun *cli      (Fixture            *f,
                         const char         *first_arg,
                         ...) G_GNUC_NULL_TERMINATED;
static CliRun *cli_bare (Fixture            *f,
                         const char         *first_arg,
                         ...) G_GNUC_NULL_TERMINATED;
static CliRun *cli_env  (Fixture            *f,
                         const char * const *env,
                         const char         *first_arg,
                         ...) G_GNUC_NULL_TERMINATED;

/* mekong-cli --archive f->archive ARG… */
static CliRun *
cli (Fixture    *f,
     const char *first_arg,
     ...)
{
  CliRun *run;
  va_list args;

  va_start (args, first_arg);
  run = run_cli_va (f, TRUE, NULL, first_arg, args);
  va_end (args);

  return run;
}

/* mekong-cli ARG…, on the default archive (inside the fixture's folder). */
static CliRun *
cli_bare (Fixture    *f,
          const char *first_arg,
          ...)
{
  CliRun *run;
  va_list args;

  va_start (args, first_arg);
  run = run_cli_va (f, FALSE, NULL, first_arg, args);
  va_end (args);

  return run;
}

/* mekong-cli --archive f->archive ARG…, with @env (NAME, VALUE…, NULL) set. */
static CliRun *
cli_env (Fixture            *f,
         const char * const *env,
         const char         *first_arg,
         ...)
{
  CliRun *run;
  va_list args;

  va_start (args, first_arg);
  run = run_cli_va (f, TRUE, env, first_arg, args);
  va_end (args);

  return run;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

static void
assert_status (const CliRun *run,
               int           expected)
{
  if (run->status != expected)
    g_test_message ("exit status %d, expected %d\nstdout: %s\nstderr: %s",
                    run->status, expected, run->out, run->err);
  g_assert_cmpint (run->status, ==, expected);
}

static void
assert_success (const CliRun *run)
{
  assert_status (run, 0);
  g_assert_cmpstr (run->err, ==, "");
}

/* The contract for errors: one line, “mekong-cli: …”, saying what about. */
static void
assert_one_error_line (const CliRun *run,
                       int           expected_status,
                       const char   *needle)
{
  assert_status (run, expected_status);
  g_assert_cmpuint (count_lines (run->err), ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "mekong-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  if (needle != NULL)
    g_assert_nonnull (strstr (run->err, needle));
}

/* Fixtures and files -------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("mekong-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->archive = g_build_filename (f->dir, "archive.db", NULL);
}

static void
fixture_set_up_imported (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CliRun) run = NULL;

  fixture_set_up (f, data);
  run = cli (f, "import", samples_dir (), NULL);
  assert_success (run);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->archive);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static void
copy_sample (Fixture    *f,
             const char *sample,
             const char *dest)
{
  g_autofree char *source = g_build_filename (samples_dir (), sample, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  path = write_file (f, dest, contents, length);
}

/* JSON ---------------------------------------------------------------------- */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* A string member, NULL when it is null. */
static const char *
get_text (JsonObject *object,
          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;

  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

static void
assert_keys (JsonObject         *object,
             const char * const *keys)
{
  g_assert_cmpuint (json_object_get_size (object), ==, g_strv_length ((char **) keys));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (!json_object_has_member (object, keys[i]))
        g_error ("member “%s” missing", keys[i]);
    }
}

/* The archive as `export --format jsonl --include-excerpts` sees it: one
 * JsonNode per line, the teasers of "Related" blocks included. */
static GPtrArray *
export_articles (Fixture *f)
{
  g_autoptr(CliRun) run = cli (f, "export", "--format", "jsonl", "--include-excerpts", NULL);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_auto(GStrv) lines = NULL;

  assert_success (run);
  g_assert_true (run->out[0] == '\0' || g_str_has_suffix (run->out, "\n"));
  lines = g_strsplit (run->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_ptr_array_add (articles, parse_json (lines[i]));

  g_assert_cmpuint (articles->len, ==, count_lines (run->out));
  return g_steal_pointer (&articles);
}

static gint64
find_id_by_title (GPtrArray  *articles,
                  const char *title)
{
  for (guint i = 0; i < articles->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (articles, i));

      if (g_strcmp0 (get_text (object, "title"), title) == 0)
        return json_object_get_int_member (object, "id");
    }

  g_error ("no article titled “%s”", title);
  return 0;
}

/* Title, summary and body, case-folded: what a search looks in. */
static char *
dup_folded_text (JsonObject *object)
{
  g_autofree char *text = g_strjoin ("\n",
                                     get_text (object, "title") ?: "",
                                     get_text (object, "summary") ?: "",
                                     get_text (object, "body") ?: "",
                                     NULL);

  return g_utf8_casefold (text, -1);
}

/* The ids of the exported articles whose text contains @needle (folded). */
static GArray *
ids_containing (GPtrArray  *articles,
                const char *needle)
{
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < articles->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (articles, i));
      g_autofree char *text = dup_folded_text (object);

      if (strstr (text, folded_needle) != NULL)
        {
          gint64 id = json_object_get_int_member (object, "id");

          g_array_append_val (ids, id);
        }
    }

  return ids;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 id_a = *(const gint64 *) a;
  gint64 id_b = *(const gint64 *) b;

  return (id_a > id_b) - (id_a < id_b);
}

static void
assert_same_ids (GArray *found,
                 GArray *expected)
{
  g_array_sort (found, compare_ids);
  g_array_sort (expected, compare_ids);
  g_assert_cmpmem (found->data, found->len * sizeof (gint64),
                   expected->data, expected->len * sizeof (gint64));
}

/* The lines of plain `search` output, each split into its four fields. */
static GPtrArray *
split_search_lines (const char *out)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_true (out[0] == '\0' || g_str_has_suffix (out, "\n"));
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      char **fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_ptr_array_add (rows, fields);
    }

  return g_steal_pointer (&rows);
}

static GArray *
ids_of_rows (GPtrArray *rows)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = g_ptr_array_index (rows, i);
      gint64 id = 0;

      g_assert_true (g_ascii_string_to_signed (fields[0], 10, 1, G_MAXINT64, &id, NULL));
      g_array_append_val (ids, id);
    }

  return ids;
}

/* import ------------------------------------------------------------------ */

static void
test_import_samples (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CliRun) run = cli (f, "import", samples_dir (), NULL);
  g_autoptr(GPtrArray) articles = NULL;

  /* 5 files, and the 2 teasers of 000's "Related" block. */
  assert_success (run);
  g_assert_cmpstr (run->out, ==, "Imported 7 articles (0 updated, 0 unchanged, 0 failed)\n");

  articles = export_articles (f);
  g_assert_cmpuint (articles->len, ==, 7);
}

static void
test_import_again (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) before = export_articles (f);
  g_autoptr(CliRun) run = cli (f, "import", samples_dir (), NULL);
  g_autoptr(GPtrArray) after = NULL;

  assert_success (run);
  g_assert_true (g_str_has_prefix (run->out, "Imported 0 articles ("));
  g_assert_nonnull (strstr (run->out, " 0 failed)"));

  /* Nothing added, nothing changed: the same export, line for line. */
  after = export_articles (f);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (json_node_equal (g_ptr_array_index (before, i), g_ptr_array_index (after, i)));
}

static void
test_import_bad_files (Fixture       *f,
                       gconstpointer  data)
{
  static const char binary[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";
  const char *bad_names[] = { "binary.bin", "empty.txt", "latin1.txt" };
  g_autofree char *folder = g_build_filename (f->dir, "in", NULL);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_auto(GStrv) lines = NULL;

  copy_sample (f, "003_26881a70f5feccfe.txt", "in/003.txt");
  copy_sample (f, "004_0683e43e2cf577f7.txt", "in/004.txt");
  g_free (write_file (f, "in/binary.bin", binary, sizeof binary));
  g_free (write_file (f, "in/empty.txt", "", 0));
  g_free (write_file (f, "in/latin1.txt", "Caf\xe9 au lait \xe0 H\xe0 N\xf4i\n", -1));

  run = cli (f, "import", folder, NULL);

  /* The good files are in, the bad ones each have their line, and the
   * exit status tells the script that not everything went in. */
  assert_status (run, 1);
  g_assert_cmpstr (run->out, ==, "Imported 2 articles (0 updated, 0 unchanged, 3 failed)\n");
  g_assert_cmpuint (count_lines (run->err), ==, G_N_ELEMENTS (bad_names));
  lines = g_strsplit (run->err, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_assert_true (g_str_has_prefix (lines[i], "mekong-cli: "));
      for (guint j = 0; j < G_N_ELEMENTS (bad_names); j++)
        g_assert_true ((strstr (lines[i], bad_names[j]) != NULL) == (i == j));
    }

  articles = export_articles (f);
  g_assert_cmpuint (articles->len, ==, 2);
}

static void
test_import_missing_path (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-file.txt", NULL);
  g_autoptr(CliRun) alone = cli (f, "import", missing, NULL);
  g_autoptr(CliRun) with_samples = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  assert_one_error_line (alone, 1, "no-such-file.txt");

  /* The other paths of the same command still go in. */
  with_samples = cli (f, "import", missing, samples_dir (), NULL);
  assert_one_error_line (with_samples, 1, "no-such-file.txt");
  g_assert_true (g_str_has_prefix (with_samples->out, "Imported 7 articles ("));
  articles = export_articles (f);
  g_assert_cmpuint (articles->len, ==, 7);
}

static void
test_import_usage (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CliRun) no_path = cli (f, "import", NULL);
  g_autoptr(CliRun) bad_option = cli (f, "import", "--bogus", samples_dir (), NULL);

  assert_one_error_line (no_path, 2, "import");
  assert_one_error_line (bad_option, 2, "--bogus");
  /* A usage error touches nothing, not even to create the archive. */
  g_assert_false (g_file_test (f->archive, G_FILE_TEST_EXISTS));
}

/* hostile input --------------------------------------------------------------- */

/* The title member of the exported article whose body contains @needle. */
static const char *
exported_title (GPtrArray  *articles,
                const char *needle)
{
  for (guint i = 0; i < articles->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (articles, i));

      if (strstr (get_text (object, "body"), needle) != NULL)
        return get_text (object, "title");
    }
  g_error ("no exported article has “%s” in its body", needle);
}

/* Invalid UTF-8 (overlong forms, surrogates, five-byte sequences) and NUL
 * bytes are refused, one line each naming the file; markup, SQL,
 * right-to-left and zero-width characters are text, kept as typed. */
static void
test_hostile_file_contents (Fixture       *f,
                            gconstpointer  data)
{
  static const char nul_text[] = "Title\n\nBefore\0after the NUL.\n";
  static const struct { const char *name; const char *text; gssize length; } bad[] = {
    { "in/overlong-slash.txt", "Title\n\nA \xc0\xaf slash, written the long way.\n", -1 },
    { "in/overlong-nul.txt", "Title\n\nA \xe0\x80\x80 hidden NUL.\n", -1 },
    { "in/surrogate.txt", "Title\n\nHalf a pair: \xed\xa0\x80.\n", -1 },
    { "in/five-bytes.txt", "Title\n\nToo long: \xf8\x88\x80\x80\x80.\n", -1 },
    { "in/nul-byte.txt", nul_text, sizeof nul_text - 1 },
  };
  static const char markup_title[] = "<b>x</b> & <script>alert(1)</script>";
  static const char sql_title[] = "Robert'); DROP TABLE articles; -- O'Brien's \"50%\" _ share";
  static const char rtl_title[] = "\xe2\x80\xae" "evil" "\xe2\x80\xac" " zero" "\xe2\x80\x8b" "width" "\xe2\x80\x8f";
  g_autofree char *folder = g_build_filename (f->dir, "in", NULL);
  g_autofree char *markup_text = g_strdup_printf ("%s\n\nMarkup body: <i>kept</i> &amp; shown.\n", markup_title);
  g_autofree char *sql_text = g_strdup_printf ("%s\n\nSQL body: ' OR 1=1; --  \"%%\" _ \\.\n", sql_title);
  g_autofree char *rtl_text = g_strdup_printf ("%s\n\nRTL body: \xe2\x80\xae" "txet" "\xe2\x80\xac" " and \xef\xbb\xbf" "BOM.\n", rtl_title);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) search = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_free (write_file (f, bad[i].name, bad[i].text, bad[i].length));
  g_free (write_file (f, "in/markup.txt", markup_text, -1));
  g_free (write_file (f, "in/sql.txt", sql_text, -1));
  g_free (write_file (f, "in/rtl.txt", rtl_text, -1));

  run = cli (f, "import", folder, NULL);
  assert_status (run, 1);
  g_assert_cmpstr (run->out, ==, "Imported 3 articles (0 updated, 0 unchanged, 5 failed)\n");
  g_assert_cmpuint (count_lines (run->err), ==, G_N_ELEMENTS (bad));
  lines = g_strsplit (run->err, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *base = g_path_get_basename (bad[i].name);
      gboolean found = FALSE;

      for (guint j = 0; lines[j] != NULL; j++)
        found |= strstr (lines[j], base) != NULL;
      g_assert_true (found);
    }

  articles = export_articles (f);
  g_assert_cmpuint (articles->len, ==, 3);
  g_assert_cmpstr (exported_title (articles, "Markup body"), ==, markup_title);
  g_assert_cmpstr (exported_title (articles, "SQL body"), ==, sql_title);
  g_assert_cmpstr (exported_title (articles, "RTL body"), ==, rtl_title);

  /* The SQL in the title is searched for as words, and did nothing. */
  search = cli (f, "search", "DROP TABLE articles", NULL);
  assert_success (search);
  g_assert_cmpuint (count_lines (search->out), ==, 1);
  g_assert_nonnull (strstr (search->out, "DROP TABLE articles"));
}

/* SQL and LIKE metacharacters, FTS5 syntax and a 100,000-character query
 * are searched for as text: no error, no crash, an answer within seconds,
 * and never "everything" for a query that names nothing. */
static void
test_hostile_queries (Fixture       *f,
                      gconstpointer  data)
{
  /* Without a word there is nothing to filter on: the whole archive, as
   * for an empty search box (never an error, never a LIKE wildcard). With
   * words, exactly what those words find. */
  static const char * const wordless[] = { "%", "_", "\\", "'", "*", "title:%", "\"'\"" };
  static const struct { const char *typed; const char *same_as; } worded[] = {
    { "' OR 1=1 --", "1" },
    { "\"; DROP TABLE articles; --", "\"drop table articles\"" },
    { "') UNION SELECT sql FROM sqlite_master --", "union select sql from sqlite_master" },
    { "vss' OR 'a'='a", "vss OR \"a a\"" },
    { "vss' --", "vss" },
    { "NEAR(laos vss)", "\"NEAR(laos\" \"vss)\"" },
  };
  g_autoptr(CliRun) everything = cli (f, "search", "", NULL);
  g_autoptr(GString) long_query = g_string_new (NULL);
  g_autoptr(CliRun) long_run = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 start, elapsed_ms;

  assert_success (everything);
  g_assert_cmpuint (count_lines (everything->out), ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (wordless); i++)
    {
      g_autoptr(CliRun) run = cli (f, "search", wordless[i], NULL);

      assert_success (run);
      g_assert_cmpstr (run->out, ==, everything->out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (worded); i++)
    {
      g_autoptr(CliRun) run = cli (f, "search", worded[i].typed, NULL);
      g_autoptr(CliRun) reference = cli (f, "search", worded[i].same_as, NULL);

      g_test_message ("«%s»: %u results", worded[i].typed, count_lines (run->out));
      assert_success (run);
      assert_success (reference);
      g_assert_cmpstr (run->out, ==, reference->out);
      g_assert_cmpuint (count_lines (run->out), <, 7);
    }

  /* 100,000 characters: words, operators and quotes, as a paste of a page
   * would bring. */
  for (guint i = 0; long_query->len < 100000; i++)
    g_string_append (long_query, (const char *[]) { "laos ", "OR ", "\"social ", "-x ", "title:", "vss* ", "' ", "% " }[i % 8]);
  start = g_get_monotonic_time ();
  long_run = cli (f, "search", long_query->str, NULL);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("a 100,000-character query took %" G_GINT64_FORMAT " ms", elapsed_ms);
  assert_success (long_run);
  g_assert_cmpint (elapsed_ms, <, 10000);

  after = export_articles (f);
  g_assert_cmpuint (after->len, ==, 7);
}

/* Paths with spaces, newlines and ".." are paths like any other: the
 * archive, the folder imported and a file that fails, whose one error line
 * stays one line. Importing again by another spelling of the same folder
 * adds nothing twice. */
static void
test_hostile_paths (Fixture       *f,
                    gconstpointer  data)
{
  static const char binary[] = "\x7f" "ELF\x02\x01\x01\0\0\0";
  g_autofree char *folder = g_build_filename (f->dir, "a b", "line\nbreak", NULL);
  g_autofree char *dotted = g_build_filename (f->dir, "a b", "line\nbreak", "..", "line\nbreak", NULL);
  g_autoptr(CliRun) first = NULL;
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) search = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  g_free (f->archive);
  f->archive = g_build_filename (f->dir, "my archive\n(2).db", NULL);
  copy_sample (f, "003_26881a70f5feccfe.txt", "a b/line\nbreak/new\nline 003.txt");
  copy_sample (f, "004_0683e43e2cf577f7.txt", "a b/line\nbreak/../line\nbreak/004 ..txt");
  g_free (write_file (f, "a b/line\nbreak/bad\nname.bin", binary, sizeof binary));

  first = cli (f, "import", dotted, NULL);
  assert_one_error_line (first, 1, "name.bin");
  g_assert_cmpstr (first->out, ==, "Imported 2 articles (0 updated, 0 unchanged, 1 failed)\n");
  g_assert_true (g_file_test (f->archive, G_FILE_TEST_IS_REGULAR));

  again = cli (f, "import", folder, NULL);
  g_assert_cmpstr (again->out, ==, "Imported 0 articles (0 updated, 2 unchanged, 1 failed)\n");

  articles = export_articles (f);
  g_assert_cmpuint (articles->len, ==, 2);
  search = cli (f, "search", "Laos", NULL);
  assert_success (search);
}

/* the archive --------------------------------------------------------------- */

static void
test_archive_not_a_database (Fixture       *f,
                             gconstpointer  data)
{
  static const char notes[] = "My notes on the VSS–LSSO meeting.\nDo not lose them.\n";
  const char *commands[][3] = {
    { "import", NULL, NULL },
    { "search", "Laos", NULL },
    { "show", "1", NULL },
    { "export", NULL, NULL },
  };
  g_autofree char *path = write_file (f, "notes.txt", notes, -1);

  g_free (f->archive);
  f->archive = g_strdup (path);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *arg = g_str_equal (commands[i][0], "import") ? samples_dir () : commands[i][1];
      g_autoptr(CliRun) run = cli (f, commands[i][0], arg, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GError) error = NULL;

      assert_one_error_line (run, 1, "notes.txt");
      g_assert_cmpstr (run->out, ==, "");

      /* Left byte for byte as it was, and no SQLite journal beside it. */
      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, notes);
      dir = g_dir_open (f->dir, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (g_dir_read_name (dir), ==, "notes.txt");
      g_assert_null (g_dir_read_name (dir));
    }
}

static void
test_archive_missing (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CliRun) search = cli (f, "search", "Laos", NULL);
  g_autoptr(CliRun) show = cli (f, "show", "1", NULL);
  g_autoptr(CliRun) export = cli (f, "export", NULL);

  /* Reading an archive that is not there is an error, and leaves no
   * empty archive behind. */
  assert_one_error_line (search, 1, "archive.db");
  assert_one_error_line (show, 1, "archive.db");
  assert_one_error_line (export, 1, "archive.db");
  g_assert_false (g_file_test (f->archive, G_FILE_TEST_EXISTS));
}

static void
test_archive_default (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *data_home = g_build_filename (f->dir, "data", NULL);
  g_autofree char *expected = g_build_filename (data_home, "mekong", "archive.db", NULL);
  g_autoptr(CliRun) import = cli_bare (f, "import", samples_dir (), NULL);
  g_autoptr(CliRun) search = cli_bare (f, "search", "Keo Chanthavixay", NULL);

  /* Without --archive: $XDG_DATA_HOME/mekong/archive.db, folders created. */
  assert_success (import);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  assert_success (search);
  g_assert_cmpuint (count_lines (search->out), >, 0);
}

/* search -------------------------------------------------------------------- */

static void
test_search_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) articles = export_articles (f);
  g_autoptr(GArray) expected = ids_containing (articles, "Keo Chanthavixay");
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CliRun) run = cli (f, "search", "Keo Chanthavixay", "--json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *hits;

  assert_success (run);
  root = parse_json (run->out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  hits = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);
      gint64 id = json_object_get_int_member (hit, "id");
      const char *snippet = get_text (hit, "snippet");

      assert_keys (hit, search_keys);
      g_assert_nonnull (get_text (hit, "title"));
      get_text (hit, "source");
      get_text (hit, "published");
      /* Plain text: the match marks are for widgets, not scripts. */
      g_assert_nonnull (snippet);
      g_assert_null (strpbrk (snippet, "\x02\x03"));
      g_assert_nonnull (strstr (snippet, "Chanthavixay"));
      g_array_append_val (found, id);
    }

  g_assert_cmpuint (expected->len, ==, 2);
  assert_same_ids (found, expected);
}

static void
test_search_folding (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) articles = export_articles (f);
  g_autoptr(GArray) expected = ids_containing (articles, "Hà Nội");
  g_autoptr(CliRun) run = cli (f, "search", "ha noi", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) found = NULL;

  assert_success (run);
  rows = split_search_lines (run->out);
  found = ids_of_rows (rows);
  g_assert_cmpuint (expected->len, >, 0);
  assert_same_ids (found, expected);
}

static void
test_search_stray_syntax (Fixture       *f,
                          gconstpointer  data)
{
  const char *queries[] = {
    "\"social", "social\"", "NEAR(", "AND", "OR OR", "NOT", "(", ")", "*",
    "^", "title:", "\"\"", "ha noi AND", "Laos -", "{body}: x",
  };

  /* What a person types is never a syntax error: results or none, exit 0. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(CliRun) run = cli (f, "search", queries[i], "--json", NULL);
      g_autoptr(JsonNode) root = NULL;

      g_test_message ("query: %s", queries[i]);
      assert_success (run);
      root = parse_json (run->out);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
    }
}

static void
test_search_limit (Fixture       *f,
                   gconstpointer  data)
{
  const char *bad_limits[] = { "abc", "0", "-1", "2x", "", " 2", "99999999999999999999" };
  g_autoptr(CliRun) all = cli (f, "search", "Laos", NULL);
  g_autoptr(CliRun) two = cli (f, "search", "Laos", "--limit", "2", NULL);
  g_autoptr(CliRun) two_json = cli (f, "search", "--limit=2", "--json", "Laos", NULL);
  g_autoptr(JsonNode) root = NULL;

  assert_success (all);
  g_assert_cmpuint (count_lines (all->out), >, 2);
  assert_success (two);
  g_assert_cmpuint (count_lines (two->out), ==, 2);
  /* The first two of the same order. */
  g_assert_true (g_str_has_prefix (all->out, two->out));

  assert_success (two_json);
  root = parse_json (two_json->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (bad_limits); i++)
    {
      g_autoptr(CliRun) run = cli (f, "search", "Laos", "--limit", bad_limits[i], NULL);

      g_test_message ("--limit “%s”", bad_limits[i]);
      assert_one_error_line (run, 2, "--limit");
      g_assert_cmpstr (run->out, ==, "");
    }
}

static void
assert_dates_sorted (const char *out,
                     int         direction)
{
  g_autoptr(GPtrArray) rows = split_search_lines (out);
  const char *previous = NULL;
  gboolean undated_seen = FALSE;

  g_assert_cmpuint (rows->len, >, 1);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *date = ((char **) g_ptr_array_index (rows, i))[1];

      /* Undated articles come last, in either order. */
      if (*date == '\0')
        {
          undated_seen = TRUE;
          continue;
        }
      g_assert_false (undated_seen);
      if (previous != NULL)
        g_assert_cmpint (strcmp (date, previous) * direction, >=, 0);
      previous = date;
    }
}

static void
test_search_sort (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CliRun) newest = cli (f, "search", "", NULL);
  g_autoptr(CliRun) newest_explicit = cli (f, "search", "", "--sort", "newest", NULL);
  g_autoptr(CliRun) oldest = cli (f, "search", "", "--sort", "oldest", NULL);
  g_autoptr(CliRun) relevance = cli (f, "search", "social security", "--sort", "relevance", NULL);
  g_autoptr(CliRun) bogus = cli (f, "search", "Laos", "--sort", "random", NULL);

  /* An empty query lists every article. */
  assert_success (newest);
  g_assert_cmpuint (count_lines (newest->out), ==, 7);
  assert_dates_sorted (newest->out, -1);
  assert_success (newest_explicit);
  g_assert_cmpstr (newest_explicit->out, ==, newest->out);
  assert_success (oldest);
  assert_dates_sorted (oldest->out, 1);
  assert_success (relevance);
  g_assert_cmpuint (count_lines (relevance->out), >, 0);
  assert_one_error_line (bogus, 2, "random");
}

static void
test_search_usage (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CliRun) missing = cli (f, "search", NULL);
  g_autoptr(CliRun) extra = cli (f, "search", "ha", "noi", NULL);
  g_autoptr(CliRun) bogus = cli (f, "search", "--bogus", "Laos", NULL);
  g_autoptr(CliRun) dashed = cli (f, "search", "--", "-Laos", NULL);

  assert_one_error_line (missing, 2, "QUERY");
  assert_one_error_line (extra, 2, "noi");
  assert_one_error_line (bogus, 2, "--bogus");
  /* After “--”, a query may start with a dash. */
  assert_success (dashed);
}

static void
test_search_utf8_under_c_locale (Fixture       *f,
                                 gconstpointer  data)
{
  const char *c_locale[] = { "LC_ALL", "C", NULL };
  g_autoptr(CliRun) utf8 = cli (f, "search", "Hà Nội", "--json", NULL);
  g_autoptr(CliRun) c = cli_env (f, c_locale, "search", "Hà Nội", "--json", NULL);
  g_autoptr(JsonNode) root = NULL;

  /* Scripts run under LC_ALL=C (cron, CI): the accented query still works
   * and the output is the same UTF-8, not “H? N?i”. */
  assert_success (utf8);
  root = parse_json (utf8->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), >, 0);
  g_assert_false (g_str_is_ascii (utf8->out));
  assert_success (c);
  g_assert_cmpstr (c->out, ==, utf8->out);
}

/* show ---------------------------------------------------------------------- */

static void
test_show_json (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) articles = export_articles (f);

  /* `show --json` is the export object, for every article. */
  for (guint i = 0; i < articles->len; i++)
    {
      JsonNode *exported = g_ptr_array_index (articles, i);
      JsonObject *object = json_node_get_object (exported);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             json_object_get_int_member (object, "id"));
      g_autoptr(CliRun) run = cli (f, "show", id, "--json", NULL);
      g_autoptr(JsonNode) shown = NULL;

      assert_success (run);
      shown = parse_json (run->out);
      assert_keys (json_node_get_object (shown), export_keys);
      g_assert_cmpstr (get_text (json_node_get_object (shown), "title"), ==,
                       get_text (object, "title"));
      g_assert_true (json_node_equal (shown, exported));
    }
}

static void
test_show_plain (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) articles = export_articles (f);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                         find_id_by_title (articles, TITLE_000));
  g_autoptr(CliRun) run = cli (f, "show", id, NULL);

  assert_success (run);
  g_assert_true (g_str_has_prefix (run->out, TITLE_000 "\n"));
  g_assert_nonnull (strstr (run->out, "\nThe Vietnam Social Security (VSS) is ready"));
  g_assert_nonnull (strstr (run->out, "Keo Chanthavixay"));
}

static void
test_show_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CliRun) absent = cli (f, "show", "99999", NULL);
  g_autoptr(CliRun) absent_json = cli (f, "show", "99999", "--json", NULL);
  g_autoptr(CliRun) word = cli (f, "show", "abc", NULL);
  g_autoptr(CliRun) zero = cli (f, "show", "0", NULL);
  g_autoptr(CliRun) negative = cli (f, "show", "--", "-1", NULL);
  g_autoptr(CliRun) missing = cli (f, "show", NULL);
  g_autoptr(CliRun) extra = cli (f, "show", "1", "2", NULL);

  assert_one_error_line (absent, 1, "no article with id 99999");
  g_assert_cmpstr (absent->out, ==, "");
  assert_one_error_line (absent_json, 1, "99999");
  assert_one_error_line (word, 2, "abc");
  assert_one_error_line (zero, 2, "0");
  assert_one_error_line (negative, 2, "-1");
  assert_one_error_line (missing, 2, "ID");
  assert_one_error_line (extra, 2, "2");
}

/* export ------------------------------------------------------------------ */

static void
assert_nullable_type (JsonObject *object,
                      const char *name,
                      GType       type)
{
  JsonNode *node = json_object_get_member (object, name);

  if (!JSON_NODE_HOLDS_NULL (node))
    g_assert_cmpint (json_node_get_value_type (node), ==, type);
}

static void
assert_export_object (JsonObject *object)
{
  const char *texts[] = { "url", "source", "published", "author", "summary", "body", "language" };

  assert_keys (object, export_keys);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "id")), ==, G_TYPE_INT64);
  g_assert_nonnull (get_text (object, "title"));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    get_text (object, texts[i]);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "excerpt")), ==, G_TYPE_BOOLEAN);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "title_derived")), ==, G_TYPE_BOOLEAN);
  assert_nullable_type (object, "related_to", G_TYPE_INT64);

  /* entities: [{name, type, mentions}], places: [{name, lat, lon}] */
  for (guint i = 0; i < json_array_get_length (json_object_get_array_member (object, "entities")); i++)
    {
      JsonObject *entity = json_array_get_object_element (json_object_get_array_member (object, "entities"), i);
      const char *keys[] = { "name", "type", "mentions", NULL };

      assert_keys (entity, keys);
      g_assert_nonnull (get_text (entity, "name"));
      g_assert_cmpint (json_object_get_int_member (entity, "mentions"), >, 0);
    }
  for (guint i = 0; i < json_array_get_length (json_object_get_array_member (object, "places")); i++)
    {
      JsonObject *place = json_array_get_object_element (json_object_get_array_member (object, "places"), i);
      const char *keys[] = { "name", "lat", "lon", NULL };

      assert_keys (place, keys);
      assert_nullable_type (place, "lat", G_TYPE_DOUBLE);
    }
}

static void
test_export_jsonl (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) articles = export_articles (f);
  g_autoptr(CliRun) default_format = cli (f, "export", NULL);
  gint64 id_000 = find_id_by_title (articles, TITLE_000);
  const char *source_000 = NULL;
  gint64 previous_id = 0;
  guint n_excerpts = 0;

  g_assert_cmpuint (articles->len, ==, 7);
  for (guint i = 0; i < articles->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (articles, i));
      gint64 id = json_object_get_int_member (object, "id");

      assert_export_object (object);
      g_assert_cmpint (id, >, previous_id);
      previous_id = id;
      if (id == id_000)
        source_000 = get_text (object, "source");
    }

  /* The two teasers of 000's "Related" block: excerpts pointing at it,
   * from the same outlet. Whole articles point at nothing. */
  for (guint i = 0; i < articles->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (articles, i));

      if (json_object_get_boolean_member (object, "excerpt"))
        {
          n_excerpts++;
          g_assert_cmpint (json_object_get_int_member (object, "related_to"), ==, id_000);
          g_assert_cmpstr (get_text (object, "source"), ==, source_000);
        }
      else
        g_assert_true (json_object_get_null_member (object, "related_to"));
    }
  g_assert_cmpuint (n_excerpts, ==, 2);

  /* jsonl is the default format, and the teasers are left out unless
   * asked for: the five articles. */
  assert_success (default_format);
  g_assert_cmpuint (count_lines (default_format->out), ==, 5);
  g_assert_null (strstr (default_format->out, "\"excerpt\":true"));
}

/* The object of the article titled @title, from an export. */
static JsonObject *
find_article (GPtrArray  *articles,
              const char *title)
{
  for (guint i = 0; i < articles->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (articles, i));

      if (g_strcmp0 (get_text (object, "title"), title) == 0)
        return object;
    }

  g_error ("no article titled “%s”", title);
  return NULL;
}

static gboolean
has_entity (JsonArray  *entities,
            const char *name,
            const char *type)
{
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *entity = json_array_get_object_element (entities, i);

      if (g_strcmp0 (get_text (entity, "name"), name) == 0 &&
          g_strcmp0 (get_text (entity, "type"), type) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_export_entities (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) articles = export_articles (f);
  JsonObject *article = find_article (articles, TITLE_000);
  JsonArray *entities = json_object_get_array_member (article, "entities");
  JsonArray *places = json_object_get_array_member (article, "places");
  gboolean found_vientiane = FALSE;

  g_assert_true (has_entity (entities, "Vietnam Social Security", "organization"));
  g_assert_true (has_entity (entities, "Dao Viet Anh", "person"));
  g_assert_true (has_entity (entities, "Laos", "place"));
  for (guint i = 0; i < json_array_get_length (places); i++)
    {
      JsonObject *place = json_array_get_object_element (places, i);

      if (g_strcmp0 (get_text (place, "name"), "Vientiane") == 0)
        {
          found_vientiane = TRUE;
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (place, "lat"), 17.97, 0.5);
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (place, "lon"), 102.63, 0.5);
        }
    }
  g_assert_true (found_vientiane);
}

/* The ids of the exported articles whose "places" name @place. */
static GArray *
ids_with_place (GPtrArray  *articles,
                const char *place)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < articles->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (articles, i));
      JsonArray *places = json_object_get_array_member (object, "places");

      for (guint j = 0; j < json_array_get_length (places); j++)
        if (g_strcmp0 (get_text (json_array_get_object_element (places, j), "name"), place) == 0)
          {
            gint64 id = json_object_get_int_member (object, "id");

            g_array_append_val (ids, id);
            break;
          }
    }

  return ids;
}

/* place: narrows a search to exactly the articles that name the place,
 * however the query spells it, and -place: to the others. */
static void
test_search_place (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) articles = export_articles (f);
  g_autoptr(GArray) expected = ids_with_place (articles, "Vientiane");
  g_autoptr(CliRun) all = cli (f, "search", "", NULL);
  g_autoptr(CliRun) run = cli (f, "search", "place:Vientiane", NULL);
  g_autoptr(CliRun) upper = cli (f, "search", "PLACE:VIENTIANE", NULL);
  g_autoptr(CliRun) lower = cli (f, "search", "place:vientiane", NULL);
  g_autoptr(CliRun) others = cli (f, "search", "--", "-place:Vientiane", NULL);
  g_autoptr(CliRun) person = cli (f, "search", "person:Vientiane", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) found = NULL;

  assert_success (run);
  rows = split_search_lines (run->out);
  found = ids_of_rows (rows);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (expected->len, <, count_lines (all->out));
  assert_same_ids (found, expected);

  assert_success (lower);
  g_assert_cmpstr (lower->out, ==, run->out);
  assert_success (upper);
  g_assert_cmpstr (upper->out, ==, run->out);
  assert_success (others);
  g_assert_cmpuint (count_lines (others->out) + count_lines (run->out), ==, count_lines (all->out));
  assert_success (person);
  g_assert_cmpstr (person->out, ==, "");
}

static void
test_export_usage (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CliRun) xml = cli (f, "export", "--format", "xml", NULL);
  g_autoptr(CliRun) extra = cli (f, "export", "all", NULL);

  /* The message names the formats there are. */
  assert_one_error_line (xml, 2, "jsonl");
  g_assert_nonnull (strstr (xml->err, "xml"));
  g_assert_cmpstr (xml->out, ==, "");
  assert_one_error_line (extra, 2, "all");
}

/* entities ------------------------------------------------------------------ */

static JsonArray *
entities_json (Fixture    *f,
               JsonNode  **root,
               ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(CliRun) run = NULL;
  va_list args;

  g_strv_builder_add_many (builder, cli_path (), "--archive", f->archive, "entities", "--json", NULL);
  va_start (args, root);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_strv_builder_add (builder, arg);
  va_end (args);
  argv = g_strv_builder_end (builder);

  run = run_argv ((const char * const *) argv, NULL);
  assert_success (run);
  *root = parse_json (run->out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*root));
  return json_node_get_array (*root);
}

static JsonObject *
find_entity (JsonArray  *entities,
             const char *name,
             const char *type)
{
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *entity = json_array_get_object_element (entities, i);

      if (g_strcmp0 (get_text (entity, "name"), name) == 0 &&
          g_strcmp0 (get_text (entity, "type"), type) == 0)
        return entity;
    }

  return NULL;
}

static gboolean
has_string (JsonArray  *array,
            const char *text)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), text) == 0)
      return TRUE;

  return FALSE;
}

/* One article's entities: named as it names them, with offsets that point
 * at those names in its body. */
static void
test_entities_article (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) articles = export_articles (f);
  JsonObject *article = find_article (articles, TITLE_000);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (article, "id"));
  const char *body = get_text (article, "body");
  g_autoptr(JsonNode) root = NULL;
  JsonArray *entities = entities_json (f, &root, "--article", id, NULL);
  JsonObject *person = find_entity (entities, "Dao Viet Anh", "person");
  JsonObject *vss = find_entity (entities, "Vietnam Social Security", "organization");
  JsonArray *offsets;

  g_assert_nonnull (person);
  g_assert_nonnull (vss);
  g_assert_null (find_entity (entities, "Lao", "place"));
  g_assert_null (find_entity (entities, "MoU", "organization"));
  g_assert_true (has_string (json_object_get_array_member (person, "aliases"), "Anh"));
  g_assert_true (has_string (json_object_get_array_member (vss, "aliases"), "VSS"));
  g_assert_cmpint (json_object_get_int_member (person, "mentions"), ==, 2);

  offsets = json_object_get_array_member (person, "offsets");
  for (guint i = 0; i < json_array_get_length (offsets); i++)
    {
      JsonObject *offset = json_array_get_object_element (offsets, i);
      const char *start = g_utf8_offset_to_pointer (body, json_object_get_int_member (offset, "start"));
      const char *end = g_utf8_offset_to_pointer (body, json_object_get_int_member (offset, "end"));
      g_autofree char *text = g_strndup (start, end - start);

      g_assert_false (json_object_get_boolean_member (offset, "in_title"));
      g_assert_true (g_str_equal (text, "Dao Viet Anh") || g_str_equal (text, "Anh"));
    }

  /* In an article's list, "canonical" is the archive's name and
   * "offsets" where the article names it. */
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *entity = json_array_get_object_element (entities, i);

      g_assert_nonnull (get_text (entity, "canonical"));
      g_assert_true (json_object_has_member (entity, "offsets"));
      g_assert_cmpuint (json_object_get_size (entity), ==,
                        g_str_equal (get_text (entity, "type"), "place") ? 10 : 8);
    }
}

/* Across the archive, one entity per place however it is spelled, with
 * the number of articles that name it. */
static void
test_entities_archive (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) places_root = NULL;
  JsonArray *entities = entities_json (f, &root, NULL);
  JsonArray *places = entities_json (f, &places_root, "--type", "place", NULL);
  JsonObject *hanoi = find_entity (entities, "Hanoi", "place");
  JsonObject *vietnam = find_entity (entities, "Vietnam", "place");
  JsonObject *vss = find_entity (entities, "Vietnam Social Security", "organization");
  gint64 previous = G_MAXINT64;

  /* "Hanoi" (001), "HÀ NỘI" and "Hà Nội" (003, 004). */
  g_assert_nonnull (hanoi);
  g_assert_cmpint (json_object_get_int_member (hanoi, "articles"), ==, 3);
  g_assert_null (find_entity (entities, "Hà Nội", "place"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (hanoi, "lat"), 21.03, 0.5);
  /* "Vietnam", "Việt Nam", "VIETNAM". */
  g_assert_nonnull (vietnam);
  g_assert_cmpint (json_object_get_int_member (vietnam, "articles"), >=, 4);
  /* 000 and 001 both name it. */
  g_assert_nonnull (vss);
  g_assert_cmpint (json_object_get_int_member (vss, "articles"), ==, 2);

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *entity = json_array_get_object_element (entities, i);

      assert_keys (entity, g_str_equal (get_text (entity, "type"), "place")
                           ? (const char * const []) { "id", "name", "type", "mentions", "articles",
                                                       "aliases", "lat", "lon", NULL }
                           : entity_keys);
      /* Most mentioned first. */
      g_assert_cmpint (json_object_get_int_member (entity, "mentions"), <=, previous);
      previous = json_object_get_int_member (entity, "mentions");
    }

  g_assert_cmpuint (json_array_get_length (places), >, 0);
  for (guint i = 0; i < json_array_get_length (places); i++)
    g_assert_cmpstr (get_text (json_array_get_object_element (places, i), "type"), ==, "place");

  /* Places carry where they are, for a map: the gazetteer's coordinates. */
  {
    JsonObject *vientiane = find_entity (places, "Vientiane", "place");
    JsonObject *quang_nam = find_entity (places, "Quang Nam", "place");

    g_assert_nonnull (vientiane);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (vientiane, "lat"), 17.97, 0.1);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (vientiane, "lon"), 102.6, 0.1);
    g_assert_nonnull (quang_nam);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (quang_nam, "lat"), 15.5, 0.3);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (quang_nam, "lon"), 108.0, 0.3);
  }
}

static void
test_entities_plain (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CliRun) run = cli (f, "entities", "--type", "person", "--limit", "3", NULL);
  g_auto(GStrv) lines = NULL;

  /* MENTIONS, ARTICLES, TYPE, NAME */
  assert_success (run);
  g_assert_cmpuint (count_lines (run->out), ==, 3);
  lines = g_strsplit (run->out, "\n", -1);
  for (guint i = 0; i < 3; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_cmpstr (fields[2], ==, "person");
    }
}

static void
test_entities_query (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *entities = entities_json (f, &root, "--query", "Baykham", NULL);

  /* Only 003 mentions Baykham Khattiya: its entities, counted within it. */
  g_assert_nonnull (find_entity (entities, "Baykham Khattiya", "person"));
  g_assert_null (find_entity (entities, "Keo Chanthavixay", "person"));
  for (guint i = 0; i < json_array_get_length (entities); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (entities, i), "articles"), ==, 1);
}

static void
test_entities_usage (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CliRun) bad_type = cli (f, "entities", "--type", "animal", NULL);
  g_autoptr(CliRun) bad_id = cli (f, "entities", "--article", "abc", NULL);
  g_autoptr(CliRun) absent = cli (f, "entities", "--article", "99999", NULL);
  g_autoptr(CliRun) extra = cli (f, "entities", "Laos", NULL);

  assert_one_error_line (bad_type, 2, "animal");
  assert_one_error_line (bad_id, 2, "abc");
  assert_one_error_line (absent, 1, "99999");
  assert_one_error_line (extra, 2, "Laos");
}

/* Re-running the rules over the archive gives the same entities. */
static void
test_reindex_entities (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CliRun) before = cli (f, "entities", NULL);
  g_autoptr(CliRun) run = cli (f, "reindex-entities", NULL);
  g_autoptr(CliRun) after = cli (f, "entities", NULL);

  assert_success (run);
  g_assert_true (g_str_has_prefix (run->out, "Indexed 7 articles in "));
  g_assert_nonnull (strstr (run->out, " articles/s): "));
  g_assert_cmpstr (run->err, ==, "");
  assert_success (after);
  g_assert_cmpstr (after->out, ==, before->out);
}

/* commands, help, version ------------------------------------------------- */

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CliRun) unknown = cli (f, "frobnicate", NULL);
  const char *no_command[] = { cli_path (), "--archive", f->archive, NULL };
  g_autoptr(CliRun) none = run_argv (no_command, NULL);
  g_autoptr(CliRun) bad_global = cli_bare (f, "--bogus", "search", "Laos", NULL);
  g_autoptr(CliRun) no_archive_value = cli_bare (f, "--archive", NULL);
  g_autoptr(CliRun) help_unknown = cli_bare (f, "help", "frobnicate", NULL);

  assert_one_error_line (unknown, 2, "frobnicate");
  assert_one_error_line (none, 2, NULL);
  assert_one_error_line (bad_global, 2, "--bogus");
  assert_one_error_line (no_archive_value, 2, "--archive");
  assert_one_error_line (help_unknown, 2, "frobnicate");
}

static void
assert_help (const CliRun *run,
             const char   *usage)
{
  assert_success (run);
  g_assert_nonnull (strstr (run->out, usage));
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  const char *commands[] = { "import", "search", "show", "export", "entities",
                             "reindex-entities", "help" };
  g_autofree char *data_home = g_build_filename (f->dir, "data", NULL);
  g_autoptr(CliRun) global = cli_bare (f, "--help", NULL);
  g_autoptr(CliRun) global_help = cli_bare (f, "help", NULL);

  assert_help (global, "Usage:\n  mekong-cli [OPTION…] COMMAND");
  g_assert_cmpstr (global_help->out, ==, global->out);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("Usage:\n  mekong-cli %s ", commands[i]);
      g_autoptr(CliRun) long_option = cli_bare (f, commands[i], "--help", NULL);
      g_autoptr(CliRun) short_option = cli_bare (f, commands[i], "-h", NULL);
      g_autoptr(CliRun) via_help = cli_bare (f, "help", commands[i], NULL);

      /* Every command is listed in the global help… */
      g_assert_nonnull (strstr (global->out, commands[i]));
      /* …and has its own, three ways, without touching any archive. */
      assert_help (long_option, usage);
      assert_help (short_option, usage);
      assert_help (via_help, usage);
      g_assert_cmpstr (long_option->out, ==, via_help->out);
    }

  /* Help is read without opening, let alone creating, an archive. */
  g_assert_false (g_file_test (data_home, G_FILE_TEST_EXISTS));
}

static void
test_version (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CliRun) run = cli_bare (f, "--version", NULL);

  assert_success (run);
  g_assert_true (g_str_has_prefix (run->out, "mekong-cli "));
  g_assert_cmpuint (count_lines (run->out), ==, 1);
}


/* bookmarks, notes and tags ------------------------------------------------ */

/* mekong-cli --archive f->archive ARG… with @input on its standard input. */
static CliRun *
cli_stdin (Fixture    *f,
           const char *input,
           const char *first_arg,
           ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) stdin_bytes = g_bytes_new (input, strlen (input));
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_build_filename (f->dir, "data", NULL);
  g_auto(GStrv) argv = NULL;
  CliRun *run = g_new0 (CliRun, 1);
  va_list args;

  g_strv_builder_add_many (builder, cli_path (), "--archive", f->archive, NULL);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_strv_builder_add (builder, arg);
  va_end (args);
  argv = g_strv_builder_end (builder);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, stdin_bytes, NULL, &out, &err, &error);
  g_assert_no_error (error);

  run->out = g_strndup (g_bytes_get_size (out) ? g_bytes_get_data (out, NULL) : "", g_bytes_get_size (out));
  run->err = g_strndup (g_bytes_get_size (err) ? g_bytes_get_data (err, NULL) : "", g_bytes_get_size (err));
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  return run;
}

/* `show ID --json`, parsed. */
static JsonNode *
show_json (Fixture    *f,
           const char *id)
{
  g_autoptr(CliRun) run = cli (f, "show", id, "--json", NULL);

  assert_success (run);
  return parse_json (run->out);
}

static char *
dup_tags (JsonObject *object)
{
  JsonArray *tags = json_object_get_array_member (object, "tags");
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (tags); i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "", json_array_get_string_element (tags, i));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_annotations_commands (Fixture       *f,
                           gconstpointer  data)
{
  const char *note = "Hỏi lại VSS: \"quỹ hưu trí\", <b>2022–2025</b>\nline 2, with a comma";
  g_autoptr(CliRun) bookmark = cli (f, "bookmark", "4", "--note", note,
                                    "--tag", "MoU 2022-2025", "--tag", "  draft ", NULL);
  g_autoptr(CliRun) tag = NULL;
  g_autoptr(CliRun) bookmarks = NULL;
  g_autoptr(CliRun) bookmarks_json = NULL;
  g_autoptr(CliRun) tags = NULL;
  g_autoptr(CliRun) tags_json = NULL;
  g_autoptr(CliRun) search = NULL;
  g_autoptr(CliRun) untag = NULL;
  g_autoptr(CliRun) unbookmark = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autofree char *shown_tags = NULL;
  JsonObject *object;

  assert_success (bookmark);
  g_assert_cmpstr (bookmark->out, ==, "");

  shown = show_json (f, "4");
  object = json_node_get_object (shown);
  g_assert_true (json_object_get_boolean_member (object, "bookmarked"));
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT", get_text (object, "bookmarked_at"), 0, 0));
  g_assert_cmpstr (get_text (object, "note"), ==, note);
  shown_tags = dup_tags (object);
  g_assert_cmpstr (shown_tags, ==, "draft|MoU 2022-2025");

  tag = cli (f, "tag", "1", "mou 2022-2025", "Bảo hiểm", NULL);
  assert_success (tag);
  tags = cli (f, "tags", NULL);
  assert_success (tags);
  g_assert_cmpstr (tags->out, ==, "1\tBảo hiểm\n1\tdraft\n2\tMoU 2022-2025\n");
  tags_json = cli (f, "tags", "--json", NULL);
  assert_success (tags_json);
  listed = parse_json (tags_json->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (listed), 2),
                                               "articles"), ==, 2);
  g_clear_pointer (&listed, json_node_unref);

  /* The search syntax finds them; a note's words find its article. */
  search = cli (f, "search", "tag:\"MoU 2022-2025\"", NULL);
  assert_success (search);
  g_assert_cmpuint (count_lines (search->out), ==, 2);
  g_clear_pointer (&search, cli_run_free);
  search = cli (f, "search", "quy huu tri", NULL);
  assert_success (search);
  g_assert_true (g_str_has_prefix (search->out, "4\t"));
  g_assert_cmpuint (count_lines (search->out), ==, 1);

  bookmarks = cli (f, "bookmarks", NULL);
  assert_success (bookmarks);
  g_assert_cmpuint (count_lines (bookmarks->out), ==, 1);
  g_assert_true (g_str_has_prefix (bookmarks->out, "4\t"));
  g_assert_nonnull (strstr (bookmarks->out, "\tdraft, MoU 2022-2025\t"));
  bookmarks_json = cli (f, "bookmarks", "--json", NULL);
  assert_success (bookmarks_json);
  listed = parse_json (bookmarks_json->out);
  object = json_array_get_object_element (json_node_get_array (listed), 0);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 4);
  g_assert_cmpstr (get_text (object, "note"), ==, note);

  untag = cli (f, "untag", "4", "draft", NULL);
  assert_success (untag);
  unbookmark = cli (f, "unbookmark", "4", NULL);
  assert_success (unbookmark);
  g_clear_pointer (&shown, json_node_unref);
  g_clear_pointer (&shown_tags, g_free);
  shown = show_json (f, "4");
  object = json_node_get_object (shown);
  g_assert_false (json_object_get_boolean_member (object, "bookmarked"));
  g_assert_true (json_object_get_null_member (object, "bookmarked_at"));
  /* Un-bookmarking keeps the note and the other tags. */
  g_assert_cmpstr (get_text (object, "note"), ==, note);
  shown_tags = dup_tags (object);
  g_assert_cmpstr (shown_tags, ==, "MoU 2022-2025");
}

static void
test_annotations_note_stdin (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(CliRun) note = NULL;
  g_autoptr(CliRun) invalid = NULL;
  g_autoptr(CliRun) cleared = NULL;
  g_autoptr(JsonNode) shown = NULL;

  while (big->len < 1024 * 1024)
    g_string_append (big, "Ghi chú “dài”, <tag> & \"quotes\"\r\n\ttab 😀 ລາວ\n");
  note = cli_stdin (f, big->str, "note", "2", "-", NULL);
  assert_success (note);
  shown = show_json (f, "2");
  g_assert_cmpstr (get_text (json_node_get_object (shown), "note"), ==, big->str);
  g_clear_pointer (&shown, json_node_unref);

  /* Not UTF-8: refused, and the note is as it was. */
  invalid = cli_stdin (f, "bad \xff\xfe byte", "note", "2", "-", NULL);
  assert_one_error_line (invalid, 2, "UTF-8");
  shown = show_json (f, "2");
  g_assert_cmpstr (get_text (json_node_get_object (shown), "note"), ==, big->str);
  g_clear_pointer (&shown, json_node_unref);

  cleared = cli (f, "note", "2", "", NULL);
  assert_success (cleared);
  shown = show_json (f, "2");
  g_assert_true (json_object_get_null_member (json_node_get_object (shown), "note"));
}

static void
test_annotations_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CliRun) missing = cli (f, "bookmark", "999", NULL);
  g_autoptr(CliRun) not_id = cli (f, "unbookmark", "abc", NULL);
  g_autoptr(CliRun) bad_tag = cli (f, "bookmark", "1", "--tag", "ok", "--tag", "say \"hi\"", NULL);
  g_autoptr(CliRun) no_tags = cli (f, "tag", "1", NULL);
  g_autoptr(CliRun) untag_missing = cli (f, "untag", "1", "nothing", NULL);
  g_autoptr(CliRun) rename_one = cli (f, "tags", "--rename", "x", NULL);
  g_autoptr(CliRun) delete_missing = cli (f, "tags", "--delete", "nothing", NULL);
  g_autoptr(CliRun) note_args = cli (f, "note", "1", NULL);
  g_autoptr(CliRun) tags = NULL;
  g_autoptr(JsonNode) shown = NULL;

  assert_one_error_line (missing, 1, "999");
  assert_one_error_line (not_id, 2, "abc");
  assert_one_error_line (bad_tag, 2, "quotes");
  assert_one_error_line (no_tags, 2, "missing");
  assert_one_error_line (untag_missing, 1, "nothing");
  assert_one_error_line (rename_one, 2, "--rename");
  assert_one_error_line (delete_missing, 1, "nothing");
  assert_one_error_line (note_args, 2, NULL);

  /* The refused bookmark did nothing at all. */
  shown = show_json (f, "1");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (shown), "bookmarked"));
  tags = cli (f, "tags", NULL);
  assert_success (tags);
  g_assert_cmpstr (tags->out, ==, "");
}

static void
test_annotations_rename_delete (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(CliRun) tag_1 = cli (f, "tag", "1", "MoU", "old", NULL);
  g_autoptr(CliRun) tag_2 = cli (f, "tag", "2", "old", NULL);
  g_autoptr(CliRun) rename = cli (f, "tags", "--rename", "old", "MoU 2022-2025", NULL);
  g_autoptr(CliRun) merge = NULL;
  g_autoptr(CliRun) delete = NULL;
  g_autoptr(CliRun) listed = NULL;

  assert_success (tag_1);
  assert_success (tag_2);
  assert_success (rename);
  listed = cli (f, "tags", NULL);
  g_assert_cmpstr (listed->out, ==, "1\tMoU\n2\tMoU 2022-2025\n");
  g_clear_pointer (&listed, cli_run_free);

  /* Onto an existing tag: the two become one. */
  merge = cli (f, "tags", "--rename", "MoU", "mou 2022-2025", NULL);
  assert_success (merge);
  listed = cli (f, "tags", NULL);
  g_assert_cmpstr (listed->out, ==, "2\tMoU 2022-2025\n");
  g_clear_pointer (&listed, cli_run_free);

  delete = cli (f, "tags", "--delete", "MoU 2022-2025", NULL);
  assert_success (delete);
  listed = cli (f, "tags", NULL);
  g_assert_cmpstr (listed->out, ==, "");
  g_clear_pointer (&listed, cli_run_free);
  listed = cli (f, "search", "tag:\"MoU 2022-2025\"", NULL);
  assert_success (listed);
  g_assert_cmpstr (listed->out, ==, "");
}

/* What an analyst did stays through importing the same files again and
 * finding the entities again. */
static void
test_annotations_survive_reimport (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(CliRun) bookmark = cli (f, "bookmark", "1", "--note", "Giữ lại", "--tag", "keep", NULL);
  g_autoptr(CliRun) import = NULL;
  g_autoptr(CliRun) reindex = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autofree char *tags = NULL;
  JsonObject *object;

  assert_success (bookmark);
  import = cli (f, "import", samples_dir (), NULL);
  assert_success (import);
  reindex = cli (f, "reindex-entities", NULL);
  assert_success (reindex);

  shown = show_json (f, "1");
  object = json_node_get_object (shown);
  g_assert_true (json_object_get_boolean_member (object, "bookmarked"));
  g_assert_cmpstr (get_text (object, "note"), ==, "Giữ lại");
  tags = dup_tags (object);
  g_assert_cmpstr (tags, ==, "keep");
}

static void
test_export_formats (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CliRun) bookmark = cli (f, "bookmark", "4", "--note", "a, \"b\"\nc", "--tag", "MoU 2022-2025", NULL);
  g_autoptr(CliRun) bookmark_excerpt = cli (f, "bookmark", "2", NULL);
  g_autoptr(CliRun) csv = cli (f, "export", "--format", "csv", "--bookmarked", NULL);
  g_autoptr(CliRun) markdown = cli (f, "export", "--format", "markdown", "--tag", "mou 2022-2025", NULL);
  g_autoptr(CliRun) query = cli (f, "export", "--query", "LSSO is:bookmarked", NULL);
  g_autoptr(CliRun) unknown = cli (f, "export", "--format", "xml", NULL);
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autoptr(CliRun) to_file = cli (f, "export", "--format", "csv", "--bookmarked", "--output", path, NULL);
  g_autofree char *written = NULL;

  assert_success (bookmark);
  assert_success (bookmark_excerpt);

  /* The bookmarked teaser is exported: the user chose it. */
  assert_success (csv);
  g_assert_true (g_str_has_prefix (csv->out, "id,title,source,published,author,url,language,"
                                             "bookmarked,bookmarked_at,tags,note,entities,summary\r\n2,"));
  g_assert_nonnull (strstr (csv->out, "\r\n4,"));
  g_assert_nonnull (strstr (csv->out, ",true,"));
  g_assert_nonnull (strstr (csv->out, ",MoU 2022-2025,\"a, \"\"b\"\"\nc\","));

  assert_success (markdown);
  g_assert_true (g_str_has_prefix (markdown->out, "# Articles from Mekong\n\n## "));
  g_assert_nonnull (strstr (markdown->out, "- **Tags:** MoU 2022-2025\n"));
  g_assert_nonnull (strstr (markdown->out, "> a, \"b\"\\\n> c\n"));

  assert_success (query);
  g_assert_cmpuint (count_lines (query->out), ==, 1);
  g_assert_true (g_str_has_prefix (query->out, "{\"id\":4,"));

  assert_one_error_line (unknown, 2, "xml");

  assert_success (to_file);
  g_assert_cmpstr (to_file->out, ==, "");
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, csv->out);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, set_up, func) \
  g_test_add ("/cli/" path, Fixture, NULL, set_up, func, fixture_tear_down)

  ADD ("import/samples", fixture_set_up, test_import_samples);
  ADD ("import/again", fixture_set_up_imported, test_import_again);
  ADD ("import/bad-files", fixture_set_up, test_import_bad_files);
  ADD ("import/missing-path", fixture_set_up, test_import_missing_path);
  ADD ("import/usage", fixture_set_up, test_import_usage);
  ADD ("hostile/file-contents", fixture_set_up, test_hostile_file_contents);
  ADD ("hostile/queries", fixture_set_up_imported, test_hostile_queries);
  ADD ("hostile/paths", fixture_set_up, test_hostile_paths);
  ADD ("archive/not-a-database", fixture_set_up, test_archive_not_a_database);
  ADD ("archive/missing", fixture_set_up, test_archive_missing);
  ADD ("archive/default", fixture_set_up, test_archive_default);
  ADD ("search/json", fixture_set_up_imported, test_search_json);
  ADD ("search/folding", fixture_set_up_imported, test_search_folding);
  ADD ("search/stray-syntax", fixture_set_up_imported, test_search_stray_syntax);
  ADD ("search/limit", fixture_set_up_imported, test_search_limit);
  ADD ("search/sort", fixture_set_up_imported, test_search_sort);
  ADD ("search/usage", fixture_set_up_imported, test_search_usage);
  ADD ("search/place", fixture_set_up_imported, test_search_place);
  ADD ("search/utf8-under-c-locale", fixture_set_up_imported, test_search_utf8_under_c_locale);
  ADD ("show/json", fixture_set_up_imported, test_show_json);
  ADD ("show/plain", fixture_set_up_imported, test_show_plain);
  ADD ("show/errors", fixture_set_up_imported, test_show_errors);
  ADD ("export/jsonl", fixture_set_up_imported, test_export_jsonl);
  ADD ("export/usage", fixture_set_up_imported, test_export_usage);
  ADD ("export/entities", fixture_set_up_imported, test_export_entities);
  ADD ("export/formats", fixture_set_up_imported, test_export_formats);
  ADD ("annotations/commands", fixture_set_up_imported, test_annotations_commands);
  ADD ("annotations/note-stdin", fixture_set_up_imported, test_annotations_note_stdin);
  ADD ("annotations/errors", fixture_set_up_imported, test_annotations_errors);
  ADD ("annotations/rename-delete", fixture_set_up_imported, test_annotations_rename_delete);
  ADD ("annotations/survive-reimport", fixture_set_up_imported, test_annotations_survive_reimport);
  ADD ("entities/article", fixture_set_up_imported, test_entities_article);
  ADD ("entities/archive", fixture_set_up_imported, test_entities_archive);
  ADD ("entities/plain", fixture_set_up_imported, test_entities_plain);
  ADD ("entities/query", fixture_set_up_imported, test_entities_query);
  ADD ("entities/usage", fixture_set_up_imported, test_entities_usage);
  ADD ("entities/reindex", fixture_set_up_imported, test_reindex_entities);
  ADD ("usage-errors", fixture_set_up, test_usage_errors);
  ADD ("help", fixture_set_up, test_help);
  ADD ("version", fixture_set_up, test_version);

#undef ADD

  return g_test_run ();
}
