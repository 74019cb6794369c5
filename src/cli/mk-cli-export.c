/* mk-cli-export.c — `mekong-cli export [--format jsonl]`
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "mk-cli-private.h"

/* The formats export can write; csv and markdown come later (DESIGN.md).
 * opml is the list of feeds, for another feed reader. */
static const char * const formats[] = { "jsonl", "opml", NULL };

static gboolean
is_known_format (const char *format)
{
  return g_strv_contains (formats, format);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 id_a = *(const gint64 *) a;
  gint64 id_b = *(const gint64 *) b;

  return (id_a > id_b) - (id_a < id_b);
}

/* Every id, ascending: the order of export is stable across runs, so that
 * two exports of the same archive can be diffed. */
static GArray *
dup_all_ids (MkStore  *store,
             GError  **error)
{
  GArray *ids = mk_store_search_ids (store, NULL, MK_SORT_OLDEST, 0, NULL, error);

  if (ids != NULL)
    g_array_sort (ids, compare_ids);

  return ids;
}

/* One article per line, loaded one at a time (with its body and
 * entities) so that a large archive streams out instead of filling
 * memory. The teasers of "Related" blocks are not articles of their own
 * unless asked for. */
static gboolean
write_jsonl (MkStore   *store,
             GArray    *ids,
             gboolean   include_excerpts,
             GError   **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(MkArticle) article = NULL;
      g_autoptr(GPtrArray) entities = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) local_error = NULL;

      article = mk_store_get_article (store, g_array_index (ids, gint64, i), &local_error);
      /* Deleted since the ids were read: it is not part of the archive anymore. */
      if (article == NULL && g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND))
        continue;
      if (article == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (mk_article_get_excerpt (article) && !include_excerpts)
        continue;

      entities = mk_store_get_article_entities (store, mk_article_get_id (article),
                                                MK_ENTITY_TYPE_ANY, error);
      if (entities == NULL)
        return FALSE;

      node = mk_cli_json_article (article, entities);
      mk_cli_write_json (node, FALSE);
    }

  return TRUE;
}

/* Every registered feed as an OPML subscription list. */
static gboolean
write_opml (MkStore  *store,
            GError  **error)
{
  g_autoptr(GPtrArray) feeds = mk_store_list_feeds (store, error);
  g_autoptr(GPtrArray) entries = NULL;
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
  fputs (opml, stdout);
  return TRUE;
}

/**
 * mk_cli_export:
 *
 * `export [--format jsonl] [--include-excerpts]`: every article, ordered
 * by id.
 */
MkCliExit
mk_cli_export (MkCli              *cli,
               const MkCliCommand *command,
               char              **argv)
{
  g_autofree char *format = NULL;
  gboolean include_excerpts = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Write FORMAT: jsonl (JSON Lines, the default) or opml (the feeds)"), N_("FORMAT") },
    { "include-excerpts", 0, 0, G_OPTION_ARG_NONE, &include_excerpts,
      N_("Also write the teasers of “Related” blocks"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  MkCliExit status;

  if (!mk_cli_parse_command (command, entries, argv, 0, 0, &args, &status))
    return status;

  if (format != NULL && !is_known_format (format))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) formats);

      return mk_cli_usage_error (command, _("unknown format “%s”; the formats are: %s"),
                                 format, known);
    }

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);

  if (g_strcmp0 (format, "opml") == 0)
    return write_opml (store, &error) ? MK_CLI_EXIT_OK : mk_cli_fail (error);

  ids = dup_all_ids (store, &error);
  if (ids == NULL || !write_jsonl (store, ids, include_excerpts, &error))
    return mk_cli_fail (error);

  return MK_CLI_EXIT_OK;
}
