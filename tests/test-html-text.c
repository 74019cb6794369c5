/* test-html-text.c — HTML made plain text
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mekong-core.h"

static void
check (const char *html,
       const char *expected)
{
  g_autofree char *text = mk_html_text_to_plain (html, -1);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_paragraphs (void)
{
  check ("<p>One</p><p>Two</p>", "One\n\nTwo");
  check ("<div>A<br>B<br/>C</div>", "A\nB\nC");
  check ("<h1>Title</h1>Text after", "Title\n\nText after");
  check ("<ul><li>one</li><li>two</li></ul><p>after</p>", "one\ntwo\n\nafter");
  check ("  lots   of\n\n   space\t here ", "lots of space here");
  check ("<pre>line 1\nline 2</pre>", "line 1\nline 2");
}

static void
test_entities (void)
{
  check ("Caf&eacute; &amp; b&#7855;c &#x1EA1; &nbsp;x", "Café & bắc ạ x");
  check ("a < b and c > d", "a < b and c > d");
  check ("Hà Nội &copy; 2026", "Hà Nội © 2026");
}

static void
test_dropped (void)
{
  check ("<p>Keep</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>this</p>",
         "Keep\n\nthis");
  check ("<noscript>Enable JS</noscript>Text", "Text");
  check ("Text<!-- a comment -->more", "Textmore");
  check ("word<img src=x>word", "word word");
}

static void
test_broken (void)
{
  check ("<p>Unclosed <b>bold <i>both</p> after", "Unclosed bold both\n\nafter");
  check ("", "");
  check ("<p></p><div> </div>", "");
  check ("plain text, no tags", "plain text, no tags");
}

static void
test_deep (void)
{
  GString *html = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "deep");
  text = mk_html_text_to_plain (html->str, html->len);
  /* Read down to the limit and no further, without a crash. */
  g_assert_nonnull (text);
  g_string_free (html, TRUE);
}

static void
test_normalize_plain (void)
{
  g_autofree char *text = mk_html_text_normalize_plain ("  First  line\nsecond\n\n\n\nThird\x01 para  \n");

  g_assert_cmpstr (text, ==, "First line\nsecond\n\nThird para");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-text/paragraphs", test_paragraphs);
  g_test_add_func ("/html-text/entities", test_entities);
  g_test_add_func ("/html-text/dropped", test_dropped);
  g_test_add_func ("/html-text/broken", test_broken);
  g_test_add_func ("/html-text/deep", test_deep);
  g_test_add_func ("/html-text/normalize-plain", test_normalize_plain);

  return g_test_run ();
}
