/* fuzz-common.h — what every libFuzzer target shares
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>

#include "mekong-core.h"

/* An assertion that stays on in every build and tells libFuzzer (through
 * abort()) that this input is a finding, with the failed condition. */
#define FUZZ_ASSERT(cond) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      fuzz_fail (__FILE__, __LINE__, #cond); \
  } G_STMT_END

G_NORETURN void fuzz_fail (const char *file,
                           int         line,
                           const char *condition);

gboolean fuzz_is_pango_markup (const char *pango_markup);

/* libFuzzer's entry points. */
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A small archive in memory with the sample articles (MEKONG_SAMPLES_DIR),
 * made on first use and kept for the process: for targets that search. */
MkStore *fuzz_sample_store (void);
