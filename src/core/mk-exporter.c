/* mk-exporter.c — articles and the user's annotations out as JSON Lines, CSV or Markdown
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mk-exporter.h"

/* An export streams: the selection is a list of ids (8 bytes each), and
 * each article is loaded, written and dropped in turn, so that exporting
 * a large archive never holds it in memory. The order is by id, stable
 * across runs, so that two exports can be diffed.
 *
 * JSON Lines keeps the keys of `mekong-cli export` (DESIGN.md) and adds
 * bookmarked, bookmarked_at, note and tags. CSV follows RFC 4180 (CRLF
 * between records, fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled) in UTF-8, one row per article. Markdown is a
 * report to paste into a document: a heading per article with its
 * source, date, URL, tags, top entities and note. */

#define TOP_ENTITIES 5

struct _MkExporter
{
  GObject parent_instance;

  MkStore *store;
  MkExportFormat format;
  gboolean include_excerpts;
  gboolean chosen;          /* the ids come from a query */
};

G_DEFINE_FINAL_TYPE (MkExporter, mk_exporter, G_TYPE_OBJECT)

static const char * const format_names[] = { "jsonl", "csv", "markdown" };
static const char * const format_extensions[] = { "jsonl", "csv", "md" };

gboolean
mk_export_format_from_string (const char     *name,
                              MkExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (name, format_names[i]) == 0)
      {
        *format = (MkExportFormat) i;
        return TRUE;
      }

  return FALSE;
}

const char *
mk_export_format_to_string (MkExportFormat format)
{
  g_return_val_if_fail (format <= MK_EXPORT_MARKDOWN, NULL);

  return format_names[format];
}

const char *
mk_export_format_get_extension (MkExportFormat format)
{
  g_return_val_if_fail (format <= MK_EXPORT_MARKDOWN, NULL);

  return format_extensions[format];
}

static void
mk_exporter_finalize (GObject *object)
{
  MkExporter *self = (MkExporter *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mk_exporter_parent_class)->finalize (object);
}

static void
mk_exporter_class_init (MkExporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_exporter_finalize;
}

static void
mk_exporter_init (MkExporter *self)
{
}

/**
 * mk_exporter_new:
 * @store: the archive to read, on the calling thread's connection
 */
MkExporter *
mk_exporter_new (MkStore        *store,
                 MkExportFormat  format)
{
  MkExporter *self;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);
  g_return_val_if_fail (format <= MK_EXPORT_MARKDOWN, NULL);

  self = g_object_new (MK_TYPE_EXPORTER, NULL);
  self->store = g_object_ref (store);
  self->format = format;
  return self;
}

/**
 * mk_exporter_set_include_excerpts:
 *
 * The teasers of "Related" blocks are not articles of their own, and are
 * left out of an export of the whole archive unless asked for. Those a
 * selection names (a bookmarked one, a tagged one, a search hit) are
 * always written: the user chose them.
 */
void
mk_exporter_set_include_excerpts (MkExporter *self,
                                  gboolean    include_excerpts)
{
  g_return_if_fail (MK_IS_EXPORTER (self));

  self->include_excerpts = include_excerpts;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * mk_exporter_select:
 * @query: (nullable): what to export (`is:bookmarked`, `tag:"…"`, any
 *   search); %NULL for every article
 *
 * Returns: (transfer full) (element-type gint64): the ids, ascending
 */
GArray *
mk_exporter_select (MkExporter    *self,
                    MkQuery       *query,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GArray *ids;

  g_return_val_if_fail (MK_IS_EXPORTER (self), NULL);

  self->chosen = query != NULL && !mk_query_is_empty (query);
  ids = mk_store_search_ids (self->store, query, MK_SORT_OLDEST, 0, cancellable, error);
  if (ids != NULL)
    g_array_sort (ids, compare_ids);

  return ids;
}

/* --- JSON ------------------------------------------------------------------- */

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

/* entities: [{name, type, mentions}], places: [{name, lat, lon}], with
 * the archive's names, so that exports of many articles aggregate. */
static void
add_article_entities (JsonBuilder *builder,
                      GPtrArray   *entities)
{
  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      MkEntity *entity = g_ptr_array_index (entities, i);

      json_builder_begin_object (builder);
      add_text (builder, "name", mk_entity_get_name (entity));
      add_text (builder, "type", mk_entity_type_to_string (mk_entity_get_entity_type (entity)));
      json_builder_set_member_name (builder, "mentions");
      json_builder_add_int_value (builder, mk_entity_get_mentions (entity)->len);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "places");
  json_builder_begin_array (builder);
  for (guint i = 0; entities != NULL && i < entities->len; i++)
    {
      MkEntity *entity = g_ptr_array_index (entities, i);

      if (mk_entity_get_entity_type (entity) != MK_ENTITY_PLACE)
        continue;
      json_builder_begin_object (builder);
      add_text (builder, "name", mk_entity_get_name (entity));
      add_location (builder, entity);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_annotations (JsonBuilder   *builder,
                 MkAnnotations *annotations)
{
  add_boolean (builder, "bookmarked", annotations->bookmarked);
  add_text (builder, "bookmarked_at", annotations->bookmarked_at);
  add_text (builder, "note", annotations->note);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; annotations->tags[i] != NULL; i++)
    json_builder_add_string_value (builder, annotations->tags[i]);
  json_builder_end_array (builder);
}

/**
 * mk_exporter_article_to_json:
 * @entities: (nullable) (element-type MkEntity): the article's entities,
 *   from mk_store_get_article_entities()
 * @annotations: (nullable): the user's annotations, added as bookmarked,
 *   bookmarked_at, note and tags
 *
 * The object `export --format jsonl` writes per line, and `show --json`
 * prints. Its keys are a contract (DESIGN.md): add keys, never rename them.
 *
 * Returns: (transfer full):
 */
JsonNode *
mk_exporter_article_to_json (MkArticle     *article,
                             GPtrArray     *entities,
                             MkAnnotations *annotations)
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
  add_article_entities (builder, entities);
  if (annotations != NULL)
    add_annotations (builder, annotations);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
append_jsonl (GString       *out,
              MkArticle     *article,
              GPtrArray     *entities,
              MkAnnotations *annotations)
{
  g_autoptr(JsonNode) node = mk_exporter_article_to_json (article, entities, annotations);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

/* --- Entities, for CSV and Markdown ------------------------------------------ */

static int
compare_by_mentions (gconstpointer a,
                     gconstpointer b)
{
  MkEntity *x = *(MkEntity * const *) a, *y = *(MkEntity * const *) b;
  guint mx = mk_entity_get_mentions (x)->len, my = mk_entity_get_mentions (y)->len;

  if (mx != my)
    return mx > my ? -1 : 1;
  return g_utf8_collate (mk_entity_get_name (x), mk_entity_get_name (y));
}

/* The article's most mentioned entities, "Name (type, N)". */
static GPtrArray *
top_entities (GPtrArray *entities)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; entities != NULL && i < entities->len; i++)
    g_ptr_array_add (sorted, entities->pdata[i]);
  g_ptr_array_sort (sorted, compare_by_mentions);

  for (guint i = 0; i < sorted->len && i < TOP_ENTITIES; i++)
    {
      MkEntity *entity = sorted->pdata[i];

      g_ptr_array_add (labels, g_strdup_printf ("%s (%s, %u)", mk_entity_get_name (entity),
                                                mk_entity_type_to_string (mk_entity_get_entity_type (entity)),
                                                mk_entity_get_mentions (entity)->len));
    }

  return labels;
}

static char *
join (GPtrArray  *strings,
      const char *separator)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < strings->len; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, strings->pdata[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* --- CSV -------------------------------------------------------------------- */

static const char * const csv_columns[] = {
  "id", "title", "source", "published", "author", "url", "language",
  "bookmarked", "bookmarked_at", "tags", "note", "entities", "summary",
};

/* RFC 4180: quoted when it holds a comma, a quote or a line break;
 * quotes inside doubled. Line breaks inside a field are kept as they are. */
static void
append_csv_field (GString    *out,
                  const char *value,
                  gboolean    last)
{
  if (value != NULL && strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (value != NULL)
    g_string_append (out, value);

  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_csv_header (GString *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    append_csv_field (out, csv_columns[i], i + 1 == G_N_ELEMENTS (csv_columns));
}

static void
append_csv (GString       *out,
            MkArticle     *article,
            GPtrArray     *entities,
            MkAnnotations *annotations)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, mk_article_get_id (article));
  g_autofree char *tags = g_strjoinv ("; ", annotations->tags);
  g_autoptr(GPtrArray) top = top_entities (entities);
  g_autofree char *top_text = join (top, "; ");
  const char *values[] = {
    id,
    mk_article_get_title (article),
    mk_article_get_source (article),
    mk_article_get_published (article),
    mk_article_get_author (article),
    mk_article_get_url (article),
    mk_article_get_language (article),
    annotations->bookmarked ? "true" : "false",
    annotations->bookmarked_at,
    tags,
    annotations->note,
    top_text,
    mk_article_get_summary (article),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (values) == G_N_ELEMENTS (csv_columns));

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    append_csv_field (out, values[i], i + 1 == G_N_ELEMENTS (values));
}

/* --- Markdown --------------------------------------------------------------- */

/* Escapes one line so that a Markdown renderer shows it as written:
 * the characters that mark up inline text (CommonMark lets any ASCII
 * punctuation be escaped with a backslash) always, and those that start a
 * block (heading, list, quote, rule) when they begin the line. Leading
 * white space is dropped: four spaces would start a code block. */
static void
append_escaped_line (GString    *out,
                     const char *line,
                     gsize       length)
{
  const char *p = line, *end = line + length;
  const char *q;

  while (p < end && (*p == ' ' || *p == '\t'))
    p++;

  /* "1." or "1)" would start an ordered list. */
  q = p;
  while (q < end && g_ascii_isdigit (*q))
    q++;
  if (q > p && q < end && (*q == '.' || *q == ')'))
    {
      g_string_append_len (out, p, q - p);
      g_string_append_c (out, '\\');
      p = q;
    }
  else if (p < end && strchr ("#+-=>", *p) != NULL)
    g_string_append_c (out, '\\');

  for (; p < end; p++)
    {
      if (strchr ("\\`*_[]<>|~&", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/**
 * mk_exporter_escape_markdown:
 *
 * Returns: (transfer full): @text as one line of Markdown that shows as
 *   written (line breaks become spaces)
 */
char *
mk_exporter_escape_markdown (const char *text)
{
  g_autofree char *flat = g_strdup (text ? text : "");
  GString *out = g_string_new (NULL);

  g_strdelimit (flat, "\r\n\t", ' ');
  append_escaped_line (out, flat, strlen (flat));
  return g_string_free (out, FALSE);
}

static void
append_markdown_item (GString    *out,
                      const char *label,
                      const char *escaped_value)
{
  if (escaped_value == NULL || *escaped_value == '\0')
    return;
  g_string_append_printf (out, "- **%s:** %s\n", label, escaped_value);
}

/* A URL as an autolink, unless it has what would end one. */
static char *
markdown_url (const char *url)
{
  if (url == NULL || *url == '\0')
    return NULL;
  if (strpbrk (url, "<> \t\r\n") == NULL)
    return g_strdup_printf ("<%s>", url);
  return mk_exporter_escape_markdown (url);
}

/* The note as a block quote, line for line: a backslash at the end of a
 * line keeps the break (a CommonMark hard line break). */
static void
append_markdown_note (GString    *out,
                      const char *note)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *trimmed = NULL;

  if (note == NULL)
    return;

  /* Blank lines at the end would only make empty quote lines. */
  trimmed = g_strdup (note);
  g_strchomp (trimmed);
  lines = g_strsplit (trimmed, "\n", -1);
  g_string_append_c (out, '\n');
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize length = strlen (lines[i]);
      gboolean more = lines[i + 1] != NULL && *lines[i + 1] != '\0' &&
                      g_strcmp0 (lines[i + 1], "\r") != 0;

      if (length > 0 && lines[i][length - 1] == '\r')
        length--;
      g_string_append (out, ">");
      if (length > 0)
        {
          g_string_append_c (out, ' ');
          append_escaped_line (out, lines[i], length);
          if (more)
            g_string_append_c (out, '\\');
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_markdown_header (GString *out)
{
  g_string_append_printf (out, "# %s\n", _("Articles from Mekong"));
}

static void
append_markdown (GString       *out,
                 MkArticle     *article,
                 GPtrArray     *entities,
                 MkAnnotations *annotations)
{
  const char *title = mk_article_get_title (article);
  const char *published = mk_article_get_published (article);
  g_autofree char *escaped_title = mk_exporter_escape_markdown (title && *title ? title : _("Untitled"));
  g_autofree char *source = mk_exporter_escape_markdown (mk_article_get_source (article));
  g_autofree char *date = published ? g_strndup (published, 10) : NULL;
  g_autofree char *url = markdown_url (mk_article_get_url (article));
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) top = top_entities (entities);
  g_autoptr(GPtrArray) escaped_top = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tags_text = NULL;
  g_autofree char *top_text = NULL;
  g_autofree char *bookmarked = annotations->bookmarked_at ? g_strndup (annotations->bookmarked_at, 10) : NULL;

  for (guint i = 0; annotations->tags[i] != NULL; i++)
    g_ptr_array_add (tags, mk_exporter_escape_markdown (annotations->tags[i]));
  for (guint i = 0; i < top->len; i++)
    g_ptr_array_add (escaped_top, mk_exporter_escape_markdown (top->pdata[i]));
  /* A middle dot, as tags may hold commas. */
  tags_text = join (tags, " · ");
  top_text = join (escaped_top, ", ");

  g_string_append_printf (out, "\n## %s\n\n", escaped_title);
  append_markdown_item (out, _("Source"), source);
  append_markdown_item (out, _("Date"), date);
  append_markdown_item (out, _("URL"), url);
  append_markdown_item (out, _("Tags"), tags_text);
  append_markdown_item (out, _("Bookmarked"), bookmarked);
  append_markdown_item (out, _("Entities"), top_text);
  append_markdown_note (out, annotations->note);
}

/* --- Writing ---------------------------------------------------------------- */

static gboolean
flush_text (GOutputStream  *stream,
            GString        *text,
            GCancellable   *cancellable,
            GError        **error)
{
  gboolean ok = g_output_stream_write_all (stream, text->str, text->len, NULL, cancellable, error);

  g_string_truncate (text, 0);
  return ok;
}

/* Loads one article with its entities and annotations and appends it;
 * *skipped when it is gone or an excerpt left out. */
static gboolean
append_article (MkExporter  *self,
                gint64       id,
                GString     *out,
                gboolean    *skipped,
                GError     **error)
{
  g_autoptr(MkArticle) article = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(MkAnnotations) annotations = NULL;
  g_autoptr(GError) local_error = NULL;

  *skipped = TRUE;
  article = mk_store_get_article (self->store, id, &local_error);
  /* Deleted since the ids were read: not part of the archive anymore. */
  if (article == NULL && g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND))
    return TRUE;
  if (article == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (mk_article_get_excerpt (article) && !self->include_excerpts && !self->chosen)
    return TRUE;

  entities = mk_store_get_article_entities (self->store, id, MK_ENTITY_TYPE_ANY, error);
  if (entities == NULL)
    return FALSE;
  annotations = mk_store_get_annotations (self->store, id, error);
  if (annotations == NULL)
    return FALSE;

  switch (self->format)
    {
    case MK_EXPORT_CSV:
      append_csv (out, article, entities, annotations);
      break;
    case MK_EXPORT_MARKDOWN:
      append_markdown (out, article, entities, annotations);
      break;
    case MK_EXPORT_JSONL:
    default:
      append_jsonl (out, article, entities, annotations);
      break;
    }

  *skipped = FALSE;
  return TRUE;
}

/**
 * mk_exporter_write:
 * @ids: (element-type gint64): from mk_exporter_select()
 * @stream: where to write; not closed
 * @n_written: (out) (optional): how many articles were written
 *
 * Writes the articles one at a time. Ids no longer in the archive are
 * skipped.
 */
gboolean
mk_exporter_write (MkExporter     *self,
                   GArray         *ids,
                   GOutputStream  *stream,
                   GCancellable   *cancellable,
                   guint          *n_written,
                   GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint written = 0;

  g_return_val_if_fail (MK_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (self->format == MK_EXPORT_CSV)
    append_csv_header (out);
  else if (self->format == MK_EXPORT_MARKDOWN)
    append_markdown_header (out);

  for (guint i = 0; i < ids->len; i++)
    {
      gboolean skipped;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !append_article (self, g_array_index (ids, gint64, i), out, &skipped, error))
        return FALSE;
      written += !skipped;
      /* Written in chunks of about 64 kB, whatever the size of the export. */
      if (out->len >= 65536 && !flush_text (stream, out, cancellable, error))
        return FALSE;
    }

  if (!flush_text (stream, out, cancellable, error) ||
      !g_output_stream_flush (stream, cancellable, error))
    return FALSE;

  if (n_written)
    *n_written = written;
  return TRUE;
}

/* --- To a file ---------------------------------------------------------------- */

/**
 * mk_exporter_write_file:
 * @file: where to write; replaced only once the export succeeded
 * @n_written: (out) (optional): how many articles were written
 *
 * Like mk_exporter_write(), to a file. g_file_replace() writes an existing
 * file's replacement beside it and renames it at close, and a failed
 * export closes with a cancelled cancellable, which drops it: the old file
 * stays. A file that did not exist is created in place, so a failed export
 * deletes what it wrote.
 */
gboolean
mk_exporter_write_file (MkExporter    *self,
                        GArray        *ids,
                        GFile         *file,
                        GCancellable  *cancellable,
                        guint         *n_written,
                        GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) discard = NULL;
  gboolean existed;

  g_return_val_if_fail (MK_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (mk_exporter_write (self, ids, G_OUTPUT_STREAM (stream), cancellable, n_written, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return TRUE;

  discard = g_cancellable_new ();
  g_cancellable_cancel (discard);
  g_output_stream_close (G_OUTPUT_STREAM (stream), discard, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
  return FALSE;
}

/* --- To a file, off the main thread ------------------------------------------ */

typedef struct {
  char *archive_path;
  MkExportFormat format;
  char *query_text;
  GFile *file;
  guint n_written;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->archive_path);
  g_free (data->query_text);
  g_clear_object (&data->file);
  g_free (data);
}

static gboolean
export_file (ExportData    *data,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkExporter) exporter = NULL;
  g_autoptr(MkQuery) query = NULL;
  g_autoptr(GArray) ids = NULL;

  store = mk_store_open (data->archive_path, error);
  if (store == NULL)
    return FALSE;
  exporter = mk_exporter_new (store, data->format);
  query = data->query_text ? mk_query_new (data->query_text) : NULL;
  ids = mk_exporter_select (exporter, query, cancellable, error);

  return ids != NULL &&
         mk_exporter_write_file (exporter, ids, data->file, cancellable, &data->n_written, error);
}

static void
export_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;

  if (export_file (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * mk_exporter_export_file_async:
 * @archive_path: the archive; the work opens its own connection
 * @query_text: (nullable): the search to export, %NULL for every article
 *
 * Exports to @file in a worker thread.
 */
void
mk_exporter_export_file_async (const char          *archive_path,
                               MkExportFormat       format,
                               const char          *query_text,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportData *data = g_new0 (ExportData, 1);

  data->archive_path = g_strdup (archive_path);
  data->format = format;
  data->query_text = g_strdup (query_text);
  data->file = g_object_ref (file);
  g_task_set_source_tag (task, mk_exporter_export_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_file_thread);
}

/**
 * mk_exporter_export_file_finish:
 * @n_written: (out) (optional): how many articles were written
 */
gboolean
mk_exporter_export_file_finish (GAsyncResult  *result,
                                guint         *n_written,
                                GError       **error)
{
  GTask *task = G_TASK (result);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  if (n_written)
    *n_written = ((ExportData *) g_task_get_task_data (task))->n_written;
  return TRUE;
}
