/* fuzz-text-parser.c — libFuzzer target: any bytes as a saved article file
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What mk_text_parser_parse() gives back must be usable by everything
 * after it: valid UTF-8 in every field, a title, a content hash and a
 * snippet markup that Pango would accept. A refusal must come with a
 * GError in MK_IMPORT_ERROR.
 */
#include "fuzz-common.h"


static void
check_field (const char *text)
{
  if (text != NULL)
    FUZZ_ASSERT (g_utf8_validate (text, -1, NULL));
}

static void
check_article (MkArticle *article)
{
  g_autofree char *hash = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;

  FUZZ_ASSERT (mk_article_get_title (article) != NULL);
  check_field (mk_article_get_title (article));
  check_field (mk_article_get_body (article));
  check_field (mk_article_get_author (article));
  check_field (mk_article_get_source (article));
  check_field (mk_article_get_published (article));
  check_field (mk_article_get_summary (article));
  check_field (mk_article_get_language (article));

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
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = mk_text_parser_parse ((const char *) data, size, &error);
  if (articles == NULL)
    {
      FUZZ_ASSERT (error != NULL && error->domain == MK_IMPORT_ERROR);
      return 0;
    }

  FUZZ_ASSERT (error == NULL);
  FUZZ_ASSERT (articles->len > 0);
  for (guint i = 0; i < articles->len; i++)
    check_article (g_ptr_array_index (articles, i));

  return 0;
}
