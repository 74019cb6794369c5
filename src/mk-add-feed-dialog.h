/* mk-add-feed-dialog.h — the address of a feed, checked before it is added
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mekong-core.h"

G_BEGIN_DECLS

#define MK_TYPE_ADD_FEED_DIALOG (mk_add_feed_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MkAddFeedDialog, mk_add_feed_dialog, MK, ADD_FEED_DIALOG, AdwMessageDialog)

MkAddFeedDialog *mk_add_feed_dialog_new        (GtkWindow       *parent,
                                                MkFeedFetcher   *fetcher);
MkFeedSource    *mk_add_feed_dialog_get_feed   (MkAddFeedDialog *self);
void             mk_add_feed_dialog_set_url    (MkAddFeedDialog *self,
                                                const char      *url);

G_END_DECLS
