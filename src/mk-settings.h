/* mk-settings.h — the application's settings, when their schema is there
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *mk_settings_new (void);

G_END_DECLS
