/* fuzz-html-text.c — libFuzzer target: the readable text of any HTML
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The feed parser hands every HTML body (valid UTF-8, as libxml2 and
 * json-glib give it) to mk_html_text_to_plain(), and plain-text bodies
 * to mk_html_text_normalize_plain(). Both must give text a reader can
 * be shown: valid UTF-8, no control characters but line breaks, no white
 * space at either end, no run of spaces, at most one blank line in a
 * row. Normalizing what either gives changes nothing more.
 */
#include "fuzz-common.h"

#include <string.h>

static void
check_text (const char *text)
{
  gboolean space_before = TRUE; /* no white space at the start */
  guint newlines = 0;

  FUZZ_ASSERT (text != NULL);
  FUZZ_ASSERT (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      FUZZ_ASSERT (c == '\n' || !g_unichar_iscntrl (c));
      if (c == '\n')
        {
          FUZZ_ASSERT (++newlines <= 2);
          FUZZ_ASSERT (p == text || p[-1] != ' ');
          space_before = TRUE;
          continue;
        }
      newlines = 0;
      if (c == ' ')
        {
          FUZZ_ASSERT (!space_before);
          space_before = TRUE;
          continue;
        }
      space_before = FALSE;
    }
  FUZZ_ASSERT (*text == '\0' || !space_before);
}

static void
check_stable (const char *text)
{
  g_autofree char *again = mk_html_text_normalize_plain (text);

  FUZZ_ASSERT (g_strcmp0 (again, text) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = g_utf8_make_valid ((const char *) data, size);
  g_autofree char *plain = NULL;
  g_autofree char *normalized = NULL;

  plain = mk_html_text_to_plain (input, -1);
  check_text (plain);
  check_stable (plain);

  normalized = mk_html_text_normalize_plain (input);
  check_text (normalized);
  check_stable (normalized);
  return 0;
}
