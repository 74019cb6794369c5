/* bench-entity-extractor.c — how many articles per second the entity
 * rules read
 *
 * Usage: bench-entity-extractor [--count N] [PATH…]
 *
 * Parses the plain-text articles in PATH (files or folders; the bundled
 * samples by default), then extracts the entities of N articles, going
 * round the parsed ones, and prints the rate. Extraction only: storing the
 * mentions is measured by `mekong-cli reindex-entities` on a real archive.
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "mekong-core.h"

static void
load_path (GPtrArray  *articles,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          load_path (articles, child);
        }
    }
  else
    {
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) parsed = NULL;
      gsize length;

      if (!g_file_get_contents (path, &text, &length, NULL))
        return;
      parsed = mk_text_parser_parse (text, length, NULL);
      if (parsed != NULL && parsed->len > 0)
        g_ptr_array_add (articles, g_object_ref (g_ptr_array_index (parsed, 0)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MkEntityExtractor) extractor = NULL;
  gint64 count = 10000, started, bytes = 0, mentions = 0;
  double seconds;
  int first_path = 1;

  setlocale (LC_ALL, "");
  if (argc > 2 && g_str_equal (argv[1], "--count"))
    {
      count = g_ascii_strtoll (argv[2], NULL, 10);
      first_path = 3;
    }

  for (int i = first_path; i < argc; i++)
    load_path (articles, argv[i]);
  if (first_path >= argc)
    load_path (articles, MEKONG_SAMPLES_DIR);
  if (articles->len == 0 || count <= 0)
    {
      g_printerr ("no articles to read\n");
      return 1;
    }

  extractor = mk_entity_extractor_new ();
  /* The gazetteer loads once per process; not part of the rate. */
  g_ptr_array_unref (mk_entity_extractor_extract (extractor, NULL, "Hanoi"));

  started = g_get_monotonic_time ();
  for (gint64 i = 0; i < count; i++)
    {
      MkArticle *article = g_ptr_array_index (articles, i % articles->len);
      const char *title = mk_article_get_title_derived (article) ? NULL : mk_article_get_title (article);
      g_autoptr(GPtrArray) entities = mk_entity_extractor_extract (extractor, title, mk_article_get_body (article));

      bytes += strlen (mk_article_get_body (article));
      for (guint j = 0; j < entities->len; j++)
        mentions += mk_entity_get_mentions (g_ptr_array_index (entities, j))->len;
    }
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  printf ("articles     %" G_GINT64_FORMAT " (%u distinct)\n", count, articles->len);
  printf ("text         %.1f MB\n", bytes / 1e6);
  printf ("mentions     %" G_GINT64_FORMAT "\n", mentions);
  printf ("time         %.2f s\n", seconds);
  printf ("rate         %.0f articles/s, %.1f MB/s\n", count / seconds, bytes / 1e6 / seconds);
  return 0;
}
