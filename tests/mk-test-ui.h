/* mk-test-ui.h — what the in-process UI tests share
 *
 * Waiting for the window with a time bound, finding its widgets the way a
 * person finds them (by type, by style class, by the text on screen), and
 * the throwaway archive each test opens. Test code only: every function
 * asserts instead of returning errors.
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mekong-core.h"

G_BEGIN_DECLS

/* A state the test waits for: @fixture is the test's own fixture (passed
 * through untouched), @data what the test asked for. */
typedef gboolean (*MkTestCondition) (gpointer      fixture,
                                     gconstpointer data);

/* A condition written for a test's own fixture type, as GLib casts its
 * callbacks with G_CALLBACK: only the fixture's pointer type differs. */
#define MK_TEST_CONDITION(func) ((MkTestCondition) (void (*) (void)) (func))

gboolean   mk_test_wait_until        (MkTestCondition  condition,
                                      gpointer         fixture,
                                      gconstpointer    data,
                                      guint            timeout_seconds);
void       mk_test_settle            (guint            milliseconds);
void       mk_test_drain_main_context (void);

void       mk_test_collect_widgets   (GtkWidget       *root,
                                      GType            type,
                                      GPtrArray       *found);
void       mk_test_collect_shown_widgets (GtkWidget   *root,
                                      GType            type,
                                      GPtrArray       *found);
gpointer   mk_test_find_widget       (GtkWidget       *root,
                                      GType            type);
GtkWidget *mk_test_find_by_css_class (GtkWidget       *root,
                                      const char      *css_class);
GtkWidget *mk_test_find_label        (GtkWidget       *root,
                                      const char      *text);
gboolean   mk_test_label_shown       (GtkWidget       *root,
                                      const char      *text);

MkStore   *mk_test_archive_open      (const char      *tmpdir_template,
                                      char           **tmpdir,
                                      char           **archive_path);
void       mk_test_remove_tmpdir     (const char      *tmpdir);
gboolean   mk_test_destroy_window    (gpointer        *window,
                                      guint            timeout_seconds);

G_END_DECLS
