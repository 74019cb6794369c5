/* test-preferences-window.c — the Preferences window, in-process under Xvfb
 *
 * Each row shows its setting and changes it at once, both ways.
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mk-preferences-window.h"

static void
collect_combo_rows (GtkWidget *widget,
                    GPtrArray *found)
{
  if (ADW_IS_COMBO_ROW (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_combo_rows (child, found);
}

/* The combo row a person finds by its title. */
static AdwComboRow *
combo_row (GtkWidget  *window,
           const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_combo_rows (window, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *row_title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));

      if (g_strcmp0 (row_title, title) == 0)
        return g_ptr_array_index (rows, i);
    }

  g_assert_not_reached ();
}

static const char *
selected_label (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return gtk_string_object_get_string (item);
}

static void
test_sort_order_row (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MkPreferencesWindow *window;
  AdwComboRow *row;
  g_autofree char *sort_order = NULL;

  g_settings_reset (settings, "sort-order");
  window = mk_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  row = combo_row (GTK_WIDGET (window), "_Sort Order");

  g_assert_cmpstr (selected_label (row), ==, "Newest first");

  /* Picking a row writes the setting… */
  adw_combo_row_set_selected (row, 2);
  sort_order = g_settings_get_string (settings, "sort-order");
  g_assert_cmpstr (sort_order, ==, "relevance");

  /* …and a change elsewhere (the window's sort menu) shows here. */
  g_settings_set_string (settings, "sort-order", "oldest");
  g_assert_cmpstr (selected_label (row), ==, "Oldest first");

  g_settings_reset (settings, "sort-order");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_style_row (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MkPreferencesWindow *window;
  AdwComboRow *row;
  g_autofree char *style = NULL;

  g_settings_reset (settings, "style");
  window = mk_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  row = combo_row (GTK_WIDGET (window), "_Style");

  g_assert_cmpstr (selected_label (row), ==, "Follow the system");
  adw_combo_row_set_selected (row, 2);
  style = g_settings_get_string (settings, "style");
  g_assert_cmpstr (style, ==, "dark");

  g_settings_reset (settings, "style");
  g_assert_cmpstr (selected_label (row), ==, "Follow the system");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gpointer
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The feeds' refresh interval and the online tiles, both ways. */
static void
test_feeds_and_map_rows (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MkPreferencesWindow *window;
  GtkSpinButton *spin;
  GtkSwitch *online;

  g_settings_reset (settings, "refresh-interval");
  g_settings_reset (settings, "map-online-tiles");
  window = mk_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin = find_widget (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON);
  online = find_widget (GTK_WIDGET (window), GTK_TYPE_SWITCH);

  /* Off by default: nothing goes to the network unasked. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);
  g_assert_false (gtk_switch_get_active (online));

  gtk_spin_button_set_value (spin, 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "refresh-interval"), ==, 30);
  gtk_switch_set_active (online, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "map-online-tiles"));

  g_settings_set_uint (settings, "refresh-interval", 90);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 90);

  g_settings_reset (settings, "refresh-interval");
  g_settings_reset (settings, "map-online-tiles");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/preferences/sort-order", test_sort_order_row);
  g_test_add_func ("/preferences/style", test_style_row);
  g_test_add_func ("/preferences/feeds-and-map", test_feeds_and_map_rows);

  return g_test_run ();
}
