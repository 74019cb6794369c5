/* mk-gazetteer.c — the places and well-known bodies the extractor knows
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "mk-core-resources.h"
#include "mk-gazetteer.h"

/* The data files (the .tsv files of data/gazetteer/, compiled into libmekong-core as a
 * GResource) say what each column means. Names are found by their entity
 * key (mk_entity_key(): folded, no spaces), so that every spelling with or
 * without diacritics, capitals or spaces is one lookup; acronyms are found
 * by their exact text, so that "WHO" is a body and "Who" a word. */

#define RESOURCE_DIR "/io/github/mekong/Mekong/core/"

struct _MkGazetteer
{
  GObject parent_instance;

  GPtrArray *entries;       /* of MkGazetteerEntry*, owned */
  GStringChunk *strings;    /* names and kinds */
  GHashTable *places;       /* key -> entry */
  GHashTable *organizations;/* key -> entry */
  GHashTable *acronyms;     /* exact text -> entry */
  GHashTable *demonyms;     /* key -> country entry */
  guint max_words;
};

G_DEFINE_FINAL_TYPE (MkGazetteer, mk_gazetteer, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  MkGazetteerEntry *entry = data;

  g_strfreev (entry->variants);
  g_free (entry);
}

static void
mk_gazetteer_finalize (GObject *object)
{
  MkGazetteer *self = (MkGazetteer *)object;

  g_clear_pointer (&self->places, g_hash_table_unref);
  g_clear_pointer (&self->organizations, g_hash_table_unref);
  g_clear_pointer (&self->acronyms, g_hash_table_unref);
  g_clear_pointer (&self->demonyms, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (mk_gazetteer_parent_class)->finalize (object);
}

static void
mk_gazetteer_class_init (MkGazetteerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_gazetteer_finalize;
}

static void
mk_gazetteer_init (MkGazetteer *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->strings = g_string_chunk_new (4096);
  self->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->acronyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->demonyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* "VNA", "MoLSW", "U.S.", "RoK": two capitals or more and no space. Such
 * names are matched case-sensitively. */
static gboolean
is_acronym (const char *name)
{
  guint upper = 0;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        return FALSE;
      upper += g_unichar_isupper (c);
    }

  return upper >= 2;
}

static guint
count_words (const char *name)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gboolean word_char = g_unichar_isalnum (g_utf8_get_char (p)) || *p == '.' || *p == '\'';

      if (word_char && !in_word)
        words++;
      in_word = word_char;
    }

  return words;
}

/* The first name given for a key wins: the data lists the most important
 * places first, so a variant never steals a canonical name. */
static void
index_name (MkGazetteer      *self,
            GHashTable       *table,
            MkGazetteerEntry *entry,
            const char       *name)
{
  char *key;

  if (is_acronym (name))
    {
      if (!g_hash_table_contains (self->acronyms, name))
        g_hash_table_insert (self->acronyms, g_strdup (name), entry);
      return;
    }

  key = mk_entity_key (name);
  if (*key == '\0' || g_hash_table_contains (table, key))
    {
      g_free (key);
      return;
    }

  g_hash_table_insert (table, key, entry);
  self->max_words = MAX (self->max_words, count_words (name));
}

static GStrv
split_list (const char *field)
{
  g_auto(GStrv) parts = NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv list;

  if (field != NULL && *field != '\0')
    {
      parts = g_strsplit (field, "|", -1);
      for (guint i = 0; parts[i]; i++)
        if (*g_strstrip (parts[i]))
          g_strv_builder_add (builder, parts[i]);
    }

  list = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return list;
}

static gboolean
parse_coordinate (const char *text,
                  double      limit,
                  double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && *value >= -limit && *value <= limit;
}

static const char *
optional_field (MkGazetteer  *self,
                char        **fields,
                guint         index)
{
  for (guint i = 0; i <= index; i++)
    if (fields[i] == NULL)
      return "";
  return g_string_chunk_insert_const (self->strings, fields[index]);
}

/* kind, name, lat, lon, variants, demonyms, country, joined */
static gboolean
add_place (MkGazetteer  *self,
           char        **fields,
           guint         line,
           GError      **error)
{
  g_autofree MkGazetteerEntry *entry = g_new0 (MkGazetteerEntry, 1);
  g_auto(GStrv) demonyms = NULL;
  MkGazetteerEntry *owned;

  if (g_strv_length (fields) < 4 ||
      !parse_coordinate (fields[2], 90, &entry->latitude) ||
      !parse_coordinate (fields[3], 180, &entry->longitude))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Gazetteer line %u is not “kind, name, latitude, longitude…”"), line);
      return FALSE;
    }

  entry->type = MK_ENTITY_PLACE;
  entry->kind = g_string_chunk_insert_const (self->strings, fields[0]);
  entry->name = g_string_chunk_insert_const (self->strings, fields[1]);
  entry->has_location = TRUE;
  entry->variants = split_list (fields[4] ? fields[4] : NULL);
  demonyms = split_list (fields[4] && fields[5] ? fields[5] : NULL);
  entry->country = optional_field (self, fields, 6);
  entry->joined = optional_field (self, fields, 7);

  owned = g_steal_pointer (&entry);
  g_ptr_array_add (self->entries, owned);
  index_name (self, self->places, owned, owned->name);
  for (guint i = 0; owned->variants[i]; i++)
    index_name (self, self->places, owned, owned->variants[i]);
  for (guint i = 0; demonyms[i]; i++)
    {
      char *key = mk_entity_key (demonyms[i]);

      if (g_hash_table_contains (self->demonyms, key))
        g_free (key);
      else
        g_hash_table_insert (self->demonyms, key, owned);
    }

  return TRUE;
}

/* name, variants */
static gboolean
add_organization (MkGazetteer  *self,
                  char        **fields,
                  guint         line,
                  GError      **error)
{
  MkGazetteerEntry *entry = g_new0 (MkGazetteerEntry, 1);

  entry->type = MK_ENTITY_ORGANIZATION;
  entry->name = g_string_chunk_insert_const (self->strings, fields[0]);
  entry->country = "";
  entry->joined = "";
  entry->variants = split_list (fields[1]);
  g_ptr_array_add (self->entries, entry);

  index_name (self, self->organizations, entry, entry->name);
  for (guint i = 0; entry->variants[i]; i++)
    index_name (self, self->organizations, entry, entry->variants[i]);

  return TRUE;
}

typedef gboolean (*AddLine) (MkGazetteer *self, char **fields, guint line, GError **error);

/* Tab-separated lines; '#' starts a comment line, blank lines are skipped. */
static gboolean
load_table (MkGazetteer  *self,
            const char   *data,
            AddLine       add_line,
            GError      **error)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;

      g_strchomp (lines[i]);
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (!add_line (self, fields, i + 1, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * mk_gazetteer_new_from_data:
 * @places: the text of a gazetteer.tsv
 * @organizations: the text of an organizations.tsv
 *
 * For tests and tools; the application uses mk_gazetteer_get_default().
 */
MkGazetteer *
mk_gazetteer_new_from_data (const char  *places,
                            const char  *organizations,
                            GError     **error)
{
  g_autoptr(MkGazetteer) self = g_object_new (MK_TYPE_GAZETTEER, NULL);

  g_return_val_if_fail (places != NULL && organizations != NULL, NULL);

  if (!load_table (self, places, add_place, error) ||
      !load_table (self, organizations, add_organization, error))
    return NULL;

  return g_steal_pointer (&self);
}

static char *
dup_resource_text (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* The resource is compiled into this library, so it cannot be missing. */
  bytes = g_resource_lookup_data (mk_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("%s: %s", path, error->message);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/**
 * mk_gazetteer_get_default:
 *
 * The bundled gazetteer, loaded once per process and shared by every
 * thread (it is read-only once loaded).
 *
 * Returns: (transfer none):
 */
MkGazetteer *
mk_gazetteer_get_default (void)
{
  static MkGazetteer *gazetteer;

  if (g_once_init_enter (&gazetteer))
    {
      g_autofree char *places = dup_resource_text ("gazetteer.tsv");
      g_autofree char *organizations = dup_resource_text ("organizations.tsv");
      g_autoptr(GError) error = NULL;
      MkGazetteer *loaded = mk_gazetteer_new_from_data (places, organizations, &error);

      /* Bundled data that does not parse is a bug of the build. */
      if (loaded == NULL)
        g_error ("The bundled gazetteer is broken: %s", error->message);
      g_once_init_leave (&gazetteer, loaded);
    }

  return gazetteer;
}

/**
 * mk_gazetteer_lookup:
 * @key: an entity key (mk_entity_key())
 *
 * Returns: (nullable): the place or body of that name
 */
const MkGazetteerEntry *
mk_gazetteer_lookup (MkGazetteer  *self,
                     MkEntityType  type,
                     const char   *key)
{
  g_return_val_if_fail (MK_IS_GAZETTEER (self), NULL);

  if (type == MK_ENTITY_PLACE)
    return g_hash_table_lookup (self->places, key);
  if (type == MK_ENTITY_ORGANIZATION)
    return g_hash_table_lookup (self->organizations, key);
  return NULL;
}

/**
 * mk_gazetteer_lookup_place:
 * @name: a place's name in any spelling ("Hà Nội", "Ha Noi", "Viangchan")
 *
 * Returns: (nullable): the place of that name
 */
const MkGazetteerEntry *
mk_gazetteer_lookup_place (MkGazetteer *self,
                           const char  *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (MK_IS_GAZETTEER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = mk_entity_key (name);
  return g_hash_table_lookup (self->places, key);
}

/**
 * mk_gazetteer_lookup_acronym:
 * @text: a word exactly as written ("VNA", "U.S.")
 *
 * Returns: (nullable): the place or body with that acronym
 */
const MkGazetteerEntry *
mk_gazetteer_lookup_acronym (MkGazetteer *self,
                             const char  *text)
{
  g_return_val_if_fail (MK_IS_GAZETTEER (self), NULL);

  return g_hash_table_lookup (self->acronyms, text);
}

/**
 * mk_gazetteer_lookup_demonym:
 * @key: the entity key of an adjective ("lao", "vietnamese")
 *
 * Returns: (nullable): the country it is the adjective of
 */
const MkGazetteerEntry *
mk_gazetteer_lookup_demonym (MkGazetteer *self,
                             const char  *key)
{
  g_return_val_if_fail (MK_IS_GAZETTEER (self), NULL);

  return g_hash_table_lookup (self->demonyms, key);
}

/* The most words any name has: how far a longest match needs to look. */
guint
mk_gazetteer_get_max_words (MkGazetteer *self)
{
  g_return_val_if_fail (MK_IS_GAZETTEER (self), 0);
  return self->max_words;
}

guint
mk_gazetteer_get_n_entries (MkGazetteer *self)
{
  g_return_val_if_fail (MK_IS_GAZETTEER (self), 0);
  return self->entries->len;
}
