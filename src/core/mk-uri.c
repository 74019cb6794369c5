/* mk-uri.c — resolving the addresses feeds, pages and servers give us
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links in feeds, <link rel="alternate"> in pages and Location headers are
 * all resolved against the address they came from. GLib does the work;
 * this only guards the one input it cannot take (see below), so that a
 * hostile address is refused instead of failing an assertion.
 */
#include "config.h"

#include "mk-uri.h"

/* Returns @reference resolved against @base, as g_uri_resolve_relative()
 * does, or NULL when either cannot be parsed or the result cannot be
 * written back. The last case is a result with no host whose path starts
 * with "//" ("x:/.//a", or ".//a" against "x:"): written out, the path
 * would read as a host, and g_uri_to_string() fails an assertion instead
 * (GLib 2.74). */
char *
mk_uri_resolve (const char *base,
                const char *reference)
{
  g_autoptr(GUri) base_uri = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  base_uri = g_uri_parse (base, G_URI_FLAGS_NONE, NULL);
  if (base_uri == NULL)
    return NULL;
  uri = g_uri_parse_relative (base_uri, reference, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;
  if (g_uri_get_host (uri) == NULL && g_str_has_prefix (g_uri_get_path (uri), "//"))
    return NULL;
  return g_uri_to_string (uri);
}
