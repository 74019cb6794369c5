/* mk-core.c — library-wide set-up
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mekong-core.h"

/**
 * mk_core_init_i18n:
 *
 * Binds the gettext domain so that messages of the core (errors above all)
 * reach the user in their language. Call once, from main().
 */
void
mk_core_init_i18n (void)
{
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
