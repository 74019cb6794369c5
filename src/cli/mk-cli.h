/* mk-cli.h — mekong-cli: parse the command line, run one command
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses are part of the contract in DESIGN.md: scripts rely on them. */
typedef enum {
  MK_CLI_EXIT_OK     = 0,  /* the work was done */
  MK_CLI_EXIT_FAILED = 1,  /* the work (or part of it) failed */
  MK_CLI_EXIT_USAGE  = 2,  /* the command line was wrong; nothing was done */
} MkCliExit;

int mk_cli_run (int    argc,
                char **argv);

G_END_DECLS
