/* mk-tag-chips.h — an article's tags as chips, and an entry to add one
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MK_TYPE_TAG_CHIPS (mk_tag_chips_get_type ())

G_DECLARE_FINAL_TYPE (MkTagChips, mk_tag_chips, MK, TAG_CHIPS, AdwBin)

MkTagChips *mk_tag_chips_new            (void);
void        mk_tag_chips_set_tags       (MkTagChips         *self,
                                         const char * const *tags);
GListModel *mk_tag_chips_get_tags       (MkTagChips         *self);
void        mk_tag_chips_set_known_tags (MkTagChips         *self,
                                         const char * const *tags);
GtkEditable *mk_tag_chips_get_entry     (MkTagChips         *self);

G_END_DECLS
