/* mk-cli-entities.c — `mekong-cli entities` and `mekong-cli reindex-entities`
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "mk-cli-private.h"

static gboolean
parse_type (const char *text,
            int        *type)
{
  MkEntityType parsed;

  *type = MK_ENTITY_TYPE_ANY;
  if (text == NULL)
    return TRUE;
  if (!mk_entity_type_from_string (text, &parsed))
    return FALSE;

  *type = parsed;
  return TRUE;
}

/* MENTIONS, ARTICLES, TYPE, NAME: the name last, as the title is last in
 * `search`, so that `cut -f4-` takes it whole. */
static void
write_plain (GPtrArray *entities,
             gboolean   in_article)
{
  for (guint i = 0; i < entities->len; i++)
    {
      MkEntity *entity = g_ptr_array_index (entities, i);
      guint mentions = in_article ? mk_entity_get_mentions (entity)->len : mk_entity_get_n_mentions (entity);
      g_autofree char *name = mk_cli_dup_field (in_article ? mk_entity_get_label (entity)
                                                    : mk_entity_get_name (entity));
      g_autofree char *line = g_strdup_printf ("%u\t%u\t%s\t%s", mentions,
                                               mk_entity_get_n_articles (entity),
                                               mk_entity_type_to_string (mk_entity_get_entity_type (entity)),
                                               name);

      mk_cli_write_line (line);
    }
}

static void
write_json (GPtrArray *entities,
            gboolean   in_article)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_sized_new (entities->len);

  for (guint i = 0; i < entities->len; i++)
    json_array_add_element (array, mk_cli_json_entity (g_ptr_array_index (entities, i), in_article));

  json_node_take_array (root, array);
  mk_cli_write_json (root, TRUE);
}

static GPtrArray *
article_entities (MkStore  *store,
                  gint64    id,
                  int       type,
                  GError  **error)
{
  g_autoptr(MkArticle) article = mk_store_get_article (store, id, error);

  if (article == NULL)
    return NULL;

  return mk_store_get_article_entities (store, id, type, error);
}

/**
 * mk_cli_entities:
 *
 * `entities [--article ID] [--type T] [--query Q] [--limit N] [--json]`:
 * the entities of one article (as it names them), of a search's results,
 * or of the whole archive, most mentioned first.
 */
MkCliExit
mk_cli_entities (MkCli              *cli,
                 const MkCliCommand *command,
                 char              **argv)
{
  gboolean json = FALSE;
  g_autofree char *article_text = NULL;
  g_autofree char *type_text = NULL;
  g_autofree char *query_text = NULL;
  g_autofree char *limit_text = NULL;
  const GOptionEntry entries[] = {
    { "article", 0, 0, G_OPTION_ARG_STRING, &article_text,
      N_("The entities of the article with this ID, as it names them"), N_("ID") },
    { "type", 't', 0, G_OPTION_ARG_STRING, &type_text,
      N_("Only this TYPE: person, organization or place"), N_("TYPE") },
    { "query", 'q', 0, G_OPTION_ARG_STRING, &query_text,
      N_("The entities of the articles this search finds"), N_("QUERY") },
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Print at most N entities"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the entities as a JSON array"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  MkCliExit status;
  gint64 article_id = 0;
  guint limit;
  int type;

  if (!mk_cli_parse_command (command, entries, argv, 0, 0, &args, &status))
    return status;

  if (article_text != NULL && !mk_cli_parse_id (article_text, &article_id))
    return mk_cli_usage_error (command, _("“%s” is not an article id"), article_text);
  if (!parse_type (type_text, &type))
    return mk_cli_usage_error (command, _("unknown type “%s”; use person, organization or place"),
                               type_text);
  if (!mk_cli_parse_limit (limit_text, &limit))
    return mk_cli_usage_error (command, _("--limit needs a whole number above 0, not “%s”"),
                               limit_text);
  if (article_text != NULL && query_text != NULL)
    return mk_cli_usage_error (command, _("--article and --query do not go together"));

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);

  if (article_id > 0)
    found = article_entities (store, article_id, type, &error);
  else
    {
      g_autoptr(MkQuery) query = query_text ? mk_query_new (query_text) : NULL;

      found = mk_store_get_entities (store, query, type, limit, NULL, &error);
    }
  if (found == NULL)
    return mk_cli_fail (error);

  if (limit > 0 && found->len > limit)
    g_ptr_array_set_size (found, limit);

  if (json)
    write_json (found, article_id > 0);
  else
    write_plain (found, article_id > 0);

  return MK_CLI_EXIT_OK;
}

static void
report_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  gboolean *to_terminal = user_data;

  /* Progress is for a person watching; scripts read the summary. */
  if (*to_terminal)
    {
      g_printerr ("\r");
      /* Translators: progress of reindex-entities, done and total articles. */
      g_printerr (_("%lu of %lu articles…"), (unsigned long) done, (unsigned long) total);
    }
}

/**
 * mk_cli_reindex_entities:
 *
 * `reindex-entities`: finds the entities of every article again, in
 * transactions of a few thousand articles, and says how fast it went.
 */
MkCliExit
mk_cli_reindex_entities (MkCli              *cli,
                         const MkCliCommand *command,
                         char              **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gboolean to_terminal = isatty (STDERR_FILENO);
  guint64 n_indexed = 0;
  MkCliExit status;
  gint64 started, n_entities;
  double seconds;

  if (!mk_cli_parse_command (command, NULL, argv, 0, 0, &args, &status))
    return status;

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);

  started = g_get_monotonic_time ();
  if (!mk_entity_index_archive (store, 0, report_progress, &to_terminal, NULL, &n_indexed, &error))
    return mk_cli_fail (error);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  if (to_terminal)
    g_printerr ("\n");

  n_entities = mk_store_count_entities (store, &error);
  if (n_entities < 0)
    return mk_cli_fail (error);

  line = g_strdup_printf (ngettext ("Indexed %lu article in %.1f s (%.0f articles/s): %ld entities",
                                    "Indexed %lu articles in %.1f s (%.0f articles/s): %ld entities",
                                    n_indexed),
                          (unsigned long) n_indexed, seconds,
                          seconds > 0 ? n_indexed / seconds : 0.0, (long) n_entities);
  mk_cli_write_line (line);

  return MK_CLI_EXIT_OK;
}
