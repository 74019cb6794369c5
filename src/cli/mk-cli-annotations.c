/* mk-cli-annotations.c — `bookmark`, `unbookmark`, `note`, `tag`, `untag`,
 * `bookmarks` and `tags`
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "mk-cli-private.h"

/* Reads ID, or reports the usage error. */
static gboolean
parse_article_id (const MkCliCommand *command,
                  const char         *arg,
                  gint64             *id,
                  MkCliExit          *status)
{
  if (mk_cli_parse_id (arg, id))
    return TRUE;

  {
    g_autofree char *display = g_filename_display_name (arg);

    *status = mk_cli_usage_error (command, _("“%s” is not an article id"), display);
  }
  return FALSE;
}

/* A tag from the command line, as the archive would store it; a name no
 * tag may have is a usage error. */
static char *
parse_tag (const MkCliCommand *command,
           const char         *arg,
           MkCliExit          *status)
{
  g_autofree char *typed = mk_cli_arg_to_utf8 (command, arg, status);
  g_autoptr(GError) error = NULL;
  char *tag;

  if (typed == NULL)
    return NULL;

  tag = mk_store_normalize_tag (typed, &error);
  if (tag == NULL)
    *status = mk_cli_usage_error (command, "%s", error->message);

  return tag;
}

static GPtrArray *
parse_tags (const MkCliCommand  *command,
            char               **args,
            MkCliExit           *status)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      char *tag = parse_tag (command, args[i], status);

      if (tag == NULL)
        return NULL;
      g_ptr_array_add (tags, tag);
    }

  return g_steal_pointer (&tags);
}

/* Runs the writes of one command in one transaction: all or nothing. */
static gboolean
finish (MkStore   *store,
        gboolean   ok,
        GError   **error)
{
  if (ok && mk_store_commit (store, error))
    return TRUE;

  mk_store_rollback (store);
  return FALSE;
}

/**
 * mk_cli_bookmark:
 *
 * `bookmark ID [--note TEXT] [--tag TAG]…`
 */
MkCliExit
mk_cli_bookmark (MkCli              *cli,
                 const MkCliCommand *command,
                 char              **argv)
{
  g_autofree char *note_arg = NULL;
  g_auto(GStrv) tag_args = NULL;
  const GOptionEntry entries[] = {
    { "note", 'n', 0, G_OPTION_ARG_FILENAME, &note_arg,
      N_("Also set the article’s note to TEXT"), N_("TEXT") },
    { "tag", 't', 0, G_OPTION_ARG_FILENAME_ARRAY, &tag_args,
      N_("Also tag the article TAG (may be repeated)"), N_("TAG") },
    G_OPTION_ENTRY_NULL
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  MkCliExit status;
  gboolean ok;
  gint64 id;

  if (!mk_cli_parse_command (command, entries, argv, 1, 1, &args, &status) ||
      !parse_article_id (command, args[0], &id, &status) ||
      (tags = parse_tags (command, tag_args, &status)) == NULL ||
      (note_arg != NULL && (note = mk_cli_arg_to_utf8 (command, note_arg, &status)) == NULL))
    return status;

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL || !mk_store_begin (store, &error))
    return mk_cli_fail (error);

  ok = mk_store_set_bookmarked (store, id, TRUE, NULL, &error) &&
       (note == NULL || mk_store_set_note (store, id, note, &error));
  for (guint i = 0; ok && i < tags->len; i++)
    ok = mk_store_add_tag (store, id, tags->pdata[i], &error);

  if (!finish (store, ok, ok ? &error : NULL))
    return mk_cli_fail (error);
  return MK_CLI_EXIT_OK;
}

/**
 * mk_cli_unbookmark:
 *
 * `unbookmark ID`: the note and tags stay.
 */
MkCliExit
mk_cli_unbookmark (MkCli              *cli,
                   const MkCliCommand *command,
                   char              **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  MkCliExit status;
  gint64 id;

  if (!mk_cli_parse_command (command, NULL, argv, 1, 1, &args, &status) ||
      !parse_article_id (command, args[0], &id, &status))
    return status;

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);
  if (!mk_store_set_bookmarked (store, id, FALSE, NULL, &error))
    return mk_cli_fail (error);

  return MK_CLI_EXIT_OK;
}

/* All of standard input, which must be UTF-8 text. */
static char *
read_stdin (GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, n);

  if (ferror (stdin))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("could not read the note from standard input"));
      return NULL;
    }
  if (!g_utf8_validate_len (text->str, text->len, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the note on standard input is not UTF-8 text"));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * mk_cli_note:
 *
 * `note ID TEXT|-`: sets the note (from standard input with “-”, as it
 * is, to the byte); an empty one removes it.
 */
MkCliExit
mk_cli_note (MkCli              *cli,
             const MkCliCommand *command,
             char              **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  MkCliExit status;
  gint64 id;

  if (!mk_cli_parse_command (command, NULL, argv, 2, 2, &args, &status) ||
      !parse_article_id (command, args[0], &id, &status))
    return status;

  if (g_str_equal (args[1], "-"))
    {
      text = read_stdin (&error);
      if (text == NULL)
        return mk_cli_usage_error (command, "%s", error->message);
    }
  else if ((text = mk_cli_arg_to_utf8 (command, args[1], &status)) == NULL)
    return status;

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);
  if (!mk_store_set_note (store, id, text, &error))
    return mk_cli_fail (error);

  return MK_CLI_EXIT_OK;
}

static MkCliExit
change_tags (MkCli              *cli,
             const MkCliCommand *command,
             char              **argv,
             gboolean            add)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;
  MkCliExit status;
  gboolean ok = TRUE;
  gint64 id;

  if (!mk_cli_parse_command (command, NULL, argv, 2, G_MAXUINT, &args, &status) ||
      !parse_article_id (command, args[0], &id, &status) ||
      (tags = parse_tags (command, args + 1, &status)) == NULL)
    return status;

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL || !mk_store_begin (store, &error))
    return mk_cli_fail (error);

  for (guint i = 0; ok && i < tags->len; i++)
    ok = add ? mk_store_add_tag (store, id, tags->pdata[i], &error)
             : mk_store_remove_tag (store, id, tags->pdata[i], &error);

  if (!finish (store, ok, ok ? &error : NULL))
    return mk_cli_fail (error);
  return MK_CLI_EXIT_OK;
}

/**
 * mk_cli_tag:
 *
 * `tag ID TAG…`: new tags are created.
 */
MkCliExit
mk_cli_tag (MkCli              *cli,
            const MkCliCommand *command,
            char              **argv)
{
  return change_tags (cli, command, argv, TRUE);
}

/**
 * mk_cli_untag:
 *
 * `untag ID TAG…`: the tags stay in the archive (see `tags --delete`).
 */
MkCliExit
mk_cli_untag (MkCli              *cli,
              const MkCliCommand *command,
              char              **argv)
{
  return change_tags (cli, command, argv, FALSE);
}

static JsonNode *
bookmark_json (MkArticle     *article,
               MkAnnotations *annotations)
{
  g_autoptr(JsonNode) hit = mk_cli_json_search_hit (article);
  JsonObject *object = json_node_get_object (hit);
  JsonArray *tags = json_array_new ();

  json_object_remove_member (object, "snippet");
  json_object_set_string_member (object, "bookmarked_at", annotations->bookmarked_at);
  if (annotations->note)
    json_object_set_string_member (object, "note", annotations->note);
  else
    json_object_set_null_member (object, "note");
  for (guint i = 0; annotations->tags[i]; i++)
    json_array_add_string_element (tags, annotations->tags[i]);
  json_object_set_array_member (object, "tags", tags);

  return g_steal_pointer (&hit);
}

/**
 * mk_cli_bookmarks:
 *
 * `bookmarks [--json]`: the bookmarked articles, newest first:
 * ID, DATE, BOOKMARKED, TAGS and TITLE, tab-separated; --json adds the
 * note.
 */
MkCliExit
mk_cli_bookmarks (MkCli              *cli,
                  const MkCliCommand *command,
                  char              **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkQuery) query = mk_query_new ("is:bookmarked");
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GError) error = NULL;
  MkCliExit status;

  if (!mk_cli_parse_command (command, entries, argv, 0, 0, &args, &status))
    return status;

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);
  articles = mk_store_search (store, query, MK_SORT_NEWEST, 0, NULL, &error);
  if (articles == NULL)
    return mk_cli_fail (error);

  for (guint i = 0; i < articles->len; i++)
    {
      MkArticle *article = articles->pdata[i];
      g_autoptr(MkAnnotations) annotations = mk_store_get_annotations (store, mk_article_get_id (article), &error);

      if (annotations == NULL)
        return mk_cli_fail (error);

      if (json)
        json_array_add_element (array, bookmark_json (article, annotations));
      else
        {
          g_autofree char *id = mk_cli_format_id (mk_article_get_id (article));
          g_autofree char *published = g_strndup (mk_article_get_published (article)
                                                  ? mk_article_get_published (article) : "", 10);
          g_autofree char *tags = g_strjoinv (", ", annotations->tags);
          g_autofree char *tags_field = mk_cli_dup_field (tags);
          g_autofree char *title = mk_cli_dup_field (mk_article_get_title (article));
          g_autofree char *line = g_strdup_printf ("%s\t%s\t%s\t%s\t%s", id, published,
                                                   annotations->bookmarked_at, tags_field, title);

          mk_cli_write_line (line);
        }
    }

  if (json)
    {
      g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

      mk_cli_write_json (node, TRUE);
    }

  return MK_CLI_EXIT_OK;
}

static MkCliExit
list_tags (MkStore  *store,
           gboolean  json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = mk_store_list_tags (store, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (tags == NULL)
    return mk_cli_fail (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < tags->len; i++)
    {
      MkTagCount *tag = tags->pdata[i];

      if (json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, tag->name);
          json_builder_set_member_name (builder, "articles");
          json_builder_add_int_value (builder, tag->n_articles);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s", tag->n_articles, tag->name);

          mk_cli_write_line (line);
        }
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) node = json_builder_get_root (builder);

      mk_cli_write_json (node, TRUE);
    }

  return MK_CLI_EXIT_OK;
}

/**
 * mk_cli_tags:
 *
 * `tags [--json]`: every tag with how many articles carry it (COUNT, TAB,
 * NAME); `tags --rename OLD NEW` renames one everywhere (merging it into
 * NEW when that exists); `tags --delete TAG` deletes one.
 */
MkCliExit
mk_cli_tags (MkCli              *cli,
             const MkCliCommand *command,
             char              **argv)
{
  gboolean json = FALSE, rename = FALSE, delete = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { "rename", 0, 0, G_OPTION_ARG_NONE, &rename,
      N_("Rename the tag OLD to NEW on every article"), NULL },
    { "delete", 0, 0, G_OPTION_ARG_NONE, &delete,
      N_("Delete the tag TAG from every article"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;
  MkCliExit status;
  guint n_args;

  if (!mk_cli_parse_command (command, entries, argv, 0, 2, &args, &status))
    return status;

  n_args = g_strv_length (args);
  if (rename && delete)
    return mk_cli_usage_error (command, _("--rename and --delete go alone"));
  if ((rename && n_args != 2) || (delete && n_args != 1) || (!rename && !delete && n_args != 0))
    return mk_cli_usage_error (command, _("give OLD NEW with --rename, TAG with --delete, "
                                          "nothing to list the tags"));
  if ((tags = parse_tags (command, args, &status)) == NULL)
    return status;

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);

  if (rename && !mk_store_rename_tag (store, tags->pdata[0], tags->pdata[1], &error))
    return mk_cli_fail (error);
  if (delete)
    {
      g_autoptr(GArray) had = mk_store_delete_tag (store, tags->pdata[0], &error);

      if (had == NULL)
        return mk_cli_fail (error);
    }
  if (rename || delete)
    return MK_CLI_EXIT_OK;

  return list_tags (store, json);
}
