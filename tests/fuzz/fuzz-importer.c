/* fuzz-importer.c — libFuzzer target: any bytes imported as an article file
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole path of `mekong-cli import`: parse, store, index the text and
 * the entities, in an archive in memory. What the parser accepts the
 * archive must take (a store error is a finding), and importing the same
 * bytes again must change nothing.
 */
#include "fuzz-common.h"

/* A fresh archive now and then keeps memory flat over millions of runs. */
#define RUNS_PER_ARCHIVE 512

static MkStore *
archive (void)
{
  static MkStore *store;
  static guint runs;

  if (store != NULL && ++runs % RUNS_PER_ARCHIVE == 0)
    g_clear_object (&store);
  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;

      store = mk_store_open (":memory:", &error);
      FUZZ_ASSERT (store != NULL);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(MkImporter) importer = mk_importer_new (archive ());
  g_autoptr(GError) error = NULL;
  guint n_stored, n_added, n_updated, n_unchanged;

  if (!mk_importer_import_bytes (importer, bytes, "file:///fuzz/article.txt", NULL, &error))
    {
      if (error->domain != MK_IMPORT_ERROR)
        fprintf (stderr, "import: %s\n", error->message);
      FUZZ_ASSERT (error->domain == MK_IMPORT_ERROR);
      FUZZ_ASSERT (mk_importer_get_n_failed (importer) == 1);
      return 0;
    }

  n_added = mk_importer_get_n_added (importer);
  n_updated = mk_importer_get_n_updated (importer);
  n_unchanged = mk_importer_get_n_unchanged (importer);
  n_stored = n_added + n_updated + n_unchanged;
  FUZZ_ASSERT (n_stored > 0);

  /* Again: every article is found, none added or changed. */
  FUZZ_ASSERT (mk_importer_import_bytes (importer, bytes, "file:///fuzz/article.txt", NULL, &error));
  FUZZ_ASSERT (mk_importer_get_n_added (importer) == n_added);
  FUZZ_ASSERT (mk_importer_get_n_updated (importer) == n_updated);
  FUZZ_ASSERT (mk_importer_get_n_unchanged (importer) == n_unchanged + n_stored);
  return 0;
}
