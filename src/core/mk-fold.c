/* mk-fold.c — folding text for search and matching
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mk-fold.h"

/* GLib can case-fold and decompose, but nothing in GLib, GTK or SQLite strips
 * diacritics, and đ/Đ is a letter of its own (it has no decomposition), so
 * Vietnamese needs this small pass: "Đặng" and "dang" must compare equal. */
static gunichar
fold_letter (gunichar c)
{
  switch (c)
    {
    case 0x0110: /* Đ */
    case 0x0111: /* đ */
    case 0x0189: /* Ɖ (African D, sometimes typed for Đ) */
      return 'd';
    default:
      return c;
    }
}

/**
 * mk_fold:
 * @text: UTF-8 text
 *
 * Returns @text case-folded, without diacritics and with đ/Đ as d, so that
 * "HÀ NỘI", "Hà Nội" and "ha noi" fold to the same string.
 */
char *
mk_fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      g_string_append_unichar (out, fold_letter (c));
    }

  return g_string_free (out, FALSE);
}

/**
 * mk_fold_has_word:
 * @text: UTF-8 text
 *
 * Whether @text holds at least one letter or digit, i.e. something a search
 * could match; "(", "--" or "\"" alone do not.
 */
gboolean
mk_fold_has_word (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}
