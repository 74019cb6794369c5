/* mk-cli-export.c — `mekong-cli export [--format jsonl|csv|markdown]`
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "mk-cli-private.h"

/* The selection as one query: --bookmarked, --tag and --query each narrow
 * it (they are ANDed, as words in a search box are). NULL: everything. */
static char *
selection_query (gboolean     bookmarked,
                 const char  *tag,
                 const char  *query)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (bookmarked)
    g_string_append (text, "is:bookmarked ");
  if (tag != NULL)
    g_string_append_printf (text, "tag:\"%s\" ", tag);
  if (query != NULL)
    g_string_append (text, query);

  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
run_export (MkStore         *store,
            MkExportFormat   format,
            gboolean         include_excerpts,
            const char      *query_text,
            const char      *output,
            GError         **error)
{
  g_autoptr(MkExporter) exporter = mk_exporter_new (store, format);
  g_autoptr(MkQuery) query = query_text ? mk_query_new (query_text) : NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GOutputStream) stream = NULL;

  mk_exporter_set_include_excerpts (exporter, include_excerpts);
  ids = mk_exporter_select (exporter, query, NULL, error);
  if (ids == NULL)
    return FALSE;

  if (output != NULL && !g_str_equal (output, "-"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      return mk_exporter_write_file (exporter, ids, file, NULL, NULL, error);
    }

  /* Nothing else goes to stdout; flushed so that nothing stdio holds
   * comes after the export. */
  fflush (stdout);
  stream = g_unix_output_stream_new (1, FALSE);
  return mk_exporter_write (exporter, ids, stream, NULL, NULL, error) &&
         g_output_stream_close (stream, NULL, error);
}

/* Every registered feed as an OPML subscription list, for another feed
 * reader: the feeds, not the articles, so the selection options do not
 * apply. */
static gboolean
run_export_opml (MkStore     *store,
                 const char  *output,
                 GError     **error)
{
  g_autoptr(GPtrArray) feeds = mk_store_list_feeds (store, error);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autofree char *opml = NULL;

  if (feeds == NULL)
    return FALSE;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_opml_feed_free);
  for (guint i = 0; i < feeds->len; i++)
    {
      MkFeedSource *feed = g_ptr_array_index (feeds, i);

      g_ptr_array_add (entries, mk_opml_feed_new (mk_feed_source_get_url (feed),
                                                  mk_feed_source_get_title (feed),
                                                  mk_feed_source_get_site_url (feed)));
    }

  opml = mk_opml_write (entries, _("Mekong feeds"));
  if (output != NULL && !g_str_equal (output, "-"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      /* Written whole or not at all: replace_contents goes through a
       * temporary file. */
      return g_file_replace_contents (file, opml, strlen (opml), NULL, FALSE,
                                      G_FILE_CREATE_NONE, NULL, NULL, error);
    }

  fflush (stdout);
  stream = g_unix_output_stream_new (1, FALSE);
  return g_output_stream_write_all (stream, opml, strlen (opml), NULL, NULL, error) &&
         g_output_stream_close (stream, NULL, error);
}

/**
 * mk_cli_export:
 *
 * `export [--format jsonl|csv|markdown|opml] [--bookmarked] [--tag T]
 * [--query Q] [--output FILE] [--include-excerpts]`: the selected
 * articles (every one by default), ordered by id.
 */
MkCliExit
mk_cli_export (MkCli              *cli,
               const MkCliCommand *command,
               char              **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *tag_arg = NULL;
  g_autofree char *query_arg = NULL;
  g_autofree char *output = NULL;
  gboolean include_excerpts = FALSE;
  gboolean bookmarked = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Write FORMAT: jsonl (JSON Lines, the default), csv, markdown, or opml (the feeds)"), N_("FORMAT") },
    { "bookmarked", 0, 0, G_OPTION_ARG_NONE, &bookmarked,
      N_("Only the bookmarked articles"), NULL },
    { "tag", 't', 0, G_OPTION_ARG_FILENAME, &tag_arg,
      N_("Only the articles tagged TAG"), N_("TAG") },
    { "query", 'q', 0, G_OPTION_ARG_FILENAME, &query_arg,
      N_("Only the articles a search for QUERY finds"), N_("QUERY") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "include-excerpts", 0, 0, G_OPTION_ARG_NONE, &include_excerpts,
      N_("Also write the teasers of “Related” blocks"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *query = NULL;
  g_autofree char *selection = NULL;
  MkExportFormat format = MK_EXPORT_JSONL;
  MkCliExit status;

  if (!mk_cli_parse_command (command, entries, argv, 0, 0, &args, &status))
    return status;

  if (g_strcmp0 (format_name, "opml") == 0)
    {
      if (bookmarked || tag_arg != NULL || query_arg != NULL || include_excerpts)
        return mk_cli_usage_error (command, _("--format opml writes the feeds and takes no selection"));
      if (!(store = mk_cli_open_store (cli, FALSE, &error)) ||
          !run_export_opml (store, output, &error))
        return mk_cli_fail (error);
      return MK_CLI_EXIT_OK;
    }

  if (format_name != NULL && !mk_export_format_from_string (format_name, &format))
    return mk_cli_usage_error (command, _("unknown format “%s”; the formats are: %s"),
                               format_name, "jsonl, csv, markdown, opml");

  if (tag_arg != NULL)
    {
      g_autofree char *typed = mk_cli_arg_to_utf8 (command, tag_arg, &status);

      if (typed == NULL)
        return status;
      tag = mk_store_normalize_tag (typed, &error);
      if (tag == NULL)
        return mk_cli_usage_error (command, "%s", error->message);
    }
  if (query_arg != NULL && (query = mk_cli_arg_to_utf8 (command, query_arg, &status)) == NULL)
    return status;

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);

  selection = selection_query (bookmarked, tag, query);
  if (!run_export (store, format, include_excerpts, selection, output, &error))
    return mk_cli_fail (error);

  return MK_CLI_EXIT_OK;
}
