/* fuzz-common.c — what every libFuzzer target shares
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

void
fuzz_fail (const char *file,
           int         line,
           const char *condition)
{
  fprintf (stderr, "%s:%d: fuzz assertion failed: %s\n", file, line, condition);
  abort ();
}

/* A fatal GLib message ends in G_BREAKPOINT(), a SIGTRAP that libFuzzer
 * under ASan does not catch: the process just died, and the input was not
 * saved. Aborting after the message is written makes it a finding with
 * its crash-… file, as a failed FUZZ_ASSERT is. */
static GLogWriterOutput
abort_on_warning (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  GLogWriterOutput written = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return written;
}

/* Runs before the first input. GLib's slice allocator would hide
 * use-after-free from ASan, and a g_warning() or g_critical() (a failed
 * g_return_if_fail() included) is a bug the fuzzer must report, not log. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_log_set_writer_func (abort_on_warning, NULL, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

/* Pango markup is GMarkup inside one root element: parse it the way
 * pango_parse_markup() does, without linking Pango into core targets. */
gboolean
fuzz_is_pango_markup (const char *pango_markup)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *wrapped = g_strconcat ("<markup>", pango_markup, "</markup>", NULL);

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  return g_markup_parse_context_parse (context, wrapped, -1, NULL) &&
         g_markup_parse_context_end_parse (context, NULL);
}

MkStore *
fuzz_sample_store (void)
{
  static MkStore *store;
  g_autoptr(MkImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { MEKONG_SAMPLES_DIR, NULL };

  if (store != NULL)
    return store;

  /* ":memory:": nothing on disk, and each process has its own. */
  store = mk_store_open (":memory:", &error);
  FUZZ_ASSERT (store != NULL);
  importer = mk_importer_new (store);
  FUZZ_ASSERT (mk_importer_import_paths (importer, paths, NULL, &error));
  FUZZ_ASSERT (mk_importer_get_n_added (importer) > 0);
  return store;
}
