/* mk-opml.c — subscription lists (OPML) read and written
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "mk-feed.h"
#include "mk-opml.h"
#include "mk-xml.h"

/* Feed readers trade subscriptions as OPML: <outline xmlUrl="…"> elements,
 * nested in folders. Read with the same safe reader as feeds; written by
 * libxml2, which escapes what it writes. */

/* Folders nested deeper than this are not a subscription list. */
#define MAX_OUTLINE_DEPTH 32

MkOpmlFeed *
mk_opml_feed_new (const char *url,
                  const char *title,
                  const char *site_url)
{
  MkOpmlFeed *feed = g_new0 (MkOpmlFeed, 1);

  feed->url = g_strdup (url);
  feed->title = g_strdup (title);
  feed->site_url = g_strdup (site_url);
  return feed;
}

void
mk_opml_feed_free (MkOpmlFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->url);
  g_free (feed->title);
  g_free (feed->site_url);
  g_free (feed);
}

static gboolean
is_web_url (const char *url)
{
  g_autofree char *scheme = url ? g_uri_parse_scheme (url) : NULL;

  return scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 ||
                            g_ascii_strcasecmp (scheme, "https") == 0);
}

static void
read_outlines (xmlNode    *parent,
               GPtrArray  *feeds,
               GHashTable *seen,
               guint       depth)
{
  if (depth > MAX_OUTLINE_DEPTH)
    return;

  for (xmlNode *node = parent->children; node; node = node->next)
    {
      g_autofree char *url = NULL;

      if (!mk_xml_is (node, "outline"))
        continue;

      url = mk_xml_dup_attribute (node, "xmlUrl");
      if (url == NULL)
        url = mk_xml_dup_attribute (node, "xmlurl");

      /* Only web feeds; a "file:" or "javascript:" subscription is not
       * something to fetch. Each feed once, as lists repeat them across
       * folders. */
      if (is_web_url (url) && !g_hash_table_contains (seen, url))
        {
          g_autofree char *title = mk_xml_dup_attribute (node, "title");
          g_autofree char *site_url = mk_xml_dup_attribute (node, "htmlUrl");

          if (title == NULL)
            title = mk_xml_dup_attribute (node, "text");
          g_hash_table_add (seen, g_strdup (url));
          g_ptr_array_add (feeds, mk_opml_feed_new (url, title,
                                                    is_web_url (site_url) ? site_url : NULL));
        }

      read_outlines (node, feeds, seen, depth + 1);
    }
}

/**
 * mk_opml_parse:
 *
 * Returns: (transfer full) (element-type MkOpmlFeed): the feeds listed,
 *   in document order, or %NULL with @error (%MK_FEED_ERROR) set when
 *   @data is not a subscription list
 */
GPtrArray *
mk_opml_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *feeds;
  xmlNode *root, *body;

  doc = mk_xml_read (data, length, NULL, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  body = mk_xml_child (root, "body");
  if (!mk_xml_is (root, "opml") || body == NULL)
    {
      g_set_error (error, MK_FEED_ERROR, MK_FEED_ERROR_NOT_A_FEED,
                   _("not an OPML subscription list"));
      return NULL;
    }

  feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_opml_feed_free);
  read_outlines (body, feeds, seen, 0);
  return feeds;
}

/**
 * mk_opml_write:
 * @feeds: (element-type MkOpmlFeed): what to list
 * @title: the list's title
 *
 * Returns: (transfer full): an OPML 2.0 document, UTF-8
 */
char *
mk_opml_write (GPtrArray  *feeds,
               const char *title)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root, *head, *body;
  xmlChar *text = NULL;
  int size = 0;
  char *result;

  root = xmlNewNode (NULL, (const xmlChar *) "opml");
  xmlSetProp (root, (const xmlChar *) "version", (const xmlChar *) "2.0");
  xmlDocSetRootElement (doc, root);
  head = xmlNewChild (root, NULL, (const xmlChar *) "head", NULL);
  /* xmlNewTextChild escapes; xmlNewChild would not. */
  xmlNewTextChild (head, NULL, (const xmlChar *) "title", (const xmlChar *) title);
  body = xmlNewChild (root, NULL, (const xmlChar *) "body", NULL);

  for (guint i = 0; i < feeds->len; i++)
    {
      MkOpmlFeed *feed = g_ptr_array_index (feeds, i);
      xmlNode *outline = xmlNewChild (body, NULL, (const xmlChar *) "outline", NULL);
      const char *name = feed->title ? feed->title : feed->url;

      xmlSetProp (outline, (const xmlChar *) "type", (const xmlChar *) "rss");
      xmlSetProp (outline, (const xmlChar *) "text", (const xmlChar *) name);
      xmlSetProp (outline, (const xmlChar *) "title", (const xmlChar *) name);
      xmlSetProp (outline, (const xmlChar *) "xmlUrl", (const xmlChar *) feed->url);
      if (feed->site_url != NULL)
        xmlSetProp (outline, (const xmlChar *) "htmlUrl", (const xmlChar *) feed->site_url);
    }

  xmlDocDumpFormatMemoryEnc (doc, &text, &size, "UTF-8", 1);
  result = g_strndup ((const char *) text, size);
  xmlFree (text);
  return result;
}
