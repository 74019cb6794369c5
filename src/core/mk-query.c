/* mk-query.c — what a person typed into a search box, made safe for FTS5
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mk-entity.h"
#include "mk-fold.h"
#include "mk-query.h"

/* A search box must accept anything a person can type. FTS5's own syntax
 * treats quotes, parentheses, AND/OR/NOT/NEAR, '-', ':' and '^' specially and
 * fails on unbalanced input, so the user's text never reaches MATCH as is:
 * it is parsed here, the way web search boxes read it, and every term is
 * written back as an FTS5 string literal, which FTS5 takes literally.
 *
 *   laos vientiane      both words (AND)
 *   "social security"   the exact phrase; an unbalanced quote runs to the end
 *   vss OR lsso         either; OR binds tighter than the implicit AND
 *   -hanoi              not this word (or "-phrase", -title:x)
 *   secur*              a prefix
 *   title:laos          in a field: title, source, author
 *   after:2022-01-01    published on or after; before: on or before; year:2025
 *                       (dates may be YYYY, YYYY-MM or YYYY-MM-DD)
 *   is:bookmarked       the user's bookmarks; has:note, the articles with a
 *                       note; tag:"MoU 2022-2025", those with the tag; each
 *                       can be negated (-is:bookmarked)
 *   entity:"Keo Chanthavixay"   articles that mention the entity, by its
 *                       name or any alias in any spelling; person:, org:
 *                       and place: for one type ("place:ha noi" and
 *                       "place:Hà Nội" are one place); -place:x leaves out
 *                       the articles that mention it
 *
 * What cannot be read as any of these is searched as words: `foo:bar`,
 * `title:` alone, a lone `-` or `OR OR` never raise an error. Case and
 * diacritics (đ included) are folded by the FTS5 tokenizer, the same way
 * for the archive and the query (mk-fts-tokenizer.c).
 *
 * Entity filters are not FTS5 terms: the store matches them against the
 * entities' keys (mk_entity_key()) through the mentions table.
 *
 * Later fields (is:, tag:, has:) slot into field_table. */

/* Bounds on work a pasted page of junk can cause. */
#define MAX_TERMS 32
#define MAX_TERM_BYTES 256

typedef enum {
  FIELD_COLUMN,   /* a column of the FTS index */
  FIELD_AFTER,
  FIELD_BEFORE,
  FIELD_YEAR,
  FIELD_IS,       /* is:bookmarked */
  FIELD_HAS,      /* has:note */
  FIELD_TAG,      /* tag:NAME */
  FIELD_ENTITY,   /* an entity of entity_type, by name or alias */
} FieldKind;

typedef struct {
  const char *name;
  FieldKind kind;
  const char *column;
  int entity_type;
} Field;

static const Field field_table[] = {
  { "title", FIELD_COLUMN, "title", 0 },
  { "source", FIELD_COLUMN, "source", 0 },
  { "author", FIELD_COLUMN, "author", 0 },
  { "after", FIELD_AFTER, NULL, 0 },
  { "before", FIELD_BEFORE, NULL, 0 },
  { "year", FIELD_YEAR, NULL, 0 },
  { "entity", FIELD_ENTITY, NULL, MK_ENTITY_TYPE_ANY },
  { "person", FIELD_ENTITY, NULL, MK_ENTITY_PERSON },
  { "org", FIELD_ENTITY, NULL, MK_ENTITY_ORGANIZATION },
  { "place", FIELD_ENTITY, NULL, MK_ENTITY_PLACE },
  { "is", FIELD_IS, NULL, 0 },
  { "has", FIELD_HAS, NULL, 0 },
  { "tag", FIELD_TAG, NULL, 0 },
};

/* Bounds the joins a pasted query can cause, as MAX_TERMS does for FTS5. */
#define MAX_ENTITY_FILTERS 8

typedef struct {
  int type;           /* an MkEntityType or MK_ENTITY_TYPE_ANY */
  char *key;          /* mk_entity_key() of the name typed; NULL for an id */
  gint64 id;          /* one entity, chosen in the window; 0 for a name */
  gboolean negated;
} EntityFilter;

typedef struct {
  char *text;
  const char *column;   /* NULL: any column */
  gboolean prefix;
  gboolean negated;
  gboolean or_next;     /* an OR joins it to the next term */
} Term;

/* is:, has: and tag:, answered from the user's annotations. */
typedef struct {
  MkQueryFilter kind;
  char *tag;
  gboolean negated;
} Filter;

struct _MkQuery
{
  GObject parent_instance;

  char *text;
  GPtrArray *terms;      /* of Term, in the order typed */
  GPtrArray *filters;    /* of Filter */
  guint32 first_day;     /* 0: no lower bound */
  guint32 last_day;      /* 0: no upper bound */
  GArray *entities;      /* of EntityFilter */
  gboolean after_entity; /* while parsing: the last item was a filter */
  char *fts_match;       /* NULL when there is nothing to match */
  char *fts_exclude;     /* only when all terms are excluded */
  char *fts_title;       /* the wanted terms, in titles */
  char *fts_notes;       /* fts_match for the notes, when it names no column */
};

G_DEFINE_FINAL_TYPE (MkQuery, mk_query, G_TYPE_OBJECT)

static void
term_free (Term *term)
{
  g_free (term->text);
  g_free (term);
}

static void
filter_free (Filter *filter)
{
  g_free (filter->tag);
  g_free (filter);
}

static void
entity_filter_clear (gpointer data)
{
  EntityFilter *filter = data;

  g_free (filter->key);
}

/* --- Dates ------------------------------------------------------------------ */

/* Days since 0001-01-01 (GDate's Julian day), the unit of the archive's
 * date-ordered index keys. */
static guint32
julian (int year,
        int month,
        int day)
{
  if (!g_date_valid_dmy (day, month, year))
    return 0;
  {
    g_autoptr(GDate) date = g_date_new_dmy (day, month, year);
    return g_date_get_julian (date);
  }
}

/* Reads YYYY, YYYY-MM or YYYY-MM-DD; *first and *last are the first and the
 * last day it covers. */
static gboolean
parse_date_span (const char *text,
                 guint32    *first,
                 guint32    *last)
{
  int year = 0, month = 0, day = 0;
  char tail = 0;
  int n = sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail);

  if (strlen (text) < 4 || !g_ascii_isdigit (text[0]) || year < 1 || n == 4 ||
      (n == 1 && strlen (text) != 4) || (n == 2 && strlen (text) != 7))
    return FALSE;

  if (n == 1)
    {
      *first = julian (year, 1, 1);
      *last = julian (year, 12, 31);
    }
  else if (n == 2)
    {
      *first = julian (year, month, 1);
      *last = month >= 1 && month <= 12
              ? julian (year, month, g_date_get_days_in_month (month, year)) : 0;
    }
  else
    *first = *last = julian (year, month, day);

  return *first != 0 && *last != 0;
}

/**
 * mk_query_day_from_date:
 * @iso_date: (nullable): "YYYY-MM-DD…", as the archive stores dates
 *
 * Returns: the day number the archive orders by, or 0 when undated
 */
guint32
mk_query_day_from_date (const char *iso_date)
{
  guint32 first = 0, last = 0;
  char day[11];

  if (iso_date == NULL || strlen (iso_date) < 10)
    return 0;

  memcpy (day, iso_date, 10);
  day[10] = '\0';
  return parse_date_span (day, &first, &last) ? first : 0;
}

static gboolean
apply_date_field (MkQuery     *self,
                  FieldKind    kind,
                  const char  *value)
{
  guint32 first, last;

  if (!parse_date_span (value, &first, &last))
    return FALSE;

  if (kind == FIELD_AFTER || kind == FIELD_YEAR)
    self->first_day = MAX (self->first_day, first);
  if (kind == FIELD_BEFORE || kind == FIELD_YEAR)
    self->last_day = self->last_day ? MIN (self->last_day, last) : last;

  return TRUE;
}

/* --- Annotations ------------------------------------------------------------ */

static gboolean
apply_annotation_field (MkQuery     *self,
                        FieldKind    kind,
                        const char  *value,
                        gboolean     negated)
{
  Filter *filter;

  if (kind == FIELD_IS && g_ascii_strcasecmp (value, "bookmarked") != 0)
    return FALSE;
  if (kind == FIELD_HAS && g_ascii_strcasecmp (value, "note") != 0)
    return FALSE;
  if (kind == FIELD_TAG && *value == '\0')
    return FALSE;

  filter = g_new0 (Filter, 1);
  filter->kind = kind == FIELD_IS ? MK_QUERY_FILTER_BOOKMARKED
               : kind == FIELD_HAS ? MK_QUERY_FILTER_NOTE
               : MK_QUERY_FILTER_TAG;
  filter->tag = kind == FIELD_TAG ? g_strdup (value) : NULL;
  filter->negated = negated;
  g_ptr_array_add (self->filters, filter);
  return TRUE;
}

static gboolean
apply_field (MkQuery     *self,
             FieldKind    kind,
             const char  *value,
             gboolean     negated)
{
  if (kind == FIELD_IS || kind == FIELD_HAS || kind == FIELD_TAG)
    return self->filters->len < MAX_TERMS &&
           apply_annotation_field (self, kind, value, negated);

  return apply_date_field (self, kind, value);
}

/* --- Reading what was typed ------------------------------------------------- */

typedef struct {
  const char *p;
} Lexer;

static const Field *
lookup_field (const char *name,
              gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_table); i++)
    if (strlen (field_table[i].name) == length &&
        g_ascii_strncasecmp (field_table[i].name, name, length) == 0)
      return &field_table[i];

  return NULL;
}

/* The first @length bytes of valid UTF-8 @text, or fewer: never more than
 * @max_bytes, and cut before a character rather than inside one. */
static char *
dup_at_most (const char *text,
             gsize       length,
             gsize       max_bytes)
{
  /* The start of the character that byte @max_bytes belongs to. */
  if (length > max_bytes)
    length = g_utf8_find_prev_char (text, text + max_bytes + 1) - text;

  return g_strndup (text, length);
}

/* Reads a quoted phrase (to the closing quote, or the end) or a bare word
 * (to white space or a quote). */
static char *
read_value (Lexer    *lexer,
            gboolean *quoted)
{
  const char *start, *end;

  *quoted = *lexer->p == '"';
  if (*quoted)
    {
      start = ++lexer->p;
      end = strchr (start, '"');
      if (end == NULL)
        end = start + strlen (start);
      lexer->p = *end ? end + 1 : end;
    }
  else
    {
      start = lexer->p;
      end = start;
      while (*end && !g_ascii_isspace (*end) && *end != '"')
        end++;
      lexer->p = end;
    }

  return dup_at_most (start, end - start, MAX_TERM_BYTES);
}

static void
add_term (MkQuery    *self,
          char       *text,
          const char *column,
          gboolean    prefix,
          gboolean    negated)
{
  Term *term;

  if (!mk_fold_has_word (text) || self->terms->len >= MAX_TERMS)
    {
      g_free (text);
      return;
    }

  term = g_new0 (Term, 1);
  term->text = text;
  term->column = column;
  term->prefix = prefix;
  term->negated = negated;
  g_ptr_array_add (self->terms, term);
}

static gboolean
strip_trailing_stars (char *text)
{
  gsize len = strlen (text);
  gboolean star = FALSE;

  while (len > 0 && text[len - 1] == '*')
    {
      text[--len] = '\0';
      star = TRUE;
    }

  return star;
}

/* Takes @value (freed here when it returns TRUE, which it does unless the
 * value has nothing a key is made of). An OR next to an entity
 * filter joins nothing: filters are always all wanted. */
static gboolean
add_entity_filter (MkQuery    *self,
                   int         type,
                   char       *value,
                   gboolean    negated)
{
  g_autofree char *key = mk_entity_key (value);
  EntityFilter filter = { type, NULL, 0, negated };

  if (*key == '\0')
    return FALSE;

  g_free (value);
  if (self->entities->len >= MAX_ENTITY_FILTERS)
    return TRUE;

  filter.key = g_steal_pointer (&key);
  g_array_append_val (self->entities, filter);
  if (self->terms->len > 0)
    ((Term *) g_ptr_array_index (self->terms, self->terms->len - 1))->or_next = FALSE;
  self->after_entity = TRUE;
  return TRUE;
}

/* Reads one item at lexer->p: an OR, or a term with its optional '-', field
 * and '*'. */
static void
read_item (MkQuery *self,
           Lexer   *lexer)
{
  gboolean negated = FALSE, quoted = FALSE, prefix;
  const Field *field = NULL;
  const char *colon;
  char *value;

  if (lexer->p[0] == 'O' && lexer->p[1] == 'R' &&
      (lexer->p[2] == '\0' || g_ascii_isspace (lexer->p[2])))
    {
      lexer->p += 2;
      if (self->terms->len > 0 && !self->after_entity)
        ((Term *) g_ptr_array_index (self->terms, self->terms->len - 1))->or_next = TRUE;
      return;
    }

  if (*lexer->p == '-')
    {
      negated = TRUE;
      lexer->p++;
    }

  colon = lexer->p;
  while (g_ascii_isalpha (*colon))
    colon++;
  if (*colon == ':' && colon > lexer->p)
    {
      field = lookup_field (lexer->p, colon - lexer->p);
      if (field != NULL)
        lexer->p = colon + 1;
    }

  value = read_value (lexer, &quoted);
  prefix = *lexer->p == '*' || (!quoted && strip_trailing_stars (value));
  while (*lexer->p == '*')
    lexer->p++;

  if (field != NULL && field->kind == FIELD_ENTITY)
    {
      /* A value that names nothing ("place:", "place:--") is dropped,
       * as "title:" alone is. */
      if (!add_entity_filter (self, field->entity_type, value, negated))
        g_free (value);
      return;
    }

  if (field != NULL && field->kind != FIELD_COLUMN)
    {
      if (apply_field (self, field->kind, value, negated))
        {
          g_free (value);
          return;
        }
      /* "after:yesterday", "is:happy": not a date, not an annotation;
       * search what was typed instead. */
      {
        char *typed = g_strconcat (field->name, ":", value, NULL);

        g_free (value);
        value = typed;
        field = NULL;
      }
    }

  self->after_entity = FALSE;
  add_term (self, value, field ? field->column : NULL, prefix, negated);
}

static void
parse (MkQuery *self)
{
  Lexer lexer = { self->text };

  while (*lexer.p)
    {
      if (g_ascii_isspace (*lexer.p))
        lexer.p++;
      else
        read_item (self, &lexer);
    }
}

/* --- Writing FTS5 ----------------------------------------------------------- */

static void
append_term (GString    *out,
             const Term *term)
{
  if (term->column)
    g_string_append_printf (out, "%s : ", term->column);

  g_string_append_c (out, '"');
  for (const char *p = term->text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');

  if (term->prefix)
    g_string_append (out, " *");
}

/* An OR only joins two terms that are both wanted; "-a OR b" reads as
 * "-a b", and a dangling OR is ignored. */
static gboolean
joins_next (MkQuery *self,
            guint    i)
{
  const Term *term = g_ptr_array_index (self->terms, i);
  const Term *next = i + 1 < self->terms->len ? g_ptr_array_index (self->terms, i + 1) : NULL;

  return term->or_next && next != NULL && !term->negated && !next->negated;
}

static char *
build_positive (MkQuery *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->terms->len; i++)
    {
      const Term *term = g_ptr_array_index (self->terms, i);
      gboolean in_group = i > 0 && joins_next (self, i - 1);
      gboolean opens_group = !in_group && joins_next (self, i);

      if (term->negated)
        continue;

      if (in_group)
        g_string_append (out, " OR ");
      else if (out->len > 0)
        g_string_append (out, " AND ");
      if (opens_group)
        g_string_append_c (out, '(');
      append_term (out, term);
      if (in_group && !joins_next (self, i))
        g_string_append_c (out, ')');
    }

  return g_string_free (out, FALSE);
}

static char *
build_negative (MkQuery *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->terms->len; i++)
    {
      const Term *term = g_ptr_array_index (self->terms, i);

      if (!term->negated)
        continue;
      if (out->len > 0)
        g_string_append (out, " OR ");
      append_term (out, term);
    }

  return g_string_free (out, FALSE);
}

static gboolean
names_column (MkQuery *self)
{
  for (guint i = 0; i < self->terms->len; i++)
    if (((Term *) g_ptr_array_index (self->terms, i))->column != NULL)
      return TRUE;

  return FALSE;
}

static void
build_fts (MkQuery *self)
{
  g_autofree char *positive = build_positive (self);
  g_autofree char *negative = build_negative (self);

  if (*positive)
    self->fts_title = g_strdup_printf ("title : (%s)", positive);

  /* Notes have no title or source: a query that names a column is not
   * asked of them. */
  if (*positive && !names_column (self))
    self->fts_notes = *negative ? g_strdup_printf ("(%s) NOT (%s)", positive, negative)
                                : g_strdup (positive);

  if (*positive && *negative)
    self->fts_match = g_strdup_printf ("(%s) NOT (%s)", positive, negative);
  else if (*positive)
    self->fts_match = g_steal_pointer (&positive);
  else if (*negative)
    /* FTS5 has no unary NOT: the store subtracts these matches instead. */
    self->fts_exclude = g_steal_pointer (&negative);
}

/* --- The object ------------------------------------------------------------- */

static void
mk_query_finalize (GObject *object)
{
  MkQuery *self = (MkQuery *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->filters, g_ptr_array_unref);
  g_clear_pointer (&self->fts_notes, g_free);
  g_clear_pointer (&self->entities, g_array_unref);
  g_clear_pointer (&self->fts_match, g_free);
  g_clear_pointer (&self->fts_exclude, g_free);
  g_clear_pointer (&self->fts_title, g_free);

  G_OBJECT_CLASS (mk_query_parent_class)->finalize (object);
}

static void
mk_query_class_init (MkQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_query_finalize;
}

static void
mk_query_init (MkQuery *self)
{
  self->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  self->filters = g_ptr_array_new_with_free_func ((GDestroyNotify) filter_free);
  self->entities = g_array_new (FALSE, TRUE, sizeof (EntityFilter));
  g_array_set_clear_func (self->entities, entity_filter_clear);
}

/**
 * mk_query_new:
 * @text: (nullable): what the user typed, any bytes at all
 *
 * Parses @text. Never fails: invalid UTF-8 is repaired, and text with
 * nothing to search for gives an empty query, which lists everything.
 */
MkQuery *
mk_query_new (const char *text)
{
  MkQuery *self = g_object_new (MK_TYPE_QUERY, NULL);
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  /* The archive stores NFC text; the tokenizer must see queries alike. */
  self->text = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  parse (self);
  build_fts (self);

  return self;
}

const char *
mk_query_get_text (MkQuery *self)
{
  g_return_val_if_fail (MK_IS_QUERY (self), NULL);

  return self->text;
}

/**
 * mk_query_is_empty:
 *
 * Returns: %TRUE when the query asks for nothing, so every article matches
 */
gboolean
mk_query_is_empty (MkQuery *self)
{
  g_return_val_if_fail (MK_IS_QUERY (self), TRUE);

  return self->fts_match == NULL && self->fts_exclude == NULL &&
         self->first_day == 0 && self->last_day == 0 && self->filters->len == 0 &&
         self->entities->len == 0;
}

/**
 * mk_query_get_fts_match:
 *
 * Returns: (nullable): the FTS5 MATCH expression of the wanted terms (with
 *   any excluded ones subtracted), or %NULL when no term is wanted
 */
const char *
mk_query_get_fts_match (MkQuery *self)
{
  g_return_val_if_fail (MK_IS_QUERY (self), NULL);

  return self->fts_match;
}

/**
 * mk_query_get_fts_exclude:
 *
 * Returns: (nullable): when every term was excluded ("-hanoi"), the FTS5
 *   expression of what to leave out; %NULL otherwise
 */
const char *
mk_query_get_fts_exclude (MkQuery *self)
{
  g_return_val_if_fail (MK_IS_QUERY (self), NULL);

  return self->fts_exclude;
}

/**
 * mk_query_get_fts_title_match:
 *
 * Returns: (nullable): an FTS5 expression for articles with the wanted
 *   terms in their titles (a superset of the best matches, used to find
 *   them among many), or %NULL when no term is wanted
 */
const char *
mk_query_get_fts_title_match (MkQuery *self)
{
  g_return_val_if_fail (MK_IS_QUERY (self), NULL);

  return self->fts_title;
}

/**
 * mk_query_get_day_range:
 * @first_day: (out): first day wanted, 0 for no lower bound
 * @last_day: (out): last day wanted, 0 for no upper bound
 *
 * Returns: %TRUE when the query limits publication dates
 */
gboolean
mk_query_get_day_range (MkQuery *self,
                        guint32 *first_day,
                        guint32 *last_day)
{
  g_return_val_if_fail (MK_IS_QUERY (self), FALSE);

  *first_day = self->first_day;
  *last_day = self->last_day;
  return self->first_day != 0 || self->last_day != 0;
}

/**
 * mk_query_describe:
 *
 * Returns: how the query was read, for debugging and tests
 */
char *
mk_query_describe (MkQuery *self)
{
  GString *out;

  g_return_val_if_fail (MK_IS_QUERY (self), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "match=%s exclude=%s days=%u..%u",
                          self->fts_match ? self->fts_match : "-",
                          self->fts_exclude ? self->fts_exclude : "-",
                          self->first_day, self->last_day);
  for (guint i = 0; i < self->filters->len; i++)
    {
      const Filter *filter = g_ptr_array_index (self->filters, i);
      static const char * const names[] = { "bookmarked", "note", "tag" };

      g_string_append_printf (out, " %s%s%s%s", filter->negated ? "-" : "",
                              names[filter->kind], filter->tag ? "=" : "",
                              filter->tag ? filter->tag : "");
    }

  for (guint i = 0; i < self->entities->len; i++)
    {
      const EntityFilter *filter = &g_array_index (self->entities, EntityFilter, i);

      g_string_append_printf (out, " %sentity=%s:", filter->negated ? "-" : "",
                              filter->type == MK_ENTITY_TYPE_ANY ? "any"
                              : mk_entity_type_to_string (filter->type));
      if (filter->key)
        g_string_append (out, filter->key);
      else
        g_string_append_printf (out, "#%" G_GINT64_FORMAT, filter->id);
    }

  return g_string_free (out, FALSE);
}

/**
 * mk_query_get_fts_notes_match:
 *
 * Returns: (nullable): the FTS5 expression to ask of the notes: the one
 *   of mk_query_get_fts_match(), unless the query names a column (title:,
 *   source:, author:), which notes do not have
 */
const char *
mk_query_get_fts_notes_match (MkQuery *self)
{
  g_return_val_if_fail (MK_IS_QUERY (self), NULL);

  return self->fts_notes;
}

guint
mk_query_get_n_filters (MkQuery *self)
{
  g_return_val_if_fail (MK_IS_QUERY (self), 0);

  return self->filters->len;
}

/**
 * mk_query_get_filter:
 * @tag: (out) (optional) (transfer none): the tag of a tag: filter, as typed
 * @negated: (out) (optional): whether the articles that match are left out
 *
 * Returns: what the filter @index asks for (is:, has: or tag:)
 */
MkQueryFilter
mk_query_get_filter (MkQuery     *self,
                     guint        index,
                     const char **tag,
                     gboolean    *negated)
{
  const Filter *filter;

  g_return_val_if_fail (MK_IS_QUERY (self), MK_QUERY_FILTER_BOOKMARKED);
  g_return_val_if_fail (index < self->filters->len, MK_QUERY_FILTER_BOOKMARKED);

  filter = g_ptr_array_index (self->filters, index);
  if (tag)
    *tag = filter->tag;
  if (negated)
    *negated = filter->negated;
  return filter->kind;
}

/**
 * mk_query_add_entity_id:
 * @entity_id: an entity of the archive
 *
 * Narrows the query to the articles that mention this one entity (the
 * window's entity filter, chosen in a list rather than typed). Only while
 * the query is being set up: queries are shared with worker threads once
 * a search runs.
 */
void
mk_query_add_entity_id (MkQuery *self,
                        gint64   entity_id)
{
  EntityFilter filter = { MK_ENTITY_TYPE_ANY, NULL, entity_id, FALSE };

  g_return_if_fail (MK_IS_QUERY (self));
  g_return_if_fail (entity_id > 0);

  g_array_append_val (self->entities, filter);
}

/**
 * mk_query_get_n_entity_filters:
 *
 * Returns: how many entity filters (entity:, person:, org:, place: and
 *   mk_query_add_entity_id()) the query has
 */
guint
mk_query_get_n_entity_filters (MkQuery *self)
{
  g_return_val_if_fail (MK_IS_QUERY (self), 0);

  return self->entities->len;
}

/**
 * mk_query_get_entity_filter:
 * @index: below mk_query_get_n_entity_filters()
 * @type: (out) (optional): an #MkEntityType or %MK_ENTITY_TYPE_ANY
 * @key: (out) (optional) (transfer none) (nullable): the mk_entity_key()
 *   of the name typed, or %NULL for a filter by id
 * @entity_id: (out) (optional): the entity of a filter by id, else 0
 * @negated: (out) (optional): %TRUE when the entity's articles are left out
 */
void
mk_query_get_entity_filter (MkQuery     *self,
                            guint        index,
                            int         *type,
                            const char **key,
                            gint64      *entity_id,
                            gboolean    *negated)
{
  const EntityFilter *filter;

  g_return_if_fail (MK_IS_QUERY (self));
  g_return_if_fail (index < self->entities->len);

  filter = &g_array_index (self->entities, EntityFilter, index);
  if (type)
    *type = filter->type;
  if (key)
    *key = filter->key;
  if (entity_id)
    *entity_id = filter->id;
  if (negated)
    *negated = filter->negated;
}
