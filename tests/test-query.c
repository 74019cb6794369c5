/* test-query.c — reading what people type into the search box
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mekong-core.h"

typedef struct {
  const char *typed;
  const char *match;     /* expected FTS5 MATCH expression, or NULL */
  const char *exclude;   /* expected exclusion when nothing is wanted */
  const char *first_day; /* expected date range, or NULL */
  const char *last_day;
} Case;

static const Case cases[] = {
  /* words, phrases, folding is the tokenizer's */
  { "ha noi", "\"ha\" AND \"noi\"" },
  { "  Vientiane\t", "\"Vientiane\"" },
  { "", NULL },
  { "\"social security\" Laos", "\"social security\" AND \"Laos\"" },
  { "\"social", "\"social\"" },
  { "Laos \"social secu", "\"Laos\" AND \"social secu\"" },
  { "say \"\"hi\"\"", "\"say\" AND \"hi\"" },
  /* OR binds tighter than AND; dangling ORs are ignored */
  { "vss OR lsso", "(\"vss\" OR \"lsso\")" },
  { "laos vss OR lsso OR molsw", "\"laos\" AND (\"vss\" OR \"lsso\" OR \"molsw\")" },
  { "OR OR", NULL },
  { "OR laos OR", "\"laos\"" },
  { "or laos", "\"or\" AND \"laos\"" },
  /* exclusion */
  { "laos -hanoi", "(\"laos\") NOT (\"hanoi\")" },
  { "laos -\"ha noi\" -vientiane", "(\"laos\") NOT (\"ha noi\" OR \"vientiane\")" },
  { "-hanoi", NULL, "\"hanoi\"" },
  { "-", NULL },
  { "laos - vss", "\"laos\" AND \"vss\"" },
  { "-laos OR vss", "(\"vss\") NOT (\"laos\")" },
  /* prefixes */
  { "secur*", "\"secur\" *" },
  { "\"social secu\"*", "\"social secu\" *" },
  { "*", NULL },
  { "title:secur*", "title : \"secur\" *" },
  /* fields */
  { "title:laos", "title : \"laos\"" },
  { "Title:\"social security\"", "title : \"social security\"" },
  { "source:VNA vientiane", "source : \"VNA\" AND \"vientiane\"" },
  { "author:quynh -title:laos", "(author : \"quynh\") NOT (title : \"laos\")" },
  { "title:", NULL },
  { "title: laos", "\"laos\"" },
  { "foo:bar", "\"foo:bar\"" },
  { "http://vov.vn", "\"http://vov.vn\"" },
  /* dates */
  { "after:2022-01-01", NULL, NULL, "2022-01-01", NULL },
  { "before:2023-06-30 laos", "\"laos\"", NULL, NULL, "2023-06-30" },
  { "year:2025", NULL, NULL, "2025-01-01", "2025-12-31" },
  { "after:2022-03", NULL, NULL, "2022-03-01", NULL },
  { "before:2024-02", NULL, NULL, NULL, "2024-02-29" },
  { "year:2020 after:2020-06-01", NULL, NULL, "2020-06-01", "2020-12-31" },
  { "after:yesterday", "\"after:yesterday\"" },
  { "year:2025-13-45", "\"year:2025-13-45\"" },
  { "year:20", "\"year:20\"" },
  /* FTS5 syntax the user did not mean is searched as words */
  { "AND", "\"AND\"" },
  { "NEAR(", "\"NEAR(\"" },
  { "a NOT b", "\"a\" AND \"NOT\" AND \"b\"" },
  { "^laos {title}: x", "\"^laos\" AND \"{title}:\" AND \"x\"" },
  { "( ) \"\" *", NULL },
};

static char *
day_string (guint32 day)
{
  g_autoptr(GDate) date = NULL;
  char buffer[16];

  if (day == 0)
    return NULL;
  date = g_date_new_julian (day);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

static void
test_query_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MkQuery) query = mk_query_new (cases[i].typed);
      guint32 first = 0, last = 0;
      g_autofree char *first_text = NULL, *last_text = NULL;

      g_test_message ("query «%s»", cases[i].typed);
      g_assert_cmpstr (mk_query_get_fts_match (query), ==, cases[i].match);
      g_assert_cmpstr (mk_query_get_fts_exclude (query), ==, cases[i].exclude);
      mk_query_get_day_range (query, &first, &last);
      first_text = day_string (first);
      last_text = day_string (last);
      g_assert_cmpstr (first_text, ==, cases[i].first_day);
      g_assert_cmpstr (last_text, ==, cases[i].last_day);
      g_assert_true (mk_query_is_empty (query) ==
                     (!cases[i].match && !cases[i].exclude && !cases[i].first_day && !cases[i].last_day));
    }
}

static void
test_query_hostile (void)
{
  g_autoptr(GString) junk = g_string_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(MkQuery) junk_query = NULL;
  g_autoptr(MkQuery) many_words = NULL;
  g_autoptr(MkQuery) invalid = mk_query_new ("Ha\xff noi \xc0\x80");

  /* Invalid UTF-8 is repaired rather than refused. */
  g_assert_true (g_utf8_validate (mk_query_get_fts_match (invalid), -1, NULL));

  /* 10,000 characters of punctuation and operators: no terms, no error
   * (the quotes pair up into phrases, whose only word is OR). */
  while (junk->len < 10000)
    g_string_append (junk, "\"(*) -: ^ OR ");
  junk_query = mk_query_new (junk->str);
  g_assert_cmpuint (strlen (mk_query_get_fts_match (junk_query) ? mk_query_get_fts_match (junk_query) : ""), <, 2000);

  /* Thousands of words: searched, but the work stays bounded. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (words, "w%u ", i);
  many_words = mk_query_new (words->str);
  g_assert_nonnull (mk_query_get_fts_match (many_words));
  g_assert_cmpuint (strlen (mk_query_get_fts_match (many_words)), <, 1000);
}

typedef struct {
  const char *typed;
  const char *described;  /* mk_query_describe(), which lists the filters */
  const char *notes;      /* expected expression for the notes */
} FilterCase;

static const FilterCase filter_cases[] = {
  { "is:bookmarked", "match=- exclude=- days=0..0 bookmarked", NULL },
  { "IS:Bookmarked laos", "match=\"laos\" exclude=- days=0..0 bookmarked", "\"laos\"" },
  { "-is:bookmarked", "match=- exclude=- days=0..0 -bookmarked", NULL },
  { "has:note -has:note", "match=- exclude=- days=0..0 note -note", NULL },
  { "tag:\"MoU 2022-2025\" vss", "match=\"vss\" exclude=- days=0..0 tag=MoU 2022-2025", "\"vss\"" },
  { "-tag:draft", "match=- exclude=- days=0..0 -tag=draft", NULL },
  /* not a filter: searched as words */
  { "is:happy", "match=\"is:happy\" exclude=- days=0..0", "\"is:happy\"" },
  { "has:notes", "match=\"has:notes\" exclude=- days=0..0", "\"has:notes\"" },
  { "tag:\"\"", "match=\"tag:\" exclude=- days=0..0", "\"tag:\"" },
  /* notes have no columns: a query naming one is not asked of them */
  { "title:laos vss", "match=title : \"laos\" AND \"vss\" exclude=- days=0..0", NULL },
  { "laos -hanoi", "match=(\"laos\") NOT (\"hanoi\") exclude=- days=0..0", "(\"laos\") NOT (\"hanoi\")" },
};

static void
test_query_annotation_filters (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    {
      g_autoptr(MkQuery) query = mk_query_new (filter_cases[i].typed);
      g_autofree char *described = mk_query_describe (query);

      g_test_message ("query «%s»", filter_cases[i].typed);
      g_assert_cmpstr (described, ==, filter_cases[i].described);
      g_assert_cmpstr (mk_query_get_fts_notes_match (query), ==, filter_cases[i].notes);
    }

  /* A filter alone is not an empty query: it does not list everything. */
  {
    g_autoptr(MkQuery) query = mk_query_new ("is:bookmarked");
    const char *tag = "unset";
    gboolean negated = TRUE;

    g_assert_false (mk_query_is_empty (query));
    g_assert_cmpuint (mk_query_get_n_filters (query), ==, 1);
    g_assert_cmpint (mk_query_get_filter (query, 0, &tag, &negated), ==, MK_QUERY_FILTER_BOOKMARKED);
    g_assert_null (tag);
    g_assert_false (negated);
  }
}

/* A word longer than the term limit (256 bytes) made of 2- and 3-byte
 * characters: it is cut at a character, never inside one (the fuzzer's
 * first finding, tests/fuzz/regressions/query/term-cut-inside-a-character). */
static void
test_query_long_word_cut_at_character (void)
{
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(MkQuery) query = NULL;
  const char *match;

  g_string_append (word, "xy");  /* so that byte 256 falls inside a U+FFFD */
  while (word->len < 600)
    g_string_append (word, "\xc3\xa9\xef\xbf\xbd");  /* é, U+FFFD */
  query = mk_query_new (word->str);
  match = mk_query_get_fts_match (query);

  g_assert_nonnull (match);
  g_assert_true (g_utf8_validate (match, -1, NULL));
  g_assert_true (g_str_has_prefix (match, "\"xy\xc3\xa9"));
}

static void
test_query_day_from_date (void)
{
  g_assert_cmpuint (mk_query_day_from_date (NULL), ==, 0);
  g_assert_cmpuint (mk_query_day_from_date ("2022"), ==, 0);
  g_assert_cmpuint (mk_query_day_from_date ("2022-02-30"), ==, 0);
  g_assert_cmpuint (mk_query_day_from_date ("2022-11-30T10:00:00Z"), ==,
                    mk_query_day_from_date ("2022-11-30"));
  g_assert_cmpuint (mk_query_day_from_date ("2022-12-01"), ==,
                    mk_query_day_from_date ("2022-11-30") + 1);
}

/* entity:, person:, org:, place: are not words: the store matches them
 * by key; what they leave of the query is searched as usual. */
static void
test_query_entities (void)
{
  static const struct {
    const char *typed;
    const char *described;
  } entity_cases[] = {
    { "place:Vientiane", "match=- exclude=- days=0..0 entity=place:vientiane" },
    { "place:\"Hà Nội\"", "match=- exclude=- days=0..0 entity=place:hanoi" },
    { "PLACE:\"ha noi\" laos", "match=\"laos\" exclude=- days=0..0 entity=place:hanoi" },
    { "entity:\"Keo Chanthavixay\" -org:VSS",
      "match=- exclude=- days=0..0 entity=any:keochanthavixay -entity=organization:vss" },
    { "person:Đam year:2022", "match=- exclude=- days=738156..738520 entity=person:dam" },
    /* An OR beside a filter joins nothing. */
    { "rice OR place:Laos OR beans", "match=\"rice\" AND \"beans\" exclude=- days=0..0 entity=place:laos" },
    /* Nothing that names anything: dropped, as "title:" alone is. */
    { "place:", "match=- exclude=- days=0..0" },
    { "place:\"--\" laos", "match=\"laos\" exclude=- days=0..0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entity_cases); i++)
    {
      g_autoptr(MkQuery) query = mk_query_new (entity_cases[i].typed);
      g_autofree char *described = mk_query_describe (query);

      g_test_message ("query «%s»", entity_cases[i].typed);
      g_assert_cmpstr (described, ==, entity_cases[i].described);
    }

  {
    g_autoptr(MkQuery) query = mk_query_new ("rice");
    g_autoptr(MkQuery) empty = mk_query_new ("");
    g_autoptr(MkQuery) place = mk_query_new ("place:Laos");
    g_autofree char *described = NULL;
    gint64 id = 0;
    gboolean negated = TRUE;
    const char *key = "x";

    g_assert_false (mk_query_is_empty (place));
    mk_query_add_entity_id (empty, 42);
    g_assert_false (mk_query_is_empty (empty));
    mk_query_add_entity_id (query, 7);
    described = mk_query_describe (query);
    g_assert_cmpstr (described, ==, "match=\"rice\" exclude=- days=0..0 entity=any:#7");
    g_assert_cmpuint (mk_query_get_n_entity_filters (query), ==, 1);
    mk_query_get_entity_filter (query, 0, NULL, &key, &id, &negated);
    g_assert_null (key);
    g_assert_cmpint (id, ==, 7);
    g_assert_false (negated);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query/table", test_query_table);
  g_test_add_func ("/query/hostile", test_query_hostile);
  g_test_add_func ("/query/long-word-cut-at-character", test_query_long_word_cut_at_character);
  g_test_add_func ("/query/day-from-date", test_query_day_from_date);
  g_test_add_func ("/query/annotation-filters", test_query_annotation_filters);
  g_test_add_func ("/query/entities", test_query_entities);

  return g_test_run ();
}
