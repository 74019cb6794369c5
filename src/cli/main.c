/* main.c — mekong-cli, the headless command line over the archive
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mekong-core.h"
#include "mk-cli.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  mk_core_init_i18n ();

  return mk_cli_run (argc, argv);
}
