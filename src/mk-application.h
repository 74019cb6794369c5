/* mk-application.h — the Mekong application
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mk-window.h"

G_BEGIN_DECLS

#define MK_TYPE_APPLICATION (mk_application_get_type ())

G_DECLARE_FINAL_TYPE (MkApplication, mk_application, MK, APPLICATION, AdwApplication)

MkApplication *mk_application_new          (void);
MkWindow      *mk_application_open_archive (MkApplication  *self,
                                            const char     *path,
                                            GError        **error);
MkWindow      *mk_application_open_or_report (MkApplication           *self,
                                              const char              *path,
                                              GApplicationCommandLine *cmdline);

G_END_DECLS
