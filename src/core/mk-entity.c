/* mk-entity.c — a person, organisation or place named in the archive
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mk-entity.h"
#include "mk-fold.h"

/* An MkEntity is what the extractor found in one article (name, aliases,
 * mentions) or what the store knows of it across the archive (id, counts).
 * The same type serves both, so that the window can list either in one
 * GListModel. */
struct _MkEntity
{
  GObject parent_instance;

  gint64 id;
  MkEntityType type;
  char *name;          /* canonical: the archive-wide name */
  char *label;         /* how one article writes it; NULL: the name */
  GPtrArray *aliases;  /* of char*, other names, no two folding alike */
  gboolean has_location;
  double latitude;
  double longitude;
  GArray *mentions;    /* of MkMention, in text order */
  guint n_mentions;    /* set by the store; else mentions->len */
  guint n_articles;
};

G_DEFINE_FINAL_TYPE (MkEntity, mk_entity, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (MkEntityType, mk_entity_type,
  G_DEFINE_ENUM_VALUE (MK_ENTITY_PERSON, "person"),
  G_DEFINE_ENUM_VALUE (MK_ENTITY_ORGANIZATION, "organization"),
  G_DEFINE_ENUM_VALUE (MK_ENTITY_PLACE, "place"))

enum {
  PROP_0,
  PROP_ID,
  PROP_ENTITY_TYPE,
  PROP_NAME,
  PROP_LABEL,
  PROP_N_MENTIONS,
  PROP_N_ARTICLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The names scripts and the database use; never translated. */
static const char * const type_names[] = { "person", "organization", "place" };

const char *
mk_entity_type_to_string (MkEntityType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (type_names), NULL);

  return type_names[type];
}

/* Accepts the names above and the short forms people type in searches
 * (org:, per:). */
gboolean
mk_entity_type_from_string (const char   *text,
                            MkEntityType *type)
{
  static const struct { const char *name; MkEntityType type; } names[] = {
    { "person", MK_ENTITY_PERSON }, { "people", MK_ENTITY_PERSON },
    { "per", MK_ENTITY_PERSON },
    { "organization", MK_ENTITY_ORGANIZATION }, { "organisation", MK_ENTITY_ORGANIZATION },
    { "org", MK_ENTITY_ORGANIZATION },
    { "place", MK_ENTITY_PLACE }, { "location", MK_ENTITY_PLACE }, { "loc", MK_ENTITY_PLACE },
  };

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *type = names[i].type;
        return TRUE;
      }

  return FALSE;
}

/**
 * mk_entity_key:
 * @name: a name as written
 *
 * The key entities are merged by: folded (case, diacritics, đ) and without
 * spaces or punctuation, so that "Viet Nam", "Việt Nam" and "VIETNAM", or
 * "Ha Noi" and "Hanoi", are one key. A possessive "’s" is not part of a
 * name.
 */
char *
mk_entity_key (const char *name)
{
  g_autofree char *folded = NULL;
  GString *key;

  g_return_val_if_fail (name != NULL, NULL);

  folded = mk_fold (name);
  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* "People's" and "Laos’": the possessive is grammar, not name. */
      if ((c == '\'' || c == 0x2019) && key->len > 0)
        {
          const char *next = g_utf8_next_char (p);

          if (*next == 's' && !g_unichar_isalnum (g_utf8_get_char (next + 1)))
            p = next;
          continue;
        }
      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* g_set_str() is GLib 2.76; the floor is 2.74. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
mk_entity_finalize (GObject *object)
{
  MkEntity *self = (MkEntity *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);
  g_clear_pointer (&self->mentions, g_array_unref);

  G_OBJECT_CLASS (mk_entity_parent_class)->finalize (object);
}

static void
mk_entity_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MkEntity *self = MK_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ENTITY_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LABEL:
      g_value_set_string (value, mk_entity_get_label (self));
      break;
    case PROP_N_MENTIONS:
      g_value_set_uint (value, mk_entity_get_n_mentions (self));
      break;
    case PROP_N_ARTICLES:
      g_value_set_uint (value, self->n_articles);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_entity_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MkEntity *self = MK_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      mk_entity_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ENTITY_TYPE:
      self->type = g_value_get_enum (value);
      break;
    case PROP_NAME:
      mk_entity_set_name (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      mk_entity_set_label (self, g_value_get_string (value));
      break;
    case PROP_N_MENTIONS:
      mk_entity_set_n_mentions (self, g_value_get_uint (value));
      break;
    case PROP_N_ARTICLES:
      mk_entity_set_n_articles (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_entity_class_init (MkEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mk_entity_finalize;
  object_class->get_property = mk_entity_get_property;
  object_class->set_property = mk_entity_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ENTITY_TYPE] =
    g_param_spec_enum ("entity-type", NULL, NULL, MK_TYPE_ENTITY_TYPE, MK_ENTITY_PERSON,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_ARTICLES] =
    g_param_spec_uint ("n-articles", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_entity_init (MkEntity *self)
{
  self->aliases = g_ptr_array_new_with_free_func (g_free);
  self->mentions = g_array_new (FALSE, FALSE, sizeof (MkMention));
}

MkEntity *
mk_entity_new (MkEntityType  type,
               const char   *name)
{
  return g_object_new (MK_TYPE_ENTITY, "entity-type", type, "name", name, NULL);
}

gint64
mk_entity_get_id (MkEntity *self)
{
  g_return_val_if_fail (MK_IS_ENTITY (self), 0);
  return self->id;
}

void
mk_entity_set_id (MkEntity *self,
                  gint64    id)
{
  g_return_if_fail (MK_IS_ENTITY (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

MkEntityType
mk_entity_get_entity_type (MkEntity *self)
{
  g_return_val_if_fail (MK_IS_ENTITY (self), MK_ENTITY_PERSON);
  return self->type;
}

const char *
mk_entity_get_name (MkEntity *self)
{
  g_return_val_if_fail (MK_IS_ENTITY (self), NULL);
  return self->name;
}

void
mk_entity_set_name (MkEntity   *self,
                    const char *name)
{
  g_return_if_fail (MK_IS_ENTITY (self));

  if (set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * mk_entity_get_label:
 *
 * The name as one article writes it ("Việt Nam", "Lao PDR"), when the
 * entity came from that article's list; otherwise the canonical name.
 */
const char *
mk_entity_get_label (MkEntity *self)
{
  g_return_val_if_fail (MK_IS_ENTITY (self), NULL);
  return self->label ? self->label : self->name;
}

void
mk_entity_set_label (MkEntity   *self,
                     const char *label)
{
  g_return_if_fail (MK_IS_ENTITY (self));

  if (set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * mk_entity_get_aliases:
 *
 * Returns: (transfer none) (element-type utf8): the other names
 */
GPtrArray *
mk_entity_get_aliases (MkEntity *self)
{
  g_return_val_if_fail (MK_IS_ENTITY (self), NULL);
  return self->aliases;
}

/**
 * mk_entity_add_alias:
 *
 * Adds @alias unless it folds like the name or an alias already there.
 *
 * Returns: whether it was added
 */
gboolean
mk_entity_add_alias (MkEntity   *self,
                     const char *alias)
{
  g_autofree char *key = NULL;
  g_autofree char *name_key = NULL;

  g_return_val_if_fail (MK_IS_ENTITY (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  key = mk_entity_key (alias);
  name_key = mk_entity_key (self->name ? self->name : "");
  if (*key == '\0' || g_str_equal (key, name_key))
    return FALSE;

  for (guint i = 0; i < self->aliases->len; i++)
    {
      g_autofree char *other = mk_entity_key (g_ptr_array_index (self->aliases, i));

      if (g_str_equal (key, other))
        return FALSE;
    }

  g_ptr_array_add (self->aliases, g_strdup (alias));
  return TRUE;
}

gboolean
mk_entity_has_location (MkEntity *self)
{
  g_return_val_if_fail (MK_IS_ENTITY (self), FALSE);
  return self->has_location;
}

double
mk_entity_get_latitude (MkEntity *self)
{
  g_return_val_if_fail (MK_IS_ENTITY (self), 0);
  return self->latitude;
}

double
mk_entity_get_longitude (MkEntity *self)
{
  g_return_val_if_fail (MK_IS_ENTITY (self), 0);
  return self->longitude;
}

void
mk_entity_set_location (MkEntity *self,
                        double    latitude,
                        double    longitude)
{
  g_return_if_fail (MK_IS_ENTITY (self));

  self->has_location = TRUE;
  self->latitude = latitude;
  self->longitude = longitude;
}

/**
 * mk_entity_get_mentions:
 *
 * Returns: (transfer none) (element-type MkMention): where the article
 *   names the entity, in text order (title mentions first)
 */
GArray *
mk_entity_get_mentions (MkEntity *self)
{
  g_return_val_if_fail (MK_IS_ENTITY (self), NULL);
  return self->mentions;
}

void
mk_entity_add_mention (MkEntity *self,
                       int       start,
                       int       end,
                       gboolean  in_title)
{
  MkMention mention = { start, end, in_title };

  g_return_if_fail (MK_IS_ENTITY (self));
  g_return_if_fail (start >= 0 && end > start);

  g_array_append_val (self->mentions, mention);
}

guint
mk_entity_get_n_mentions (MkEntity *self)
{
  g_return_val_if_fail (MK_IS_ENTITY (self), 0);
  return self->n_mentions ? self->n_mentions : self->mentions->len;
}

void
mk_entity_set_n_mentions (MkEntity *self,
                          guint     n_mentions)
{
  g_return_if_fail (MK_IS_ENTITY (self));

  if (self->n_mentions == n_mentions)
    return;
  self->n_mentions = n_mentions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MENTIONS]);
}

guint
mk_entity_get_n_articles (MkEntity *self)
{
  g_return_val_if_fail (MK_IS_ENTITY (self), 0);
  return self->n_articles;
}

void
mk_entity_set_n_articles (MkEntity *self,
                          guint     n_articles)
{
  g_return_if_fail (MK_IS_ENTITY (self));

  if (self->n_articles == n_articles)
    return;
  self->n_articles = n_articles;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ARTICLES]);
}
