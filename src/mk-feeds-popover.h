/* mk-feeds-popover.h — the feeds followed, fetching them, adding one
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MK_TYPE_FEEDS_POPOVER (mk_feeds_popover_get_type ())

G_DECLARE_FINAL_TYPE (MkFeedsPopover, mk_feeds_popover, MK, FEEDS_POPOVER, GtkPopover)

void  mk_feeds_popover_set_feeds    (MkFeedsPopover *self,
                                     GListModel     *feeds);
void  mk_feeds_popover_set_progress (MkFeedsPopover *self,
                                     gboolean        fetching,
                                     double          fraction,
                                     const char     *text);

G_END_DECLS
