/* fuzz-feed.c — libFuzzer target: any bytes as a feed (RSS, RDF, Atom, JSON)
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What mk_feed_parse() gives back goes straight to the archive and the
 * window: every article has a title, a guid and a body, every field is
 * valid UTF-8, a date is either absent or "YYYY-MM-DDTHH:MM:SSZ", and the
 * snippet markup is valid Pango markup. A refusal comes with a GError in
 * MK_FEED_ERROR. libxml2 reads with XML_PARSE_NONET and no entity
 * expansion (mk-xml.c), so no input reaches the network or the disk;
 * the replay of xxe-style seeds under valgrind and the unit tests
 * (test-feed-parser.c) check that side.
 */
#include "fuzz-common.h"

#include <string.h>

static void
check_field (const char *text)
{
  if (text != NULL)
    FUZZ_ASSERT (g_utf8_validate (text, -1, NULL));
}

static void
check_date (const char *published)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (published == NULL)
    return;
  FUZZ_ASSERT (strlen (published) == strlen ("2026-01-01T00:00:00Z"));
  FUZZ_ASSERT (published[strlen (published) - 1] == 'Z');
  parsed = g_date_time_new_from_iso8601 (published, NULL);
  FUZZ_ASSERT (parsed != NULL);
}

static void
check_article (MkArticle *article)
{
  g_autofree char *hash = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;

  FUZZ_ASSERT (mk_article_get_title (article) != NULL);
  FUZZ_ASSERT (mk_article_get_guid (article) != NULL);
  FUZZ_ASSERT (mk_article_get_body (article) != NULL);
  check_field (mk_article_get_title (article));
  check_field (mk_article_get_url (article));
  check_field (mk_article_get_guid (article));
  check_field (mk_article_get_body (article));
  check_field (mk_article_get_author (article));
  check_field (mk_article_get_source (article));
  check_field (mk_article_get_summary (article));
  check_field (mk_article_get_language (article));
  check_date (mk_article_get_published (article));

  hash = mk_article_dup_content_hash (article);
  FUZZ_ASSERT (hash != NULL && *hash != '\0');
  markup = mk_article_dup_snippet_markup (article);
  if (markup != NULL)
    FUZZ_ASSERT (fuzz_is_pango_markup (markup));
  plain = mk_article_dup_plain_snippet (article);
  check_field (plain);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MkFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *articles;

  /* Sniffing looks at the same bytes first in the fetcher. */
  (void) mk_feed_sniff ((const char *) data, size);

  feed = mk_feed_parse ((const char *) data, size, "https://fuzz.example/feed", &error);
  if (feed == NULL)
    {
      FUZZ_ASSERT (error != NULL && error->domain == MK_FEED_ERROR);
      FUZZ_ASSERT (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  FUZZ_ASSERT (error == NULL);
  check_field (mk_feed_get_title (feed));
  check_field (mk_feed_get_site_url (feed));
  articles = mk_feed_get_articles (feed);
  FUZZ_ASSERT (articles != NULL);
  for (guint i = 0; i < articles->len; i++)
    check_article (g_ptr_array_index (articles, i));

  return 0;
}
