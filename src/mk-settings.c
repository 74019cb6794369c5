/* mk-settings.c — the application's settings, when their schema is there
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-settings.h"

/**
 * mk_settings_new:
 *
 * g_settings_new() aborts when the schema is not installed, which is the
 * case when mekong runs from a build directory without
 * GSETTINGS_SCHEMA_DIR; then nothing is remembered, and nothing breaks.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL without
 *   their schema
 */
GSettings *
mk_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not found; settings are not remembered", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}
