/* test-opml.c — subscription lists read and written
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mekong-core.h"

static GPtrArray *
parse_fixture (const char  *name,
               GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", name, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return mk_opml_parse (data, length, error);
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = parse_fixture ("subscriptions.opml", &error);
  MkOpmlFeed *feed;

  g_assert_no_error (error);
  /* Nested folders read; the duplicate and the file: URL left out. */
  g_assert_cmpuint (feeds->len, ==, 3);
  feed = g_ptr_array_index (feeds, 0);
  g_assert_cmpstr (feed->url, ==, "https://vna.example/en/atom.xml");
  g_assert_cmpstr (feed->title, ==, "VNA English");
  g_assert_cmpstr (feed->site_url, ==, "https://vna.example/en/");
  feed = g_ptr_array_index (feeds, 1);
  g_assert_cmpstr (feed->title, ==, "VOV World");
  feed = g_ptr_array_index (feeds, 2);
  g_assert_cmpstr (feed->url, ==, "https://vientianetimes.example/rss.xml");
}

static void
test_not_opml (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = parse_fixture ("rss2.xml", &error);

  g_assert_null (feeds);
  g_assert_error (error, MK_FEED_ERROR, MK_FEED_ERROR_NOT_A_FEED);
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_opml_feed_free);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *opml = NULL;
  MkOpmlFeed *feed;

  g_ptr_array_add (feeds, mk_opml_feed_new ("https://a.example/rss?x=1&y=2",
                                            "Tin tức <Hà Nội> & \"Lào\"", NULL));
  g_ptr_array_add (feeds, mk_opml_feed_new ("https://b.example/atom", NULL, "https://b.example/"));

  opml = mk_opml_write (feeds, "Mekong feeds");
  g_assert_nonnull (strstr (opml, "x=1&amp;y=2"));

  read = mk_opml_parse (opml, strlen (opml), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 2);
  feed = g_ptr_array_index (read, 0);
  g_assert_cmpstr (feed->url, ==, "https://a.example/rss?x=1&y=2");
  g_assert_cmpstr (feed->title, ==, "Tin tức <Hà Nội> & \"Lào\"");
  feed = g_ptr_array_index (read, 1);
  /* Without a title, the address is its name. */
  g_assert_cmpstr (feed->title, ==, "https://b.example/atom");
  g_assert_cmpstr (feed->site_url, ==, "https://b.example/");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/opml/parse", test_parse);
  g_test_add_func ("/opml/not-opml", test_not_opml);
  g_test_add_func ("/opml/round-trip", test_round_trip);

  return g_test_run ();
}
