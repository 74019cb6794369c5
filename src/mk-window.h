/* mk-window.h — the main window: a search box, the article list, the article
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mekong-core.h"
#include "mk-entity-panel.h"

G_BEGIN_DECLS

#define MK_TYPE_WINDOW (mk_window_get_type ())

G_DECLARE_FINAL_TYPE (MkWindow, mk_window, MK, WINDOW, AdwApplicationWindow)

MkWindow *mk_window_new       (GtkApplication *application,
                               MkStore        *store);
MkStore  *mk_window_get_store (MkWindow       *self);
gboolean  mk_window_import    (MkWindow           *self,
                               const char * const *paths,
                               gboolean            show_first);
MkEntity *mk_window_get_filter_entity (MkWindow *self);
MkEntityPanel *mk_window_get_entity_panel (MkWindow *self);

G_END_DECLS
