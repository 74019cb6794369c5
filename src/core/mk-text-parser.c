/* mk-text-parser.c — plain-text news articles as people save them from the web
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mk-fold.h"
#include "mk-text-parser.h"

/* A saved news page is a headline (or not), a dateline, paragraphs, a
 * sign-off, and the site's furniture: a "follow us" line, the alt text of
 * pictures, a "Related" block that often repeats each teaser twice. No
 * library knows this shape, so the rules are here, each one general:
 *
 *   first line " date YYYY-MM-DD …"   -> published; the rest of it is text
 *   a short first line, no full stop  -> the headline
 *   otherwise                         -> a title derived from the first
 *                                        sentence (title_derived = TRUE)
 *   "Hanoi (VNA) -", "VOV.VN -",
 *   "… — VNS", a last line "VNA"      -> the outlet
 *   "Mời quý độc giả theo dõi X trên",
 *   "… hinh anh 1<caption>"           -> boilerplate, dropped (the caption
 *                                        after the marker is kept)
 *   a line "Related" and what follows -> one excerpt article per distinct
 *                                        teaser, not body
 *
 * Datelines, sign-offs, captions and credits are part of what the outlet
 * published and stay in the body. */

G_DEFINE_QUARK (mk-import-error-quark, mk_import_error)

/* A headline longer than this is more likely a first paragraph. */
#define HEADLINE_MAX_CHARS 160
/* Derived titles are cut near this many characters, at a word. */
#define DERIVED_TITLE_CHARS 100

typedef struct {
  GRegex *meta_date;        /* " date 2022-11-30 rest of line" */
  GRegex *outlet_in_dateline; /* "Hanoi (VNA) -" */
  GRegex *domain_dateline;  /* "VOV.VN - " */
  GRegex *sign_off;         /* "… — VNS", "… - VNA/VNS" */
  GRegex *sign_off_line;    /* "VNA" alone */
  GRegex *dateline_prefix;  /* "HÀ NỘI — ", "Hanoi (VNA) - " */
  GRegex *follow_us;        /* "Mời quý độc giả theo dõi VOV.VN trên" */
  GRegex *site_name;        /* "VOV.VN" within a follow-us line */
  GRegex *image_residue;    /* "<alt text> hinh anh 1<caption>" */
  GRegex *share_line;       /* "Share", "Print", "Tweet" … alone */
  GRegex *related_heading;  /* "Related", "Tin liên quan" … */
  GRegex *sentence_end;
} Patterns;

static const Patterns *
patterns (void)
{
  static Patterns p;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GRegexCompileFlags flags = G_REGEX_OPTIMIZE;

      p.meta_date = g_regex_new ("^\\s*date\\s+(\\d{4})-(\\d{2})-(\\d{2})\\b\\s*(.*)$",
                                 flags | G_REGEX_CASELESS, 0, NULL);
      p.outlet_in_dateline = g_regex_new ("^[^()\\n]{1,40}?\\(([A-Z][A-Za-z.]{1,14})\\)\\s*[-–—]",
                                          flags, 0, NULL);
      p.domain_dateline = g_regex_new ("^([A-Za-z][A-Za-z0-9]*\\.(?:vn|VN|la|LA|com|net|org))\\s*[-–—]\\s",
                                       flags, 0, NULL);
      p.sign_off = g_regex_new ("\\s[-–—]\\s*([A-Z]{2,6}(?:/[A-Z]{2,6})*)\\s*$",
                                flags, 0, NULL);
      p.sign_off_line = g_regex_new ("^([A-Z]{2,6}(?:/[A-Z]{2,6})*)$", flags, 0, NULL);
      p.dateline_prefix = g_regex_new ("^(?:[^-–—\\n]{1,40}?\\([A-Z][A-Za-z.]{1,14}\\)"
                                       "|[A-Za-z][A-Za-z0-9]*\\.(?:vn|VN|la|LA|com|net|org)"
                                       "|\\p{Lu}{2,}[\\p{Lu}\\p{N} ,.']{0,40}?)"
                                       "\\s*[-–—]\\s+",
                                       flags, 0, NULL);
      p.follow_us = g_regex_new ("^(?:mời (?:quý |các )?(?:bạn )?(?:độc giả|bạn đọc) theo dõi"
                                 "|follow (?:us|\\S+) on"
                                 "|theo dõi \\S+ trên)",
                                 flags | G_REGEX_CASELESS, 0, NULL);
      p.site_name = g_regex_new ("\\b([A-Za-z][A-Za-z0-9]*\\.(?:vn|VN|la|LA|com|net|org))\\b",
                                 flags, 0, NULL);
      p.image_residue = g_regex_new ("^.*?\\bh[iì]nh [aả]nh \\d+\\s*", flags | G_REGEX_CASELESS, 0, NULL);
      p.share_line = g_regex_new ("^(?:share|print|email|tweet|facebook|twitter|zalo)"
                                  "(?: this(?: article)?)?\\s*:?$",
                                  flags | G_REGEX_CASELESS, 0, NULL);
      p.related_heading = g_regex_new ("^(?:related(?: news| articles| stories| posts)?"
                                       "|read more|see also|more news"
                                       "|tin liên quan|bài liên quan|tin cùng chuyên mục)\\s*:?$",
                                       flags | G_REGEX_CASELESS, 0, NULL);
      /* A full stop that ends a sentence: not after a title abbreviation or
       * an initial, followed by space and a capital, or the end. */
      p.sentence_end = g_regex_new ("(?<!\\bMr|\\bMrs|\\bMs|\\bDr|\\bGen|\\bCol|\\bLt|\\bSt"
                                    "|\\bNo|\\bVol|\\bProf|\\bSen|\\bRep|\\bgov|\\b\\p{Lu})"
                                    "[.!?](?=[\"”’)]?(?:\\s+[\\p{Lu}\\p{N}\"“]|\\s*$))",
                                    flags, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }

  return &p;
}

static char *
regex_group (GRegex     *regex,
             const char *text,
             int         group)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return NULL;

  return g_match_info_fetch (match, group);
}

/* --- Input checks ---------------------------------------------------------- */

static gboolean
looks_binary (const char *data,
              gsize       length)
{
  gsize controls = 0;

  if (memchr (data, '\0', length) != NULL)
    return TRUE;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
        controls++;
    }

  return controls > 8 && controls * 100 > length;
}

/* Valid NFC UTF-8 with '\n' line ends and no control characters, or an
 * error saying why the data is not an article. */
static char *
clean_text (const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end;
  g_autofree char *normalized = NULL;
  GString *clean;

  if (length > MK_TEXT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (MK_TEXT_MAX_SIZE);

      g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_TOO_LARGE,
                   _("too large for an article (%s; at most %s)"), size, limit);
      return NULL;
    }

  if (looks_binary (data, length))
    {
      g_set_error_literal (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_NOT_TEXT,
                           _("not a text file"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_INVALID_UTF8,
                   _("not valid UTF-8 text (bad byte at offset %lu)"),
                   (unsigned long) (end - data));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, length -= 3;

  normalized = g_utf8_normalize (data, length, G_NORMALIZE_NFC);
  clean = g_string_sized_new (length);
  for (const char *p = normalized; *p; p++)
    {
      if (*p == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (clean, '\n');
        }
      else if ((guchar) *p >= 0x20 || *p == '\n')
        g_string_append_c (clean, *p);
      else if (*p == '\t' || *p == '\f')
        g_string_append_c (clean, ' ');
    }

  return g_string_free (clean, FALSE);
}

/* --- Lines and paragraphs -------------------------------------------------- */

typedef struct {
  GPtrArray *paragraphs;   /* of char*, the text in order */
  char *published;
  char *outlet;
  char *site;              /* from a follow-us line, if any */
  GPtrArray *related;      /* lines of the "Related" block, or NULL */
  gboolean first_is_single_line; /* the first paragraph stood alone */
} Parse;

static void
parse_clear (Parse *parse)
{
  g_clear_pointer (&parse->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&parse->related, g_ptr_array_unref);
  g_clear_pointer (&parse->published, g_free);
  g_clear_pointer (&parse->outlet, g_free);
  g_clear_pointer (&parse->site, g_free);
}

static gboolean
ends_sentence_or_clause (const char *line)
{
  gsize len = strlen (line);
  const char *last;

  if (len == 0)
    return FALSE;
  last = g_utf8_find_prev_char (line, line + len);
  return strchr (".!?:;,\"", *last) != NULL ||
         g_str_has_suffix (line, "”") || g_str_has_suffix (line, "’");
}

/* Lines of a hard-wrapped paragraph continue in lower case after a line
 * that did not end a sentence; anything else starts a new paragraph. */
static gboolean
continues_previous (const char *previous,
                    const char *line)
{
  return !ends_sentence_or_clause (previous) &&
         g_unichar_islower (g_utf8_get_char (line));
}

static char *
strip_image_residue (const char *line)
{
  if (!g_regex_match (patterns ()->image_residue, line, 0, NULL))
    return g_strdup (line);

  return g_regex_replace_literal (patterns ()->image_residue, line, -1, 0, "", 0, NULL);
}

/* Returns TRUE when @line is site furniture, not article text. */
static gboolean
is_boilerplate (Parse      *parse,
                const char *line)
{
  if (g_regex_match (patterns ()->follow_us, line, 0, NULL))
    {
      if (parse->site == NULL)
        parse->site = regex_group (patterns ()->site_name, line, 1);
      return TRUE;
    }

  return g_regex_match (patterns ()->share_line, line, 0, NULL);
}

static void
read_meta_line (Parse  *parse,
                char  **first_line)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *y = NULL, *m = NULL, *d = NULL;

  if (!g_regex_match (patterns ()->meta_date, *first_line, 0, &match))
    return;

  y = g_match_info_fetch (match, 1);
  m = g_match_info_fetch (match, 2);
  d = g_match_info_fetch (match, 3);
  if (g_date_valid_dmy (atoi (d), atoi (m), atoi (y)))
    parse->published = g_strdup_printf ("%s-%s-%s", y, m, d);

  {
    char *rest = g_match_info_fetch (match, 4);

    g_free (*first_line);
    *first_line = rest;
  }
}

static void
append_line (Parse    *parse,
             char     *line,
             gboolean  same_block)
{
  GPtrArray *paragraphs = parse->paragraphs;
  char **last = paragraphs->len > 0 ? (char **) &paragraphs->pdata[paragraphs->len - 1] : NULL;

  if (same_block && last && continues_previous (*last, line))
    {
      char *joined = g_strconcat (*last, " ", line, NULL);

      g_free (*last);
      *last = joined;
      g_free (line);
    }
  else
    g_ptr_array_add (paragraphs, line);
}

static GPtrArray *
collect_related (char **lines)
{
  GPtrArray *related = g_ptr_array_new_with_free_func (g_free);

  for (guint j = 0; lines[j] != NULL; j++)
    if (*g_strstrip (lines[j]))
      g_ptr_array_add (related, g_strdup (lines[j]));

  return related;
}

static void
split_paragraphs (Parse *parse,
                  char  *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean seen_first = FALSE;
  gboolean in_block = FALSE;
  guint n_blocks = 0;
  guint first_block_lines = 0;

  parse->paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      char *kept;

      if (!seen_first && *line)
        {
          read_meta_line (parse, &line);
          g_strstrip (line);
          seen_first = TRUE;
        }

      if (*line == '\0')
        {
          in_block = FALSE;
          continue;
        }

      if (parse->paragraphs->len > 0 &&
          g_regex_match (patterns ()->related_heading, line, 0, NULL))
        {
          parse->related = collect_related (lines + i + 1);
          break;
        }

      if (is_boilerplate (parse, line))
        continue;

      kept = strip_image_residue (line);
      if (*kept == '\0')
        {
          g_free (kept);
          continue;
        }

      if (!in_block)
        n_blocks++;
      if (n_blocks == 1)
        first_block_lines++;
      append_line (parse, kept, in_block);
      in_block = TRUE;
    }

  parse->first_is_single_line = first_block_lines == 1;
}

/* --- Outlet, title, summary ------------------------------------------------ */

static char *
find_outlet (Parse *parse)
{
  const Patterns *p = patterns ();
  GPtrArray *paragraphs = parse->paragraphs;
  const char *last;
  char *outlet;

  for (guint i = 0; i < MIN (paragraphs->len, 2); i++)
    {
      const char *paragraph = g_ptr_array_index (paragraphs, i);

      if ((outlet = regex_group (p->outlet_in_dateline, paragraph, 1)) ||
          (outlet = regex_group (p->domain_dateline, paragraph, 1)))
        return outlet;
    }

  last = paragraphs->len > 0 ? g_ptr_array_index (paragraphs, paragraphs->len - 1) : "";
  if ((outlet = regex_group (p->sign_off_line, last, 1)) ||
      (outlet = regex_group (p->sign_off, last, 1)))
    return outlet;

  return g_strdup (parse->site);
}

static gboolean
is_dateline_only (const char *paragraph)
{
  gsize len = strlen (paragraph);

  /* "VIETNAM, November 30 -": a dateline whose text starts on the next line. */
  return len < 60 &&
         (g_str_has_suffix (paragraph, "-") || g_str_has_suffix (paragraph, "–") ||
          g_str_has_suffix (paragraph, "—"));
}

static gboolean
is_headline (Parse      *parse,
             const char *first)
{
  return parse->first_is_single_line &&
         parse->paragraphs->len > 1 &&
         g_utf8_strlen (first, -1) <= HEADLINE_MAX_CHARS &&
         !ends_sentence_or_clause (first) &&
         !is_dateline_only (first) &&
         !g_regex_match (patterns ()->dateline_prefix, first, 0, NULL);
}

static char *
strip_dateline (const char *paragraph)
{
  return g_regex_replace_literal (patterns ()->dateline_prefix, paragraph, -1, 0, "",
                                  G_REGEX_MATCH_ANCHORED, NULL);
}

static char *
first_sentence (const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  int end;

  if (!g_regex_match (patterns ()->sentence_end, text, 0, &match) ||
      !g_match_info_fetch_pos (match, 0, &end, NULL))
    return g_strdup (text);

  return g_strndup (text, end);
}

/* What a shortened title must not end with before its ellipsis. */
static gboolean
is_clause_punctuation (gunichar c)
{
  return c == ',' || c == ';' || c == ':' || c == '-' ||
         c == 0x2013 /* – */ || c == 0x2014 /* — */;
}

/* Shortens @sentence to about DERIVED_TITLE_CHARS characters at a word
 * boundary, marking the cut with an ellipsis. */
static char *
shorten (const char *sentence)
{
  const char *cut;
  const char *space = NULL;

  if (g_utf8_strlen (sentence, -1) <= DERIVED_TITLE_CHARS)
    return g_strdup (sentence);

  cut = g_utf8_offset_to_pointer (sentence, DERIVED_TITLE_CHARS);
  for (const char *p = sentence; p < cut; p++)
    if (*p == ' ')
      space = p;

  if (space == NULL)
    space = cut;
  /* Whole characters: the dashes are several bytes in UTF-8. */
  while (space > sentence)
    {
      const char *last = g_utf8_find_prev_char (sentence, space);

      if (!is_clause_punctuation (g_utf8_get_char (last)))
        break;
      space = last;
    }

  {
    g_autofree char *head = g_strndup (sentence, space - sentence);

    return g_strconcat (head, "…", NULL);
  }
}

static const char *
lead_paragraph (Parse *parse,
                guint  from)
{
  for (guint i = from; i < parse->paragraphs->len; i++)
    {
      const char *paragraph = g_ptr_array_index (parse->paragraphs, i);

      if (!is_dateline_only (paragraph))
        return paragraph;
    }

  return NULL;
}

static char *
derive_title (const char *lead)
{
  g_autofree char *text = strip_dateline (lead);
  g_autofree char *sentence = first_sentence (text);

  return shorten (sentence);
}

/* --- Language -------------------------------------------------------------- */

static gboolean
is_vietnamese_letter (gunichar c)
{
  /* Letters only Vietnamese uses among the languages we meet: đ, ơ, ư, ă
   * and the vowels with a tone mark below or a hook (Latin Extended
   * Additional, U+1EA0–U+1EF9). */
  return c == 0x0111 || c == 0x0110 || c == 0x01A1 || c == 0x01A0 ||
         c == 0x01B0 || c == 0x01AF || c == 0x0103 || c == 0x0102 ||
         (c >= 0x1EA0 && c <= 0x1EF9);
}

/* A rough guess from the script and a few very common words: enough to
 * label an article en/vi/lo, and NULL when unsure rather than wrong. */
static const char *
guess_language (const char *text)
{
  static const char *english[] = { "the", "and", "of", "to", "in", "is", "on", "for", "with", NULL };
  guint letters = 0, lao = 0, words = 0, vietnamese_words = 0, english_words = 0;
  g_auto(GStrv) tokens = g_strsplit_set (text, " \n", -1);

  for (guint i = 0; tokens[i]; i++)
    {
      gboolean vietnamese = FALSE;

      if (!*tokens[i])
        continue;
      words++;
      for (const char *p = tokens[i]; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalpha (c))
            letters++;
          if (c >= 0x0E80 && c <= 0x0EFF)
            lao++;
          vietnamese |= is_vietnamese_letter (c);
        }
      vietnamese_words += vietnamese;
      english_words += g_strv_contains (english, tokens[i]);
    }

  if (letters > 0 && lao * 2 > letters)
    return "lo";
  if (words > 0 && vietnamese_words * 5 > words)
    return "vi";
  if (words > 0 && english_words * 12 > words)
    return "en";
  return NULL;
}

/* --- Related teasers ------------------------------------------------------- */

static gboolean
is_teaser_title (const char *line)
{
  return g_utf8_strlen (line, -1) <= HEADLINE_MAX_CHARS && !ends_sentence_or_clause (line);
}

static MkArticle *
new_excerpt (const char *title,
             const char *outlet)
{
  MkArticle *excerpt = mk_article_new ();

  mk_article_set_title (excerpt, title);
  mk_article_set_excerpt (excerpt, TRUE);
  mk_article_set_source (excerpt, outlet);
  mk_article_set_body (excerpt, "");
  return excerpt;
}

static void
finish_excerpt (MkArticle *excerpt,
                GString   *body)
{
  mk_article_set_body (excerpt, body->str);
  mk_article_set_summary (excerpt, body->len > 0 ? body->str : NULL);
  mk_article_set_language (excerpt, guess_language (body->str));
  g_string_truncate (body, 0);
}

/* The block lists each teaser as a title and its lead, often twice over;
 * each distinct teaser becomes one excerpt article. */
static void
add_related (GPtrArray  *articles,
             GPtrArray  *lines,
             const char *outlet)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  MkArticle *current = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (g_ptr_array_index (lines, i)));
      char *key = mk_fold (line);

      if (!g_hash_table_add (seen, key))
        continue;

      if (is_teaser_title (line))
        {
          if (current)
            finish_excerpt (current, body);
          current = new_excerpt (line, outlet);
          g_ptr_array_add (articles, current);
        }
      else if (current)
        {
          if (body->len)
            g_string_append (body, "\n\n");
          g_string_append (body, line);
        }
    }

  if (current)
    finish_excerpt (current, body);
}

/* --- Assembling ------------------------------------------------------------ */

static char *
join_body (GPtrArray *paragraphs,
           guint      from)
{
  GString *body = g_string_new (NULL);

  for (guint i = from; i < paragraphs->len; i++)
    {
      const char *paragraph = g_ptr_array_index (paragraphs, i);

      if (body->len)
        g_string_append (body, "\n\n");
      /* "/." closes Vietnamese agency copy; it is a marker, not text. */
      if (g_str_has_suffix (paragraph, "/."))
        g_string_append_len (body, paragraph, strlen (paragraph) - 2);
      else
        g_string_append (body, paragraph);
    }

  return g_string_free (body, FALSE);
}

static MkArticle *
build_article (Parse *parse)
{
  MkArticle *article = mk_article_new ();
  const char *first = g_ptr_array_index (parse->paragraphs, 0);
  guint body_start = 0;
  g_autofree char *body = NULL;
  g_autofree char *summary = NULL;
  const char *lead;

  if (is_headline (parse, first))
    {
      mk_article_set_title (article, first);
      body_start = 1;
    }

  lead = lead_paragraph (parse, body_start);
  if (mk_article_get_title (article) == NULL)
    {
      g_autofree char *title = derive_title (lead ? lead : first);

      mk_article_set_title (article, title);
      mk_article_set_title_derived (article, TRUE);
    }

  body = join_body (parse->paragraphs, body_start);
  summary = lead ? strip_dateline (lead) : NULL;

  mk_article_set_body (article, body);
  mk_article_set_summary (article, summary);
  mk_article_set_published (article, parse->published);
  mk_article_set_source (article, parse->outlet);
  mk_article_set_language (article, guess_language (body));

  return article;
}

/**
 * mk_text_parser_parse:
 * @data: the file's bytes
 * @length: their number
 *
 * Reads one plain-text article. The first element of the result is the
 * article; any further ones are the teasers of its "Related" block, as
 * excerpt articles (their related_to is for the importer to set, once the
 * article has an id).
 *
 * Returns: (transfer full) (element-type MkArticle): the articles, or %NULL
 *   with @error set when @data is not a text article
 */
GPtrArray *
mk_text_parser_parse (const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  Parse parse = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!(text = clean_text (data, length, error)))
    return NULL;

  split_paragraphs (&parse, text);
  if (parse.paragraphs->len == 0)
    {
      parse_clear (&parse);
      g_set_error_literal (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_EMPTY,
                           _("no text in it"));
      return NULL;
    }

  parse.outlet = find_outlet (&parse);

  articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (articles, build_article (&parse));
  if (parse.related)
    add_related (articles, parse.related, parse.outlet);

  parse_clear (&parse);
  return g_steal_pointer (&articles);
}
