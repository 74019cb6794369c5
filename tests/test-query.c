/* test-query.c — turning what people type into safe FTS5 queries
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mekong-core.h"

static void
assert_match (const char *typed,
              const char *expected)
{
  g_autoptr(MkQuery) query = mk_query_new (typed);

  g_assert_cmpstr (mk_query_get_fts_match (query), ==, expected);
  g_assert_true (mk_query_is_empty (query) == (expected == NULL));
}

static void
test_query_words (void)
{
  assert_match ("ha noi", "\"ha\" \"noi\"");
  assert_match ("  Vientiane\t", "\"Vientiane\"");
  assert_match ("", NULL);
  assert_match (NULL, NULL);
}

static void
test_query_phrases (void)
{
  assert_match ("\"social security\" Laos", "\"social security\" \"Laos\"");
  /* An unbalanced quote runs to the end of the query. */
  assert_match ("\"social", "\"social\"");
  assert_match ("Laos \"social secu", "\"Laos\" \"social secu\"");
}

static void
test_query_operators_are_words (void)
{
  /* FTS5 operators the user did not mean are searched as plain words. */
  assert_match ("AND", "\"AND\"");
  assert_match ("NEAR(", "\"NEAR(\"");
  assert_match ("a OR NOT b", "\"a\" \"OR\" \"NOT\" \"b\"");
  assert_match ("title:x ^y", "\"title:x\" \"^y\"");
}

static void
test_query_junk (void)
{
  g_autoptr(GString) junk = g_string_new (NULL);
  g_autoptr(MkQuery) long_query = NULL;

  /* Nothing searchable: an empty query, never an error. */
  assert_match ("\"", NULL);
  assert_match ("( ) - * \"\"", NULL);
  /* Invalid UTF-8 is repaired rather than refused. */
  {
    g_autoptr(MkQuery) query = mk_query_new ("Ha\xff noi");
    g_assert_true (g_utf8_validate (mk_query_get_fts_match (query), -1, NULL));
  }
  for (guint i = 0; i < 2000; i++)
    g_string_append (junk, "\"(*) ");
  long_query = mk_query_new (junk->str);
  g_assert_true (mk_query_is_empty (long_query));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query/words", test_query_words);
  g_test_add_func ("/query/phrases", test_query_phrases);
  g_test_add_func ("/query/operators-are-words", test_query_operators_are_words);
  g_test_add_func ("/query/junk", test_query_junk);

  return g_test_run ();
}
