/* mk-entity-extractor.c — finding the people, organisations and places an
 * article names
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mk-entity-extractor.h"
#include "mk-entity-lexicon.h"

/* Rules, not a model and not a list of answers. The text is cut into
 * tokens, then passes in a fixed order claim spans of tokens; a token
 * belongs to at most one mention, and a later pass only looks at what the
 * earlier ones left. The order is what makes nesting come out right:
 *
 *   1. organisation names built around a head word (Ministry, Agency,
 *      Social Security…), with a demonym before them and "of …"
 *      complements after; the places and acronyms inside are part of
 *      the name, not mentions of their own
 *   2. well-known bodies and news agencies (ASEAN, VNA, Xinhua)
 *   3. credit lines (Photo: …, Translated by …)
 *   4. people after titles and ranks, which are left out of the name
 *   5. people after lower-case role nouns (his counterpart …)
 *   6. Vietnamese names, which start with a family name
 *   7. short forms of the people found (Anh, PM Chính)
 *   8. places: the gazetteer, then "X district", "Y River"
 *   9. acronyms: spelled out in brackets, or taken for organisations
 *
 * Entities are then grouped within the article: the spellings of one
 * place, an organisation with and without its country ("the Ministry of
 * Home Affairs" after "the Vietnamese Ministry of Home Affairs"), an
 * acronym and its long form, a person and their short name. */

struct _MkEntityExtractor
{
  GObject parent_instance;

  MkGazetteer *gazetteer;
};

G_DEFINE_FINAL_TYPE (MkEntityExtractor, mk_entity_extractor, G_TYPE_OBJECT)

/* Words longer than a Vietnamese syllable cannot be one. */
#define MAX_SYLLABLE_BYTES 7
/* A name of more words than this is a misreading. */
#define MAX_NAME_WORDS 4
/* How far an organisation's name reaches back from its head word. */
#define MAX_ORG_MODIFIERS 6

enum {
  TOKEN_WORD     = 1 << 0,
  TOKEN_CAP      = 1 << 1,   /* starts with a capital */
  TOKEN_ALLCAPS  = 1 << 2,   /* two letters or more, none lower case */
  TOKEN_ACRONYM  = 1 << 3,   /* two capitals or more: VSS, MoLSW, U.S. */
  TOKEN_POSSESSIVE = 1 << 4, /* followed by ’s, or ’ after an s */
  TOKEN_SENTENCE = 1 << 5,   /* first word of a sentence or line */
  TOKEN_DIGIT    = 1 << 6,
  TOKEN_JOINED   = 1 << 7,   /* a dash with no space around it */
  TOKEN_BREAK    = 1 << 8,   /* a line break, or between title and body */
  TOKEN_PLURAL_ACRONYM = 1 << 9, /* MNDs */
};

typedef struct {
  const char *text;   /* in the segment's text */
  guint len;          /* bytes, without a possessive */
  int start;          /* characters, in the segment */
  int end;
  guint segment;      /* 0: title, 1: body */
  guint flags;
  gunichar punct;     /* for punctuation */
  char *key;          /* words: mk_entity_key(); punctuation: "" */
  guint lexicons;     /* the word lists the key is in (mk_lexicon_lookup()) */
  const MkGazetteerEntry *demonym;  /* the country, for "Lao", "Vietnamese" */
} Token;

typedef struct {
  int first;          /* tokens, inclusive */
  int last;
  int group;
} Span;

typedef struct {
  MkEntityType type;
  char *key;                       /* identity within the article */
  const MkGazetteerEntry *entry;   /* places and known bodies */
  GPtrArray *aliases;              /* names to merge by across the archive */
  char *last_key;                  /* people: for short forms */
  char *first_key;                 /* people with a given name first */
  char *words;                     /* people: " vu duc dam " */
  guint n_words;                   /* people: words of the full name */
} Group;

/* An organisation's name before grouping: its core is the name without
 * a country ("Ministry of Home Affairs"), its country the demonym before
 * or the "of Laos" after it. */
typedef struct {
  int span;
  char *core_key;
  char *core_text;
  const MkGazetteerEntry *country;
} OrgName;

/* A single word after a title ("PM Chính", "President Putin"): resolved
 * once every full name of the article is known. */
typedef struct {
  int token;
  gboolean after_title;
} ShortName;

typedef struct {
  MkEntityExtractor *self;
  MkGazetteer *gazetteer;
  const char *texts[2];
  GArray *tokens;          /* of Token */
  int n;
  int *owner;              /* token -> span, or -1 */
  GArray *spans;           /* of Span */
  GPtrArray *groups;       /* of Group* */
  GHashTable *group_index; /* "type:key" -> group index + 1 */
  GArray *org_names;       /* of OrgName */
  GArray *short_names;     /* of ShortName */
  GHashTable *not_entities;/* acronyms spelled out in lower case */
  GHashTable *acronym_groups; /* acronym text -> group index + 1 */
} Doc;

static void
mk_entity_extractor_finalize (GObject *object)
{
  MkEntityExtractor *self = (MkEntityExtractor *)object;

  g_clear_object (&self->gazetteer);

  G_OBJECT_CLASS (mk_entity_extractor_parent_class)->finalize (object);
}

static void
mk_entity_extractor_class_init (MkEntityExtractorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_entity_extractor_finalize;
}

static void
mk_entity_extractor_init (MkEntityExtractor *self)
{
}

/**
 * mk_entity_extractor_new:
 *
 * An extractor over the bundled gazetteer. It keeps no state between
 * articles, but is not meant to be shared between threads: make one per
 * thread (they share the gazetteer).
 */
MkEntityExtractor *
mk_entity_extractor_new (void)
{
  return mk_entity_extractor_new_with_gazetteer (mk_gazetteer_get_default ());
}

MkEntityExtractor *
mk_entity_extractor_new_with_gazetteer (MkGazetteer *gazetteer)
{
  MkEntityExtractor *self;

  g_return_val_if_fail (MK_IS_GAZETTEER (gazetteer), NULL);

  self = g_object_new (MK_TYPE_ENTITY_EXTRACTOR, NULL);
  self->gazetteer = g_object_ref (gazetteer);
  return self;
}

/* --- Tokens ----------------------------------------------------------------- */

static Token *
tok (Doc *doc,
     int  i)
{
  return &g_array_index (doc->tokens, Token, i);
}

static gboolean
in_range (Doc *doc,
          int  i)
{
  return i >= 0 && i < doc->n;
}

static gboolean
is_word (Doc *doc,
         int  i)
{
  return in_range (doc, i) && (tok (doc, i)->flags & TOKEN_WORD);
}

static gboolean
is_cap (Doc *doc,
        int  i)
{
  return is_word (doc, i) && (tok (doc, i)->flags & TOKEN_CAP);
}

static gboolean
is_lower_word (Doc *doc,
               int  i)
{
  return is_word (doc, i) && !(tok (doc, i)->flags & (TOKEN_CAP | TOKEN_DIGIT));
}

static gboolean
has_flag (Doc   *doc,
          int    i,
          guint  flag)
{
  return in_range (doc, i) && (tok (doc, i)->flags & flag);
}

static gboolean
key_is (Doc        *doc,
        int         i,
        const char *key)
{
  return is_word (doc, i) && g_str_equal (tok (doc, i)->key, key);
}

static gboolean
punct_is (Doc      *doc,
          int       i,
          gunichar  c)
{
  return in_range (doc, i) && !(tok (doc, i)->flags & TOKEN_WORD) && tok (doc, i)->punct == c;
}

static gboolean
in_lexicon (Doc       *doc,
            int        i,
            MkLexicon  lexicon)
{
  return in_range (doc, i) && (tok (doc, i)->lexicons & 1u << lexicon) != 0;
}

static gboolean
claimed (Doc *doc,
         int  i)
{
  return in_range (doc, i) && doc->owner[i] >= 0;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_web_suffix (const char *suffix,
               gsize       len)
{
  static const char * const suffixes[] = { "vn", "la", "com", "net", "org", "gov", "info", NULL };

  for (guint i = 0; suffixes[i]; i++)
    if (strlen (suffixes[i]) == len && g_ascii_strncasecmp (suffixes[i], suffix, len) == 0)
      return TRUE;

  return FALSE;
}

/* Abbreviated titles keep their full stop, so that "Gen. To Lam" is not
 * cut into two sentences. */
static gboolean
is_abbreviation (const char *word,
                 gsize       len)
{
  static const char * const abbreviations[] = {
    "Gen", "Col", "Lt", "Maj", "Capt", "Adm", "Brig", "Sgt", "Mr", "Mrs", "Ms",
    "Dr", "Prof", "Sen", "Rev", "Assoc", "St", "Co", "Corp", "Inc", "Ltd", "No",
    "Jr", "Sr", "Gov", "Amb", NULL
  };

  for (guint i = 0; abbreviations[i]; i++)
    if (strlen (abbreviations[i]) == len && strncmp (abbreviations[i], word, len) == 0)
      return TRUE;

  return FALSE;
}

/* Most words are ASCII: lower-casing them is all the folding they need. */
static char *
word_key (const char *text,
          gsize       len)
{
  g_autofree char *copy = NULL;
  char *key = g_malloc (len + 1);
  gsize k = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = text[i];

      if (c >= 0x80)
        {
          g_free (key);
          copy = g_strndup (text, len);
          return mk_entity_key (copy);
        }
      if (g_ascii_isalnum (c))
        key[k++] = g_ascii_tolower (c);
    }

  key[k] = '\0';
  return key;
}

static guint
word_flags (const char *text,
            gsize       len)
{
  guint upper = 0, lower = 0, letters = 0, flags = TOKEN_WORD;
  gunichar first = g_utf8_get_char (text);

  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (c < 0x80)
        {
          if (g_ascii_isdigit (c))
            flags |= TOKEN_DIGIT;
          else if (g_ascii_isalpha (c))
            {
              letters++;
              upper += g_ascii_isupper (c);
              lower += g_ascii_islower (c);
            }
          continue;
        }
      if (g_unichar_isdigit (c))
        flags |= TOKEN_DIGIT;
      else if (g_unichar_isalpha (c))
        {
          letters++;
          upper += g_unichar_isupper (c) || g_unichar_istitle (c);
          lower += g_unichar_islower (c);
        }
    }

  if (g_unichar_isupper (first) || g_unichar_istitle (first))
    flags |= TOKEN_CAP;
  if (letters >= 2 && lower == 0)
    flags |= TOKEN_ALLCAPS;
  if (upper >= 2 && (flags & TOKEN_CAP))
    flags |= TOKEN_ACRONYM;
  /* "MNDs": the bodies of several countries, no one entity. */
  if (upper >= 2 && lower == 1 && text[len - 1] == 's' && (flags & TOKEN_CAP))
    flags = (flags & ~TOKEN_ACRONYM) | TOKEN_PLURAL_ACRONYM;

  return flags;
}

/* Where a word ends: letters, digits and marks, an apostrophe inside
 * (d'Ivoire), dotted initials (U.S.), an abbreviation's full stop (Gen.).
 * A possessive ’s or a final ’ after s is noted and left out. */
static const char *
scan_word (const char *p,
           const char **end_of_token,
           guint       *flags)
{
  const char *start = p;

  *flags = 0;
  while (*p)
    {
      gunichar c;
      const char *next;

      if (g_ascii_isalnum (*p))
        {
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);
      if (c >= 0x80 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          p = next;
          continue;
        }

      if (is_apostrophe (c))
        {
          gunichar after = g_utf8_get_char (next);

          if ((after == 's' || after == 'S') && !g_unichar_isalnum (g_utf8_get_char (next + 1)))
            {
              *flags |= TOKEN_POSSESSIVE;
              *end_of_token = next + 1;
              return p;
            }
          if (g_unichar_isalpha (after))
            {
              p = next;
              continue;
            }
          if (p > start && (p[-1] == 's' || p[-1] == 'S'))
            {
              *flags |= TOKEN_POSSESSIVE;
              *end_of_token = next;
              return p;
            }
          break;
        }

      if (c == '.')
        {
          /* "VOV.VN", "VnExpress.net": an outlet's web name is one word. */
          const char *tld = p + 1;
          gsize tld_len = 0;

          while (g_ascii_isalpha (tld[tld_len]))
            tld_len++;
          if (p > start && tld_len >= 2 && tld_len <= 4 && !g_unichar_isalnum (g_utf8_get_char (tld + tld_len)) &&
              is_web_suffix (tld, tld_len))
            {
              *end_of_token = tld + tld_len;
              return tld + tld_len;
            }
          /* U.S., D.C.: single letters each followed by a full stop. */
          if (p - start == 1 && g_ascii_isalpha (p[1]) && p[2] == '.')
            {
              p += 3;
              while (g_ascii_isalpha (p[0]) && p[1] == '.' && !g_ascii_isalnum (p[2]))
                p += 2;
              *end_of_token = p;
              return p;
            }
          if (is_abbreviation (start, p - start))
            {
              *end_of_token = p + 1;
              return p + 1;
            }
        }
      break;
    }

  *end_of_token = p;
  return p;
}

static void
add_token (Doc   *doc,
           Token *token)
{
  g_array_append_val (doc->tokens, *token);
}

static void
add_break (Doc   *doc,
           guint  segment,
           int    at)
{
  Token token = { .text = "", .start = at, .end = at, .segment = segment,
                  .flags = TOKEN_BREAK, .punct = '\n', .key = g_strdup ("") };

  add_token (doc, &token);
}

/* Characters in @len bytes: most words are ASCII, one byte each. */
static int
count_chars (const char *text,
             gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return g_utf8_strlen (text, len);

  return len;
}

static gboolean
ends_sentence (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n';
}

static void
tokenize (Doc        *doc,
          const char *text,
          guint       segment)
{
  const char *p = text;
  int chars = 0;
  gboolean sentence_start = TRUE;

  add_break (doc, segment, 0);

  while (*p)
    {
      gunichar c;
      const char *next;

      if (*p == ' ')
        {
          chars++;
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);
      if (c == '\n')
        {
          add_break (doc, segment, chars);
          sentence_start = TRUE;
        }
      else if (g_unichar_isalnum (c))
        {
          Token token = { .text = p, .start = chars, .segment = segment };
          const char *end_of_token;
          const char *word_end = scan_word (p, &end_of_token, &token.flags);

          token.len = word_end - p;
          token.flags |= word_flags (p, token.len);
          if (sentence_start)
            token.flags |= TOKEN_SENTENCE;
          token.key = word_key (p, token.len);
          token.lexicons = mk_lexicon_lookup (token.key);
          if (token.flags & TOKEN_CAP)
            token.demonym = mk_gazetteer_lookup_demonym (doc->gazetteer, token.key);
          token.end = chars + count_chars (p, token.len);
          add_token (doc, &token);

          sentence_start = FALSE;
          chars += count_chars (p, end_of_token - p);
          p = end_of_token;
          continue;
        }
      else if (!g_unichar_isspace (c))
        {
          Token token = { .text = p, .len = next - p, .start = chars, .end = chars + 1,
                          .segment = segment, .punct = c, .key = g_strdup ("") };

          if (is_dash (c) && p > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))) &&
              g_unichar_isalnum (g_utf8_get_char (next)))
            token.flags |= TOKEN_JOINED;
          add_token (doc, &token);
          /* A dash between spaces ends a dateline: "HÀ NỘI — The …". */
          if (ends_sentence (c) || (is_dash (c) && !(token.flags & TOKEN_JOINED)))
            sentence_start = TRUE;
        }

      chars++;
      p = next;
    }
}

/* --- Spans and groups ------------------------------------------------------- */

static Group *
group_at (Doc *doc,
          int  index)
{
  return g_ptr_array_index (doc->groups, index);
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->key);
  g_free (group->last_key);
  g_free (group->first_key);
  g_free (group->words);
  g_clear_pointer (&group->aliases, g_ptr_array_unref);
  g_free (group);
}

static int
find_group (Doc          *doc,
            MkEntityType  type,
            const char   *key)
{
  g_autofree char *index_key = g_strdup_printf ("%d:%s", type, key);

  return GPOINTER_TO_INT (g_hash_table_lookup (doc->group_index, index_key)) - 1;
}

static int
ensure_group (Doc                    *doc,
              MkEntityType            type,
              const char             *key,
              const MkGazetteerEntry *entry)
{
  int index = find_group (doc, type, key);
  Group *group;

  if (index >= 0)
    return index;

  group = g_new0 (Group, 1);
  group->type = type;
  group->key = g_strdup (key);
  group->entry = entry;
  group->aliases = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (doc->groups, group);

  index = doc->groups->len - 1;
  g_hash_table_insert (doc->group_index, g_strdup_printf ("%d:%s", type, key),
                       GINT_TO_POINTER (index + 1));
  return index;
}

static void
group_add_alias (Group      *group,
                 const char *alias)
{
  for (guint i = 0; i < group->aliases->len; i++)
    if (g_str_equal (g_ptr_array_index (group->aliases, i), alias))
      return;

  g_ptr_array_add (group->aliases, g_strdup (alias));
}

static gboolean
span_is_free (Doc *doc,
              int  first,
              int  last)
{
  for (int i = first; i <= last; i++)
    if (claimed (doc, i))
      return FALSE;

  return TRUE;
}

/* Claims tokens @first..@last as one mention of @group. */
static int
add_span (Doc *doc,
          int  first,
          int  last,
          int  group)
{
  Span span = { first, last, group };
  int index;

  g_return_val_if_fail (span_is_free (doc, first, last), -1);

  g_array_append_val (doc->spans, span);
  index = doc->spans->len - 1;
  for (int i = first; i <= last; i++)
    doc->owner[i] = index;

  return index;
}

static Span *
span_at (Doc *doc,
         int  index)
{
  return &g_array_index (doc->spans, Span, index);
}

/* The text of tokens @first..@last as written. */
static char *
dup_text (Doc *doc,
          int  first,
          int  last)
{
  Token *a = tok (doc, first);
  Token *b = tok (doc, last);

  return g_strndup (a->text, b->text + b->len - a->text);
}

/* The key of tokens @first..@last: their keys end to end, which is what
 * mk_entity_key() makes of the text they cover. */
static char *
dup_key (Doc *doc,
         int  first,
         int  last)
{
  GString *key = g_string_new (NULL);

  for (int i = first; i <= last; i++)
    g_string_append (key, tok (doc, i)->key);

  return g_string_free (key, FALSE);
}

/* --- Shared tests on words ---------------------------------------------------- */

static gboolean
is_title_word (Doc *doc,
               int  i)
{
  return is_cap (doc, i) &&
         (in_lexicon (doc, i, MK_LEXICON_TITLE) || in_lexicon (doc, i, MK_LEXICON_TITLE_MODIFIER));
}

static const MkGazetteerEntry *
demonym_at (Doc *doc,
            int  i)
{
  return is_cap (doc, i) ? tok (doc, i)->demonym : NULL;
}

/* A function word that starts a sentence ("The", "In"), a month: never
 * inside a name. Within a sentence a capitalised "An" is a name ("Nghe
 * An", "An Giang"), not the article. */
static gboolean
is_never_name (Doc *doc,
               int  i)
{
  static const char * const determiners[] = {
    "the", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your", NULL
  };

  if (in_lexicon (doc, i, MK_LEXICON_CALENDAR))
    return TRUE;
  if (!in_lexicon (doc, i, MK_LEXICON_FUNCTION_WORD))
    return FALSE;
  /* "Hanoi (VNA) - The Vietnam Social Security…": "The" is never a name. */
  if (g_strv_contains (determiners, tok (doc, i)->key))
    return TRUE;
  return has_flag (doc, i, TOKEN_SENTENCE) || !is_cap (doc, i) ||
         (is_cap (doc, i - 1) && !claimed (doc, i - 1) && has_flag (doc, i - 1, TOKEN_SENTENCE) &&
          !in_lexicon (doc, i - 1, MK_LEXICON_VIETNAMESE_SURNAME));
}

/* Words a sentence starts with that are not names even when capitalised:
 * "Speaking at…", "Currently,…". */
static gboolean
is_sentence_opener (Doc *doc,
                    int  i)
{
  Token *t;

  if (!has_flag (doc, i, TOKEN_SENTENCE))
    return FALSE;

  t = tok (doc, i);
  return is_never_name (doc, i) ||
         (t->len > 4 && (g_str_has_suffix (t->key, "ing") || g_str_has_suffix (t->key, "ly")));
}

/* Vietnamese is written in syllables: an optional initial consonant, one
 * to three vowels and an optional final consonant. English words rarely
 * fit ("Social" does not; "Minh", "Nguyen" and "Quynh" do), so a run of
 * such words after a family name is a Vietnamese name. */
static gboolean
is_vietnamese_syllable (const char *key)
{
  static const char * const initials[] = {
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""
  };
  static const char * const finals[] = { "ch", "ng", "nh", "c", "m", "n", "p", "t", "" };
  gsize len = strlen (key);

  if (len == 0 || len > MAX_SYLLABLE_BYTES)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (initials); i++)
    {
      gsize il = strlen (initials[i]);
      const char *rest;
      gsize vowels = 0;

      if (strncmp (key, initials[i], il) != 0)
        continue;
      rest = key + il;
      while (rest[vowels] && strchr ("aeiouy", rest[vowels]))
        vowels++;
      if (vowels == 0 || vowels > 3)
        continue;
      for (guint f = 0; f < G_N_ELEMENTS (finals); f++)
        if (g_str_equal (rest + vowels, finals[f]))
          return TRUE;
    }

  return FALSE;
}

static gboolean
is_name_word (Doc *doc,
              int  i)
{
  return is_cap (doc, i) && !claimed (doc, i) &&
         !has_flag (doc, i, TOKEN_ACRONYM | TOKEN_PLURAL_ACRONYM | TOKEN_DIGIT) &&
         !is_never_name (doc, i) && !is_title_word (doc, i) && demonym_at (doc, i) == NULL;
}

static gboolean
is_vietnamese_name_word (Doc *doc,
                         int  i)
{
  return is_name_word (doc, i) && !has_flag (doc, i, TOKEN_ALLCAPS) &&
         is_vietnamese_syllable (tok (doc, i)->key);
}

/* How many words of a Vietnamese name start at @i: a family name and one
 * to three more syllables; 0 when there is none. */
static int
vietnamese_name_at (Doc *doc,
                    int  i)
{
  int n = 0;

  if (!in_lexicon (doc, i, MK_LEXICON_VIETNAMESE_SURNAME) || !is_vietnamese_name_word (doc, i))
    return 0;

  while (n < MAX_NAME_WORDS && is_vietnamese_name_word (doc, i + n))
    {
      n++;
      if (has_flag (doc, i + n - 1, TOKEN_POSSESSIVE))
        break;
    }

  return n >= 2 ? n : 0;
}

/* The longest name in the gazetteer's @type table starting at @i, in
 * words; *@entry is what it names. Lower-case connectors may stand inside
 * ("Food and Agriculture Organization"), and joined dashes ("Ba
 * Ria-Vung Tau"), but the name starts and ends with a capital. */
static int
gazetteer_match (Doc                     *doc,
                 int                      i,
                 MkEntityType             type,
                 const MkGazetteerEntry **entry)
{
  guint max_words = mk_gazetteer_get_max_words (doc->gazetteer);
  g_autoptr(GString) key = g_string_new (NULL);
  int best = 0;
  guint words = 0;

  *entry = NULL;
  if (!is_cap (doc, i) || claimed (doc, i))
    return 0;

  for (int j = i; in_range (doc, j) && words < max_words && !claimed (doc, j); j++)
    {
      if (!is_word (doc, j))
        {
          if (has_flag (doc, j, TOKEN_JOINED))
            continue;
          break;
        }
      if (!is_cap (doc, j) && !in_lexicon (doc, j, MK_LEXICON_CONNECTOR) &&
          !in_lexicon (doc, j, MK_LEXICON_PLACE_NOUN))
        break;

      g_string_append (key, tok (doc, j)->key);
      words++;
      /* "Ho Chi Minh city" is the gazetteer's "Ho Chi Minh City". */
      if (is_cap (doc, j) || in_lexicon (doc, j, MK_LEXICON_PLACE_NOUN))
        {
          const MkGazetteerEntry *found = mk_gazetteer_lookup (doc->gazetteer, type, key->str);

          if (found != NULL)
            {
              *entry = found;
              best = j - i + 1;
            }
        }
      if (has_flag (doc, j, TOKEN_POSSESSIVE) && !in_lexicon (doc, j, MK_LEXICON_GROUP_NOUN))
        break;
    }

  return best;
}

static int known_group (Doc                    *doc,
                        const MkGazetteerEntry *entry);

/* --- 1. Organisations around a head word ---------------------------------- */

/* How many tokens the head word at @i takes: "Social Security" and
 * "Social Insurance" are heads as a pair, as in "Vietnam Social
 * Security"; lower-case "social security" is the idea, not the body. */
static int
head_length (Doc *doc,
             int  i)
{
  if (!is_cap (doc, i))
    return 0;
  if (in_lexicon (doc, i, MK_LEXICON_ORG_HEAD))
    return 1;
  if (key_is (doc, i, "social") && is_cap (doc, i + 1) &&
      (key_is (doc, i + 1, "security") || key_is (doc, i + 1, "insurance")))
    return 2;
  return 0;
}

/* Whether the word at @i starts a name of its own, which a list inside an
 * organisation's name ("Labour, Invalids and Social Affairs") must not
 * swallow: "the Ministry of Health and Vietnam Social Security". */
static gboolean
starts_other_name (Doc *doc,
                   int  i)
{
  const MkGazetteerEntry *entry;

  return demonym_at (doc, i) != NULL ||
         has_flag (doc, i, TOKEN_ACRONYM) ||
         is_title_word (doc, i) ||
         vietnamese_name_at (doc, i) > 0 ||
         gazetteer_match (doc, i, MK_ENTITY_PLACE, &entry) > 0 ||
         gazetteer_match (doc, i, MK_ENTITY_ORGANIZATION, &entry) > 0;
}

/* Words of an "of …" complement. Title modifiers are ordinary words there
 * ("Ministry of Foreign Affairs"); a title proper ends the name ("Ministry
 * of Health Minister …"). */
static gboolean
is_complement_word (Doc *doc,
                    int  i)
{
  return is_cap (doc, i) && !claimed (doc, i) &&
         !(in_lexicon (doc, i, MK_LEXICON_TITLE) && !in_lexicon (doc, i, MK_LEXICON_TITLE_MODIFIER)) &&
         !is_never_name (doc, i) && vietnamese_name_at (doc, i) == 0;
}

/* After ", " in a complement: one or two capitalised words, then another
 * comma or "and": "Labour, Invalids and Social Affairs". */
static gboolean
continues_list (Doc *doc,
                int  comma)
{
  int i = comma + 1;
  int words = 0;

  while (words < 2 && is_complement_word (doc, i) && !starts_other_name (doc, i))
    words++, i++;

  if (words == 0)
    return FALSE;
  return punct_is (doc, i, ',') ||
         (key_is (doc, i, "and") && is_complement_word (doc, i + 1) && !starts_other_name (doc, i + 1));
}

/* The "of …"/"for …" part of a name, from @start (just after the
 * preposition). Returns its last token, or -1. */
static int
complement_end (Doc *doc,
                int  start)
{
  int i = start;
  int last = -1;

  if (key_is (doc, i, "the"))
    i++;

  while (in_range (doc, i))
    {
      if (is_complement_word (doc, i))
        {
          last = i;
          if (has_flag (doc, i, TOKEN_POSSESSIVE) && !in_lexicon (doc, i, MK_LEXICON_GROUP_NOUN))
            break;
          i++;
        }
      else if (last >= 0 && has_flag (doc, i, TOKEN_JOINED) && is_complement_word (doc, i + 1))
        i++;
      else if (last >= 0 && (key_is (doc, i, "and") || punct_is (doc, i, '&')) &&
               is_complement_word (doc, i + 1) && !starts_other_name (doc, i + 1))
        i++;
      else if (last >= 0 && punct_is (doc, i, ',') && continues_list (doc, i))
        i++;
      else
        break;
    }

  return last;
}

/* Whether the modifier at @i may stand before a head word. */
static gboolean
extends_left (Doc *doc,
              int  i)
{
  if (!is_cap (doc, i) || claimed (doc, i) || is_sentence_opener (doc, i) ||
      is_never_name (doc, i) || has_flag (doc, i, TOKEN_PLURAL_ACRONYM))
    return FALSE;

  /* "VSS's Department": the owner is a name of its own. */
  if (has_flag (doc, i, TOKEN_POSSESSIVE) && !in_lexicon (doc, i, MK_LEXICON_GROUP_NOUN))
    return FALSE;

  /* "Deputy General Director Ministry…" is not one name. */
  return !(is_title_word (doc, i) && !key_is (doc, i, "general") && !key_is (doc, i, "state"));
}

/* "the Quang Nam provincial People's Committee", "the Hanoi municipal
 * Department of Health": the bodies of a province are named after it. */
static gboolean
is_local_adjective (Doc *doc,
                    int  i)
{
  return key_is (doc, i, "provincial") || key_is (doc, i, "municipal") ||
         key_is (doc, i, "city") || key_is (doc, i, "district");
}

static int
org_left_edge (Doc *doc,
               int  head)
{
  int left = head;

  for (int n = 0; n < MAX_ORG_MODIFIERS; n++)
    {
      int j = left - 1;

      if (has_flag (doc, j, TOKEN_JOINED) && extends_left (doc, j - 1))
        j--;
      if (is_local_adjective (doc, j) && j + 1 == left && extends_left (doc, j - 1) &&
          !is_sentence_opener (doc, j - 1))
        j--;
      /* "Labour and Social Welfare Department", not "VSS and Lao …". */
      else if ((key_is (doc, j, "and") || punct_is (doc, j, '&')) && extends_left (doc, j - 1) &&
               !has_flag (doc, j - 1, TOKEN_ACRONYM) && demonym_at (doc, j - 1) == NULL &&
               !starts_other_name (doc, j - 1))
        j--;
      if (!extends_left (doc, j))
        break;
      left = j;
      /* "Lao Social Security Organisation": nothing stands before a
       * demonym, but a pair of them is one word: "Lao-Vietnamese". */
      if (demonym_at (doc, j) != NULL)
        {
          if (has_flag (doc, j - 1, TOKEN_JOINED) && is_cap (doc, j - 2) && !claimed (doc, j - 2))
            left = j - 2;
          break;
        }
    }

  return left;
}

/* The last head word of a run of capitalised words that starts with a
 * head: "Party Central Committee", "Social Insurance Agency". Trailing
 * words are not part of it: "… Association Board Meeting" is an event. */
static int
org_right_edge (Doc *doc,
                int  head,
                int  head_len)
{
  int right = head + head_len - 1;
  int i = right + 1;

  if (has_flag (doc, right, TOKEN_POSSESSIVE))
    return right;

  while (is_cap (doc, i) && !claimed (doc, i) && !is_never_name (doc, i))
    {
      int len = head_length (doc, i);

      if (len > 0)
        {
          right = i + len - 1;
          if (has_flag (doc, right, TOKEN_POSSESSIVE))
            break;
          i += len;
        }
      else if (has_flag (doc, i, TOKEN_POSSESSIVE) || is_title_word (doc, i))
        break;
      else
        i++;
    }

  return right;
}

/* Heads that make a name of a country's adjective alone: "Lao Airlines",
 * "Vientiane Times", unlike "the Lao Ministry". */
static gboolean
is_brand_head (Doc *doc,
               int  i)
{
  static const char * const brands[] = {
    "airlines", "airways", "times", "post", "news", "television", "radio", NULL
  };

  return is_word (doc, i) && g_strv_contains (brands, tok (doc, i)->key);
}

/* "the Party", "the Vietnamese Ministry": a head with nothing but a
 * determiner or a demonym is a generic phrase, not a name. */
static gboolean
is_generic (Doc      *doc,
            int       left,
            int       right,
            gboolean  has_complement)
{
  int words = 0;

  if (has_complement || (right > left && is_brand_head (doc, right)))
    return FALSE;

  for (int i = left; i <= right; i++)
    {
      if (!is_word (doc, i) || demonym_at (doc, i) != NULL)
        continue;
      if (key_is (doc, i, "social") && head_length (doc, i) == 2)
        continue;
      words++;
    }

  return words < 2;
}

/* A place whose name ends at @last, as in "Vietnam's Ministry…". */
static const MkGazetteerEntry *
place_ending_at (Doc *doc,
                 int  last)
{
  for (int first = last; first >= 0 && first > last - 4; first--)
    {
      const MkGazetteerEntry *entry;

      if (gazetteer_match (doc, first, MK_ENTITY_PLACE, &entry) == last - first + 1)
        return entry;
    }

  return NULL;
}

/* What place an organisation's name is of, and its name without it (the
 * core): a demonym before it ("Lao Ministry of X"), a place before it
 * ("Quang Tri People's Committee"), "of Place" after it ("People's
 * Committee of Quang Tri", "Ministry of X of Laos"), or a possessive owner
 * ("Vietnam's Ministry of Public Security"). The same core of the same
 * place is one body. A core of one word is no name: "Lao Airlines". */
static const MkGazetteerEntry *
org_qualifier (Doc *doc,
               int  left,
               int  right,
               int  place_of,
               int *core_first,
               int *core_last)
{
  const MkGazetteerEntry *place = NULL;
  int n;

  *core_first = left;
  *core_last = right;

  if (has_flag (doc, left + 1, TOKEN_JOINED))
    return NULL;

  if ((place = demonym_at (doc, left)) != NULL)
    {
      *core_first = left + 1;
      return right > left + 1 ? place : NULL;
    }

  n = gazetteer_match (doc, left, MK_ENTITY_PLACE, &place);
  if (n > 0 && left + n < right && !has_flag (doc, left + n, TOKEN_JOINED))
    {
      *core_first = left + n;
      if (is_local_adjective (doc, *core_first))
        (*core_first)++;
      return place;
    }

  if (place_of >= 0)
    {
      int first = key_is (doc, place_of + 1, "the") ? place_of + 2 : place_of + 1;

      if (gazetteer_match (doc, first, MK_ENTITY_PLACE, &place) == right - first + 1)
        {
          *core_last = place_of - 1;
          return place;
        }
    }

  if (has_flag (doc, left - 1, TOKEN_POSSESSIVE))
    return place_ending_at (doc, left - 1);

  return NULL;
}

/* Records an organisation name for grouping once all are known. */
static void
add_org_name (Doc *doc,
              int  left,
              int  right,
              int  place_of)
{
  int core_first, core_last;
  const MkGazetteerEntry *country = org_qualifier (doc, left, right, place_of, &core_first, &core_last);
  OrgName name = { 0 };
  int group;

  /* "Vietnam News Agency" is also "VNA": a known body keeps its names. */
  {
    g_autofree char *key = dup_key (doc, left, right);
    const MkGazetteerEntry *known = mk_gazetteer_lookup (doc->gazetteer, MK_ENTITY_ORGANIZATION, key);

    if (known != NULL)
      {
        add_span (doc, left, right, known_group (doc, known));
        return;
      }
  }

  name.core_key = dup_key (doc, core_first, core_last);
  name.core_text = dup_text (doc, core_first, core_last);
  name.country = country;

  /* A provisional group; group_org_names() settles it. */
  group = ensure_group (doc, MK_ENTITY_ORGANIZATION, name.core_key, NULL);
  name.span = add_span (doc, left, right, group);
  g_array_append_val (doc->org_names, name);
}

/* "Ministry of Labour and Social Welfare of Laos", "Embassy of Vietnam in
 * Laos": returns the last token, *@country_of the "of" before a
 * country at the end (or -1). */
static int
org_complements (Doc      *doc,
                 int       head,
                 int       right,
                 int      *country_of)
{
  gboolean mission = key_is (doc, head, "embassy") || key_is (doc, head, "consulate");

  *country_of = -1;

  for (int n = 0; n < 2 && !has_flag (doc, right, TOKEN_POSSESSIVE); n++)
    {
      int end;

      if (!key_is (doc, right + 1, "of") && !key_is (doc, right + 1, "for") &&
          !key_is (doc, right + 1, "on") && !key_is (doc, right + 1, "in"))
        break;
      if (key_is (doc, right + 1, "in") && !mission)
        break;

      end = complement_end (doc, right + 2);
      if (end < 0)
        break;
      if (key_is (doc, right + 1, "of"))
        *country_of = right + 1;
      right = end;
    }

  return right;
}

static void
find_organizations (Doc *doc)
{
  for (int i = 0; i < doc->n; i++)
    {
      int len = claimed (doc, i) ? 0 : head_length (doc, i);
      int left, right, end, country_of;

      if (len == 0)
        continue;

      left = org_left_edge (doc, i);
      right = org_right_edge (doc, i, len);
      end = org_complements (doc, i, right, &country_of);

      if (is_generic (doc, left, right, end > right))
        {
          i = right;
          continue;
        }

      add_org_name (doc, left, end, country_of);
      i = end;
    }
}

static int
find_qualified (Doc        *doc,
                const char *core_key,
                int         before_span)
{
  int found = -1;

  for (guint j = 0; j < doc->org_names->len; j++)
    {
      OrgName *other = &g_array_index (doc->org_names, OrgName, j);

      if (other->country == NULL || !g_str_equal (other->core_key, core_key))
        continue;
      /* The nearest one named before, else the first one after. */
      if (other->span < before_span || found < 0)
        found = j;
    }

  return found;
}

/* The same body with and without its country is one entity ("the
 * Ministry of Home Affairs" after "the Vietnamese Ministry of Home
 * Affairs"); "Lao Ministry of X" and "Ministry of X of Laos" are one key.
 * The form with "of Country" becomes an alias, so that articles that
 * write it either way merge across the archive. */
static void
group_org_names (Doc *doc)
{
  for (guint i = 0; i < doc->org_names->len; i++)
    {
      OrgName *name = &g_array_index (doc->org_names, OrgName, i);
      OrgName *qualified = name;
      g_autofree char *key = NULL;
      int group;

      if (name->country == NULL)
        {
          int j = find_qualified (doc, name->core_key, name->span);

          if (j >= 0)
            qualified = &g_array_index (doc->org_names, OrgName, j);
        }

      if (qualified->country == NULL)
        continue;

      key = g_strconcat (qualified->core_key, "@", qualified->country->name, NULL);
      group = ensure_group (doc, MK_ENTITY_ORGANIZATION, key, NULL);
      span_at (doc, name->span)->group = group;
      if (name == qualified && strstr (name->core_text, " in ") == NULL)
        {
          g_autofree char *alias = g_strconcat (name->core_text, " of ", name->country->name, NULL);

          group_add_alias (group_at (doc, group), alias);
        }
    }
}

/* --- 2. Well-known bodies ------------------------------------------------------ */

static int
known_group (Doc                    *doc,
             const MkGazetteerEntry *entry)
{
  int group = ensure_group (doc, entry->type, entry->name, entry);

  if (group_at (doc, group)->aliases->len == 0)
    {
      group_add_alias (group_at (doc, group), entry->name);
      for (guint i = 0; entry->variants[i]; i++)
        group_add_alias (group_at (doc, group), entry->variants[i]);
    }

  return group;
}

static void
find_known_bodies (Doc *doc)
{
  for (int i = 0; i < doc->n; i++)
    {
      const MkGazetteerEntry *entry = NULL;
      int len = 0;

      if (!is_cap (doc, i) || claimed (doc, i))
        continue;

      if (has_flag (doc, i, TOKEN_ACRONYM))
        {
          g_autofree char *text = dup_text (doc, i, i);

          entry = mk_gazetteer_lookup_acronym (doc->gazetteer, text);
          len = entry != NULL ? 1 : 0;
        }
      if (len == 0)
        len = gazetteer_match (doc, i, MK_ENTITY_ORGANIZATION, &entry);
      if (len == 0)
        continue;

      add_span (doc, i, i + len - 1, known_group (doc, entry));
      i += len - 1;
    }
}

/* --- People --------------------------------------------------------------------- */

static int
person_group (Doc *doc,
              int  first,
              int  last)
{
  g_autofree char *key = dup_key (doc, first, last);
  int group = ensure_group (doc, MK_ENTITY_PERSON, key, NULL);
  Group *g = group_at (doc, group);
  int words = 0;

  for (int i = first; i <= last; i++)
    words += is_word (doc, i);

  if (words > 1 && (guint) words >= g->n_words)
    {
      GString *all = g_string_new (" ");

      for (int i = first; i <= last; i++)
        if (is_word (doc, i))
          g_string_append_printf (all, "%s ", tok (doc, i)->key);
      g->n_words = words;
      g_free (g->last_key);
      g->last_key = g_strdup (tok (doc, last)->key);
      g_free (g->first_key);
      g->first_key = in_lexicon (doc, first, MK_LEXICON_VIETNAMESE_SURNAME)
                     ? NULL : g_strdup (tok (doc, first)->key);
      g_free (g->words);
      g->words = g_string_free (all, FALSE);
    }

  return group;
}

static void
add_person (Doc *doc,
            int  first,
            int  last)
{
  if (span_is_free (doc, first, last))
    add_span (doc, first, last, person_group (doc, first, last));
}

static void
add_short_name (Doc      *doc,
                int       token,
                gboolean  after_title)
{
  ShortName name = { token, after_title };

  g_array_append_val (doc->short_names, name);
}

/* Capitalised words that may be a name, from @i: joined dashes allowed
 * (Chan-o-cha), stopping after a possessive. Returns how many tokens. */
static int
name_run (Doc *doc,
          int  i,
          int  max_words)
{
  int n = 0, words = 0;

  while (words < max_words && is_name_word (doc, i + n))
    {
      words++;
      n++;
      if (has_flag (doc, i + n - 1, TOKEN_POSSESSIVE))
        break;
      while (has_flag (doc, i + n, TOKEN_JOINED) && is_word (doc, i + n + 1) &&
             !has_flag (doc, i + n - 1, TOKEN_POSSESSIVE))
        n += 2;
    }

  return n;
}

/* --- 3. Credit lines -------------------------------------------------------- */

/* "Photo: X", "Translated by X", a paragraph "By X": returns where the
 * credited names start, or -1. */
static int
credit_start (Doc *doc,
              int  i)
{
  if (in_lexicon (doc, i, MK_LEXICON_CREDIT))
    {
      if (punct_is (doc, i + 1, ':'))
        return i + 2;
      if (key_is (doc, i + 1, "by"))
        return i + 2;
    }

  if (key_is (doc, i, "by") && is_cap (doc, i) &&
      (has_flag (doc, i, TOKEN_SENTENCE) || punct_is (doc, i - 1, '(')))
    return i + 1;

  return -1;
}

/* One credited name: two words or more are a person, one word an outlet
 * (acronyms are left to the acronym pass). */
static void
add_credit (Doc *doc,
            int  first,
            int  n)
{
  if (n >= 2)
    add_person (doc, first, first + n - 1);
  else if (n == 1 && !has_flag (doc, first, TOKEN_ACRONYM) &&
           !in_lexicon (doc, first, MK_LEXICON_NOT_A_CREDIT))
    {
      g_autofree char *key = dup_key (doc, first, first);

      add_span (doc, first, first,
                ensure_group (doc, MK_ENTITY_ORGANIZATION, key, NULL));
    }
}

static void
find_credits (Doc *doc)
{
  for (int i = 0; i < doc->n; i++)
    {
      int j = credit_start (doc, i);

      /* Several names: "Nguyen Van A/VNA", "X and Y". */
      while (j >= 0 && in_range (doc, j))
        {
          int n = name_run (doc, j, MAX_NAME_WORDS);

          if (n == 0 && !has_flag (doc, j, TOKEN_ACRONYM))
            break;
          add_credit (doc, j, n);
          j += MAX (n, 1);
          if (!(punct_is (doc, j, '/') || punct_is (doc, j, ',') || key_is (doc, j, "and")))
            break;
          j++;
        }
    }
}

/* --- 4. People after titles ------------------------------------------------------ */

/* The title at @i: words of the title lexicons, at least one of them a
 * title of its own ("Deputy" alone is not). Returns its last token or -1. */
static int
title_end (Doc *doc,
           int  i)
{
  int last = -1;
  gboolean has_title = FALSE;

  while (is_title_word (doc, i) && !claimed (doc, i))
    {
      has_title |= in_lexicon (doc, i, MK_LEXICON_TITLE);
      last = i++;
      if (has_flag (doc, i, TOKEN_JOINED) && is_title_word (doc, i + 1))
        i++;
    }

  return has_title ? last : -1;
}

/* The name in the last words of a run that mixes a portfolio and a name
 * ("… Social Welfare Phosay Sayasone", "Justice Le Thanh Long"): from a
 * Vietnamese family name, else the last two words. */
static void
add_name_after_portfolio (Doc *doc,
                          int  first,
                          int  n)
{
  for (int k = 1; k < n; k++)
    {
      int len = vietnamese_name_at (doc, first + k);

      if (len > 0 && k + len == n)
        {
          add_person (doc, first + k, first + n - 1);
          return;
        }
    }

  if (n >= 3)
    add_person (doc, first + n - 2, first + n - 1);
}

static void
add_name_after_title (Doc      *doc,
                      int       first,
                      int       n,
                      gboolean  pure)
{
  if (n == 1 && pure)
    add_short_name (doc, first, TRUE);
  else if (n > 1 && pure)
    add_person (doc, first, first + n - 1);
  else if (n > 1)
    add_name_after_portfolio (doc, first, n);
}

/* After "Minister of …": the portfolio, organisations already found,
 * further titles, and at the end the name. A run that follows a title,
 * a comma or a name already found is a name alone ("pure"); one that
 * follows "of" or "and" may begin with the portfolio. Returns where the
 * scan stopped. */
static int
scan_portfolio (Doc *doc,
                int  i)
{
  int run = -1;
  gboolean pure = FALSE;

  while (in_range (doc, i))
    {
      int t_end;

      if (claimed (doc, i))
        {
          while (claimed (doc, i + 1) && doc->owner[i + 1] == doc->owner[i])
            i++;
          run = -1, pure = TRUE;
        }
      else if ((t_end = title_end (doc, i)) >= 0)
        {
          i = t_end;
          run = -1, pure = TRUE;
        }
      else if (has_flag (doc, i, TOKEN_ACRONYM | TOKEN_PLURAL_ACRONYM))
        {
          /* "Director of the MND's …": a body, then maybe the name. */
          run = -1, pure = TRUE;
        }
      else if (is_cap (doc, i) && !is_never_name (doc, i))
        {
          if (run < 0)
            run = i;
          if (has_flag (doc, i, TOKEN_POSSESSIVE))
            return i;
        }
      else if (is_lower_word (doc, i) && in_lexicon (doc, i, MK_LEXICON_PLACE_NOUN) && run >= 0)
        {
          /* "Governor of Xieng Khouang province Khampheng Saysompheng" */
          run = -1, pure = TRUE;
        }
      else if (in_lexicon (doc, i, MK_LEXICON_CONNECTOR) || punct_is (doc, i, ',') ||
               has_flag (doc, i, TOKEN_JOINED))
        {
          gboolean comma = punct_is (doc, i, ',');

          /* "… Tea Seiha and Lao Deputy Minister …", "… and others": the
           * portfolio goes on only with another word of it. */
          if (run >= 0 && !comma &&
              !(is_cap (doc, i + 1) && !is_title_word (doc, i + 1) && demonym_at (doc, i + 1) == NULL))
            break;

          if (run >= 0 && comma)
            {
              /* "President of Laos, Thongloun Sisoulith": a name may follow. */
              add_name_after_title (doc, run, i - run, pure);
            }
          if (comma && !is_cap (doc, i + 1))
            return i;
          run = -1, pure = comma;
        }
      else
        break;
      i++;
    }

  if (run >= 0)
    add_name_after_title (doc, run, i - run, pure);
  return i;
}

static void
find_titled_people (Doc *doc)
{
  for (int i = 0; i < doc->n; i++)
    {
      int last = claimed (doc, i) ? -1 : title_end (doc, i);
      int n;

      if (last < 0)
        continue;

      if (key_is (doc, last + 1, "of") || key_is (doc, last + 1, "for"))
        {
          i = scan_portfolio (doc, last + 2) - 1;
          continue;
        }

      n = name_run (doc, last + 1, MAX_NAME_WORDS);
      if (n > 0 && !(is_cap (doc, last + 1 + n) && !claimed (doc, last + 1 + n)))
        add_name_after_title (doc, last + 1, n, TRUE);
      i = last + n;
    }
}

/* --- 5. People after role nouns ------------------------------------------------- */

static void
find_role_people (Doc *doc)
{
  for (int i = 0; i < doc->n; i++)
    {
      int n;

      if (!is_lower_word (doc, i) || !in_lexicon (doc, i, MK_LEXICON_ROLE))
        continue;

      n = name_run (doc, i + 1, MAX_NAME_WORDS + 1);
      if (n >= 2 && n <= MAX_NAME_WORDS && !is_cap (doc, i + 1 + n))
        add_person (doc, i + 1, i + n);
      else if (n == 1)
        add_short_name (doc, i + 1, FALSE);
    }
}

/* --- 6. Vietnamese names --------------------------------------------------------- */

/* "Ky Son district", "Nam Phao (international) border gate". */
static gboolean
followed_by_place_noun (Doc *doc,
                        int  i)
{
  if (key_is (doc, i, "international") || key_is (doc, i, "national"))
    i++;
  if (key_is (doc, i, "border") &&
      (key_is (doc, i + 1, "gate") || key_is (doc, i + 1, "checkpoint") || key_is (doc, i + 1, "crossing")))
    return TRUE;
  return is_lower_word (doc, i) && in_lexicon (doc, i, MK_LEXICON_PLACE_NOUN);
}

static void
find_vietnamese_names (Doc *doc)
{
  for (int i = 0; i < doc->n; i++)
    {
      const MkGazetteerEntry *entry;
      int n = claimed (doc, i) ? 0 : vietnamese_name_at (doc, i);

      if (n == 0)
        continue;

      /* "Ha Long", "Lam Dong", "Mai Chau district" are places. */
      if (gazetteer_match (doc, i, MK_ENTITY_PLACE, &entry) >= n ||
          followed_by_place_noun (doc, i + n))
        {
          i += n - 1;
          continue;
        }

      add_person (doc, i, i + n - 1);
      i += n - 1;
    }
}

/* --- 7. Short forms of people -------------------------------------------------------- */

/* The person of the article one word names. Vietnamese names put the
 * family name first and people are called by the last word ("Anh",
 * "Chính"); other names are shortened to either end ("Sayasone", and
 * "Sonexay" for Sonexay Siphandone, as the Lao press does). After a title
 * any word of the name counts ("Deputy PM Đam", "Mr Keo"). */
static int
person_for_word (Doc      *doc,
                 int       i,
                 gboolean  any_word)
{
  const char *key = tok (doc, i)->key;

  if (strlen (key) < 2)
    return -1;

  for (guint g = 0; g < doc->groups->len; g++)
    {
      Group *group = group_at (doc, g);

      if (group->type != MK_ENTITY_PERSON || group->n_words < 2)
        continue;
      if (g_strcmp0 (group->last_key, key) == 0 || g_strcmp0 (group->first_key, key) == 0)
        return g;
      if (any_word)
        {
          g_autofree char *word = g_strconcat (" ", key, " ", NULL);

          if (strstr (group->words, word) != NULL)
            return g;
        }
    }

  return -1;
}

static void
resolve_short_names (Doc *doc)
{
  for (guint s = 0; s < doc->short_names->len; s++)
    {
      ShortName *name = &g_array_index (doc->short_names, ShortName, s);
      const MkGazetteerEntry *entry;
      int group;

      if (claimed (doc, name->token))
        continue;

      group = person_for_word (doc, name->token, TRUE);
      if (group >= 0)
        add_span (doc, name->token, name->token, group);
      else if (name->after_title &&
               gazetteer_match (doc, name->token, MK_ENTITY_PLACE, &entry) == 0)
        add_person (doc, name->token, name->token);
    }

  for (int i = 0; i < doc->n; i++)
    {
      const MkGazetteerEntry *entry;
      int group;

      if (!is_name_word (doc, i))
        continue;
      group = person_for_word (doc, i, FALSE);
      if (group < 0)
        continue;
      /* "in Vinh" is the city, "Vinh said" the person. */
      if (in_lexicon (doc, i - 1, MK_LEXICON_PREPOSITION) &&
          gazetteer_match (doc, i, MK_ENTITY_PLACE, &entry) > 0)
        continue;
      add_span (doc, i, i, group);
    }
}

/* --- 8. Places -------------------------------------------------------------------------- */

static int
place_group (Doc                    *doc,
             const MkGazetteerEntry *entry,
             int                     first,
             int                     last)
{
  g_autofree char *key = NULL;

  if (entry != NULL)
    return known_group (doc, entry);

  key = dup_key (doc, first, last);
  return ensure_group (doc, MK_ENTITY_PLACE, key, NULL);
}

static gboolean
is_place_word (Doc *doc,
               int  i)
{
  return is_name_word (doc, i) && !is_sentence_opener (doc, i) &&
         !has_flag (doc, i, TOKEN_ALLCAPS);
}

/* Places the gazetteer lacks, by what follows them: "Ky Son district",
 * "the Ma River". Returns the tokens of the place, feature word
 * included, or 0. */
static int
place_by_context (Doc *doc,
                  int  i)
{
  int n = 0;

  while (n < 3 && is_place_word (doc, i + n) && !in_lexicon (doc, i + n, MK_LEXICON_FEATURE) &&
         !has_flag (doc, i + n, TOKEN_POSSESSIVE))
    n++;

  if (n == 0)
    return 0;
  if (followed_by_place_noun (doc, i + n) && !has_flag (doc, i + n - 1, TOKEN_POSSESSIVE))
    return n;
  if (is_cap (doc, i + n) && !claimed (doc, i + n) && in_lexicon (doc, i + n, MK_LEXICON_FEATURE))
    return n + 1;

  return 0;
}

static void
find_places (Doc *doc)
{
  for (int i = 0; i < doc->n; i++)
    {
      const MkGazetteerEntry *entry = NULL;
      int n;

      if (!is_cap (doc, i) || claimed (doc, i))
        continue;

      n = gazetteer_match (doc, i, MK_ENTITY_PLACE, &entry);
      if (n == 0)
        n = place_by_context (doc, i);
      if (n == 0)
        continue;

      add_span (doc, i, i + n - 1, place_group (doc, entry, i, i + n - 1));
      i += n - 1;
    }
}

/* --- 9. Acronyms ------------------------------------------------------------------------- */

static gboolean
is_initial_skippable (Doc *doc,
                      int  i)
{
  return !is_word (doc, i) || demonym_at (doc, i) != NULL;
}

/* Whether @acronym's letters come in order from the initials of tokens
 * @first..@last, starting with the first word's (a leading demonym or
 * place may be skipped): VSS, LSSO, MoLSW, and GDP for "General Department
 * of Political Affairs". */
static gboolean
initials_match (Doc        *doc,
                const char *acronym,
                int         first,
                int         last)
{
  const char *a = acronym;
  gboolean started = FALSE;

  for (int i = first; i <= last && *a; i++)
    {
      char initial;

      if (!is_word (doc, i))
        continue;
      initial = tok (doc, i)->key[0];
      if (!started && initial != g_ascii_tolower (*a) && is_initial_skippable (doc, i))
        continue;
      if (!started && initial != g_ascii_tolower (*a))
        return FALSE;
      started = TRUE;
      if (initial == g_ascii_tolower (*a))
        {
          a++;
          while (*a == '.')
            a++;
        }
    }

  return *a == '\0' && strlen (acronym) >= 2;
}

/* Whether a capitalised run names an event or a document ("Memorandum of
 * Understanding (MoU)", "Regional Comprehensive Economic Partnership
 * (RCEP)"): then its acronym names no body. */
static gboolean
names_event (Doc *doc,
             int  first,
             int  last)
{
  for (int i = first; i <= last; i++)
    if (in_lexicon (doc, i, MK_LEXICON_EVENT))
      return TRUE;

  return FALSE;
}

/* The capitalised run that ends at @last, connectors included:
 * "Lao Social Security Organisation". */
static int
run_start (Doc *doc,
           int  last)
{
  int first = -1;

  for (int i = last; in_range (doc, i); i--)
    {
      if (is_cap (doc, i) && !claimed (doc, i) && !is_sentence_opener (doc, i) &&
          !is_never_name (doc, i))
        first = i;
      else if (!(first >= 0 && (in_lexicon (doc, i, MK_LEXICON_CONNECTOR) ||
                                has_flag (doc, i, TOKEN_JOINED) || punct_is (doc, i, ','))))
        break;
    }

  /* A run never starts with a connector or a comma. */
  while (first >= 0 && first < last && !is_cap (doc, first))
    first++;
  return first;
}

static void
register_acronym (Doc  *doc,
                  int   token,
                  int   group)
{
  g_autofree char *text = dup_text (doc, token, token);

  group_add_alias (group_at (doc, group), text);
  g_hash_table_insert (doc->acronym_groups, g_steal_pointer (&text), GINT_TO_POINTER (group + 1));
  add_span (doc, token, token, group);
}

/* "Full Name (ACR)": the acronym is another name of what precedes it. A
 * lower-case phrase ("universal health coverage (UHC)") or an event makes
 * it a word, not a body. Anything else in brackets ("Hanoi (VNA)") is not
 * a definition. */
static void
define_acronym (Doc *doc,
                int  open)
{
  int acr = open + 1;
  int before = open - 1;
  g_autofree char *text = NULL;

  if (!has_flag (doc, acr, TOKEN_ACRONYM) || !punct_is (doc, acr + 1, ')') ||
      claimed (doc, acr) || !is_word (doc, before))
    return;

  text = dup_text (doc, acr, acr);
  if (is_lower_word (doc, before))
    {
      g_hash_table_add (doc->not_entities, g_steal_pointer (&text));
      return;
    }

  if (claimed (doc, before))
    {
      Span *span = span_at (doc, doc->owner[before]);

      if (span->last == before && group_at (doc, span->group)->type == MK_ENTITY_ORGANIZATION &&
          initials_match (doc, text, span->first, span->last))
        register_acronym (doc, acr, span->group);
      return;
    }

  {
    int first = run_start (doc, before);

    if (first < 0 || !initials_match (doc, text, first, before))
      return;
    if (names_event (doc, first, before))
      {
        g_hash_table_add (doc->not_entities, g_steal_pointer (&text));
        return;
      }
    add_org_name (doc, first, before, -1);
    register_acronym (doc, acr, span_at (doc, doc->owner[first])->group);
  }
}

static int
count_capitals (const char *text)
{
  int n = 0;

  for (const char *p = text; *p; p++)
    n += g_ascii_isupper (*p);

  return n;
}

/* An organisation of the article whose initials the acronym is, when it
 * was never spelled out in brackets: "Vietnam Social Security … VSS". */
static int
org_for_acronym (Doc        *doc,
                 const char *text)
{
  for (guint s = 0; s < doc->spans->len; s++)
    {
      Span *span = span_at (doc, s);
      Group *group = group_at (doc, span->group);
      int first = span->first;
      int words = 0;

      if (group->type != MK_ENTITY_ORGANIZATION || span->first == span->last)
        continue;
      if (demonym_at (doc, first) != NULL)
        first++;
      for (int i = first; i <= span->last; i++)
        words += is_word (doc, i) && !in_lexicon (doc, i, MK_LEXICON_CONNECTOR);
      /* Strict: one capital per significant word. */
      if (initials_match (doc, text, first, span->last) && words == count_capitals (text))
        return span->group;
    }

  return -1;
}

static gboolean
is_roman_numeral (const char *key)
{
  return key[strspn (key, "ivxlc")] == '\0';
}

/* Most lines in capitals are a headline or a dateline, not acronyms. */
static gboolean
in_capitals_line (Doc *doc,
                  int  i)
{
  return (has_flag (doc, i - 1, TOKEN_ALLCAPS) && has_flag (doc, i - 2, TOKEN_ALLCAPS)) ||
         (has_flag (doc, i + 1, TOKEN_ALLCAPS) && has_flag (doc, i + 2, TOKEN_ALLCAPS)) ||
         (has_flag (doc, i - 1, TOKEN_ALLCAPS) && has_flag (doc, i + 1, TOKEN_ALLCAPS));
}

static gboolean
is_organisation_acronym (Doc *doc,
                         int  i)
{
  Token *t = tok (doc, i);

  return has_flag (doc, i, TOKEN_ACRONYM) && !claimed (doc, i) &&
         !has_flag (doc, i, TOKEN_DIGIT) && strlen (t->key) <= 8 &&
         !mk_lexicon_contains (MK_LEXICON_NOT_AN_ACRONYM, t->key) &&
         !is_title_word (doc, i) && !is_roman_numeral (t->key) && !in_capitals_line (doc, i);
}

static void
find_acronyms (Doc *doc)
{
  for (int i = 0; i < doc->n; i++)
    if (punct_is (doc, i, '('))
      define_acronym (doc, i);

  for (int i = 0; i < doc->n; i++)
    {
      g_autofree char *text = NULL;
      int group;

      if (!is_organisation_acronym (doc, i))
        continue;

      text = dup_text (doc, i, i);
      if (g_hash_table_contains (doc->not_entities, text))
        continue;

      group = GPOINTER_TO_INT (g_hash_table_lookup (doc->acronym_groups, text)) - 1;
      if (group < 0)
        group = org_for_acronym (doc, text);
      if (group >= 0)
        register_acronym (doc, i, group);
      else
        add_span (doc, i, i, ensure_group (doc, MK_ENTITY_ORGANIZATION, text, NULL));
    }
}

/* --- Entities --------------------------------------------------------------------------- */

/* The fullest form of a group's mentions, as written: the longest, but
 * never a form in capitals when there is another ("Hà Nội", not "HÀ NỘI"). */
static char *
dup_fullest_form (Doc *doc,
                  int  group)
{
  char *best = NULL;
  gboolean best_caps = TRUE;
  glong best_len = 0;

  for (guint s = 0; s < doc->spans->len; s++)
    {
      Span *span = span_at (doc, s);
      g_autofree char *text = NULL;
      gboolean caps;
      glong len;

      if (span->group != group)
        continue;

      text = dup_text (doc, span->first, span->last);
      len = g_utf8_strlen (text, -1);
      caps = has_flag (doc, span->first, TOKEN_ALLCAPS) && len > 5;
      if (best == NULL || (best_caps && !caps) || (caps == best_caps && len > best_len))
        {
          g_free (best);
          best = g_steal_pointer (&text);
          best_caps = caps;
          best_len = len;
        }
    }

  return best;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return ((const Span *) a)->first - ((const Span *) b)->first;
}

/* Mentions in text order (the title's first), whatever pass found them. */
static void
add_mentions (Doc      *doc,
              int       index,
              MkEntity *entity)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint s = 0; s < doc->spans->len; s++)
    if (span_at (doc, s)->group == index)
      g_array_append_val (spans, *span_at (doc, s));
  g_array_sort (spans, compare_spans);

  for (guint s = 0; s < spans->len; s++)
    {
      Span *span = &g_array_index (spans, Span, s);

      mk_entity_add_mention (entity, tok (doc, span->first)->start, tok (doc, span->last)->end,
                             tok (doc, span->first)->segment == 0);
    }
}

static MkEntity *
entity_for_group (Doc *doc,
                  int  index)
{
  Group *group = group_at (doc, index);
  g_autofree char *fullest = dup_fullest_form (doc, index);
  const char *name = fullest;
  MkEntity *entity;

  /* Places keep the gazetteer's name across the archive; bodies and people
   * the fullest name the article gives. */
  if (group->type == MK_ENTITY_PLACE && group->entry != NULL)
    name = group->entry->name;

  entity = mk_entity_new (group->type, name);
  mk_entity_set_label (entity, fullest);
  if (group->entry != NULL && group->entry->has_location)
    mk_entity_set_location (entity, group->entry->latitude, group->entry->longitude);

  if (g_strcmp0 (fullest, name) != 0)
    mk_entity_add_alias (entity, fullest);
  for (guint i = 0; i < group->aliases->len; i++)
    mk_entity_add_alias (entity, g_ptr_array_index (group->aliases, i));

  add_mentions (doc, index, entity);
  return entity;
}

/* Other written forms of one organisation (with and without its
 * acronym's long form, "Lao X" and "X of Laos") are aliases too. Short
 * forms of people are not: "Anh" would merge every Anh of the archive. */
static void
add_written_aliases (Doc      *doc,
                     int       index,
                     MkEntity *entity)
{
  Group *group = group_at (doc, index);

  if (group->type != MK_ENTITY_ORGANIZATION)
    return;

  for (guint i = 0; i < doc->org_names->len; i++)
    {
      OrgName *name = &g_array_index (doc->org_names, OrgName, i);
      Span *span = span_at (doc, name->span);

      if (span->group == index && name->country != NULL)
        {
          g_autofree char *text = dup_text (doc, span->first, span->last);

          mk_entity_add_alias (entity, text);
        }
    }
}

typedef struct {
  int group;
  int first_token;
} GroupOrder;

static int
compare_group_order (gconstpointer a,
                     gconstpointer b)
{
  const GroupOrder *x = a, *y = b;

  return x->first_token - y->first_token;
}

/* Groups lose spans as they are settled (group_org_names()), so which
 * groups have mentions, and where each is first named, is read from the
 * spans at the end. */
static GPtrArray *
collect_entities (Doc *doc)
{
  GPtrArray *entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (GroupOrder));
  g_autofree int *first_token = g_new (int, MAX (doc->groups->len, 1));

  for (guint g = 0; g < doc->groups->len; g++)
    first_token[g] = -1;
  for (guint s = 0; s < doc->spans->len; s++)
    {
      Span *span = span_at (doc, s);

      if (first_token[span->group] < 0 || span->first < first_token[span->group])
        first_token[span->group] = span->first;
    }

  for (guint g = 0; g < doc->groups->len; g++)
    if (first_token[g] >= 0)
      {
        GroupOrder entry = { g, first_token[g] };

        g_array_append_val (order, entry);
      }
  g_array_sort (order, compare_group_order);

  for (guint i = 0; i < order->len; i++)
    {
      int g = g_array_index (order, GroupOrder, i).group;
      MkEntity *entity = entity_for_group (doc, g);

      add_written_aliases (doc, g, entity);
      g_ptr_array_add (entities, entity);
    }

  return entities;
}

static void
doc_init (Doc               *doc,
          MkEntityExtractor *self)
{
  memset (doc, 0, sizeof *doc);
  doc->self = self;
  doc->gazetteer = self->gazetteer;
  doc->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  doc->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  doc->groups = g_ptr_array_new_with_free_func (group_free);
  doc->group_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->org_names = g_array_new (FALSE, FALSE, sizeof (OrgName));
  doc->short_names = g_array_new (FALSE, FALSE, sizeof (ShortName));
  doc->not_entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->acronym_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
doc_clear (Doc *doc)
{
  for (guint i = 0; i < doc->tokens->len; i++)
    g_free (tok (doc, i)->key);
  for (guint i = 0; i < doc->org_names->len; i++)
    {
      g_free (g_array_index (doc->org_names, OrgName, i).core_key);
      g_free (g_array_index (doc->org_names, OrgName, i).core_text);
    }

  g_array_unref (doc->tokens);
  g_array_unref (doc->spans);
  g_ptr_array_unref (doc->groups);
  g_hash_table_unref (doc->group_index);
  g_array_unref (doc->org_names);
  g_array_unref (doc->short_names);
  g_hash_table_unref (doc->not_entities);
  g_hash_table_unref (doc->acronym_groups);
  g_free (doc->owner);
}

/**
 * mk_entity_extractor_extract:
 * @title: (nullable): the article's headline; %NULL when it is not text of
 *   its own (a title derived from the first sentence)
 * @body: the article's text
 *
 * Finds the people, organisations and places the article names.
 *
 * Returns: (transfer full) (element-type MkEntity): one entity per person,
 *   body or place, each with its mentions (character offsets into @body,
 *   or @title for mentions marked in_title), in order of first mention
 */
GPtrArray *
mk_entity_extractor_extract (MkEntityExtractor *self,
                             const char        *title,
                             const char        *body)
{
  g_autoptr(GPtrArray) entities = NULL;
  Doc doc;

  g_return_val_if_fail (MK_IS_ENTITY_EXTRACTOR (self), NULL);

  doc_init (&doc, self);
  if (title != NULL)
    tokenize (&doc, title, 0);
  if (body != NULL)
    tokenize (&doc, body, 1);

  doc.n = doc.tokens->len;
  doc.owner = g_new (int, MAX (doc.n, 1));
  for (int i = 0; i < doc.n; i++)
    doc.owner[i] = -1;

  find_organizations (&doc);
  group_org_names (&doc);
  find_known_bodies (&doc);
  find_credits (&doc);
  find_titled_people (&doc);
  find_role_people (&doc);
  find_vietnamese_names (&doc);
  resolve_short_names (&doc);
  find_places (&doc);
  find_acronyms (&doc);

  entities = collect_entities (&doc);
  doc_clear (&doc);

  return g_steal_pointer (&entities);
}
