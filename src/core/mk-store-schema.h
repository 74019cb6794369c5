/* mk-store-schema.h — the archive's schema and its migrations (private)
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* 'MKNG': marks a SQLite file as a Mekong archive (PRAGMA application_id). */
#define MK_STORE_APPLICATION_ID 0x4d4b4e47

gboolean mk_store_schema_migrate (sqlite3  *db,
                                  int       from_version,
                                  int       to_version,
                                  GError  **error);

G_END_DECLS
