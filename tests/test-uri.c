/* test-uri.c — resolving links, page feed links and redirects
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mekong-core.h"

static void
assert_resolves (const char *base,
                 const char *reference,
                 const char *expected)
{
  g_autofree char *resolved = mk_uri_resolve (base, reference);

  g_assert_cmpstr (resolved, ==, expected);
}

static void
test_uri_relative (void)
{
  assert_resolves ("https://vov.vn/xa-hoi/", "bai-viet.html", "https://vov.vn/xa-hoi/bai-viet.html");
  assert_resolves ("https://vov.vn/xa-hoi/", "/feed.rss", "https://vov.vn/feed.rss");
  assert_resolves ("https://vov.vn/a/b", "../c?x=1#top", "https://vov.vn/c?x=1#top");
  assert_resolves ("http://127.0.0.1:8080/feed", "//example.org/x", "http://example.org/x");
}

static void
test_uri_absolute (void)
{
  assert_resolves ("https://vov.vn/", "http://laodong.vn/y", "http://laodong.vn/y");
  /* Not web addresses, but addresses: callers decide what they accept. */
  assert_resolves ("https://vov.vn/", "mailto:tin@vov.vn", "mailto:tin@vov.vn");
}

/* Fuzzing found these: GLib fails an assertion writing them back. */
static void
test_uri_path_reading_as_host (void)
{
  assert_resolves ("http://127.0.0.1/feed", "x:/.//a", NULL);
  assert_resolves ("x:", ".//a", NULL);
  /* The same path under a host is fine. */
  assert_resolves ("http://h/feed", "/.//a", "http://h//a");
}

static void
test_uri_unparsable (void)
{
  assert_resolves ("not a uri", "a.html", NULL);
  assert_resolves ("http://h/", "http://[::1", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uri/relative", test_uri_relative);
  g_test_add_func ("/uri/absolute", test_uri_absolute);
  g_test_add_func ("/uri/path-reading-as-host", test_uri_path_reading_as_host);
  g_test_add_func ("/uri/unparsable", test_uri_unparsable);

  return g_test_run ();
}
