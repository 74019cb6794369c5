/* test-feed-parser.c — feeds of every format, and feeds that are wrong
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "mekong-core.h"
#include "mk-xml.h"

static MkFeed *
parse_fixture (const char  *name,
               const char  *base_url,
               GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", name, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return mk_feed_parse (data, length, base_url, error);
}

static MkArticle *
article_at (MkFeed *feed,
            guint   index)
{
  GPtrArray *articles = mk_feed_get_articles (feed);

  g_assert_cmpuint (index, <, articles->len);
  return g_ptr_array_index (articles, index);
}

static void
test_rss2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = parse_fixture ("rss2.xml", "https://news.example.org/rss", &error);
  MkArticle *first, *second;

  g_assert_no_error (error);
  g_assert_cmpint (mk_feed_get_format (feed), ==, MK_FEED_FORMAT_RSS);
  g_assert_cmpstr (mk_feed_get_title (feed), ==, "Vietnam News & Views");
  g_assert_cmpuint (mk_feed_get_articles (feed)->len, ==, 2);

  first = article_at (feed, 0);
  g_assert_cmpstr (mk_article_get_title (first), ==, "Vietnam and Laos sign social security pact");
  /* Relative to the channel's xml:base. */
  g_assert_cmpstr (mk_article_get_url (first), ==, "https://news.example.org/vn/articles/pact.html");
  g_assert_cmpstr (mk_article_get_guid (first), ==, "vnv-1001");
  g_assert_cmpstr (mk_article_get_author (first), ==, "Nguyễn Văn An");
  /* +0700 stored in UTC. */
  g_assert_cmpstr (mk_article_get_published (first), ==, "2026-11-23T00:04:19Z");
  g_assert_cmpstr (mk_article_get_summary (first), ==, "A short summary.");
  /* content:encoded as paragraphs, the script dropped, &nbsp; a space. */
  g_assert_cmpstr (mk_article_get_body (first), ==,
                   "The Vietnam Social Security (VSS) and the LSSO met in Vientiane today.\n\n"
                   "Second paragraph & more.");
  g_assert_cmpstr (mk_article_get_source (first), ==, "Vietnam News & Views");
  g_assert_cmpstr (mk_article_get_language (first), ==, "en");

  /* A stray "&" and HTML entities survive; a bad date leaves it undated;
   * "email (Name)" is shown as the name; the description is the body. */
  second = article_at (feed, 1);
  g_assert_cmpstr (mk_article_get_title (second), ==, "Workers from Nghe An & Quang Nam");
  g_assert_null (mk_article_get_published (second));
  g_assert_cmpstr (mk_article_get_author (second), ==, "Trần Thị Bình");
  g_assert_cmpstr (mk_article_get_body (second), ==, "Labour export figures rose again © VNV.");
  g_assert_null (mk_article_get_summary (second));
  /* No guid: the link identifies it. */
  g_assert_cmpstr (mk_article_get_guid (second), ==, "https://news.example.org/vn/workers.html");
}

static void
test_rss091 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = parse_fixture ("rss091.xml", NULL, &error);

  /* The DOCTYPE names a DTD on the network: it is not fetched. */
  g_assert_no_error (error);
  g_assert_cmpstr (mk_feed_get_title (feed), ==, "Vientiane Times");
  g_assert_cmpuint (mk_feed_get_articles (feed)->len, ==, 1);
  g_assert_cmpstr (mk_article_get_url (article_at (feed, 0)), ==,
                   "https://vientianetimes.example/lsso-office");
  g_assert_cmpstr (mk_article_get_body (article_at (feed, 0)), ==,
                   "The LSSO opened a new office in Vientiane.");
}

static void
test_rss1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = parse_fixture ("rss1.rdf", NULL, &error);
  MkArticle *second;

  g_assert_no_error (error);
  g_assert_cmpint (mk_feed_get_format (feed), ==, MK_FEED_FORMAT_RDF);
  g_assert_cmpstr (mk_feed_get_title (feed), ==, "VOV World");
  g_assert_cmpuint (mk_feed_get_articles (feed)->len, ==, 2);
  g_assert_cmpstr (mk_article_get_published (article_at (feed, 0)), ==, "2026-11-20T02:30:00Z");
  g_assert_cmpstr (mk_article_get_author (article_at (feed, 0)), ==, "VOV reporter");
  g_assert_cmpstr (mk_article_get_guid (article_at (feed, 0)), ==, "https://vov.example/a/1");

  /* No link: rdf:about is both its id and its address. */
  second = article_at (feed, 1);
  g_assert_cmpstr (mk_article_get_url (second), ==, "https://vov.example/a/2");
  g_assert_cmpstr (mk_article_get_published (second), ==, "2026-11-21T00:00:00Z");
}

static void
test_atom10 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = parse_fixture ("atom10.xml", "https://vna.example/en/atom.xml", &error);
  MkArticle *first, *second;

  g_assert_no_error (error);
  g_assert_cmpint (mk_feed_get_format (feed), ==, MK_FEED_FORMAT_ATOM);
  g_assert_cmpstr (mk_feed_get_title (feed), ==, "VNA English");
  g_assert_cmpstr (mk_feed_get_site_url (feed), ==, "https://vna.example/en/");

  first = article_at (feed, 0);
  g_assert_cmpstr (mk_article_get_title (first), ==, "Dao Viet Anh visits Vientiane");
  g_assert_cmpstr (mk_article_get_url (first), ==, "https://vna.example/en/news/dao-viet-anh.html");
  g_assert_cmpstr (mk_article_get_guid (first), ==, "tag:vna.example,2026:1");
  g_assert_cmpstr (mk_article_get_author (first), ==, "Lê Minh");
  g_assert_cmpstr (mk_article_get_published (first), ==, "2026-11-22T13:00:00Z");
  g_assert_cmpstr (mk_article_get_summary (first), ==, "Deputy minister in Laos.");
  g_assert_cmpstr (mk_article_get_body (first), ==, "First paragraph.\n\none\ntwo");
  g_assert_cmpstr (mk_article_get_language (first), ==, "en");

  /* Only <updated>; the entry's own xml:base; the feed's author. */
  second = article_at (feed, 1);
  g_assert_cmpstr (mk_article_get_published (second), ==, "2026-11-21T16:30:00Z");
  g_assert_cmpstr (mk_article_get_url (second), ==, "https://other.example/section/story");
  g_assert_cmpstr (mk_article_get_author (second), ==, "VNA");
  g_assert_cmpstr (mk_article_get_body (second), ==, "Body with & ampersand");
}

static void
test_atom03 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = parse_fixture ("atom03.xml", NULL, &error);
  MkArticle *entry;

  g_assert_no_error (error);
  g_assert_cmpint (mk_feed_get_format (feed), ==, MK_FEED_FORMAT_ATOM);
  entry = article_at (feed, 0);
  g_assert_cmpstr (mk_article_get_published (entry), ==, "2005-07-31T10:29:29Z");
  g_assert_cmpstr (mk_article_get_body (entry), ==, "Escaped HTML body.");
  g_assert_cmpstr (mk_article_get_author (entry), ==, "Mark");
  g_assert_cmpstr (mk_article_get_source (entry), ==, "Old Atom Outlet");
}

static void
test_json11 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = parse_fixture ("feed11.json", "https://json.example/feed.json", &error);
  MkArticle *first, *second;

  g_assert_no_error (error);
  g_assert_cmpint (mk_feed_get_format (feed), ==, MK_FEED_FORMAT_JSON);
  g_assert_cmpstr (mk_feed_get_title (feed), ==, "Mekong JSON Desk");

  first = article_at (feed, 0);
  g_assert_cmpstr (mk_article_get_url (first), ==, "https://json.example/posts/1");
  g_assert_cmpstr (mk_article_get_body (first), ==, "Hello world & friends.");
  g_assert_cmpstr (mk_article_get_summary (first), ==, "A JSON summary.");
  g_assert_cmpstr (mk_article_get_author (first), ==, "Phạm Hùng");
  g_assert_cmpstr (mk_article_get_published (first), ==, "2026-11-22T05:00:00Z");
  g_assert_cmpstr (mk_article_get_language (first), ==, "vi");

  /* A number as id; content_text kept as paragraphs; the feed's author. */
  second = article_at (feed, 1);
  g_assert_cmpstr (mk_article_get_guid (second), ==, "2");
  g_assert_cmpstr (mk_article_get_body (second), ==, "Plain text body.\n\nSecond paragraph.");
  g_assert_cmpstr (mk_article_get_author (second), ==, "Desk");
  g_assert_cmpstr (mk_article_get_published (second), ==, "2026-11-21T01:00:00Z");
}

static void
test_json10 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = parse_fixture ("feed10.json", NULL, &error);
  MkArticle *item;

  g_assert_no_error (error);
  item = article_at (feed, 0);
  g_assert_cmpstr (mk_article_get_author (item), ==, "Solo");
  g_assert_null (mk_article_get_published (item));
  g_assert_true (mk_article_get_title_derived (item));
  g_assert_cmpstr (mk_article_get_title (item), ==, "Untitled item whose text becomes the title");
}

static void
test_undeclared_namespaces (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = parse_fixture ("undeclared-ns.xml", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (mk_article_get_author (article_at (feed, 0)), ==, "Nobody Declared");
  g_assert_cmpstr (mk_article_get_body (article_at (feed, 0)), ==, "Body from an undeclared namespace");
}

/* Links that resolve to a path starting with "//" and no host (a
 * hostless xml:base, or a scheme with a path like "/.//a"): GLib cannot
 * write such a URI back (it fails an assertion). The item is kept, with
 * its link as written. Found by fuzz-feed. */
static void
test_hostless_double_slash_link (void)
{
  const char *xml =
    "<rss version=\"2.0\"><channel><title>Odd links</title>\n"
    "<item><title>Scheme</title><link>x:/.//a</link></item>\n"
    "<item xml:base=\"x:\"><title>Base</title><link>.//b</link></item>\n"
    "<item><title>Plain</title><link>/story/1</link></item>\n"
    "</channel></rss>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = mk_feed_parse (xml, strlen (xml), "https://news.example.org/rss", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mk_feed_get_articles (feed)->len, ==, 3);
  g_assert_cmpstr (mk_article_get_url (article_at (feed, 0)), ==, "x:/.//a");
  g_assert_cmpstr (mk_article_get_url (article_at (feed, 1)), ==, ".//b");
  g_assert_cmpstr (mk_article_get_url (article_at (feed, 2)), ==, "https://news.example.org/story/1");
}

static void
test_wrong_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) latin1 = parse_fixture ("wrong-encoding-latin1.xml", NULL, &error);
  g_autoptr(MkFeed) utf8 = NULL;

  /* Declared UTF-8, written in Latin-1. */
  g_assert_no_error (error);
  g_assert_cmpstr (mk_feed_get_title (latin1), ==, "Café Olé");
  g_assert_cmpstr (mk_article_get_title (article_at (latin1, 0)), ==, "Señor Müller");

  /* Declared ISO-8859-1, written in UTF-8. */
  utf8 = parse_fixture ("wrong-encoding-utf8.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_feed_get_title (utf8), ==, "Tin tức Hà Nội");
  g_assert_cmpstr (mk_article_get_title (article_at (utf8, 0)), ==, "Đặng Thị Hà ở Quảng Nam");
}

static void
test_xxe (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = parse_fixture ("xxe.xml", NULL, &error);
  g_autofree char *passwd = NULL;
  MkArticle *item;

  g_assert_no_error (error);
  item = article_at (feed, 0);
  /* The entity is not expanded: no file content, no network. */
  g_assert_null (strstr (mk_article_get_title (item), "root:"));
  g_assert_null (strstr (mk_feed_get_title (feed), "root:"));
  if (g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL))
    {
      g_autofree char *first_line = g_strndup (passwd, strcspn (passwd, "\n"));

      g_assert_null (strstr (mk_article_get_title (item), first_line));
    }
  g_assert_cmpstr (mk_article_get_body (item), ==, "Remote: &remote; end");
}

static void
test_billion_laughs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = NULL;
  gint64 start = g_get_monotonic_time ();
  MkArticle *item;

  feed = parse_fixture ("billion-laughs.xml", NULL, &error);
  g_assert_no_error (error);
  item = article_at (feed, 0);
  /* Not a billion "lol"s: the reference is left as it was written. */
  g_assert_cmpstr (mk_article_get_title (item), ==, "&lol9;");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_deep (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = parse_fixture ("deep.xml", NULL, &error);

  /* 5000 levels: libxml2 stops at its depth limit and what was read is kept. */
  if (feed != NULL)
    g_assert_cmpuint (mk_feed_get_articles (feed)->len, <=, 1);
  else
    g_assert_error (error, MK_FEED_ERROR, MK_FEED_ERROR_MALFORMED);
}

/* Every text a feed gives the archive, joined: what a reader could see. */
static char *
feed_text (MkFeed *feed)
{
  GPtrArray *articles = mk_feed_get_articles (feed);
  GString *text = g_string_new (mk_feed_get_title (feed));

  for (guint i = 0; i < articles->len; i++)
    {
      MkArticle *article = g_ptr_array_index (articles, i);

      g_string_append_printf (text, "\n%s\n%s\n%s\n%s",
                              mk_article_get_title (article),
                              mk_article_get_body (article),
                              mk_article_get_summary (article) ? mk_article_get_summary (article) : "",
                              mk_article_get_author (article) ? mk_article_get_author (article) : "");
    }
  return g_string_free (text, FALSE);
}

/* An external DTD and external entities naming files that exist: neither
 * is read, so neither the DTD's entity nor a file's content shows up. */
static void
test_external_dtd (void)
{
  const char *marker = "MEKONG-LEAKED-FROM-DTD-7f3a";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mekong-xxe-XXXXXX", &error);
  g_autofree char *dtd_path = NULL;
  g_autofree char *dtd_uri = NULL;
  g_autofree char *dtd = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *hostname = NULL;
  g_autofree char *text = NULL;
  g_autoptr(MkFeed) feed = NULL;

  g_assert_no_error (error);
  dtd_path = g_build_filename (dir, "evil.dtd", NULL);
  dtd_uri = g_filename_to_uri (dtd_path, NULL, NULL);
  dtd = g_strdup_printf ("<!ENTITY secret \"%s\">\n"
                         "<!ENTITY %% inner \"<!ENTITY leak '%s'>\">\n%%inner;\n"
                         "<!ATTLIST item leaked CDATA \"%s\">\n", marker, marker, marker);
  g_assert_true (g_file_set_contents (dtd_path, dtd, -1, NULL));
  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<!DOCTYPE rss SYSTEM \"%s\" [\n"
                         "  <!ENTITY host SYSTEM \"file:///etc/hostname\">\n"
                         "  <!ENTITY %% dtd SYSTEM \"%s\">\n"
                         "  %%dtd;\n"
                         "]>\n"
                         "<rss version=\"2.0\"><channel><title>Channel [&host;]</title>\n"
                         "<item><title>Before [&secret;][&leak;][&host;] after</title>\n"
                         "<description>Body [&host;]</description></item>\n"
                         "</channel></rss>\n", dtd_uri, dtd_uri);

  feed = mk_feed_parse (xml, strlen (xml), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mk_feed_get_articles (feed)->len, ==, 1);
  text = feed_text (feed);
  g_assert_null (strstr (text, marker));
  if (g_file_get_contents ("/etc/hostname", &hostname, NULL, NULL))
    {
      g_strstrip (hostname);
      if (*hostname != '\0')
        g_assert_null (strstr (text, hostname));
    }
  /* The references are left as written, not replaced by anything read. */
  g_assert_nonnull (strstr (mk_article_get_title (article_at (feed, 0)), "Before ["));

  g_assert_cmpint (g_remove (dtd_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* 10,000 nested elements inside an item: one clear error, or a parse
 * that keeps at most that item, quickly and without a crash. */
static void
test_deep_10000 (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                               "<title>Deep</title><item><title>Deep item</title><description>");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = NULL;
  gint64 start;
  gsize length;

  for (guint i = 0; i < 10000; i++)
    g_string_append (xml, "<x>");
  g_string_append (xml, "bottom");
  for (guint i = 0; i < 10000; i++)
    g_string_append (xml, "</x>");
  g_string_append (xml, "</description></item></channel></rss>");
  length = xml->len;
  data = g_string_free (xml, FALSE);

  start = g_get_monotonic_time ();
  feed = mk_feed_parse (data, length, NULL, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  if (feed != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (mk_feed_get_articles (feed)->len, <=, 1);
    }
  else
    {
      g_assert_error (error, MK_FEED_ERROR, MK_FEED_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, !=, "");
    }
}

/* A well-formed feed of 20 MB is refused whole, with an error that names
 * the limit (MK_FEED_ERROR_TOO_LARGE comes only from the size check). */
static void
test_20mb_feed (void)
{
  const char *item = "<item><title>Item</title><link>https://big.example/i</link>"
                     "<description>Padding padding padding padding padding.</description></item>\n";
  GString *xml = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>\n");
  g_autofree char *data = NULL;
  g_autofree char *limit = g_format_size (MK_XML_MAX_SIZE);
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = NULL;
  gsize length;

  while (xml->len < 20 * 1000 * 1000)
    g_string_append (xml, item);
  g_string_append (xml, "</channel></rss>\n");
  length = xml->len;
  data = g_string_free (xml, FALSE);

  feed = mk_feed_parse (data, length, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, MK_FEED_ERROR, MK_FEED_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, limit));
}

static void
test_not_feeds (void)
{
  const char *names[] = { "not-xml.xml", "not-a-feed.xml", "page.html", "subscriptions.opml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MkFeed) feed = parse_fixture (names[i], NULL, &error);

      g_assert_null (feed);
      g_assert_nonnull (error);
      g_assert_true (error->domain == MK_FEED_ERROR);
    }
}

static void
test_empty_and_huge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkFeed) feed = mk_feed_parse ("  \n", 3, NULL, &error);
  gsize big = MK_XML_MAX_SIZE + 1;
  g_autofree char *data = g_malloc0 (big);

  g_assert_null (feed);
  g_assert_error (error, MK_FEED_ERROR, MK_FEED_ERROR_NOT_A_FEED);
  g_clear_error (&error);

  memset (data, ' ', big);
  memcpy (data, "<rss>", 5);
  feed = mk_feed_parse (data, big, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, MK_FEED_ERROR, MK_FEED_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* JSON nested far deeper than any feed is refused before json-glib. */
  g_free (g_steal_pointer (&data));
  data = g_strnfill (100000, '[');
  feed = mk_feed_parse (data, 100000, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, MK_FEED_ERROR, MK_FEED_ERROR_MALFORMED);
}

static void
test_sniff (void)
{
  const struct { const char *name; MkFeedFormat format; } cases[] = {
    { "rss2.xml", MK_FEED_FORMAT_RSS },
    { "rss091.xml", MK_FEED_FORMAT_RSS },
    { "rss1.rdf", MK_FEED_FORMAT_RDF },
    { "atom10.xml", MK_FEED_FORMAT_ATOM },
    { "feed11.json", MK_FEED_FORMAT_JSON },
    { "subscriptions.opml", MK_FEED_FORMAT_OPML },
    { "page.html", MK_FEED_FORMAT_HTML },
    { "xxe.xml", MK_FEED_FORMAT_RSS },
    { "not-xml.xml", MK_FEED_FORMAT_UNKNOWN },
    { "not-a-feed.xml", MK_FEED_FORMAT_OTHER_XML },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", cases[i].name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (mk_feed_sniff (data, length), ==, cases[i].format);
    }
  g_assert_cmpint (mk_feed_sniff ("Plain text article\n", 19), ==, MK_FEED_FORMAT_UNKNOWN);
}

static void
test_dates (void)
{
  const struct { const char *text; const char *utc; } cases[] = {
    { "Mon, 23 Nov 2026 07:04:19 +0700", "2026-11-23T00:04:19Z" },
    { "23 Nov 2026 07:04:19 GMT", "2026-11-23T07:04:19Z" },
    { "Mon, 23 Nov 2026 07:04:19 EST", "2026-11-23T12:04:19Z" },
    { "Mon, 23 Nov 26 07:04 PDT", "2026-11-23T14:04:00Z" },
    { "Monday, 2 November 2026 23:30:00 -0230", "2026-11-03T02:00:00Z" },
    { "2026-11-23T07:04:19+07:00", "2026-11-23T00:04:19Z" },
    { "2026-11-23T07:04:19.123Z", "2026-11-23T07:04:19Z" },
    { "2026-11-23 07:04:19", "2026-11-23T07:04:19Z" },
    { "2026-11-23", "2026-11-23T00:00:00Z" },
    { "yesterday", NULL },
    { "31 Foo 2026 10:00 GMT", NULL },
    { "2026-13-45T00:00:00Z", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *utc = mk_feed_parse_date (cases[i].text);

      g_assert_cmpstr (utc, ==, cases[i].utc);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed-parser/rss2", test_rss2);
  g_test_add_func ("/feed-parser/rss091", test_rss091);
  g_test_add_func ("/feed-parser/rss1", test_rss1);
  g_test_add_func ("/feed-parser/atom10", test_atom10);
  g_test_add_func ("/feed-parser/atom03", test_atom03);
  g_test_add_func ("/feed-parser/json11", test_json11);
  g_test_add_func ("/feed-parser/json10", test_json10);
  g_test_add_func ("/feed-parser/undeclared-namespaces", test_undeclared_namespaces);
  g_test_add_func ("/feed-parser/wrong-encoding", test_wrong_encoding);
  g_test_add_func ("/feed-parser/hostless-double-slash-link", test_hostless_double_slash_link);
  g_test_add_func ("/feed-parser/xxe", test_xxe);
  g_test_add_func ("/feed-parser/billion-laughs", test_billion_laughs);
  g_test_add_func ("/feed-parser/deep", test_deep);
  g_test_add_func ("/feed-parser/external-dtd", test_external_dtd);
  g_test_add_func ("/feed-parser/deep-10000", test_deep_10000);
  g_test_add_func ("/feed-parser/20mb", test_20mb_feed);
  g_test_add_func ("/feed-parser/not-feeds", test_not_feeds);
  g_test_add_func ("/feed-parser/empty-and-huge", test_empty_and_huge);
  g_test_add_func ("/feed-parser/sniff", test_sniff);
  g_test_add_func ("/feed-parser/dates", test_dates);

  return g_test_run ();
}
