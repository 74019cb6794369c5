/* mk-feed.c — a news feed read into articles
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mk-feed.h"
#include "mk-html-text.h"
#include "mk-uri.h"
#include "mk-xml.h"

/* RSS 0.9x and 2.0, RSS 1.0 (RDF), Atom 0.3 and 1.0 and JSON Feed 1.0 and
 * 1.1, each item mapped to an MkArticle: links resolved against xml:base
 * or the feed's address, dates in UTC, HTML made plain text, the feed's
 * title as the article's source. The XML is read by mk_xml_read() (no
 * network, no entities, size and depth caps). An item that cannot be
 * read is left out; a bad date leaves the article undated. */

struct _MkFeed
{
  GObject parent_instance;

  MkFeedFormat format;
  char *title;
  char *site_url;
  char *language;
  char *author;      /* the feed's own, for items without one */
  char *base_url;
  GPtrArray *articles;
};

G_DEFINE_FINAL_TYPE (MkFeed, mk_feed, G_TYPE_OBJECT)
G_DEFINE_QUARK (mk-feed-error-quark, mk_feed_error)

/* JSON nested deeper than this is not a feed; json-glib's parser recurses. */
#define MAX_JSON_DEPTH 128

/* Titles made from the text of an untitled item stop near here. */
#define DERIVED_TITLE_LENGTH 80

static void
mk_feed_finalize (GObject *object)
{
  MkFeed *self = (MkFeed *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->site_url, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->articles, g_ptr_array_unref);

  G_OBJECT_CLASS (mk_feed_parent_class)->finalize (object);
}

static void
mk_feed_class_init (MkFeedClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_feed_finalize;
}

static void
mk_feed_init (MkFeed *self)
{
  self->articles = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Dates ------------------------------------------------------------------ */

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};

/* RFC 822 zone names; military letters and unknown names count as UTC,
 * as RFC 2822 says of them. */
static int
zone_offset_minutes (const char *zone)
{
  static const struct { const char *name; int hours; } zones[] = {
    { "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
    { "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
  };

  if ((zone[0] == '+' || zone[0] == '-') && strlen (zone) >= 5 &&
      g_ascii_isdigit (zone[1]) && g_ascii_isdigit (zone[2]))
    {
      const char *minutes = zone[3] == ':' ? zone + 4 : zone + 3;
      int value = (zone[1] - '0') * 600 + (zone[2] - '0') * 60 +
                  g_ascii_digit_value (minutes[0]) * 10 + g_ascii_digit_value (minutes[1]);

      return zone[0] == '-' ? -value : value;
    }

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (g_ascii_strcasecmp (zone, zones[i].name) == 0)
      return zones[i].hours * 60;

  return 0;
}

static int
month_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_ascii_strncasecmp (name, month_names[i], 3) == 0)
      return i + 1;
  return 0;
}

/* "Mon, 23 Nov 2026 07:04:19 +0700" and what real feeds make of it:
 * no weekday, no seconds, two-digit years, zone names. GLib has no
 * parser for it and libsoup's reads "EST" as UTC, hence these lines. */
static GDateTime *
parse_rfc822 (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  guint i = 0;
  int day, month, year, hour = 0, minute = 0, offset = 0;
  double seconds = 0;

  words = g_strsplit_set (text, " \t,", -1);
  /* Empty words come from ", " and double spaces. */
  {
    guint n = 0;

    for (guint j = 0; words[j]; j++)
      if (words[j][0] != '\0')
        words[n++] = words[j];
      else
        g_free (words[j]);
    words[n] = NULL;
  }

  if (words[i] != NULL && g_ascii_isalpha (words[i][0]))
    i++;  /* the weekday */
  if (words[i] == NULL || words[i + 1] == NULL || words[i + 2] == NULL)
    return NULL;

  day = atoi (words[i]);
  month = month_from_name (words[i + 1]);
  year = atoi (words[i + 2]);
  if (day < 1 || day > 31 || month == 0 || !g_ascii_isdigit (words[i + 2][0]))
    return NULL;
  if (strlen (words[i + 2]) == 2)
    year += year < 50 ? 2000 : 1900;
  i += 3;

  if (words[i] != NULL)
    {
      int n = sscanf (words[i], "%d:%d:%lf", &hour, &minute, &seconds);

      if (n < 2)
        return NULL;
      i++;
      if (words[i] != NULL)
        offset = zone_offset_minutes (words[i]);
    }

  zone = g_time_zone_new_offset (offset * 60);
  return g_date_time_new (zone, year, month, day, hour, minute, seconds);
}

/* RFC 3339 / ISO 8601, with a space for the "T" and a missing zone (UTC)
 * tolerated, and a date alone read as its midnight UTC. */
static GDateTime *
parse_iso8601 (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *copy = g_strdup (text);

  if (strlen (copy) == 10)
    {
      g_autofree char *full = g_strconcat (copy, "T00:00:00Z", NULL);

      return g_date_time_new_from_iso8601 (full, utc);
    }
  if (strlen (copy) > 10 && copy[10] == ' ')
    copy[10] = 'T';

  return g_date_time_new_from_iso8601 (copy, utc);
}

/**
 * mk_feed_parse_date:
 *
 * Returns: (transfer full) (nullable): @text as "YYYY-MM-DDTHH:MM:SSZ"
 *   in UTC, or %NULL when it is not an RFC 822 or RFC 3339 date
 */
char *
mk_feed_parse_date (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (text == NULL)
    return NULL;

  while (g_ascii_isspace (*text))
    text++;
  if (g_ascii_isdigit (text[0]) && strlen (text) >= 10 && text[4] == '-')
    date = parse_iso8601 (text);
  else
    date = parse_rfc822 (text);

  if (date == NULL)
    return NULL;

  utc = g_date_time_to_utc (date);
  /* Years before 1000 are typos, not news. */
  if (utc == NULL || g_date_time_get_year (utc) < 1000)
    return NULL;
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Building articles -------------------------------------------------------- */

static char *
resolve_link (const char *base,
              const char *link)
{
  g_autofree char *stripped = NULL;
  char *resolved;

  if (link == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (link));
  if (stripped[0] == '\0')
    return NULL;
  if (base == NULL)
    return g_steal_pointer (&stripped);

  resolved = mk_uri_resolve (base, stripped);
  return resolved != NULL ? resolved : g_steal_pointer (&stripped);
}

/* "jane@example.org (Jane Doe)", as RSS 2.0 asks, is shown as its name. */
static char *
clean_author (char *author)
{
  const char *open, *close;
  char *name;

  if (author == NULL)
    return NULL;

  open = strchr (author, '(');
  close = open ? strrchr (open, ')') : NULL;
  if (open == NULL || close == NULL || strchr (author, '@') == NULL || strchr (author, '@') > open)
    return author;

  name = g_strstrip (g_strndup (open + 1, close - open - 1));
  g_free (author);
  return name;
}

static char *
derive_title (const char *text)
{
  g_autofree char *first_line = NULL;
  const char *end;

  if (text == NULL || text[0] == '\0')
    return NULL;

  end = strchr (text, '\n');
  first_line = end ? g_strndup (text, end - text) : g_strdup (text);
  if (g_utf8_strlen (first_line, -1) > DERIVED_TITLE_LENGTH)
    {
      char *cut = g_utf8_offset_to_pointer (first_line, DERIVED_TITLE_LENGTH);
      char *space;

      *cut = '\0';
      space = strrchr (first_line, ' ');
      if (space != NULL && space > first_line)
        *space = '\0';
      return g_strconcat (first_line, "…", NULL);
    }

  return g_steal_pointer (&first_line);
}

static char *
html_to_plain (const char *html)
{
  char *text;

  if (html == NULL)
    return NULL;
  text = mk_html_text_to_plain (html, -1);
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
plain_to_plain (const char *plain)
{
  char *text;

  if (plain == NULL)
    return NULL;
  text = mk_html_text_normalize_plain (plain);
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* What an item gave, before it becomes an article. */
typedef struct {
  char *title;        /* plain text */
  char *link;         /* absolute */
  char *guid;
  char *author;
  char *published;    /* raw */
  char *updated;      /* raw */
  char *summary;      /* plain text */
  char *body;         /* plain text */
  char *language;
} Item;

static void
item_clear (Item *item)
{
  g_free (item->title);
  g_free (item->link);
  g_free (item->guid);
  g_free (item->author);
  g_free (item->published);
  g_free (item->updated);
  g_free (item->summary);
  g_free (item->body);
  g_free (item->language);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Item, item_clear)

static char *
fallback_guid (Item *item)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) (item->title ? item->title : ""), -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) (item->body ? item->body : ""), -1);
  return g_strdup_printf ("sha256:%s", g_checksum_get_string (checksum));
}

/* Without a body, the summary is the text the archive keeps (and it is
 * not kept twice). An item with nothing to read is left out. */
static void
add_article (MkFeed *self,
             Item   *item)
{
  g_autoptr(MkArticle) article = NULL;
  g_autofree char *published = NULL;
  g_autofree char *derived = NULL;

  if (item->body == NULL)
    item->body = g_steal_pointer (&item->summary);
  if (item->title == NULL && item->body == NULL && item->link == NULL)
    return;

  if (item->guid == NULL)
    item->guid = item->link ? g_strdup (item->link) : fallback_guid (item);

  published = mk_feed_parse_date (item->published);
  if (published == NULL)
    published = mk_feed_parse_date (item->updated);

  article = mk_article_new ();
  if (item->title != NULL)
    mk_article_set_title (article, item->title);
  else
    {
      derived = derive_title (item->body ? item->body : item->link);
      mk_article_set_title (article, derived);
      mk_article_set_title_derived (article, TRUE);
    }
  mk_article_set_url (article, item->link);
  mk_article_set_guid (article, item->guid);
  mk_article_set_source (article, self->title);
  mk_article_set_author (article, item->author ? item->author : self->author);
  mk_article_set_published (article, published);
  mk_article_set_summary (article, item->summary);
  mk_article_set_body (article, item->body ? item->body : "");
  mk_article_set_language (article, item->language ? item->language : self->language);

  g_ptr_array_add (self->articles, g_steal_pointer (&article));
}

/* RSS 0.9x, 1.0 and 2.0 ------------------------------------------------------- */

static char *
base_of (xmlNode *node)
{
  xmlChar *base = xmlNodeGetBase (node->doc, node);
  char *copy = g_strdup ((const char *) base);

  xmlFree (base);
  return copy;
}

/* Titles are text, but often carry escaped markup ("&lt;b&gt;") or
 * entities; they go through the HTML reader too. */
static char *
dup_title (xmlNode *node)
{
  g_autofree char *raw = mk_xml_dup_text (node);

  return html_to_plain (raw);
}

static void
read_rss_item (MkFeed  *self,
               xmlNode *node)
{
  g_auto(Item) item = { 0 };
  g_autofree char *base = base_of (node);

  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (mk_xml_is (child, "title") && item.title == NULL)
        item.title = dup_title (child);
      else if (mk_xml_is (child, "link") && item.link == NULL)
        {
          /* An atom:link inside RSS carries its address in href. */
          g_autofree char *href = mk_xml_dup_attribute (child, "href");
          g_autofree char *rel = mk_xml_dup_attribute (child, "rel");
          g_autofree char *text = mk_xml_dup_text (child);

          if (href == NULL || rel == NULL || g_str_equal (rel, "alternate"))
            item.link = resolve_link (base, text ? text : href);
        }
      else if (mk_xml_is (child, "guid") && item.guid == NULL)
        item.guid = mk_xml_dup_text (child);
      else if ((mk_xml_is (child, "author") || mk_xml_is (child, "creator")) && item.author == NULL)
        item.author = clean_author (mk_xml_dup_text (child));
      else if ((mk_xml_is (child, "pubDate") || mk_xml_is (child, "date") ||
                mk_xml_is (child, "issued")) && item.published == NULL)
        item.published = mk_xml_dup_text (child);
      else if ((mk_xml_is (child, "updated") || mk_xml_is (child, "modified")) &&
               item.updated == NULL)
        item.updated = mk_xml_dup_text (child);
      else if (mk_xml_is (child, "description") && item.summary == NULL)
        {
          g_autofree char *html = mk_xml_dup_text (child);

          item.summary = html_to_plain (html);
        }
      else if (mk_xml_is (child, "encoded") && item.body == NULL)
        {
          g_autofree char *html = mk_xml_dup_text (child);

          item.body = html_to_plain (html);
        }
      else if (mk_xml_is (child, "language") && item.language == NULL)
        item.language = mk_xml_dup_text (child);
    }

  /* RSS 1.0 names its items by rdf:about. */
  if (item.guid == NULL)
    item.guid = mk_xml_dup_attribute (node, "about");
  if (item.link == NULL && item.guid != NULL &&
      (g_str_has_prefix (item.guid, "http://") || g_str_has_prefix (item.guid, "https://")))
    item.link = g_strdup (item.guid);

  add_article (self, &item);
}

static void
read_rss_channel (MkFeed  *self,
                  xmlNode *channel)
{
  g_autofree char *base = base_of (channel);

  if (self->title == NULL)
    self->title = dup_title (mk_xml_child (channel, "title"));
  if (self->language == NULL)
    self->language = mk_xml_dup_child_text (channel, "language");
  if (self->author == NULL)
    self->author = mk_xml_dup_child_text (channel, "creator");

  for (xmlNode *child = channel->children; child && self->site_url == NULL; child = child->next)
    if (mk_xml_is (child, "link") && xmlHasProp (child, (const xmlChar *) "href") == NULL)
      {
        g_autofree char *text = mk_xml_dup_text (child);

        self->site_url = resolve_link (base, text);
      }
}

static void
read_rss (MkFeed  *self,
          xmlNode *root)
{
  xmlNode *channel = mk_xml_child (root, "channel");

  if (channel != NULL)
    read_rss_channel (self, channel);

  /* RSS 2.0 puts items in the channel, RSS 1.0 and 0.90 beside it. */
  for (xmlNode *child = channel ? channel->children : NULL; child; child = child->next)
    if (mk_xml_is (child, "item"))
      read_rss_item (self, child);
  for (xmlNode *child = root->children; child; child = child->next)
    if (mk_xml_is (child, "item"))
      read_rss_item (self, child);
}

/* Atom 0.3 and 1.0 ----------------------------------------------------------- */

/* Atom text constructs: type text, html or xhtml; Atom 0.3 says
 * mode="escaped" for html and "xml" for inline markup. */
static char *
atom_text (xmlNode *node)
{
  g_autofree char *type = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *raw = NULL;

  if (node == NULL)
    return NULL;

  type = mk_xml_dup_attribute (node, "type");
  mode = mk_xml_dup_attribute (node, "mode");

  if ((type && (g_str_equal (type, "xhtml") || g_str_equal (type, "application/xhtml+xml"))) ||
      (mode && g_str_equal (mode, "xml")))
    {
      g_autofree char *markup = mk_xml_dup_inner_xml (node);

      return html_to_plain (markup);
    }

  raw = mk_xml_dup_text (node);
  if ((type && (g_str_equal (type, "html") || g_str_equal (type, "text/html"))) ||
      (mode && g_str_equal (mode, "escaped")))
    return html_to_plain (raw);

  return plain_to_plain (raw);
}

static char *
atom_link (xmlNode *node)
{
  g_autofree char *base = base_of (node);
  g_autofree char *fallback = NULL;

  for (xmlNode *child = node->children; child; child = child->next)
    {
      g_autofree char *rel = NULL;
      g_autofree char *href = NULL;

      if (!mk_xml_is (child, "link"))
        continue;
      rel = mk_xml_dup_attribute (child, "rel");
      href = mk_xml_dup_attribute (child, "href");
      if (href == NULL)
        continue;
      if (rel == NULL || g_str_equal (rel, "alternate"))
        return resolve_link (base, href);
      if (fallback == NULL && !g_str_equal (rel, "self") && !g_str_equal (rel, "hub"))
        fallback = g_steal_pointer (&href);
    }

  return fallback ? resolve_link (base, fallback) : NULL;
}

static char *
atom_author (xmlNode *node)
{
  xmlNode *author = mk_xml_child (node, "author");

  if (author == NULL)
    return NULL;
  /* Some write the name as the element's text. */
  return mk_xml_child (author, "name") ? mk_xml_dup_child_text (author, "name")
                                       : mk_xml_dup_text (author);
}

static char *
node_language (xmlNode *node)
{
  xmlChar *lang = xmlNodeGetLang (node);
  char *copy = g_strdup ((const char *) lang);

  xmlFree (lang);
  return copy;
}

static void
read_atom_entry (MkFeed  *self,
                 xmlNode *entry)
{
  g_auto(Item) item = { 0 };

  item.title = atom_text (mk_xml_child (entry, "title"));
  item.link = atom_link (entry);
  item.guid = mk_xml_dup_child_text (entry, "id");
  item.author = atom_author (entry);
  item.published = mk_xml_dup_child_text (entry, "published");
  if (item.published == NULL)
    item.published = mk_xml_dup_child_text (entry, "issued");
  if (item.published == NULL)
    item.published = mk_xml_dup_child_text (entry, "created");
  item.updated = mk_xml_dup_child_text (entry, "updated");
  if (item.updated == NULL)
    item.updated = mk_xml_dup_child_text (entry, "modified");
  item.summary = atom_text (mk_xml_child (entry, "summary"));
  item.body = atom_text (mk_xml_child (entry, "content"));
  item.language = node_language (entry);

  add_article (self, &item);
}

static void
read_atom (MkFeed  *self,
           xmlNode *root)
{
  self->title = atom_text (mk_xml_child (root, "title"));
  self->site_url = atom_link (root);
  self->author = atom_author (root);
  self->language = node_language (root);

  for (xmlNode *child = root->children; child; child = child->next)
    if (mk_xml_is (child, "entry"))
      read_atom_entry (self, child);
}

/* JSON Feed 1.0 and 1.1 ------------------------------------------------------ */

static char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return NULL;

  /* Ids are strings, but some feeds write numbers. */
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (node));
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  if (text == NULL || g_strstrip (text)[0] == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

static JsonObject *
json_object_member (JsonObject *object,
                    const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* 1.1 has "authors", 1.0 "author". */
static char *
json_author (JsonObject *object)
{
  JsonNode *authors = json_object_get_member (object, "authors");

  if (authors != NULL && JSON_NODE_HOLDS_ARRAY (authors))
    {
      JsonArray *array = json_node_get_array (authors);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          char *name;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          name = json_string (json_node_get_object (element), "name");
          if (name != NULL)
            return name;
        }
    }

  return json_string (json_object_member (object, "author"), "name");
}

static void
read_json_item (MkFeed     *self,
                JsonObject *object)
{
  g_auto(Item) item = { 0 };
  g_autofree char *title = json_string (object, "title");
  g_autofree char *url = json_string (object, "url");
  g_autofree char *summary = json_string (object, "summary");
  g_autofree char *html = json_string (object, "content_html");
  g_autofree char *text = json_string (object, "content_text");

  if (url == NULL)
    url = json_string (object, "external_url");

  item.title = html_to_plain (title);
  item.link = resolve_link (self->base_url, url);
  item.guid = json_string (object, "id");
  item.author = json_author (object);
  item.published = json_string (object, "date_published");
  item.updated = json_string (object, "date_modified");
  item.summary = plain_to_plain (summary);
  item.body = html ? html_to_plain (html) : plain_to_plain (text);
  item.language = json_string (object, "language");

  add_article (self, &item);
}

/* The deepest nesting of arrays and objects, counted outside strings, so
 * that json-glib's recursive parser never meets a hostile depth. */
static guint
json_depth (const char *data,
            gsize       length)
{
  guint depth = 0, deepest = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        deepest = MAX (deepest, ++depth);
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return deepest;
}

static gboolean
read_json (MkFeed      *self,
           const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *title = NULL;
  JsonNode *root, *items;
  JsonObject *object;

  if (json_depth (data, length) > MAX_JSON_DEPTH ||
      !json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, MK_FEED_ERROR, MK_FEED_ERROR_MALFORMED, _("not readable as JSON"));
      return FALSE;
    }

  root = json_parser_get_root (parser);
  object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  version = object ? json_string (object, "version") : NULL;
  if (version == NULL || !g_str_has_prefix (version, "https://jsonfeed.org/version/"))
    {
      g_set_error (error, MK_FEED_ERROR, MK_FEED_ERROR_NOT_A_FEED,
                   _("JSON, but not a JSON Feed"));
      return FALSE;
    }

  self->format = MK_FEED_FORMAT_JSON;
  title = json_string (object, "title");
  self->title = html_to_plain (title);
  self->site_url = json_string (object, "home_page_url");
  self->author = json_author (object);
  self->language = json_string (object, "language");

  items = json_object_get_member (object, "items");
  if (items != NULL && JSON_NODE_HOLDS_ARRAY (items))
    {
      JsonArray *array = json_node_get_array (items);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            read_json_item (self, json_node_get_object (element));
        }
    }

  return TRUE;
}

/* Entry points ---------------------------------------------------------------- */

static const char *
skip_space (const char *data,
            gsize      *length)
{
  if (*length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      *length -= 3;
    }
  while (*length > 0 && g_ascii_isspace (*data))
    {
      data++;
      (*length)--;
    }
  return data;
}

static MkFeedFormat
format_of_root (const char *name)
{
  if (name == NULL)
    return MK_FEED_FORMAT_UNKNOWN;
  if (g_str_equal (name, "rss"))
    return MK_FEED_FORMAT_RSS;
  if (g_str_equal (name, "rdf"))
    return MK_FEED_FORMAT_RDF;
  if (g_str_equal (name, "feed"))
    return MK_FEED_FORMAT_ATOM;
  if (g_str_equal (name, "opml"))
    return MK_FEED_FORMAT_OPML;
  if (g_str_equal (name, "html"))
    return MK_FEED_FORMAT_HTML;
  return MK_FEED_FORMAT_OTHER_XML;
}

/**
 * mk_feed_sniff:
 *
 * Tells by its first bytes what a document is, without parsing it.
 */
MkFeedFormat
mk_feed_sniff (const char *data,
               gsize       length)
{
  g_autofree char *root = NULL;
  const char *start = skip_space (data, &length);
  MkFeedFormat format;

  if (length > 0 && start[0] == '{')
    return g_strstr_len (start, MIN (length, 4096), "jsonfeed.org/version") != NULL
           ? MK_FEED_FORMAT_JSON : MK_FEED_FORMAT_UNKNOWN;

  root = mk_xml_root_name (start, length);
  format = format_of_root (root);

  /* A plain-text article may well begin with something tag-like (a title
   * such as "<b>Laos</b> opens…"): only a document that says it is XML is
   * taken for some other XML. */
  if (format == MK_FEED_FORMAT_OTHER_XML &&
      (length < 5 || memcmp (start, "<?xml", 5) != 0))
    return MK_FEED_FORMAT_UNKNOWN;

  return format;
}

static gboolean
read_xml (MkFeed      *self,
          const char  *data,
          gsize        length,
          GError     **error)
{
  g_autoptr(xmlDoc) doc = mk_xml_read (data, length, self->base_url, error);
  g_autofree char *name = NULL;
  xmlNode *root;

  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  name = g_ascii_strdown (mk_xml_local_name (root), -1);
  self->format = format_of_root (name);

  switch (self->format)
    {
    case MK_FEED_FORMAT_RSS:
    case MK_FEED_FORMAT_RDF:
      read_rss (self, root);
      return TRUE;
    case MK_FEED_FORMAT_ATOM:
      read_atom (self, root);
      return TRUE;
    case MK_FEED_FORMAT_UNKNOWN:
    case MK_FEED_FORMAT_JSON:
    case MK_FEED_FORMAT_OPML:
    case MK_FEED_FORMAT_HTML:
    case MK_FEED_FORMAT_OTHER_XML:
    default:
      g_set_error (error, MK_FEED_ERROR, MK_FEED_ERROR_NOT_A_FEED,
                   _("not an RSS, Atom or JSON feed"));
      return FALSE;
    }
}

/**
 * mk_feed_parse:
 * @data: the feed as it came, in any encoding
 * @base_url: (nullable): where it came from, for relative links
 *
 * Returns: (transfer full): the feed and its articles, or %NULL with
 *   @error (%MK_FEED_ERROR) set when it cannot be read at all
 */
MkFeed *
mk_feed_parse (const char  *data,
               gsize        length,
               const char  *base_url,
               GError     **error)
{
  g_autoptr(MkFeed) self = NULL;
  const char *start;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > MK_XML_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (MK_XML_MAX_SIZE);

      g_set_error (error, MK_FEED_ERROR, MK_FEED_ERROR_TOO_LARGE,
                   _("too large for a feed (at most %s)"), limit);
      return NULL;
    }

  self = g_object_new (MK_TYPE_FEED, NULL);
  self->base_url = g_strdup (base_url);

  start = skip_space (data ? data : "", &length);
  if (length == 0)
    {
      g_set_error (error, MK_FEED_ERROR, MK_FEED_ERROR_NOT_A_FEED, _("empty, not a feed"));
      return NULL;
    }

  if (start[0] == '{')
    ok = read_json (self, start, length, error);
  else
    ok = read_xml (self, start, length, error);

  if (!ok)
    return NULL;

  return g_steal_pointer (&self);
}

MkFeedFormat
mk_feed_get_format (MkFeed *self)
{
  g_return_val_if_fail (MK_IS_FEED (self), MK_FEED_FORMAT_UNKNOWN);
  return self->format;
}

const char *
mk_feed_get_title (MkFeed *self)
{
  g_return_val_if_fail (MK_IS_FEED (self), NULL);
  return self->title;
}

const char *
mk_feed_get_site_url (MkFeed *self)
{
  g_return_val_if_fail (MK_IS_FEED (self), NULL);
  return self->site_url;
}

/**
 * mk_feed_get_articles:
 *
 * Returns: (transfer none) (element-type MkArticle): the items, in the
 *   feed's order; their guid and source are set
 */
GPtrArray *
mk_feed_get_articles (MkFeed *self)
{
  g_return_val_if_fail (MK_IS_FEED (self), NULL);
  return self->articles;
}
