/* mk-text-parser.h — plain-text news articles as people save them from the web
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-article.h"

G_BEGIN_DECLS

#define MK_IMPORT_ERROR (mk_import_error_quark ())

typedef enum {
  MK_IMPORT_ERROR_EMPTY,
  MK_IMPORT_ERROR_NOT_TEXT,
  MK_IMPORT_ERROR_INVALID_UTF8,
  MK_IMPORT_ERROR_TOO_LARGE,
} MkImportError;

/* Larger files are not articles someone saved; refuse them before reading. */
#define MK_TEXT_MAX_SIZE (8 * 1024 * 1024)

GQuark     mk_import_error_quark  (void);

GPtrArray *mk_text_parser_parse   (const char  *data,
                                   gsize        length,
                                   GError     **error);

G_END_DECLS
