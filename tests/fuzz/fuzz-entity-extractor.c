/* fuzz-entity-extractor.c — libFuzzer target: entities in any text
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input's first line is the title, the rest the body, made valid UTF-8
 * first as the importer does before anything reads it. Every mention must
 * lie within its text, with start < end, and the characters it covers must
 * be whole: converting its character offsets to bytes lands on UTF-8
 * boundaries. Every entity has a non-empty, valid UTF-8 name.
 */
#include "fuzz-common.h"

#include <string.h>

/* The byte offset of each character of @text, and of its end: built once
 * per text, so that checking every mention stays linear (converting each
 * mention with g_utf8_offset_to_pointer() made long inputs quadratic:
 * 5 s for 64 KB, where extraction takes milliseconds). */
static GArray *
char_offsets (const char *text)
{
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gsize offset = p - text;

      g_array_append_val (offsets, offset);
      if (*p == '\0')
        break;
    }
  return offsets;
}

static void
check_mention (const MkMention *mention,
               const char      *title,
               GArray          *title_offsets,
               const char      *body,
               GArray          *body_offsets)
{
  const char *text = mention->in_title ? title : body;
  GArray *offsets = mention->in_title ? title_offsets : body_offsets;
  glong n_chars = (glong) offsets->len - 1;
  const char *start, *end;

  FUZZ_ASSERT (mention->start >= 0);
  FUZZ_ASSERT (mention->start < mention->end);
  FUZZ_ASSERT (mention->end <= n_chars);

  start = text + g_array_index (offsets, gsize, mention->start);
  end = text + g_array_index (offsets, gsize, mention->end);
  /* On a boundary: what lies between is valid UTF-8 on its own, and as
   * many characters as the mention says. */
  FUZZ_ASSERT (g_utf8_validate (start, end - start, NULL));
  FUZZ_ASSERT (g_utf8_strlen (start, end - start) == mention->end - mention->start);
}

static MkEntityExtractor *
extractor (void)
{
  static MkEntityExtractor *extractor;

  if (extractor == NULL)
    extractor = mk_entity_extractor_new ();
  return extractor;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GArray) title_offsets = NULL;
  g_autoptr(GArray) body_offsets = NULL;
  char *newline = strchr (text, '\n');
  const char *title = "";
  const char *body = text;

  if (newline != NULL)
    {
      *newline = '\0';
      title = text;
      body = newline + 1;
    }

  entities = mk_entity_extractor_extract (extractor (), title, body);
  FUZZ_ASSERT (entities != NULL);
  title_offsets = char_offsets (title);
  body_offsets = char_offsets (body);

  for (guint i = 0; i < entities->len; i++)
    {
      MkEntity *entity = g_ptr_array_index (entities, i);
      GArray *mentions = mk_entity_get_mentions (entity);
      const char *name = mk_entity_get_name (entity);

      FUZZ_ASSERT (name != NULL && *name != '\0');
      FUZZ_ASSERT (g_utf8_validate (name, -1, NULL));
      for (guint j = 0; j < mentions->len; j++)
        check_mention (&g_array_index (mentions, MkMention, j), title, title_offsets,
                       body, body_offsets);
    }

  return 0;
}
