/* main.c — the entry point of the Mekong application
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mekong-core.h"
#include "mk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MkApplication) app = NULL;

  /* Before option parsing, so that --help is already translated. */
  setlocale (LC_ALL, "");
  mk_core_init_i18n ();

  app = mk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
