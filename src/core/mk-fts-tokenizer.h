/* mk-fts-tokenizer.h — the FTS5 tokenizer that folds Vietnamese (private)
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define MK_FTS_TOKENIZER_NAME "mekong"

gboolean mk_fts_tokenizer_register (sqlite3  *db,
                                    GError  **error);

G_END_DECLS
