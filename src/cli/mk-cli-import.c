/* mk-cli-import.c — `mekong-cli import PATH…`
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli-private.h"

/* One line per file that failed; the importer's messages name the file. */
static void
print_file_errors (GPtrArray *errors)
{
  for (guint i = 0; i < errors->len; i++)
    mk_cli_fail (g_ptr_array_index (errors, i));
}

static void
print_summary (MkImporter *importer)
{
  guint n_added = mk_importer_get_n_added (importer);
  g_autofree char *line = NULL;

  line = g_strdup_printf (ngettext ("Imported %u article (%u updated, %u unchanged, %u failed)",
                                    "Imported %u articles (%u updated, %u unchanged, %u failed)",
                                    n_added),
                          n_added,
                          mk_importer_get_n_updated (importer),
                          mk_importer_get_n_unchanged (importer),
                          mk_importer_get_n_failed (importer));
  mk_cli_write_line (line);

  /* Subscription lists register feeds; `fetch` brings their articles. */
  if (mk_importer_get_n_feeds_added (importer) > 0)
    {
      guint n_feeds = mk_importer_get_n_feeds_added (importer);
      g_autofree char *feeds_line = NULL;

      feeds_line = g_strdup_printf (ngettext ("Added %u feed; “mekong-cli fetch” brings its articles",
                                              "Added %u feeds; “mekong-cli fetch” brings their articles",
                                              n_feeds),
                                    n_feeds);
      mk_cli_write_line (feeds_line);
    }
}

/**
 * mk_cli_import:
 *
 * Imports every path given. A file that fails is reported and the others
 * are still imported (each file is its own transaction); the exit status
 * is then 1, so that a script notices.
 */
MkCliExit
mk_cli_import (MkCli              *cli,
               const MkCliCommand *command,
               char              **argv)
{
  g_auto(GStrv) paths = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *errors;
  MkCliExit status;

  if (!mk_cli_parse_command (command, NULL, argv, 1, G_MAXUINT, &paths, &status))
    return status;

  store = mk_cli_open_store (cli, TRUE, &error);
  if (store == NULL)
    return mk_cli_fail (error);

  importer = mk_importer_new (store);
  if (!mk_importer_import_paths (importer, (const char * const *) paths, NULL, &error))
    {
      /* The importer stops early only when cancelled or when the archive
       * itself fails (full, read-only, locked, damaged): the files done
       * so far stay imported; say why the rest were not. */
      print_file_errors (mk_importer_get_errors (importer));
      return mk_cli_fail (error);
    }

  errors = mk_importer_get_errors (importer);
  print_file_errors (errors);
  print_summary (importer);

  if (errors->len > 0 || mk_importer_get_n_failed (importer) > 0)
    return MK_CLI_EXIT_FAILED;

  return MK_CLI_EXIT_OK;
}
