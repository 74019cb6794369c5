/* test-application.c — opening archives that cannot be used, in-process
 *
 * A file that is not an archive, or a damaged one, is never written to:
 * the application says why in an AdwMessageDialog and offers a new, empty
 * archive beside it, which a person accepts or declines here as they would
 * with the mouse.
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "mk-application.h"
#include "mk-window.h"

#define TIMEOUT_SECONDS 30

/* What the fixture leaves at dir/archive.db. */
enum { NOT_AN_ARCHIVE, DAMAGED };

typedef struct {
  char          *dir;
  char          *archive;   /* dir/archive.db: the file that is not usable */
  GBytes        *before;    /* its bytes before the application saw it */
  MkApplication *app;       /* the_application */
} Fixture;

/* One application for the whole run, registered once: its actions stay
 * exported on the session bus until g_application_run() would return, so
 * a second one could not register. */
static MkApplication *the_application;

static gboolean
keep_waking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The toplevel of @type showing, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, keep_waking, NULL);
  GtkWindow *found;

  while ((found = find_toplevel (type)) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return found;
}

static void
write_text_file (Fixture *f)
{
  g_assert_true (g_file_set_contents (f->archive, "My notes on the VSS meeting. Do not lose them.\n", -1, NULL));
}

/* An archive whose every page but the first is overwritten. */
static void
write_damaged_archive (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  {
    g_autoptr(MkStore) store = mk_store_open (f->archive, &error);
    g_autoptr(MkImporter) importer = NULL;
    const char *paths[] = { g_getenv ("MEKONG_SAMPLES_DIR"), NULL };

    g_assert_no_error (error);
    importer = mk_importer_new (store);
    g_assert_true (mk_importer_import_paths (importer, paths, NULL, &error));
  }
  g_file_get_contents (f->archive, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096, 0x5a, length - 4096);
  g_file_set_contents (f->archive, contents, length, &error);
  g_assert_no_error (error);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("mekong-test-app-XXXXXX", &error);
  g_assert_no_error (error);
  f->archive = g_build_filename (f->dir, "archive.db", NULL);
  if (GPOINTER_TO_INT (data) == DAMAGED)
    write_damaged_archive (f);
  else
    write_text_file (f);
  {
    char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (f->archive, &contents, &length, NULL));
    f->before = g_bytes_new_take (contents, length);
  }

  f->app = the_application;
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GtkWindow *window;

  while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    {
      gtk_window_destroy (window);
      spin ();
    }
  spin ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (f->app)));

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->archive);
  g_bytes_unref (f->before);
}

static void
assert_file_untouched (Fixture *f)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *wal = g_strconcat (f->archive, "-wal", NULL);

  g_assert_true (g_file_get_contents (f->archive, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (f->before, NULL), g_bytes_get_size (f->before));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static AdwMessageDialog *
offered_dialog (Fixture *f)
{
  AdwMessageDialog *dialog;

  g_assert_null (mk_application_open_or_report (f->app, f->archive, NULL));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Archive");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "archive (2).db"));
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));
  g_assert_true (adw_message_dialog_has_response (dialog, "close"));
  /* Nothing was written while asking. */
  assert_file_untouched (f);
  return dialog;
}

/* "Start New Archive": a window on "archive (2).db", the file untouched. */
static void
test_offer_accepted (Fixture       *f,
                     gconstpointer  data)
{
  AdwMessageDialog *dialog = offered_dialog (f);
  g_autofree char *new_path = g_build_filename (f->dir, "archive (2).db", NULL);
  MkWindow *window;

  adw_message_dialog_response (dialog, "new");
  window = MK_WINDOW (wait_for_toplevel (MK_TYPE_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpstr (mk_store_get_path (mk_window_get_store (window)), ==, new_path);
  g_assert_true (g_file_test (new_path, G_FILE_TEST_IS_REGULAR));
  assert_file_untouched (f);
}

/* "Close": no window, no new file, the file untouched. */
static void
test_offer_declined (Fixture       *f,
                     gconstpointer  data)
{
  AdwMessageDialog *dialog = offered_dialog (f);
  g_autofree char *new_path = g_build_filename (f->dir, "archive (2).db", NULL);

  adw_message_dialog_response (dialog, "close");
  spin ();
  g_assert_null (find_toplevel (MK_TYPE_WINDOW));
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  assert_file_untouched (f);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* NON_UNIQUE: another test process must not take our calls. */
  the_application = mk_application_new ();
  g_application_set_flags (G_APPLICATION (the_application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (the_application), NULL, &error));
  g_assert_no_error (error);

#define ADD(path, kind, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (kind), set_up, func, tear_down)
  ADD ("/application/not-an-archive/new-beside", NOT_AN_ARCHIVE, test_offer_accepted);
  ADD ("/application/not-an-archive/declined", NOT_AN_ARCHIVE, test_offer_declined);
  ADD ("/application/damaged/new-beside", DAMAGED, test_offer_accepted);
#undef ADD

  status = g_test_run ();
  g_object_unref (the_application);
  return status;
}
