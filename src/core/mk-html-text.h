/* mk-html-text.h — the readable text of an HTML fragment
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *mk_html_text_to_plain       (const char *html,
                                   gssize      length);
char *mk_html_text_normalize_plain (const char *text);

G_END_DECLS
