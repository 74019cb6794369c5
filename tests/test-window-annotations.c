/* test-window-annotations.c — bookmarks, notes, tags, their views and
 * export in the main window, in-process under Xvfb
 *
 * A person stars an article (in its row, and in its header as Ctrl+D
 * does), writes a note, tags it, shows the tag's articles and exports
 * them; un-bookmarks and deletes the tag and takes both back with the
 * toasts' Undo. Each step is checked as the window shows it, and in the
 * archive, through a connection of the test's own.
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mk-article-row.h"
#include "mk-article-view.h"
#include "mk-note-editor.h"
#include "mk-tag-chips.h"
#include "mk-window.h"
#include "mk-test-ui.h"

#define N_SAMPLE_ARTICLES 7
#define TIMEOUT_SECONDS   30
#define TAG               "MoU 2022-2025"
#define NOTE              "Hỏi lại <b>VSS</b>, \"MoU\" & 2022–2025"

typedef struct
{
  char     *tmpdir;
  char     *archive_path;
  MkStore  *store;
  MkWindow *window;
} Fixture;

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

/* Runs the main loop until @condition holds, for at most TIMEOUT_SECONDS. */
static gboolean
wait_until (Fixture       *f,
            Condition      condition,
            gconstpointer  data)
{
  return mk_test_wait_until (MK_TEST_CONDITION (condition), f, data, TIMEOUT_SECONDS);
}

static GListModel *
window_model (Fixture *f)
{
  GtkListView *list_view = GTK_LIST_VIEW (mk_test_find_by_css_class (GTK_WIDGET (f->window), "article-list"));

  return G_LIST_MODEL (gtk_list_view_get_model (list_view));
}

static gint64
model_article_id (Fixture *f,
                  guint    position)
{
  g_autoptr(MkArticle) item = g_list_model_get_item (window_model (f), position);

  return mk_article_get_id (item);
}

/* The row on screen showing article @id, or NULL. */
static MkArticleRow *
row_of (Fixture *f,
        gint64   id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  mk_test_collect_widgets (GTK_WIDGET (f->window), MK_TYPE_ARTICLE_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      MkArticleRow *row = g_ptr_array_index (rows, i);
      MkArticle *article = mk_article_row_get_article (row);

      if (gtk_widget_get_mapped (GTK_WIDGET (row)) && article && mk_article_get_id (article) == id)
        return row;
    }

  return NULL;
}

static guint
n_rows_shown (Fixture *f)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  mk_test_collect_widgets (GTK_WIDGET (f->window), MK_TYPE_ARTICLE_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    n += gtk_widget_get_mapped (rows->pdata[i]) && mk_article_row_get_article (rows->pdata[i]);

  return n;
}

static MkArticleView *
article_view (Fixture *f)
{
  return mk_test_find_widget (GTK_WIDGET (f->window), MK_TYPE_ARTICLE_VIEW);
}

static MkAnnotations *
stored (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  MkAnnotations *annotations = mk_store_get_annotations (f->store, id, &error);

  g_assert_no_error (error);
  return annotations;
}

/* The Undo button of the toast on screen that says @title. */
static GtkButton *
undo_button (Fixture    *f,
             const char *title)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  mk_test_collect_widgets (GTK_WIDGET (f->window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
      GtkWidget *toast;

      if (!gtk_widget_get_mapped (labels->pdata[i]) ||
          g_strcmp0 (gtk_label_get_text (labels->pdata[i]), title) != 0)
        continue;

      /* The title (in a bin) and the button are children of the toast's
       * widget. */
      toast = gtk_widget_get_parent (gtk_widget_get_parent (labels->pdata[i]));
      mk_test_collect_widgets (toast, GTK_TYPE_BUTTON, buttons);
      for (guint j = 0; j < buttons->len; j++)
        if (g_strcmp0 (gtk_button_get_label (buttons->pdata[j]), "_Undo") == 0)
          return buttons->pdata[j];
    }

  return NULL;
}

/* --- conditions ------------------------------------------------------------ */

static gboolean
rows_shown (Fixture       *f,
            gconstpointer  data)
{
  return g_list_model_get_n_items (window_model (f)) == GPOINTER_TO_UINT (data) &&
         n_rows_shown (f) == GPOINTER_TO_UINT (data);
}

static gboolean
stored_bookmarked (Fixture       *f,
                   gconstpointer  data)
{
  const gint64 *id_and_state = data;
  g_autoptr(MkAnnotations) annotations = stored (f, id_and_state[0]);

  return annotations->bookmarked == id_and_state[1];
}

typedef struct {
  gint64 id;
  const char *note;
} NoteState;

static gboolean
stored_note (Fixture       *f,
             gconstpointer  data)
{
  const NoteState *state = data;
  g_autoptr(MkAnnotations) annotations = stored (f, state->id);

  return g_strcmp0 (annotations->note, state->note) == 0;
}

static gboolean
chips_show (Fixture       *f,
            gconstpointer  data)
{
  GListModel *tags = mk_tag_chips_get_tags (mk_article_view_get_tag_chips (article_view (f)));
  const char *expected = data;

  if (expected == NULL)
    return g_list_model_get_n_items (tags) == 0;
  return g_list_model_get_n_items (tags) == 1 &&
         g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (tags), 0), expected) == 0;
}

static gboolean
undo_shown (Fixture       *f,
            gconstpointer  data)
{
  return undo_button (f, data) != NULL;
}

/* A label on screen that says @data (a toast's title, say). */
static gboolean
label_shown (Fixture       *f,
             gconstpointer  data)
{
  return mk_test_label_shown (GTK_WIDGET (f->window), data);
}

static gboolean
window_finalized (Fixture       *f,
                  gconstpointer  data)
{
  return f->window == NULL;
}

/* --- fixture --------------------------------------------------------------- */

static void
open_window (Fixture *f)
{
  f->window = mk_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 1600);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (N_SAMPLE_ARTICLES)));
}

/* As a person closes it: close-request first, as the title bar's button
 * or Ctrl+W does. */
static void
close_window (Fixture *f)
{
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_close (GTK_WINDOW (f->window));
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_true (wait_until (f, window_finalized, NULL));
  mk_test_drain_main_context ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = mk_test_archive_open ("mekong-test-annotations-XXXXXX", &f->tmpdir, &f->archive_path);
  open_window (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f);
  g_assert_finalize_object (f->store);
  mk_test_remove_tmpdir (f->tmpdir);
  g_free (f->archive_path);
  g_free (f->tmpdir);
}

static GtkTextBuffer *
note_buffer (Fixture *f)
{
  MkNoteEditor *editor = mk_article_view_get_note_editor (article_view (f));

  return gtk_text_view_get_buffer (mk_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW));
}

static void
type_note (Fixture    *f,
           const char *text)
{
  GtkTextBuffer *buffer = note_buffer (f);
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_get_end_iter (buffer, &end);
  /* As typed: one insertion per character. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_insert (buffer, &end, p, g_utf8_next_char (p) - p);
      gtk_text_buffer_get_end_iter (buffer, &end);
    }
}

/* --- tests ----------------------------------------------------------------- */

static void
test_star_note_tag_filter_export (Fixture       *f,
                                  gconstpointer  data)
{
  gint64 in_view = model_article_id (f, 0);
  gint64 other = model_article_id (f, 1);
  MkArticleRow *first_row = row_of (f, in_view);
  MkArticleRow *second_row = row_of (f, other);
  g_autofree char *export_path = g_build_filename (f->tmpdir, "report.md", NULL);
  g_autofree char *export_uri = g_filename_to_uri (export_path, NULL, NULL);
  g_autofree char *exported = NULL;
  g_autofree char *tag_query = NULL;
  g_autoptr(MkArticle) article = NULL;
  GtkEditable *tag_entry;
  gint64 other_on[] = { other, TRUE };
  gint64 in_view_on[] = { in_view, TRUE };
  NoteState note = { in_view, NOTE };

  g_assert_cmpint (mk_article_get_id (mk_article_view_get_article (article_view (f))), ==, in_view);
  g_assert_false (mk_article_row_get_bookmarked (first_row));
  g_assert_false (mk_article_view_get_bookmarked (article_view (f)));

  /* A click on the star of another row bookmarks that row's article: the
   * row shows it at once, the same row widget (no reload), the article in
   * view stays as it was. */
  g_signal_emit_by_name (mk_article_row_get_star_button (second_row), "clicked");
  g_assert_true (mk_article_row_get_bookmarked (second_row));
  g_assert_true (row_of (f, other) == second_row);
  g_assert_false (mk_article_view_get_bookmarked (article_view (f)));
  g_assert_true (wait_until (f, stored_bookmarked, other_on));

  /* Ctrl+D's action: the article in view, its header star and its row. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-bookmark", NULL);
  g_assert_true (mk_article_view_get_bookmarked (article_view (f)));
  g_assert_true (mk_article_row_get_bookmarked (first_row));
  g_assert_true (wait_until (f, stored_bookmarked, in_view_on));

  /* A note, typed: saved half a second after the last key, markup and
   * all; the row shows its note icon. */
  g_assert_false (mk_article_row_get_shows_note (first_row));
  type_note (f, NOTE);
  g_assert_true (wait_until (f, stored_note, &note));
  g_assert_true (mk_article_row_get_shows_note (first_row));

  /* A tag, typed in the entry and entered: a chip, and in the archive. */
  tag_entry = mk_tag_chips_get_entry (mk_article_view_get_tag_chips (article_view (f)));
  gtk_editable_set_text (tag_entry, "  " TAG " ");
  g_signal_emit_by_name (tag_entry, "activate");
  g_assert_true (wait_until (f, chips_show, TAG));
  g_assert_cmpstr (gtk_editable_get_text (tag_entry), ==, "");
  {
    g_autoptr(MkAnnotations) annotations = stored (f, in_view);

    g_assert_cmpstr (annotations->tags[0], ==, TAG);
  }

  /* The tag's view: the search box says what is shown, one row. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter-tag", "s", TAG);
  tag_query = g_strdup_printf ("tag:\"%s\"", TAG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mk_test_find_widget (GTK_WIDGET (f->window),
                                                                     GTK_TYPE_SEARCH_ENTRY))),
                   ==, tag_query);
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (1)));
  g_assert_cmpint (model_article_id (f, 0), ==, in_view);
  g_assert_true (mk_article_row_get_bookmarked (row_of (f, in_view)));
  g_assert_true (mk_article_row_get_shows_note (row_of (f, in_view)));

  /* Export the current result as the Export dialog does once a file is
   * chosen: a Markdown report of that one article. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-to", "(sss)",
                              export_uri, "markdown", tag_query);
  /* Done when the window says so. */
  g_assert_true (wait_until (f, label_shown, "Exported 1 article to “report.md”"));
  g_assert_true (g_file_get_contents (export_path, &exported, NULL, NULL));
  article = mk_store_get_article (f->store, in_view, NULL);
  {
    g_autofree char *escaped_title = mk_exporter_escape_markdown (mk_article_get_title (article));
    g_autofree char *heading = g_strdup_printf ("\n## %s\n", escaped_title);

    g_assert_nonnull (strstr (exported, heading));
  }
  g_assert_nonnull (strstr (exported, "- **Tags:** " TAG "\n"));
  g_assert_nonnull (strstr (exported, "> Hỏi lại \\<b\\>VSS\\</b\\>, \"MoU\" \\& 2022–2025\n"));
  /* Only the tagged article: one heading under the report's title. */
  g_assert_null (strstr (strstr (exported, "\n## ") + 1, "\n## "));
}

/* Un-bookmarking and deleting a tag can be taken back from their toasts. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  gint64 id = model_article_id (f, 0);
  gint64 on[] = { id, TRUE };
  gint64 off[] = { id, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(MkAnnotations) before = NULL;
  g_autoptr(MkAnnotations) after = NULL;

  g_assert_true (mk_store_set_bookmarked (f->store, id, TRUE, "2024-01-02T03:04:05Z", &error));
  g_assert_true (mk_store_add_tag (f->store, id, TAG, &error));
  /* Shown again, as when it is picked from the list. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter", "s", "is:bookmarked");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (1)));
  g_assert_true (mk_article_view_get_bookmarked (article_view (f)));
  g_assert_true (chips_show (f, TAG));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-bookmark", NULL);
  g_assert_false (mk_article_row_get_bookmarked (row_of (f, id)));
  g_assert_true (wait_until (f, stored_bookmarked, off));
  g_assert_true (wait_until (f, undo_shown, "Bookmark removed"));
  g_signal_emit_by_name (undo_button (f, "Bookmark removed"), "clicked");
  g_assert_true (wait_until (f, stored_bookmarked, on));
  g_assert_true (mk_article_row_get_bookmarked (row_of (f, id)));
  g_assert_true (mk_article_view_get_bookmarked (article_view (f)));
  after = stored (f, id);
  g_assert_cmpstr (after->bookmarked_at, ==, "2024-01-02T03:04:05Z");

  /* Delete the tag everywhere, from its chip's menu; then Undo. */
  g_assert_true (mk_store_add_tag (f->store, model_article_id (f, 0), TAG, &error));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-tag", "s", TAG);
  g_assert_true (wait_until (f, chips_show, NULL));
  before = stored (f, id);
  g_assert_cmpuint (g_strv_length (before->tags), ==, 0);
  g_assert_true (wait_until (f, undo_shown, "Tag “" TAG "” deleted"));
  g_signal_emit_by_name (undo_button (f, "Tag “" TAG "” deleted"), "clicked");
  g_assert_true (wait_until (f, chips_show, TAG));
  g_clear_pointer (&after, mk_annotations_free);
  after = stored (f, id);
  g_assert_cmpstr (after->tags[0], ==, TAG);
}

/* libadwaita 1.2 reads toast titles as markup: a tag (or a file name, or
 * a server's message) with markup characters is shown as typed. */
static void
test_markup_in_toast (Fixture       *f,
                      gconstpointer  data)
{
  static const char hostile[] = "<i>R&D</i> & <script>";
  gint64 id = model_article_id (f, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Tag “%s” deleted", hostile);

  g_assert_true (mk_store_add_tag (f->store, id, hostile, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-tag", "s", hostile);
  g_assert_true (wait_until (f, undo_shown, title));
  g_signal_emit_by_name (undo_button (f, title), "clicked");
  g_assert_true (wait_until (f, chips_show, hostile));
}

static AdwMessageDialog *
shown_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
dialog_shown (Fixture       *f,
              gconstpointer  data)
{
  return shown_dialog () != NULL;
}

/* Rename from the chip's menu: the dialog, a new name, the chip and the
 * archive say it; the filter menu's tags too. */
static void
test_rename_tag (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = model_article_id (f, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(MkAnnotations) annotations = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (mk_store_add_tag (f->store, id, "draft", &error));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter-tag", "s", "draft");
  g_assert_true (wait_until (f, rows_shown, GUINT_TO_POINTER (1)));
  g_assert_true (chips_show (f, "draft"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.rename-tag", "s", "draft");
  g_assert_true (wait_until (f, dialog_shown, NULL));
  dialog = shown_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Bản nháp");
  adw_message_dialog_response (dialog, "rename");

  g_assert_true (wait_until (f, chips_show, "Bản nháp"));
  annotations = stored (f, id);
  g_assert_cmpstr (annotations->tags[0], ==, "Bản nháp");
}

/* --- the window and mekong-cli writing at once ------------------------------ */

typedef struct {
  GSubprocess *process;
  char *out, *err;
  gboolean done;
} CliRun;

static void
cli_run_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CliRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->done = TRUE;
}

/* Starts `mekong-cli --archive ARCHIVE ARGS…`; the main loop collects it. */
static CliRun *
cli_start (Fixture    *f,
           const char *first_arg,
           ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  CliRun *run = g_new0 (CliRun, 1);
  va_list args;

  g_strv_builder_add_many (builder, g_getenv ("MEKONG_CLI"), "--archive", f->archive_path, NULL);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_strv_builder_add (builder, arg);
  va_end (args);
  argv = g_strv_builder_end (builder);

  run->process = g_subprocess_newv ((const char * const *) argv,
                                    G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                    &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (run->process, NULL, NULL, cli_run_done, run);
  return run;
}

static gboolean
cli_finished (Fixture       *f,
              gconstpointer  data)
{
  const CliRun *run = data;

  return run->done;
}

/* Waits for @run and checks it succeeded. */
static void
cli_finish (Fixture *f,
            CliRun  *run)
{
  g_assert_true (mk_test_wait_until (MK_TEST_CONDITION (cli_finished), f, run, 120));
  if (!g_subprocess_get_successful (run->process))
    g_error ("mekong-cli failed: %s", run->err);
  g_object_unref (run->process);
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

static char *
write_articles (Fixture    *f,
                const char *name,
                guint       n)
{
  char *folder = g_build_filename (f->tmpdir, name, NULL);

  g_assert_no_errno (g_mkdir (folder, 0700));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/%s-%03u.txt", folder, name, i);
      g_autofree char *text = g_strdup_printf ("%s report %u from Vientiane\n\n"
                                               "Vientiane (KPL) - Report %u of the %s batch on labour "
                                               "cooperation between Laos and Viet Nam.\n",
                                               name, i, i, name);

      g_assert_true (g_file_set_contents (file, text, -1, NULL));
    }
  return folder;
}

static void
assert_integrity_ok (Fixture *f)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (f->archive_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gboolean
archive_holds (Fixture       *f,
               gconstpointer  data)
{
  return mk_store_count_articles (f->store, NULL) == GPOINTER_TO_INT (data);
}

/* The window imports a folder, bookmarks every sample article and writes a
 * note, while mekong-cli imports another folder and writes notes of its
 * own into the same archive: nothing fails, every write of both is there,
 * and the archive is sound. */
static void
test_beside_cli (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *cli_folder = write_articles (f, "cli", 300);
  g_autofree char *window_folder = write_articles (f, "window", 100);
  const char *window_paths[] = { window_folder, NULL };
  gint64 ids[N_SAMPLE_ARTICLES];
  NoteState window_note;
  CliRun *import, *notes[3];
  g_autoptr(MkQuery) query = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_SAMPLE_ARTICLES; i++)
    ids[i] = model_article_id (f, i);
  window_note = (NoteState) { ids[0], "Written in the window during a cli import" };

  import = cli_start (f, "import", cli_folder, NULL);
  g_assert_true (mk_window_import (f->window, window_paths, FALSE));
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ids[N_SAMPLE_ARTICLES - 1 - i]);

      notes[i] = cli_start (f, "note", id, "Written by mekong-cli during a window import", NULL);
    }
  for (guint i = 0; i < N_SAMPLE_ARTICLES; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-bookmark-article", "x", ids[i]);
  type_note (f, window_note.note);

  cli_finish (f, import);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    cli_finish (f, notes[i]);
  g_assert_true (wait_until (f, archive_holds, GINT_TO_POINTER (N_SAMPLE_ARTICLES + 300 + 100)));
  for (guint i = 0; i < N_SAMPLE_ARTICLES; i++)
    {
      gint64 on[] = { ids[i], TRUE };

      g_assert_true (wait_until (f, stored_bookmarked, on));
    }
  g_assert_true (wait_until (f, stored_note, &window_note));
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autoptr(MkAnnotations) annotations = stored (f, ids[N_SAMPLE_ARTICLES - 1 - i]);

      g_assert_cmpstr (annotations->note, ==, "Written by mekong-cli during a window import");
      g_assert_true (annotations->bookmarked);
    }

  /* Nothing was written twice, and the file is sound. */
  query = mk_query_new ("batch");
  g_assert_cmpint (mk_store_count_matches (f->store, query, NULL, &error), ==, 400);
  g_assert_no_error (error);
  assert_integrity_ok (f);

  mk_test_remove_tmpdir (cli_folder);
  mk_test_remove_tmpdir (window_folder);
}

/* A note typed just before the window closes is in the archive after. */
static void
test_note_saved_on_close (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = model_article_id (f, 0);
  g_autoptr(MkAnnotations) annotations = NULL;

  type_note (f, "Typed, then closed at once");
  close_window (f);

  annotations = stored (f, id);
  g_assert_cmpstr (annotations->note, ==, "Typed, then closed at once");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/window-annotations/star-note-tag-filter-export", test_star_note_tag_filter_export);
  ADD ("/window-annotations/undo", test_undo);
  ADD ("/window-annotations/markup-in-toast", test_markup_in_toast);
  ADD ("/window-annotations/rename-tag", test_rename_tag);
  ADD ("/window-annotations/note-saved-on-close", test_note_saved_on_close);
  ADD ("/window-annotations/beside-cli", test_beside_cli);

#undef ADD

  return g_test_run ();
}
