/* mk-preferences-window.h — the Preferences window
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MK_TYPE_PREFERENCES_WINDOW (mk_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MkPreferencesWindow, mk_preferences_window, MK, PREFERENCES_WINDOW, AdwPreferencesWindow)

MkPreferencesWindow *mk_preferences_window_new (GtkWindow *parent);

G_END_DECLS
