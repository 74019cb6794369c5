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

static void
add_location (JsonBuilder *builder,
              MkEntity    *entity)
{
  json_builder_set_member_name (builder, "lat");
  if (mk_entity_has_location (entity))
    json_builder_add_double_value (builder, mk_entity_get_latitude (entity));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "lon");
  if (mk_entity_has_location (entity))
    json_builder_add_double_value (builder, mk_entity_get_longitude (entity));
  else
    json_builder_add_null_value (builder);
}

/**
 * mk_cli_json_article:
 * @entities: (nullable) (element-type MkEntity): the article's entities,
 *   from mk_store_get_article_entities()
 * @annotations: (nullable): the user's bookmark, note and tags
 *
 * The object `export --format jsonl` writes per line, and `show --json`
 * prints (mk_exporter_article_to_json()).
 *
 * Returns: (transfer full):
 */
JsonNode *
mk_cli_json_article (MkArticle     *article,
                     GPtrArray     *entities,
                     MkAnnotations *annotations)
{
  return mk_exporter_article_to_json (article, entities, annotations);
}

static void
add_strings (JsonBuilder *builder,
             const char  *name,
             GPtrArray   *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

static void
add_offsets (JsonBuilder *builder,
             GArray      *mentions)
{
  json_builder_set_member_name (builder, "offsets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mentions->len; i++)
    {
      MkMention *mention = &g_array_index (mentions, MkMention, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, mention->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, mention->end);
      add_boolean (builder, "in_title", mention->in_title);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * mk_cli_json_entity:
 * @in_article: whether @entity comes from one article's list: then its
 *   name is the article's own form (its label), "canonical" the
 *   archive's, "mentions" counts this article, and "offsets" says where
 *
 * One element of the array `entities --json` prints: {id, name, type,
 * mentions, articles, aliases, lat, lon}; lat and lon only for places.
 *
 * Returns: (transfer full):
 */
JsonNode *
mk_cli_json_entity (MkEntity *entity,
                    gboolean  in_article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_id (builder, "id", mk_entity_get_id (entity));
  add_text (builder, "name", in_article ? mk_entity_get_label (entity) : mk_entity_get_name (entity));
  if (in_article)
    add_text (builder, "canonical", mk_entity_get_name (entity));
  add_text (builder, "type", mk_entity_type_to_string (mk_entity_get_entity_type (entity)));
  json_builder_set_member_name (builder, "mentions");
  json_builder_add_int_value (builder, in_article ? mk_entity_get_mentions (entity)->len
                                                  : mk_entity_get_n_mentions (entity));
  json_builder_set_member_name (builder, "articles");
  json_builder_add_int_value (builder, mk_entity_get_n_articles (entity));
  add_strings (builder, "aliases", mk_entity_get_aliases (entity));
  if (mk_entity_get_entity_type (entity) == MK_ENTITY_PLACE)
    add_location (builder, entity);
  if (in_article)
    add_offsets (builder, mk_entity_get_mentions (entity));
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
