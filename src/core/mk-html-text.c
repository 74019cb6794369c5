/* mk-html-text.c — the readable text of an HTML fragment
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "mk-html-text.h"

/* Feeds carry their articles as HTML (content:encoded, Atom content,
 * content_html); the archive keeps plain text. libxml2's HTML parser reads
 * the markup (tolerant of tag soup, entities decoded, no network); only the
 * walk that turns the tree into paragraphs is ours, as libxml2 has no
 * "text rendering" of a document. Block elements end a paragraph, <br>
 * ends a line, scripts and styles are dropped. */

/* Deeper than any real article; a hostile one stops being read there. */
#define MAX_DEPTH 256

typedef enum {
  BREAK_NONE,
  BREAK_LINE,
  BREAK_PARAGRAPH,
} Break;

typedef struct {
  GString *text;
  Break pending;       /* strongest break asked for since the last word */
  gboolean space;      /* a space is owed before the next word */
  gboolean preformatted;
} Walk;

static const char * const dropped_elements[] = {
  "script", "style", "noscript", "template", "head", "title", "iframe",
  "object", "embed", "svg", "math", "select", "button", NULL
};

static const char * const block_elements[] = {
  "p", "div", "section", "article", "aside", "header", "footer", "nav",
  "main", "blockquote", "pre", "ul", "ol", "dl", "dd", "dt", "li", "table",
  "thead", "tbody", "tfoot", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
  "figure", "figcaption", "address", "hr", "form", "fieldset", "details",
  "summary", "caption", NULL
};

/* List items and table rows are lines, not paragraphs. */
static const char * const line_elements[] = {
  "li", "tr", "dd", "dt", "br", NULL
};

static gboolean
name_in (const xmlChar      *name,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
ask_break (Walk  *walk,
           Break  kind)
{
  if (walk->text->len > 0)
    walk->pending = MAX (walk->pending, kind);
  walk->space = FALSE;
}

static void
flush_break (Walk *walk)
{
  if (walk->pending == BREAK_PARAGRAPH)
    g_string_append (walk->text, "\n\n");
  else if (walk->pending == BREAK_LINE)
    g_string_append_c (walk->text, '\n');
  else if (walk->space && walk->text->len > 0)
    g_string_append_c (walk->text, ' ');

  walk->pending = BREAK_NONE;
  walk->space = FALSE;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0;
}

/* Runs of white space (no-break spaces included) become one space, as a
 * browser shows them; control characters are dropped. */
static void
append_text (Walk       *walk,
             const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (walk->preformatted && c == '\n')
        {
          ask_break (walk, BREAK_LINE);
          continue;
        }
      if (is_space (c))
        {
          walk->space = TRUE;
          continue;
        }
      if (g_unichar_iscntrl (c))
        continue;

      flush_break (walk);
      g_string_append_unichar (walk->text, c);
    }
}

static void
walk_node (Walk      *walk,
           xmlNode   *node,
           guint      depth)
{
  if (depth > MAX_DEPTH)
    return;

  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            append_text (walk, (const char *) node->content);
          continue;
        }
      if (node->type != XML_ELEMENT_NODE || node->name == NULL)
        continue;
      if (name_in (node->name, dropped_elements))
        continue;

      if (name_in (node->name, line_elements))
        ask_break (walk, BREAK_LINE);
      else if (name_in (node->name, block_elements))
        ask_break (walk, BREAK_PARAGRAPH);
      else if (g_ascii_strcasecmp ((const char *) node->name, "img") == 0)
        walk->space = TRUE;

      if (g_ascii_strcasecmp ((const char *) node->name, "pre") == 0)
        {
          gboolean was = walk->preformatted;

          walk->preformatted = TRUE;
          walk_node (walk, node->children, depth + 1);
          walk->preformatted = was;
        }
      else
        walk_node (walk, node->children, depth + 1);

      if (name_in (node->name, line_elements) && !name_in (node->name, block_elements))
        ; /* <br>: the break is before what follows, already asked */
      else if (name_in (node->name, line_elements))
        ask_break (walk, BREAK_LINE);
      else if (name_in (node->name, block_elements))
        ask_break (walk, BREAK_PARAGRAPH);
    }
}

/**
 * mk_html_text_to_plain:
 * @html: an HTML fragment or document, UTF-8
 * @length: its length, or -1 when nul-terminated
 *
 * Returns: (transfer full): its text: paragraphs separated by a blank
 *   line, lines by a line break, words by one space; "" when it has none
 */
char *
mk_html_text_to_plain (const char *html,
                       gssize      length)
{
  g_autoptr(GString) text = g_string_new (NULL);
  Walk walk = { text, BREAK_NONE, FALSE, FALSE };
  htmlDocPtr doc;

  g_return_val_if_fail (html != NULL, NULL);

  if (length < 0)
    length = strlen (html);
  if (length == 0 || length > G_MAXINT)
    return g_strdup ("");

  doc = htmlReadMemory (html, (int) length, NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT);
  if (doc == NULL)
    return g_strdup ("");

  walk_node (&walk, xmlDocGetRootElement (doc), 0);
  xmlFreeDoc (doc);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * mk_html_text_normalize_plain:
 * @text: text that is not markup (Atom type="text", a JSON Feed content_text)
 *
 * Returns: (transfer full): @text with its lines trimmed, runs of spaces
 *   made one, paragraphs (blank lines) kept and control characters dropped
 */
char *
mk_html_text_normalize_plain (const char *text)
{
  g_auto(GStrv) paragraphs = NULL;
  GString *out = g_string_new (NULL);
  gboolean blank = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  /* Plain text keeps its line structure: each line is walked as text,
   * and blank lines between them become one paragraph break. */
  paragraphs = g_strsplit (text, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      Walk walk = { line, BREAK_NONE, FALSE, FALSE };

      append_text (&walk, paragraphs[i]);
      if (line->len == 0)
        {
          blank = TRUE;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, blank ? "\n\n" : "\n");
      g_string_append (out, line->str);
      blank = FALSE;
    }

  return g_string_free (out, FALSE);
}
