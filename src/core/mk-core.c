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
 *
 * The catalogues are read from LOCALEDIR, where `meson install` puts them,
 * unless the environment variable MEKONG_LOCALEDIR names another folder: an
 * uninstalled build finds its own compiled catalogues in
 * `BUILDDIR/po/<lang>/LC_MESSAGES/mekong.mo`, so `MEKONG_LOCALEDIR=build/po`
 * lets a translator try a language without installing (`meson devenv` sets
 * it).
 */
void
mk_core_init_i18n (void)
{
  const char *localedir = g_getenv ("MEKONG_LOCALEDIR");

  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
