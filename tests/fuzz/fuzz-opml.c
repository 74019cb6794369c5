/* fuzz-opml.c — libFuzzer target: any bytes as an OPML subscription list
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mk_opml_parse() either refuses with a GError in MK_FEED_ERROR or lists
 * feeds that each have a web address (http or https, as is the site's
 * address if there is one), with every field valid UTF-8 and no address
 * listed twice. What it read, written back with mk_opml_write() and read
 * again, gives the same list (an export loses nothing).
 */
#include "fuzz-common.h"

static void
check_field (const char *text)
{
  if (text != NULL)
    FUZZ_ASSERT (g_utf8_validate (text, -1, NULL));
}

static gboolean
is_web_url (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  return scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 ||
                            g_ascii_strcasecmp (scheme, "https") == 0);
}

static void
check_feeds (GPtrArray *feeds)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < feeds->len; i++)
    {
      MkOpmlFeed *feed = g_ptr_array_index (feeds, i);

      FUZZ_ASSERT (feed->url != NULL && is_web_url (feed->url));
      FUZZ_ASSERT (feed->site_url == NULL || is_web_url (feed->site_url));
      check_field (feed->url);
      check_field (feed->title);
      check_field (feed->site_url);
      FUZZ_ASSERT (g_hash_table_add (seen, feed->url));
    }
}

static void
check_round_trip (GPtrArray *feeds)
{
  g_autofree char *written = mk_opml_write (feeds, "Fuzz");
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  FUZZ_ASSERT (written != NULL);
  again = mk_opml_parse (written, strlen (written), &error);
  if (again == NULL)
    fprintf (stderr, "re-read: %s\n", error->message);
  FUZZ_ASSERT (again != NULL);
  FUZZ_ASSERT (again->len == feeds->len);
  for (guint i = 0; i < feeds->len; i++)
    {
      MkOpmlFeed *a = g_ptr_array_index (feeds, i);
      MkOpmlFeed *b = g_ptr_array_index (again, i);

      FUZZ_ASSERT (g_strcmp0 (a->url, b->url) == 0);
      /* A feed without a title is written under its address. */
      FUZZ_ASSERT (g_strcmp0 (a->title ? a->title : a->url, b->title) == 0);
      FUZZ_ASSERT (g_strcmp0 (a->site_url, b->site_url) == 0);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;

  feeds = mk_opml_parse ((const char *) data, size, &error);
  if (feeds == NULL)
    {
      FUZZ_ASSERT (error != NULL && error->domain == MK_FEED_ERROR);
      return 0;
    }

  FUZZ_ASSERT (error == NULL);
  check_feeds (feeds);
  check_round_trip (feeds);
  return 0;
}
