/* mk-cli-search.c — `mekong-cli search QUERY` and `mekong-cli show ID`
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mk-cli-private.h"

static const struct {
  const char *name;
  MkSort      sort;
} sort_names[] = {
  { "newest",    MK_SORT_NEWEST },
  { "oldest",    MK_SORT_OLDEST },
  { "relevance", MK_SORT_RELEVANCE },
};

/* @text NULL means the option was not given: newest first. */
static gboolean
parse_sort (const char *text,
            MkSort     *sort)
{
  *sort = MK_SORT_NEWEST;
  if (text == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    {
      if (g_str_equal (text, sort_names[i].name))
        {
          *sort = sort_names[i].sort;
          return TRUE;
        }
    }

  return FALSE;
}

/* The DATE column is the day: sortable, and one width for every row. The
 * full timestamp is in --json and `show`. */
static char *
dup_date_field (const char *published)
{
  g_autofree char *day = NULL;

  if (published == NULL)
    return g_strdup ("");

  day = g_strndup (published, strcspn (published, "T "));
  return mk_cli_dup_field (day);
}

static void
write_hit_line (MkArticle *article)
{
  g_autofree char *id = mk_cli_format_id (mk_article_get_id (article));
  g_autofree char *date = dup_date_field (mk_article_get_published (article));
  g_autofree char *source = mk_cli_dup_field (mk_article_get_source (article));
  g_autofree char *title = mk_cli_dup_field (mk_article_get_title (article));
  g_autofree char *line = g_strjoin ("\t", id, date, source, title, NULL);

  mk_cli_write_line (line);
}

/* One line per hit: ID, DATE, SOURCE, TITLE, separated by tabs. */
static void
write_hits_plain (GPtrArray *hits)
{
  for (guint i = 0; i < hits->len; i++)
    write_hit_line (g_ptr_array_index (hits, i));
}

static void
write_hits_json (GPtrArray *hits)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_sized_new (hits->len);

  for (guint i = 0; i < hits->len; i++)
    json_array_add_element (array, mk_cli_json_search_hit (g_ptr_array_index (hits, i)));

  json_node_take_array (root, array);
  mk_cli_write_json (root, TRUE);
}

/**
 * mk_cli_search:
 *
 * `search QUERY [--json] [--limit N] [--sort newest|oldest|relevance]`.
 * The query is what a person would type into the search box: stray quotes
 * and operators are the core's to defuse (MkQuery), never an error here.
 */
MkCliExit
mk_cli_search (MkCli              *cli,
               const MkCliCommand *command,
               char              **argv)
{
  gboolean json = FALSE;
  g_autofree char *limit_text = NULL;
  g_autofree char *sort_text = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the results as a JSON array"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Print at most N results"), N_("N") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_text,
      N_("Order the results by newest (the default), oldest or relevance"), N_("ORDER") },
    G_OPTION_ENTRY_NULL
  };
  g_auto(GStrv) args = NULL;
  g_autofree char *text = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkQuery) query = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  MkCliExit status;
  guint limit;
  MkSort sort;

  if (!mk_cli_parse_command (command, entries, argv, 1, 1, &args, &status))
    return status;

  if (!mk_cli_parse_limit (limit_text, &limit))
    return mk_cli_usage_error (command, _("--limit needs a whole number above 0, not “%s”"),
                               limit_text);

  if (!parse_sort (sort_text, &sort))
    return mk_cli_usage_error (command, _("unknown order “%s”; use newest, oldest or relevance"),
                               sort_text);

  text = mk_cli_arg_to_utf8 (command, args[0], &status);
  if (text == NULL)
    return status;

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);

  query = mk_query_new (text);
  hits = mk_store_search (store, query, sort, limit, NULL, &error);
  if (hits == NULL)
    return mk_cli_fail (error);

  if (json)
    write_hits_json (hits);
  else
    write_hits_plain (hits);

  return MK_CLI_EXIT_OK;
}

static void
write_labelled_line (const char *label,
                     const char *value)
{
  g_autofree char *line = NULL;

  if (value == NULL || *value == '\0')
    return;

  line = g_strdup_printf ("%s %s", label, value);
  mk_cli_write_line (line);
}

static void
write_article (MkArticle *article)
{
  const char *body = mk_article_get_body (article);

  mk_cli_write_line (mk_article_get_title (article) ? mk_article_get_title (article) : "");
  write_labelled_line (_("Source:"), mk_article_get_source (article));
  write_labelled_line (_("Published:"), mk_article_get_published (article));
  write_labelled_line (_("Author:"), mk_article_get_author (article));
  write_labelled_line (_("URL:"), mk_article_get_url (article));

  if (mk_article_get_excerpt (article))
    {
      g_autofree char *related = mk_cli_format_id (mk_article_get_related_to (article));
      g_autofree char *line = g_strdup_printf (_("Excerpt from the “Related” block of article %s"),
                                               related);

      mk_cli_write_line (line);
    }

  if (body == NULL || *body == '\0')
    body = mk_article_get_summary (article);

  if (body != NULL && *body != '\0')
    {
      mk_cli_write_line ("");
      mk_cli_write_line (body);
    }
}


/**
 * mk_cli_show:
 *
 * `show ID [--json]`: one article, body included; --json prints the same
 * object as a line of `export --format jsonl`.
 */
MkCliExit
mk_cli_show (MkCli              *cli,
             const MkCliCommand *command,
             char              **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the article as a JSON object"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  MkCliExit status;
  gint64 id;

  if (!mk_cli_parse_command (command, entries, argv, 1, 1, &args, &status))
    return status;

  if (!mk_cli_parse_id (args[0], &id))
    {
      g_autofree char *display = g_filename_display_name (args[0]);

      return mk_cli_usage_error (command, _("“%s” is not an article id"), display);
    }

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);

  article = mk_store_get_article (store, id, &error);
  if (article == NULL && g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND))
    {
      g_autofree char *id_text = mk_cli_format_id (id);

      mk_cli_print_error (_("no article with id %s"), id_text);
      return MK_CLI_EXIT_FAILED;
    }
  if (article == NULL)
    return mk_cli_fail (error);

  if (json)
    {
      g_autoptr(GPtrArray) entities = mk_store_get_article_entities (store, id, MK_ENTITY_TYPE_ANY, &error);
      g_autoptr(MkAnnotations) annotations = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (entities == NULL)
        return mk_cli_fail (error);
      annotations = mk_store_get_annotations (store, id, &error);
      if (annotations == NULL)
        return mk_cli_fail (error);
      node = mk_cli_json_article (article, entities, annotations);
      mk_cli_write_json (node, TRUE);
    }
  else
    write_article (article);

  return MK_CLI_EXIT_OK;
}
