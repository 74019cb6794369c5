/* mk-window-import.c — bringing files into the archive from the window:
 * Import Files…, Import Folder…, files dropped on the window, and files
 * opened with Mekong from a file manager
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mk-window-private.h"

/* How many of an import's errors the details dialog lists; the rest are
 * counted, since a folder of 10,000 bad files is one message too many. */
#define MAX_ERRORS_SHOWN 20

/* The seeds ship inside the binary, so a first start works anywhere. */
#define SAMPLES_URI "resource://" RESOURCE_PATH "/samples"

/* Imports run one after the other: a file opened from the file manager
 * while the samples are still coming in waits for them. */
typedef struct
{
  char    **paths;
  gboolean  show_first;
  gboolean  samples;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_strfreev (request->paths);
  g_free (request);
}

static void mk_window_start_next_import (MkWindow *self);

static void
mk_window_show_import_progress (guint       n_done,
                                guint       n_total,
                                const char *name,
                                gpointer    user_data)
{
  MkWindow *self = user_data;
  g_autofree char *text = NULL;

  if (self->import_label == NULL || !self->importing)
    return;

  /* Translators: shown while importing; %s is a file name, then how many
   * files are done and how many there are in all */
  text = g_strdup_printf (_("Importing “%s” (%u of %u)"), name, n_done, n_total);
  gtk_label_set_text (self->import_label, text);
  gtk_progress_bar_set_fraction (self->import_progress,
                                 n_total > 0 ? (double) n_done / n_total : 0.0);
}

static char *
mk_window_dup_import_summary (MkImporter *importer)
{
  guint n_added = mk_importer_get_n_added (importer);
  guint n_updated = mk_importer_get_n_updated (importer);

  if (n_added == 0 && n_updated == 0)
    return g_strdup (_("No new articles: they are all in the archive already"));

  if (n_updated == 0)
    return g_strdup_printf (ngettext ("Imported %u new article",
                                      "Imported %u new articles", n_added),
                            n_added);

  /* Translators: a toast after an import, e.g. "Imported 3 new articles,
   * updated 1"; the second number counts articles that had changed */
  return g_strdup_printf (ngettext ("Imported %u new article, updated %u",
                                    "Imported %u new articles, updated %u", n_added),
                          n_added, n_updated);
}

/* Kept for the Details dialog: what arrived, then what went wrong. */
static void
mk_window_remember_import_report (MkWindow   *self,
                                  MkImporter *importer)
{
  GPtrArray *errors = mk_importer_get_errors (importer);

  g_clear_pointer (&self->import_report, g_ptr_array_unref);
  self->import_report = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (self->import_report, mk_window_dup_import_summary (importer));
  for (guint i = 0; i < errors->len; i++)
    g_ptr_array_add (self->import_report,
                     g_strdup (((GError *) g_ptr_array_index (errors, i))->message));
}

/* One toast per import: what arrived, or, when some files could not be
 * read, how many, with the details a click away. */
static void
mk_window_report_import (MkWindow   *self,
                         MkImporter *importer)
{
  guint n_failed = mk_importer_get_n_failed (importer);
  g_autofree char *summary = NULL;
  AdwToast *toast;

  if (n_failed == 0)
    {
      summary = mk_window_dup_import_summary (importer);
      _mk_window_toast (self, summary);
      return;
    }

  mk_window_remember_import_report (self, importer);

  toast = adw_toast_new_format (ngettext ("%u file could not be imported",
                                          "%u files could not be imported", n_failed),
                                n_failed);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-import-errors");
  _mk_window_show_toast (self, toast);
}

static void
mk_window_report_samples_import (MkWindow   *self,
                                 MkImporter *importer)
{
  guint n_failed = mk_importer_get_n_failed (importer);
  guint n_added = mk_importer_get_n_added (importer);
  g_autofree char *message = NULL;

  if (n_failed > 0)
    message = g_strdup_printf (ngettext ("%u sample article could not be imported",
                                         "%u sample articles could not be imported",
                                         n_failed),
                               n_failed);
  else
    message = g_strdup_printf (ngettext ("Imported %u sample article",
                                         "Imported %u sample articles",
                                         n_added),
                               n_added);

  _mk_window_toast (self, message);
}

static void
mk_window_import_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MkWindow) self = user_data;
  g_autoptr(MkImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  ImportRequest *request;

  importer = mk_importer_import_paths_finish (result, &error);

  /* The window may have been closed while the import ran. */
  if (self->import_revealer == NULL)
    return;

  request = g_queue_pop_head (&self->imports);
  self->importing = FALSE;
  self->importing_samples = FALSE;
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Each file is its own transaction: what was done stays done. */
    _mk_window_toast (self, _("Import stopped; the files already imported were kept"));
  else if (importer == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not import: %s"), error->message);

      _mk_window_toast (self, message);
    }
  else if (request->samples)
    mk_window_report_samples_import (self, importer);
  else
    mk_window_report_import (self, importer);

  /* The opened file's article is selected once the list shows it. */
  if (importer != NULL && request->show_first)
    self->article_to_show = mk_importer_get_first_article_id (importer);
  _mk_window_refresh (self);

  import_request_free (request);
  mk_window_start_next_import (self);
}

static void
mk_window_start_next_import (MkWindow *self)
{
  ImportRequest *request = g_queue_peek_head (&self->imports);

  if (request == NULL || self->importing)
    return;

  self->importing = TRUE;
  self->importing_samples = request->samples;
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();

  /* The samples fill an empty window, which says so itself; other
   * imports add to a list that stays usable meanwhile. */
  if (request->samples)
    gtk_stack_set_visible_child_name (self->list_stack, "importing");
  else
    {
      gtk_label_set_text (self->import_label, _("Looking for articles…"));
      gtk_progress_bar_set_fraction (self->import_progress, 0.0);
      gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
    }

  mk_importer_import_paths_async (mk_store_get_path (self->store),
                                  (const char * const *) request->paths,
                                  mk_window_show_import_progress,
                                  g_object_ref (self), g_object_unref,
                                  self->import_cancellable,
                                  mk_window_import_cb, g_object_ref (self));
}

static void
mk_window_enqueue_import (MkWindow           *self,
                          const char * const *paths,
                          gboolean            show_first,
                          gboolean            samples)
{
  ImportRequest *request = g_new0 (ImportRequest, 1);

  request->paths = g_strdupv ((char **) paths);
  request->show_first = show_first;
  request->samples = samples;
  g_queue_push_tail (&self->imports, request);

  mk_window_start_next_import (self);
}

/* First start on an empty archive: bring in the bundled samples so that
 * there is something real to read. */
void
_mk_window_import_samples (MkWindow *self)
{
  static const char * const paths[] = { SAMPLES_URI, NULL };

  mk_window_enqueue_import (self, paths, FALSE, TRUE);
}

/* Drops what is waiting; the import that runs stops at its next file. */
void
_mk_window_import_dispose (MkWindow *self)
{
  g_queue_clear_full (&self->imports, (GDestroyNotify) import_request_free);
  g_cancellable_cancel (self->import_cancellable);
}

/**
 * mk_window_import:
 * @self: a window
 * @paths: files, folders or URIs to import
 * @show_first: whether to show the first imported article once done, as
 *   when a file was opened with Mekong
 *
 * Imports @paths into the window's archive in a worker thread, showing
 * progress with a cancel button, then a summary. Imports run one at a
 * time: this one starts when those asked for earlier are done.
 *
 * Returns: %TRUE if there was something to import
 */
gboolean
mk_window_import (MkWindow           *self,
                  const char * const *paths,
                  gboolean            show_first)
{
  g_return_val_if_fail (MK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  if (paths[0] == NULL)
    return FALSE;

  mk_window_enqueue_import (self, paths, show_first, FALSE);
  return TRUE;
}

/* Files are named by URI, so that non-local ones (a phone, a network
 * share through GVfs) import as well as local ones. */
static char **
dup_uris (GListModel *files)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **uris;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *uri = g_file_get_uri (file);

      g_strv_builder_add (builder, uri);
    }

  uris = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return uris;
}

static void
on_file_chooser_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             MkWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_auto(GStrv) uris = dup_uris (files);

      mk_window_import (self, (const char * const *) uris, FALSE);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* GtkFileChooserNative goes through the file chooser portal when there is
 * one (Flatpak, or any desktop with xdg-desktop-portal). */
static void
mk_window_choose_and_import (MkWindow             *self,
                             GtkFileChooserAction  action,
                             const char           *title)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
mk_window_import_files_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  mk_window_choose_and_import (MK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                               _("Import Articles"));
}

static void
mk_window_import_folder_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  mk_window_choose_and_import (MK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                               _("Import a Folder of Articles"));
}

static void
mk_window_cancel_import_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);

  g_cancellable_cancel (self->import_cancellable);
  gtk_label_set_text (self->import_label, _("Stopping…"));
}

static void
mk_window_show_import_errors_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_errors;
  GtkWidget *dialog;

  if (self->import_report == NULL)
    return;

  /* The summary first, then the errors, each naming its file. */
  n_errors = self->import_report->len - 1;
  g_string_append (body, g_ptr_array_index (self->import_report, 0));
  for (guint i = 1; i <= MIN (n_errors, MAX_ERRORS_SHOWN); i++)
    g_string_append_printf (body, "\n\n%s", (char *) g_ptr_array_index (self->import_report, i));

  if (n_errors > MAX_ERRORS_SHOWN)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, ngettext ("…and %u more", "…and %u more",
                                              n_errors - MAX_ERRORS_SHOWN),
                              n_errors - MAX_ERRORS_SHOWN);
    }

  /* The body is plain text (AdwMessageDialog does not parse it as markup
   * unless asked), so file names need no escaping. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Files Could Not Be Imported"),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            MkWindow      *self)
{
  GStrvBuilder *builder;
  g_auto(GStrv) uris = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  builder = g_strv_builder_new ();
  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    {
      g_autofree char *uri = g_file_get_uri (l->data);

      g_strv_builder_add (builder, uri);
    }
  uris = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return mk_window_import (self, (const char * const *) uris, FALSE);
}

/* Files and folders dropped anywhere on the window are imported. */
void
_mk_window_import_init (MkWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_mk_window_class_import_init (MkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import-files", NULL,
                                   mk_window_import_files_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL,
                                   mk_window_import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL,
                                   mk_window_cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-errors", NULL,
                                   mk_window_show_import_errors_action);
}
