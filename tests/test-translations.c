/* test-translations.c — the window in the language of LANGUAGE
 *
 * Run once per translation (see tests/meson.build: LANGUAGE=vi, LANGUAGE=lo,
 * with MEKONG_LOCALEDIR pointing at the build's catalogues). Opens the real
 * window on a throwaway archive and looks at what a person reads: the
 * labels are in that language, not in English, and every glyph of every
 * label on screen is drawn by a font that has it (no boxes for Lao).
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mk-window.h"
#include "mk-test-ui.h"

#define N_SAMPLE_ARTICLES 7
#define TIMEOUT_SECONDS   30

typedef struct
{
  char     *tmpdir;
  MkStore  *store;
  MkWindow *window;
} Fixture;

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

/* Runs the main loop until @condition holds, for at most TIMEOUT_SECONDS. */
static gboolean
wait_until (Fixture       *f,
            Condition      condition,
            gconstpointer  data)
{
  return mk_test_wait_until (MK_TEST_CONDITION (condition), f, data, TIMEOUT_SECONDS);
}

/* A label with exactly this text is on screen. */
static gboolean
label_shown (Fixture       *f,
             gconstpointer  data)
{
  return mk_test_label_shown (GTK_WIDGET (f->window), data);
}

/* "Imported 7 sample articles", in the catalogue's language. */
static char *
sample_toast (void)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u sample article",
                                       "Imported %u sample articles", N_SAMPLE_ARTICLES),
                          N_SAMPLE_ARTICLES);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = mk_test_archive_open ("mekong-test-translations-XXXXXX", &f->tmpdir, NULL);

  /* The first window on an empty archive imports the samples. */
  f->window = mk_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_true (mk_test_destroy_window ((gpointer *) &f->window, TIMEOUT_SECONDS));
  mk_test_drain_main_context ();
  g_assert_finalize_object (f->store);
  mk_test_remove_tmpdir (f->tmpdir);
  g_free (f->tmpdir);
}

/* The count, the toast and the search box are in the catalogue's language,
 * not in English: a missing or incomplete catalogue fails here. */
static void
test_window_is_translated (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *count = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *placeholder = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  g_test_message ("LANGUAGE=%s", g_getenv ("LANGUAGE"));

  /* The count above the list: a plural, the number already formatted. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s article", "%s articles",
                                        N_SAMPLE_ARTICLES), "7");
  g_assert_cmpstr (count, !=, "7 articles");
  g_assert_true (wait_until (f, label_shown, count));

  /* The toast after the first start's import of the samples. */
  toast = sample_toast ();
  g_assert_cmpstr (toast, !=, "Imported 7 sample articles");
  g_assert_true (wait_until (f, label_shown, toast));

  /* The search box's placeholder, from the .ui template. */
  mk_test_collect_shown_widgets (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 1);
  g_object_get (g_ptr_array_index (entries, 0), "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, !=, "Search articles");
  g_assert_cmpstr (placeholder, ==, g_dgettext (GETTEXT_PACKAGE, "Search articles"));
}

/* Every label on screen, translated text and the articles alike, is drawn
 * with real glyphs: a language without an installed font shows boxes. */
static void
test_every_glyph_has_a_font (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *toast = sample_toast ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint checked = 0;

  g_assert_true (wait_until (f, label_shown, toast));

  mk_test_collect_shown_widgets (GTK_WIDGET (f->window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      PangoLayout *layout = gtk_label_get_layout (label);

      if (*gtk_label_get_text (label) == '\0')
        continue;
      if (pango_layout_get_unknown_glyphs_count (layout) != 0)
        g_error ("“%s” has %d glyphs no font draws", gtk_label_get_text (label),
                 pango_layout_get_unknown_glyphs_count (layout));
      checked++;
    }
  g_assert_cmpuint (checked, >, 5);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  mk_core_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/translations/window", Fixture, NULL,
              fixture_setup, test_window_is_translated, fixture_teardown);
  g_test_add ("/translations/glyphs", Fixture, NULL,
              fixture_setup, test_every_glyph_has_a_font, fixture_teardown);

  return g_test_run ();
}
