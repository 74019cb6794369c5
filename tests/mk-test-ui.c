/* mk-test-ui.c — what the in-process UI tests share
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "mk-test-ui.h"

/* --- waiting --------------------------------------------------------------- */

static gboolean
keep_waking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * mk_test_wait_until:
 * @condition: the state to wait for
 * @fixture: passed to @condition
 * @data: passed to @condition
 * @timeout_seconds: how long to wait at most
 *
 * Runs the default main context until @condition holds, for at most
 * @timeout_seconds. A 10 ms timeout source makes every iteration return,
 * so the clock and the condition are read even when nothing else happens.
 *
 * Returns: whether @condition held in time
 */
gboolean
mk_test_wait_until (MkTestCondition  condition,
                    gpointer         fixture,
                    gconstpointer    data,
                    guint            timeout_seconds)
{
  gint64 deadline = g_get_monotonic_time () + timeout_seconds * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, keep_waking, NULL);
  gboolean done;

  while (!(done = condition (fixture, data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);

  return done;
}

/**
 * mk_test_settle:
 * @milliseconds: how long
 *
 * Runs the default main context for @milliseconds, so that the window lays
 * out and paints what is pending.
 */
void
mk_test_settle (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;
  guint tick = g_timeout_add (10, keep_waking, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

/**
 * mk_test_drain_main_context:
 *
 * Dispatches whatever the default main context has pending, without
 * blocking: idle callbacks and finalizations a closed window left behind.
 */
void
mk_test_drain_main_context (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* --- finding widgets ------------------------------------------------------- */

/**
 * mk_test_collect_widgets:
 * @root: where to look
 * @type: the widget type (or interface) wanted
 * @found: (element-type GtkWidget): gets every widget of @type under @root,
 *   @root included, depth first, mapped or not
 */
void
mk_test_collect_widgets (GtkWidget *root,
                         GType      type,
                         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mk_test_collect_widgets (child, type, found);
}

/**
 * mk_test_collect_shown_widgets:
 * @root: where to look
 * @type: the widget type (or interface) wanted
 * @found: (element-type GtkWidget): gets every widget of @type under @root
 *   that is on screen (mapped), depth first
 */
void
mk_test_collect_shown_widgets (GtkWidget *root,
                               GType      type,
                               GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mk_test_collect_shown_widgets (child, type, found);
}

/**
 * mk_test_find_widget:
 * @root: where to look
 * @type: the widget type wanted
 *
 * The one widget of @type under @root; fails the test unless there is
 * exactly one.
 *
 * Returns: (transfer none): the widget
 */
gpointer
mk_test_find_widget (GtkWidget *root,
                     GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  mk_test_collect_widgets (root, type, found);
  g_assert_cmpuint (found->len, ==, 1);

  return g_ptr_array_index (found, 0);
}

/**
 * mk_test_find_by_css_class:
 * @root: where to look
 * @css_class: a style class
 *
 * The first widget with @css_class under @root, depth first: for widgets
 * of which the window has several of the type (list views).
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL
 */
GtkWidget *
mk_test_find_by_css_class (GtkWidget  *root,
                           const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mk_test_find_by_css_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * mk_test_find_label:
 * @root: where to look
 * @text: the whole text of the label
 *
 * The first label under @root that is on screen (mapped) and reads exactly
 * @text, as a person would see it.
 *
 * Returns: (transfer none) (nullable): the label, or %NULL
 */
GtkWidget *
mk_test_find_label (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mk_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * mk_test_label_shown:
 * @root: where to look
 * @text: the whole text of the label
 *
 * Returns: whether a label on screen under @root reads exactly @text (a
 *   toast's title, say)
 */
gboolean
mk_test_label_shown (GtkWidget  *root,
                     const char *text)
{
  return mk_test_find_label (root, text) != NULL;
}

/* --- the archive and the window -------------------------------------------- */

/**
 * mk_test_archive_open:
 * @tmpdir_template: for g_dir_make_tmp(), "mekong-test-window-XXXXXX"
 * @tmpdir: (out): the new temporary folder, to free
 * @archive_path: (out) (optional): archive.db in it, to free
 *
 * Opens a new, empty archive in a new temporary folder.
 *
 * Returns: (transfer full): the archive
 */
MkStore *
mk_test_archive_open (const char  *tmpdir_template,
                      char       **tmpdir,
                      char       **archive_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  MkStore *store;

  *tmpdir = g_dir_make_tmp (tmpdir_template, &error);
  g_assert_no_error (error);
  path = g_build_filename (*tmpdir, "archive.db", NULL);

  store = mk_store_open (path, &error);
  g_assert_no_error (error);

  if (archive_path != NULL)
    *archive_path = g_steal_pointer (&path);

  return store;
}

/**
 * mk_test_remove_tmpdir:
 * @tmpdir: a folder from mk_test_archive_open()
 *
 * Removes @tmpdir and the files in it (the archive and its journal),
 * failing the test if one cannot be removed.
 */
void
mk_test_remove_tmpdir (const char *tmpdir)
{
  const char *name;
  GDir *dir;

  dir = g_dir_open (tmpdir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);

      g_assert_no_errno (g_unlink (path));
    }
  g_clear_pointer (&dir, g_dir_close);
  g_assert_no_errno (g_rmdir (tmpdir));
}

static gboolean
pointer_cleared (gpointer      fixture,
                 gconstpointer data)
{
  gpointer *location = fixture;

  return *location == NULL;
}

/**
 * mk_test_destroy_window:
 * @window: (inout): where the test holds a #GtkWindow; %NULL once it is
 *   finalized
 * @timeout_seconds: how long to wait at most
 *
 * Destroys the window and waits until it is finalized: searches still
 * running hold the window until they return.
 *
 * Returns: whether the window was finalized in time
 */
gboolean
mk_test_destroy_window (gpointer *window,
                        guint     timeout_seconds)
{
  g_object_add_weak_pointer (G_OBJECT (*window), window);
  gtk_window_destroy (GTK_WINDOW (*window));

  return mk_test_wait_until (pointer_cleared, window, NULL, timeout_seconds);
}
