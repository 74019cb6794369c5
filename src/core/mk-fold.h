/* mk-fold.h — folding text for search and matching
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *mk_fold            (const char *text);
gboolean  mk_fold_has_word   (const char *text);

G_END_DECLS
