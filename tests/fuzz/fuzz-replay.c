/* fuzz-replay.c — run a fuzz target's checks on saved inputs, without libFuzzer
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fuzz-replay-NAME DIR|FILE...
 *
 * Feeds every file (folders: every file in them, in name order) to the
 * target's LLVMFuzzerTestOneInput(). A finding aborts, as under the
 * fuzzer; a folder that does not exist (no regressions yet) is skipped.
 * The exit status is the test's result: 0 when at least one input ran.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static guint
replay_file (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  /* A copy of exactly @length bytes, so ASan sees a read past the end. */
  {
    g_autofree guint8 *copy = g_memdup2 (data, length);

    LLVMFuzzerTestOneInput (copy, length);
  }
  return 1;
}

static guint
replay_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && strcmp (name, "README.md") != 0)
      g_ptr_array_add (names, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    n += replay_file (g_ptr_array_index (names, i));
  return n;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      if (!g_file_test (argv[i], G_FILE_TEST_EXISTS))
        continue;
      n += g_file_test (argv[i], G_FILE_TEST_IS_DIR) ? replay_folder (argv[i])
                                                      : replay_file (argv[i]);
    }

  printf ("%u inputs replayed, no finding\n", n);
  return n > 0 ? 0 : 1;
}
