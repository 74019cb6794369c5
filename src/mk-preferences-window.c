/* mk-preferences-window.c — the Preferences window
 *
 * Every row is bound to its GSettings key, so a change applies at once
 * and the window has nothing to save.
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mk-preferences-window.h"
#include "mk-settings.h"

struct _MkPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template children */
  AdwComboRow *sort_order_row;
  AdwComboRow *style_row;
  GtkSpinButton *refresh_spin;
  GtkSwitch *online_tiles_switch;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (MkPreferencesWindow, mk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The nicks of an enum key, in the order of its combo row's items. */
static const char * const sort_order_nicks[] = { "newest", "oldest", "relevance", NULL };
static const char * const style_nicks[] = { "system", "light", "dark", NULL };

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[position]);
}

static void
bind_enum_row (MkPreferencesWindow *self,
               const char          *key,
               AdwComboRow         *row,
               const char * const  *nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick,
                                (gpointer) nicks, NULL);
}

MkPreferencesWindow *
mk_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (MK_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

static void
mk_preferences_window_finalize (GObject *object)
{
  MkPreferencesWindow *self = MK_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mk_preferences_window_parent_class)->finalize (object);
}

static void
mk_preferences_window_class_init (MkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mk_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/mk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, sort_order_row);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, refresh_spin);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, online_tiles_switch);
}

static void
mk_preferences_window_init (MkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Only offered when the schema is installed (see mk-application.c). */
  self->settings = mk_settings_new ();
  g_return_if_fail (self->settings != NULL);

  bind_enum_row (self, "sort-order", self->sort_order_row, sort_order_nicks);
  bind_enum_row (self, "style", self->style_row, style_nicks);
  g_settings_bind (self->settings, "refresh-interval", self->refresh_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "map-online-tiles", self->online_tiles_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}
