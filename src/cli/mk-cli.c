/* mk-cli.c — mekong-cli: global options, the command table, shared helpers
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mk-cli-private.h"

static MkCliExit run_help (MkCli              *cli,
                           const MkCliCommand *command,
                           char              **argv);

/* The order here is the order of `mekong-cli --help`. */
static const MkCliCommand commands[] = {
  { "import", mk_cli_import, N_("PATH…"),
    N_("Import articles from files and folders") },
  { "add-feed", mk_cli_add_feed, N_("URL"),
    N_("Follow a feed (or the feed a web page links to)") },
  { "feeds", mk_cli_feeds, NULL,
    N_("List the feeds followed, with their last fetch") },
  { "fetch", mk_cli_fetch, N_("[URL…]"),
    N_("Fetch new articles from every feed, or from those named") },
  { "remove-feed", mk_cli_remove_feed, N_("URL"),
    N_("Stop following a feed and remove its articles") },
  { "search", mk_cli_search, N_("QUERY"),
    N_("Search the archive") },
  { "show",   mk_cli_show,   N_("ID"),
    N_("Show one article") },
  { "export", mk_cli_export, NULL,
    N_("Write articles and their annotations as JSON Lines, CSV or Markdown") },
  { "bookmark", mk_cli_bookmark, N_("ID"),
    N_("Bookmark an article, with a note and tags if given") },
  { "unbookmark", mk_cli_unbookmark, N_("ID"),
    N_("Remove an article’s bookmark") },
  { "note", mk_cli_note, N_("ID TEXT|-"),
    N_("Set an article’s note (from standard input with “-”; empty removes it)") },
  { "tag", mk_cli_tag, N_("ID TAG…"),
    N_("Tag an article") },
  { "untag", mk_cli_untag, N_("ID TAG…"),
    N_("Take tags off an article") },
  { "bookmarks", mk_cli_bookmarks, NULL,
    N_("List the bookmarked articles") },
  { "tags", mk_cli_tags, N_("[--rename OLD NEW | --delete TAG]"),
    N_("List the tags with their counts, rename or delete one") },
  { "entities", mk_cli_entities, NULL,
    N_("List the people, organisations and places named") },
  { "reindex-entities", mk_cli_reindex_entities, NULL,
    N_("Find the entities of every article again") },
  { "help",   run_help,      N_("[COMMAND]"),
    N_("Show the help of a command") },
};

static void
mk_cli_clear (MkCli *cli)
{
  g_clear_pointer (&cli->archive_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MkCli, mk_cli_clear)

static const MkCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, name))
        return &commands[i];
    }

  return NULL;
}

/* Errors ---------------------------------------------------------------- */

/**
 * mk_cli_print_error:
 *
 * Writes one line `mekong-cli: MESSAGE` to stderr. Line breaks inside the
 * message are flattened, so that scripts can count and grep errors by line.
 */
void
mk_cli_print_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("mekong-cli: %s\n", message);
}

MkCliExit
mk_cli_fail (const GError *error)
{
  mk_cli_print_error ("%s", error->message);
  return MK_CLI_EXIT_FAILED;
}

/**
 * mk_cli_usage_error:
 * @command: (nullable): the command whose arguments were wrong, or %NULL
 *   for the global ones
 *
 * Reports a wrong command line, with where to read the right one, on one
 * line. Returns %MK_CLI_EXIT_USAGE for the caller to return.
 */
MkCliExit
mk_cli_usage_error (const MkCliCommand *command,
                    const char         *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command != NULL)
    /* Translators: the first and third %s are a command name (search,
     * show…), the second what was wrong with its arguments. */
    mk_cli_print_error (_("%s: %s (see “mekong-cli help %s”)"),
                        command->name, message, command->name);
  else
    mk_cli_print_error (_("%s (see “mekong-cli --help”)"), message);

  return MK_CLI_EXIT_USAGE;
}

/* Output ---------------------------------------------------------------- */

/**
 * mk_cli_write_line:
 *
 * Writes @utf8 and a newline to stdout as bytes. What the commands print is
 * data for scripts and always UTF-8; g_print() would convert it to the
 * locale's charset and mangle every accent under LC_ALL=C (cron, CI).
 * Write errors are caught once, at exit, by flush_output().
 */
void
mk_cli_write_line (const char *utf8)
{
  fputs (utf8, stdout);
  fputc ('\n', stdout);
}

static MkCliExit
flush_output (MkCliExit status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      mk_cli_print_error (_("could not write the output: %s"), g_strerror (saved_errno));
      return MK_CLI_EXIT_FAILED;
    }

  return status;
}

/* Ids are formatted before they reach a translatable string: a
 * G_GINT64_FORMAT inside a msgid would not survive xgettext. */
char *
mk_cli_format_id (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Arguments and the archive ---------------------------------------------- */

/* Only ids the archive could have: a positive whole number. */
gboolean
mk_cli_parse_id (const char *text,
                 gint64     *id)
{
  return g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL);
}

/**
 * mk_cli_arg_to_utf8:
 *
 * Arguments arrive as bytes; a query is text. Valid UTF-8 is taken as it
 * is, even under LC_ALL=C where a conversion from ASCII would refuse every
 * accent; anything else is converted from the locale's charset.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL with the usage
 *   error reported and *@status set
 */
char *
mk_cli_arg_to_utf8 (const MkCliCommand *command,
                    const char         *arg,
                    MkCliExit          *status)
{
  g_autoptr(GError) error = NULL;
  char *utf8;

  if (g_utf8_validate (arg, -1, NULL))
    return g_strdup (arg);

  utf8 = g_locale_to_utf8 (arg, -1, NULL, NULL, &error);
  if (utf8 == NULL)
    *status = mk_cli_usage_error (command, _("the argument is not valid text: %s"),
                                  error->message);

  return utf8;
}

/**
 * mk_cli_open_store:
 * @create: whether a missing archive may be created (import); the commands
 *   that only read refuse a missing archive instead of leaving an empty one
 *   behind
 *
 * Opens the archive of --archive, or the default one.
 */
MkStore *
mk_cli_open_store (MkCli     *cli,
                   gboolean   create,
                   GError   **error)
{
  g_autofree char *path = NULL;

  if (cli->archive_path != NULL)
    path = g_strdup (cli->archive_path);
  else
    path = mk_store_dup_default_path ();

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("no archive at “%s”; import articles into it first"), display);
      return NULL;
    }

  /* mk_store_open() creates the folders of a new archive, and refuses a
   * file that is not an archive without writing to it. */
  return mk_store_open (path, error);
}

/* Option parsing ----------------------------------------------------------- */

static void
print_help (GOptionContext *context,
            const char     *prgname)
{
  g_autofree char *help = NULL;

  /* GOption builds the “Usage:” line from the program name; naming the
   * command there gives `mekong-cli search [OPTION…] QUERY`. */
  g_set_prgname (prgname);
  help = g_option_context_get_help (context, TRUE, NULL);
  g_print ("%s", help);
}

static GOptionContext *
command_context_new (const MkCliCommand *command,
                     const GOptionEntry *entries,
                     const GOptionEntry *common_entries)
{
  GOptionContext *context;

  context = g_option_context_new (command->parameters ? _(command->parameters) : NULL);
  g_option_context_set_summary (context, _(command->summary));
  /* Our own --help, so that help is printed and the caller returns 0
   * instead of GOption calling exit() from inside the parser. */
  g_option_context_set_help_enabled (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  return context;
}

static gboolean
check_n_args (const MkCliCommand  *command,
              char               **args,
              guint                min_args,
              guint                max_args,
              MkCliExit           *status)
{
  guint n_args = args != NULL ? g_strv_length (args) : 0;

  if (n_args < min_args)
    {
      *status = mk_cli_usage_error (command, _("missing %s"), _(command->parameters));
      return FALSE;
    }

  if (n_args > max_args)
    {
      g_autofree char *display = g_filename_display_name (args[max_args]);

      *status = mk_cli_usage_error (command, _("unexpected argument “%s”"), display);
      return FALSE;
    }

  return TRUE;
}

/**
 * mk_cli_parse_command:
 * @entries: (nullable): the command's own options, bound to the caller's
 *   variables; --help is added
 * @argv: the command name followed by its arguments
 * @args: (out) (transfer full): on success, the positional arguments
 *   (between @min_args and @max_args of them), as bytes
 *
 * Returns: %TRUE when the command should run; %FALSE when it should return
 *   *@status at once (help was printed, or the command line was wrong)
 */
gboolean
mk_cli_parse_command (const MkCliCommand   *command,
                      const GOptionEntry   *entries,
                      char                **argv,
                      guint                 min_args,
                      guint                 max_args,
                      char               ***args,
                      MkCliExit            *status)
{
  g_auto(GStrv) strv = g_strdupv (argv);
  g_auto(GStrv) remaining = NULL;
  gboolean help = FALSE;
  const GOptionEntry common_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    /* Every non-option, including those after “--”, which is how a query
     * that starts with a dash gets through. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &remaining, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = command_context_new (command, entries, common_entries);
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse_strv (context, &strv, &error))
    {
      *status = mk_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  if (help)
    {
      g_autofree char *prgname = g_strdup_printf ("mekong-cli %s", command->name);

      print_help (context, prgname);
      *status = MK_CLI_EXIT_OK;
      return FALSE;
    }

  if (!check_n_args (command, remaining, min_args, max_args, status))
    return FALSE;

  *args = remaining != NULL ? g_steal_pointer (&remaining) : g_new0 (char *, 1);
  return TRUE;
}

/* Global options and dispatch ---------------------------------------------- */

static char *
describe_commands (void)
{
  g_autofree char *default_path = mk_store_dup_default_path ();
  g_autofree char *display_path = g_filename_display_name (default_path);
  GString *text = g_string_new (_("Commands:"));
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-*s  %s",
                            width, commands[i].name, _(commands[i].summary));

  g_string_append (text, "\n\n");
  g_string_append (text, _("“mekong-cli help COMMAND” shows the options of a command."));
  g_string_append (text, "\n");
  g_string_append_printf (text, _("Without --archive, the archive is “%s”."), display_path);

  return g_string_free (text, FALSE);
}

static GOptionContext *
global_context_new (MkCli *cli)
{
  const GOptionEntry entries[] = {
    { "archive", 'a', 0, G_OPTION_ARG_FILENAME, &cli->archive_path,
      N_("Use the archive in PATH instead of the default one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &cli->show_version,
      N_("Print the version and exit"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &cli->show_help,
      N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autofree char *description = describe_commands ();
  GOptionContext *context;

  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_summary (context, _("Import, search and export a Mekong news archive."));
  g_option_context_set_description (context, description);
  g_option_context_set_help_enabled (context, FALSE);
  /* Stop at the command: what follows are the command's own options. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static void
print_global_help (MkCli *cli)
{
  g_autoptr(GOptionContext) context = global_context_new (cli);

  print_help (context, "mekong-cli");
}

static MkCliExit
run_help (MkCli              *cli,
          const MkCliCommand *command,
          char              **argv)
{
  g_auto(GStrv) args = NULL;
  const MkCliCommand *topic;
  MkCliExit status;

  if (!mk_cli_parse_command (command, NULL, argv, 0, 1, &args, &status))
    return status;

  if (args[0] == NULL)
    {
      print_global_help (cli);
      return MK_CLI_EXIT_OK;
    }

  topic = find_command (args[0]);
  if (topic == NULL)
    {
      g_autofree char *display = g_filename_display_name (args[0]);

      return mk_cli_usage_error (command, _("unknown command “%s”"), display);
    }

  /* One source of truth for a command's help: its own --help. */
  return topic->handler (cli, topic, (char *[]) { (char *) topic->name, (char *) "--help", NULL });
}

static MkCliExit
dispatch (MkCli   *cli,
          char  ***args)
{
  g_autoptr(GOptionContext) context = global_context_new (cli);
  g_autoptr(GError) error = NULL;
  const MkCliCommand *command;
  char **argv;

  if (!g_option_context_parse_strv (context, args, &error))
    return mk_cli_usage_error (NULL, "%s", error->message);

  if (cli->show_version)
    {
      g_print ("mekong-cli %s\n", PACKAGE_VERSION);
      return MK_CLI_EXIT_OK;
    }

  if (cli->show_help)
    {
      print_help (context, "mekong-cli");
      return MK_CLI_EXIT_OK;
    }

  argv = *args;
  if (argv[0] == NULL || argv[1] == NULL)
    return mk_cli_usage_error (NULL, _("no command given"));

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *display = g_filename_display_name (argv[1]);

      return mk_cli_usage_error (NULL, _("unknown command “%s”"), display);
    }

  return command->handler (cli, command, argv + 1);
}

/**
 * mk_cli_run:
 *
 * Runs `mekong-cli [GLOBAL OPTION…] COMMAND [ARGUMENT…]`.
 *
 * Returns: the exit status, a #MkCliExit
 */
int
mk_cli_run (int    argc,
            char **argv)
{
  g_auto(MkCli) cli = { 0 };
  g_auto(GStrv) args = g_strdupv (argv);

  g_set_prgname ("mekong-cli");

  return flush_output (dispatch (&cli, &args));
}

/**
 * mk_cli_parse_limit:
 * @text: (nullable): the value of --limit; %NULL when not given (no limit, 0)
 *
 * “0” is refused rather than read as “no limit”: a script asking for zero
 * results has a bug.
 */
gboolean
mk_cli_parse_limit (const char *text,
                    guint      *limit)
{
  guint64 value = 0;

  *limit = 0;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &value, NULL))
    return FALSE;

  *limit = (guint) value;
  return TRUE;
}

/**
 * mk_cli_dup_field:
 *
 * A value for a tab-separated line: a tab or line break inside it would
 * shift the columns of every script reading the output; absent is empty.
 */
char *
mk_cli_dup_field (const char *value)
{
  return g_strdelimit (g_strdup (value != NULL ? value : ""), "\t\r\n", ' ');
}
