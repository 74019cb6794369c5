/* test-fold.c — folding case and diacritics, đ included
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mekong-core.h"

static void
test_fold_vietnamese (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "HÀ NỘI", "ha noi" },
    { "Hà Nội", "ha noi" },
    { "Vũ Đức Đam", "vu duc dam" },
    { "Việt Nam", "viet nam" },
    { "Phạm Minh Chính", "pham minh chinh" },
    { "đặng", "dang" },
    { "Quảng Nam", "quang nam" },
    /* Decomposed input (NFD) folds the same as composed. */
    { "Ha\xcc\x80 No\xcc\xa3\xcc\x82i", "ha noi" },
    { "Vientiane", "vientiane" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = mk_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_fold_has_word (void)
{
  g_assert_true (mk_fold_has_word ("Đam"));
  g_assert_true (mk_fold_has_word ("2025"));
  g_assert_false (mk_fold_has_word ("\"(-)*"));
  g_assert_false (mk_fold_has_word (""));
  g_assert_false (mk_fold_has_word ("  — "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fold/vietnamese", test_fold_vietnamese);
  g_test_add_func ("/fold/has-word", test_fold_has_word);

  return g_test_run ();
}
