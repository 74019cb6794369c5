/* test-text-parser.c — reading the sample articles as a reader would
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mekong-core.h"

static GPtrArray *
parse_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("MEKONG_SAMPLES_DIR"), name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *articles;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  articles = mk_text_parser_parse (data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (articles);
  return articles;
}

static GPtrArray *
parse_string (const char  *text,
              GError     **error)
{
  return mk_text_parser_parse (text, strlen (text), error);
}

static guint
count_substrings (const char *haystack,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in “%.200s…”", needle, haystack);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” should not be in “%.200s…”", needle, haystack);
}

/* 000: a headline, a follow-us line, and a Related block listing two
 * teasers, each twice. */
static void
test_parser_headline_and_related (void)
{
  g_autoptr(GPtrArray) articles = parse_sample ("000_41cb3770481506ec.txt");
  MkArticle *article = g_ptr_array_index (articles, 0);
  const char *body = mk_article_get_body (article);

  g_assert_cmpstr (mk_article_get_title (article), ==, "Vietnam, Laos reinforce ties in social security");
  g_assert_false (mk_article_get_title_derived (article));
  g_assert_false (mk_article_get_excerpt (article));
  g_assert_cmpstr (mk_article_get_source (article), ==, "VOV.VN");
  g_assert_null (mk_article_get_published (article));
  g_assert_cmpstr (mk_article_get_language (article), ==, "en");

  /* The body starts with the lead, not the headline, and keeps every
   * paragraph, the last one included. */
  g_assert_true (g_str_has_prefix (body, "The Vietnam Social Security (VSS) is ready"));
  g_assert_true (g_str_has_suffix (body, "in Vientiane, Laos this November."));
  g_assert_cmpuint (count_substrings (body, "\n\n"), ==, 7);
  assert_lacks (body, "Mời quý độc giả");
  assert_lacks (body, "Related");
  assert_lacks (body, "Nghe An");

  /* Two distinct teasers, not four. */
  g_assert_cmpuint (articles->len, ==, 3);
  for (guint i = 1; i < 3; i++)
    {
      MkArticle *excerpt = g_ptr_array_index (articles, i);

      g_assert_true (mk_article_get_excerpt (excerpt));
      g_assert_cmpstr (mk_article_get_source (excerpt), ==, "VOV.VN");
    }
  g_assert_cmpstr (mk_article_get_title (g_ptr_array_index (articles, 1)), ==,
                   "Minister of Public Security pays courtesy calls on Lao leaders");
  g_assert_cmpstr (mk_article_get_title (g_ptr_array_index (articles, 2)), ==,
                   "Vietnam, Laos anticipate stronger justice co-operation");
  assert_contains (mk_article_get_body (g_ptr_array_index (articles, 2)), "Nghe An");
  /* The teaser's text appears once, though the block repeats it. */
  g_assert_cmpuint (count_substrings (mk_article_get_body (g_ptr_array_index (articles, 2)),
                                      "Le Thanh Long"), ==, 1);
}

/* 001: starts with a dateline, has image-caption residue, ends "/." and a
 * sign-off. */
static void
test_parser_dateline_and_caption (void)
{
  g_autoptr(GPtrArray) articles = parse_sample ("001_0641f83593f774b3.txt");
  MkArticle *article = g_ptr_array_index (articles, 0);
  const char *body = mk_article_get_body (article);
  const char *title = mk_article_get_title (article);

  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_true (mk_article_get_title_derived (article));
  g_assert_true (g_str_has_prefix (title, "The Vietnam Social Security (VSS) and the Lao Social Security"));
  g_assert_cmpint (g_utf8_strlen (title, -1), <=, 101);
  g_assert_cmpstr (mk_article_get_source (article), ==, "VNA");
  g_assert_true (g_str_has_prefix (body, "Hanoi (VNA) - The Vietnam Social Security"));
  g_assert_true (g_str_has_prefix (mk_article_get_summary (article), "The Vietnam Social Security"));

  /* The residue goes, the caption after it stays. */
  assert_lacks (body, "hinh anh");
  assert_contains (body, "\n\nA communication campaign on social and health insurance (Photo: Vietnamplus)\n\n");
  assert_contains (body, "universal health coverage (UHC) by 2030.\n\nVNA");
  assert_lacks (body, "/.");
}

/* 002: no headline, no outlet; captions and a credit line are text. */
static void
test_parser_derived_title (void)
{
  g_autoptr(GPtrArray) articles = parse_sample ("002_0e18291902f95dbe.txt");
  MkArticle *article = g_ptr_array_index (articles, 0);
  const char *body = mk_article_get_body (article);

  g_assert_cmpstr (mk_article_get_title (article), ==,
                   "Senior Colonel Cao Xuan Thang, Director of the Vietnamese agency, chaired the working session");
  g_assert_true (mk_article_get_title_derived (article));
  g_assert_null (mk_article_get_source (article));
  g_assert_true (g_str_has_prefix (body, "Senior Colonel Cao Xuan Thang"));
  assert_contains (body, "Colonel Vilaxay Somsak and the Lao delegation at the meeting");
  g_assert_true (g_str_has_suffix (body, "Translated by Quynh Oanh"));
}

/* 003 and 004: a " date" line, Vietnamese datelines and sign-offs. */
static void
test_parser_date_line (void)
{
  g_autoptr(GPtrArray) a003 = parse_sample ("003_26881a70f5feccfe.txt");
  g_autoptr(GPtrArray) a004 = parse_sample ("004_0683e43e2cf577f7.txt");
  MkArticle *article = g_ptr_array_index (a003, 0);

  g_assert_cmpstr (mk_article_get_published (article), ==, "2022-11-30");
  g_assert_cmpstr (mk_article_get_source (article), ==, "VNS");
  g_assert_true (mk_article_get_title_derived (article));
  g_assert_true (g_str_has_prefix (mk_article_get_title (article), "The Ministry of Labour, Invalids and Social Affairs"));
  assert_lacks (mk_article_get_body (article), "date 2022");
  assert_contains (mk_article_get_body (article), "HÀ NỘI — The Ministry");
  assert_contains (mk_article_get_body (article), "Vũ Đức Đam");

  article = g_ptr_array_index (a004, 0);
  g_assert_cmpstr (mk_article_get_published (article), ==, "2025-11-11");
  g_assert_cmpstr (mk_article_get_source (article), ==, "VNA/VNS");
  g_assert_true (g_str_has_prefix (mk_article_get_title (article), "Prime Minister Phạm Minh Chính has expressed"));
  g_assert_true (g_str_has_prefix (mk_article_get_body (article), "HÀ NỘI — Prime Minister"));
  g_assert_true (g_str_has_prefix (mk_article_get_summary (article), "Prime Minister"));
}

static void
test_parser_general_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) wrapped = NULL;
  g_autoptr(GPtrArray) crlf = NULL;
  MkArticle *article;

  /* Hard-wrapped paragraphs are joined; CRLF is read as LF. */
  wrapped = parse_string ("Floods hit the Mekong delta\n\n"
                          "Heavy rain in An Giang province\nforced thousands from their homes on Monday.\n\n"
                          "Rescue teams arrived on Tuesday. — VNS\n", &error);
  g_assert_no_error (error);
  article = g_ptr_array_index (wrapped, 0);
  g_assert_cmpstr (mk_article_get_title (article), ==, "Floods hit the Mekong delta");
  g_assert_cmpstr (mk_article_get_body (article), ==,
                   "Heavy rain in An Giang province forced thousands from their homes on Monday.\n\n"
                   "Rescue teams arrived on Tuesday. — VNS");
  g_assert_cmpstr (mk_article_get_source (article), ==, "VNS");

  crlf = parse_string ("Vientiane (KPL) - Laos opened a school.\r\n\r\nMore text here.\r\n", &error);
  g_assert_no_error (error);
  article = g_ptr_array_index (crlf, 0);
  g_assert_cmpstr (mk_article_get_source (article), ==, "KPL");
  g_assert_cmpstr (mk_article_get_title (article), ==, "Laos opened a school");
  g_assert_null (strchr (mk_article_get_body (article), '\r'));
}

static void
test_parser_refuses_non_text (void)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = NULL;
  GPtrArray *articles;

  articles = mk_text_parser_parse (binary, sizeof binary - 1, &error);
  g_assert_null (articles);
  g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_NOT_TEXT);
  g_clear_error (&error);

  articles = parse_string ("Caf\xe9 au lait in Vientiane", &error);
  g_assert_null (articles);
  g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_INVALID_UTF8);
  g_clear_error (&error);

  articles = parse_string (" \n\n \t\n", &error);
  g_assert_null (articles);
  g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  articles = mk_text_parser_parse ("", 0, &error);
  g_assert_null (articles);
  g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  huge = g_malloc (MK_TEXT_MAX_SIZE + 1);
  memset (huge, 'a', MK_TEXT_MAX_SIZE + 1);
  articles = mk_text_parser_parse (huge, MK_TEXT_MAX_SIZE + 1, &error);
  g_assert_null (articles);
  g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_TOO_LARGE);
}

/* A derived title is cut near 100 characters, and punctuation before the
 * cut is dropped, character by character: a character whose last byte
 * happens to equal a byte of "–" (here U+2414, E2 90 94) must stay whole
 * (the fuzzer's finding, tests/fuzz/regressions/text-parser/). */
static void
test_parser_derived_title_cut_at_character (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  const char *title;

  for (guint i = 0; i < 97; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, " \xe2\x90\x94 more words here, and more words to make the first "
                         "sentence long enough that it cannot be a headline at all.\n");
  articles = parse_string (text->str, &error);
  g_assert_no_error (error);
  title = mk_article_get_title (g_ptr_array_index (articles, 0));

  g_assert_true (g_utf8_validate (title, -1, NULL));
  expected = g_strdup_printf ("%.*s \xe2\x90\x94…", 97, text->str);
  g_assert_cmpstr (title, ==, expected);
  g_assert_true (mk_article_get_title_derived (g_ptr_array_index (articles, 0)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-parser/headline-and-related", test_parser_headline_and_related);
  g_test_add_func ("/text-parser/dateline-and-caption", test_parser_dateline_and_caption);
  g_test_add_func ("/text-parser/derived-title", test_parser_derived_title);
  g_test_add_func ("/text-parser/date-line", test_parser_date_line);
  g_test_add_func ("/text-parser/general-rules", test_parser_general_rules);
  g_test_add_func ("/text-parser/refuses-non-text", test_parser_refuses_non_text);
  g_test_add_func ("/text-parser/derived-title-cut-at-character", test_parser_derived_title_cut_at_character);

  return g_test_run ();
}
