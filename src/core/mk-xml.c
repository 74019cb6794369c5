/* mk-xml.c — reading XML from the network safely and tolerantly
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "mk-feed.h"
#include "mk-xml.h"

/* Feeds are written by hand and by broken software: stray "&", HTML
 * entities (&nbsp;) XML does not know, prefixes nobody declared, an
 * encoding declaration that does not match the bytes. They are also
 * written by attackers: external entities (XXE) and nested entity
 * definitions (billion laughs).
 *
 * libxml2 reads them with XML_PARSE_NONET (nothing fetched), without
 * XML_PARSE_NOENT or XML_PARSE_DTDLOAD (no entity is ever expanded, no DTD
 * loaded) and with XML_PARSE_RECOVER (an error loses the bad bit, not the
 * document). Its own limits stay on (no XML_PARSE_HUGE: 256 levels deep).
 * Before that, two small passes of our own, because libxml2's recovery
 * drops what it cannot read: the bytes are made UTF-8 (see
 * mk_xml_dup_utf8()), and every "&" that does not start one of XML's five
 * entities or a character reference is rewritten: an HTML entity as the
 * character it names (looked up in libxml2's HTML table), anything else as
 * a literal "&". So a document's own entities never reach the parser as
 * references at all. */

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR | \
                       XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

static gboolean
looks_utf16 (const guchar *data,
             gsize         length)
{
  return length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                         (data[0] == 0xFE && data[1] == 0xFF) ||
                         (data[0] == '<' && data[1] == 0) ||
                         (data[0] == 0 && data[1] == '<'));
}

/* The encoding="…" of the XML declaration, if there is one. */
static char *
declared_encoding (const char *data,
                   gsize       length)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  gsize head = MIN (length, 256);

  if (length < 5 || strncmp (data, "<?xml", 5) != 0)
    return NULL;

  regex = g_regex_new ("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']",
                       G_REGEX_RAW, 0, NULL);
  if (g_regex_match_full (regex, data, head, 0, 0, &match, NULL))
    return g_match_info_fetch (match, 1);

  return NULL;
}

/**
 * mk_xml_dup_utf8:
 *
 * Makes the bytes of an XML document UTF-8, whatever its declaration says.
 * Bytes that are valid UTF-8 are taken as UTF-8: a declaration of
 * ISO-8859-1 on them is the usual mistake, and text in another encoding
 * is almost never valid UTF-8 by chance. Otherwise the declared encoding
 * is used (UTF-16 by its byte order mark), and when it is missing, wrong
 * or says UTF-8, Windows-1252 (which every byte decodes in).
 *
 * Returns: (transfer full): UTF-8 text, never %NULL
 */
char *
mk_xml_dup_utf8 (const char *data,
                 gsize       length,
                 gsize      *out_length)
{
  g_autofree char *declared = NULL;
  char *utf8 = NULL;
  gsize written = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      *out_length = length;
      return g_strndup (data, length);
    }

  if (looks_utf16 ((const guchar *) data, length))
    utf8 = g_convert (data, length, "UTF-8", "UTF-16", NULL, &written, NULL);

  declared = declared_encoding (data, length);
  if (utf8 == NULL && declared != NULL && g_ascii_strcasecmp (declared, "UTF-8") != 0)
    utf8 = g_convert (data, length, "UTF-8", declared, NULL, &written, NULL);

  if (utf8 == NULL)
    utf8 = g_convert_with_fallback (data, length, "UTF-8", "WINDOWS-1252", "?",
                                    NULL, &written, NULL);
  if (utf8 == NULL)
    utf8 = g_utf8_make_valid (data, length);

  if (written == 0)
    written = strlen (utf8);
  *out_length = written;
  return utf8;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.';
}

/* How long the reference at @p ("&…;") is when XML itself reads it, 0 if
 * it is not one XML knows. */
static gsize
xml_reference_length (const char *p,
                      const char *end)
{
  static const char * const predefined[] = { "amp;", "lt;", "gt;", "quot;", "apos;" };
  const char *q = p + 1;

  if (q < end && *q == '#')
    {
      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          q++;
          while (q < end && g_ascii_isxdigit (*q))
            q++;
        }
      else
        while (q < end && g_ascii_isdigit (*q))
          q++;
      return (q < end && *q == ';' && q - p > 2) ? (gsize) (q - p + 1) : 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (predefined); i++)
    {
      gsize n = strlen (predefined[i]);

      if ((gsize) (end - q) >= n && strncmp (q, predefined[i], n) == 0)
        return n + 1;
    }

  return 0;
}

/* An HTML entity name at @p ("&nbsp;"): its code point and length. */
static gboolean
html_entity (const char *p,
             const char *end,
             guint      *code,
             gsize      *length)
{
  const char *q = p + 1;
  char name[33];
  const htmlEntityDesc *entity;

  while (q < end && is_name_char (*q) && q - p <= 32)
    q++;
  if (q >= end || *q != ';' || q == p + 1 || q - p > 32)
    return FALSE;

  memcpy (name, p + 1, q - p - 1);
  name[q - p - 1] = '\0';
  entity = htmlEntityLookup ((const xmlChar *) name);
  if (entity == NULL)
    return FALSE;

  *code = entity->value;
  *length = q - p + 1;
  return TRUE;
}

/* See the comment at the top. CDATA sections and comments are copied as
 * they are: "&" means itself there. */
static char *
escape_stray_ampersands (const char *text,
                         gsize       length,
                         gsize      *out_length)
{
  GString *out = g_string_sized_new (length + 64);
  const char *p = text, *end = text + length;

  while (p < end)
    {
      const char *skip_end = NULL;

      if (*p == '<' && end - p >= 9 && strncmp (p, "<![CDATA[", 9) == 0)
        skip_end = g_strstr_len (p, end - p, "]]>");
      else if (*p == '<' && end - p >= 4 && strncmp (p, "<!--", 4) == 0)
        skip_end = g_strstr_len (p, end - p, "-->");

      if (skip_end != NULL)
        {
          g_string_append_len (out, p, skip_end + 3 - p);
          p = skip_end + 3;
          continue;
        }

      if (*p == '&')
        {
          gsize n = xml_reference_length (p, end);
          guint code;

          if (n > 0)
            {
              g_string_append_len (out, p, n);
              p += n;
            }
          else if (html_entity (p, end, &code, &n))
            {
              g_string_append_printf (out, "&#%u;", code);
              p += n;
            }
          else
            {
              g_string_append (out, "&amp;");
              p++;
            }
          continue;
        }

      g_string_append_c (out, *p);
      p++;
    }

  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * mk_xml_read:
 * @base_url: (nullable): where the document came from; relative links and
 *   xml:base are resolved against it
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 *   (MK_FEED_ERROR) when it has no root element to read
 */
xmlDoc *
mk_xml_read (const char  *data,
             gsize        length,
             const char  *base_url,
             GError     **error)
{
  g_autofree char *utf8 = NULL;
  g_autofree char *escaped = NULL;
  gsize utf8_length = 0, escaped_length = 0;
  xmlDoc *doc;

  if (length > MK_XML_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (MK_XML_MAX_SIZE);

      g_set_error (error, MK_FEED_ERROR, MK_FEED_ERROR_TOO_LARGE,
                   _("too large for a feed (at most %s)"), limit);
      return NULL;
    }

  utf8 = mk_xml_dup_utf8 (data, length, &utf8_length);
  escaped = escape_stray_ampersands (utf8, utf8_length, &escaped_length);
  if (escaped_length > G_MAXINT)
    escaped_length = G_MAXINT;

  /* The encoding argument overrides the declaration: the text is UTF-8 now. */
  doc = xmlReadMemory (escaped, (int) escaped_length, base_url, "UTF-8", PARSE_OPTIONS);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, MK_FEED_ERROR, MK_FEED_ERROR_MALFORMED,
                   _("not readable as XML"));
      return NULL;
    }

  return doc;
}

/* An element's name without its prefix, whether the prefix was declared
 * (libxml2 then keeps it apart) or not (libxml2 then keeps "dc:creator"
 * as the name). Feeds are matched by local name: real feeds get their
 * namespaces wrong far more often than two vocabularies clash. */
const char *
mk_xml_local_name (xmlNode *node)
{
  const char *name = (const char *) node->name;
  const char *colon;

  if (name == NULL)
    return "";
  colon = node->ns == NULL ? strrchr (name, ':') : NULL;
  return colon != NULL ? colon + 1 : name;
}

gboolean
mk_xml_is (xmlNode    *node,
           const char *local_name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp (mk_xml_local_name (node), local_name) == 0;
}

xmlNode *
mk_xml_child (xmlNode    *parent,
              const char *local_name)
{
  for (xmlNode *child = parent ? parent->children : NULL; child; child = child->next)
    if (mk_xml_is (child, local_name))
      return child;
  return NULL;
}

static void
append_text (GString *text,
             xmlNode *node,
             guint    depth)
{
  if (depth > 64)
    return;

  for (; node != NULL; node = node->next)
    {
      /* Entity references are skipped, never expanded (see above). */
      if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
          node->content != NULL)
        g_string_append (text, (const char *) node->content);
      else if (node->type == XML_ELEMENT_NODE)
        append_text (text, node->children, depth + 1);
    }
}

/**
 * mk_xml_dup_text:
 *
 * Returns: (transfer full) (nullable): the text inside @node, trimmed;
 *   %NULL when there is none
 */
char *
mk_xml_dup_text (xmlNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (node == NULL)
    return NULL;

  append_text (text, node->children, 0);
  g_strstrip (text->str);
  if (text->str[0] == '\0')
    return NULL;

  return g_strdup (text->str);
}

char *
mk_xml_dup_child_text (xmlNode    *parent,
                       const char *local_name)
{
  return mk_xml_dup_text (mk_xml_child (parent, local_name));
}

char *
mk_xml_dup_attribute (xmlNode    *node,
                      const char *name)
{
  xmlChar *value;
  char *copy;

  if (node == NULL)
    return NULL;

  value = xmlGetProp (node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;

  copy = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);
  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* The markup inside @node, for Atom's type="xhtml" content. */
char *
mk_xml_dup_inner_xml (xmlNode *node)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  xmlBuffer *buffer = xmlBufferCreate ();

  for (xmlNode *child = node->children; child; child = child->next)
    {
      xmlBufferEmpty (buffer);
      if (xmlNodeDump (buffer, node->doc, child, 0, 0) >= 0)
        g_string_append (markup, (const char *) xmlBufferContent (buffer));
    }
  xmlBufferFree (buffer);

  return g_strdup (markup->str);
}

/**
 * mk_xml_root_name:
 *
 * A look at the first element's name without parsing, to tell a feed
 * from a subscription list or a web page.
 *
 * Returns: (transfer full) (nullable): the root element's local name,
 *   lower case, or %NULL when @data does not look like XML or HTML
 */
char *
mk_xml_root_name (const char *data,
                  gsize       length)
{
  const char *p = data, *end = data + MIN (length, 64 * 1024);

  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *start, *colon = NULL;

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || *p != '<')
        return NULL;

      if (end - p >= 4 && strncmp (p, "<!--", 4) == 0)
        {
          p = g_strstr_len (p, end - p, "-->");
          if (p == NULL)
            return NULL;
          p += 3;
          continue;
        }
      if (end - p >= 2 && (p[1] == '?' || p[1] == '!'))
        {
          /* A declaration, processing instruction or DOCTYPE; an internal
           * subset ends with "]>". */
          const char *close = memchr (p, '>', end - p);
          const char *bracket = memchr (p, '[', close ? (gsize) (close - p) : (gsize) (end - p));

          if (bracket != NULL)
            {
              close = g_strstr_len (bracket, end - bracket, "]>");
              if (close != NULL)
                close++;
            }
          if (close == NULL)
            return NULL;
          p = close + 1;
          continue;
        }

      start = ++p;
      while (p < end && (is_name_char (*p) || *p == ':'))
        {
          if (*p == ':')
            colon = p;
          p++;
        }
      if (p == start)
        return NULL;
      if (colon != NULL)
        start = colon + 1;
      return g_ascii_strdown (start, p - start);
    }

  return NULL;
}
