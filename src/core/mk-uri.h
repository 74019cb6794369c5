/* mk-uri.h — resolving the addresses feeds, pages and servers give us
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *mk_uri_resolve (const char *base,
                      const char *reference);

G_END_DECLS
