/* mk-cli-json.c — articles as JSON, for --json and export
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-cli-private.h"

/* Scripts test for null, not for "": an empty value is an absent one. */
static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Article ids start at 1; 0 means “none” (related_to of a whole article). */
static void
add_id (JsonBuilder *builder,
        const char  *name,
        gint64       id)
{
  json_builder_set_member_name (builder, name);
  if (id > 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/**
 * mk_cli_json_article:
 *
 * The object `export --format jsonl` writes per line, and `show --json`
 * prints. Its keys are a contract (DESIGN.md): add keys, never rename them.
 *
 * Returns: (transfer full):
 */
JsonNode *
mk_cli_json_article (MkArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_id (builder, "id", mk_article_get_id (article));
  add_text (builder, "title", mk_article_get_title (article));
  add_text (builder, "url", mk_article_get_url (article));
  add_text (builder, "source", mk_article_get_source (article));
  add_text (builder, "published", mk_article_get_published (article));
  add_text (builder, "author", mk_article_get_author (article));
  add_text (builder, "summary", mk_article_get_summary (article));
  add_text (builder, "body", mk_article_get_body (article));
  add_text (builder, "language", mk_article_get_language (article));
  add_boolean (builder, "excerpt", mk_article_get_excerpt (article));
  add_id (builder, "related_to", mk_article_get_related_to (article));
  add_boolean (builder, "title_derived", mk_article_get_title_derived (article));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * mk_cli_json_search_hit:
 *
 * One element of the array `search --json` prints. The snippet is plain
 * text: the match marks are for widgets, not for scripts.
 *
 * Returns: (transfer full):
 */
JsonNode *
mk_cli_json_search_hit (MkArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *snippet = mk_article_dup_plain_snippet (article);

  json_builder_begin_object (builder);
  add_id (builder, "id", mk_article_get_id (article));
  add_text (builder, "title", mk_article_get_title (article));
  add_text (builder, "source", mk_article_get_source (article));
  add_text (builder, "published", mk_article_get_published (article));
  add_text (builder, "snippet", snippet);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * mk_cli_write_json:
 * @pretty: indented for people (--json); %FALSE keeps it on one line
 *   (export's JSON Lines)
 */
void
mk_cli_write_json (JsonNode *node,
                   gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, pretty);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  mk_cli_write_line (text);
}
