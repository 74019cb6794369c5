/* lsan-canary.c — proof that the sanitizer build reports leaks
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loses an article the way a forgotten g_object_unref() would, then asks
 * LeakSanitizer to look. Passes only when it finds that leak: if
 * LeakSanitizer were off (ASAN_OPTIONS=detect_leaks=0), or tests/lsan.supp
 * hid leaks in Mekong's own code, this test would fail. Built only with
 * -Db_sanitize=address (tests/meson.build).
 */
#include <stdio.h>
#include <unistd.h>
#include <sanitizer/lsan_interface.h>

#include "mekong-core.h"

/* In a function of its own, so that no register or stack slot of main()
 * still points at the article when LeakSanitizer looks. */
static G_GNUC_NO_INLINE void
lose_an_article (void)
{
  MkArticle *article = mk_article_new ();

  mk_article_set_title (article, "Never freed");
}

int
main (void)
{
  int found;

  lose_an_article ();
  found = __lsan_do_recoverable_leak_check ();
  printf ("%s\n", found ? "the leak was reported" : "the leak was NOT reported");
  fflush (stdout);
  /* _exit(): LeakSanitizer's own check at exit would fail us for the very
   * leak we wanted to see. */
  _exit (found ? 0 : 1);
}
