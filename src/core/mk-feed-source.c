/* mk-feed-source.c — a feed the archive follows
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-feed-source.h"

/* One row of the sources table of kind "feed", as mk_store_list_feeds()
 * reads it: what the window's sources list and `mekong-cli feeds` show,
 * and what the fetcher needs to ask politely (validators, next_fetch). */

struct _MkFeedSource
{
  GObject parent_instance;

  gint64 id;
  char *url;
  char *title;
  char *site_url;
  char *etag;
  char *last_modified;
  char *last_fetched;
  char *last_error;
  char *next_fetch;
  int last_status;
  gint64 n_articles;
  MkFeedFetchOutcome outcome;
  guint n_added;
  guint n_updated;
};

G_DEFINE_FINAL_TYPE (MkFeedSource, mk_feed_source, G_TYPE_OBJECT)

/* g_set_str() arrives in GLib 2.76. */
static void
set_str (char       **field,
         const char  *value)
{
  if (*field == value)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static void
mk_feed_source_finalize (GObject *object)
{
  MkFeedSource *self = (MkFeedSource *)object;

  g_free (self->url);
  g_free (self->title);
  g_free (self->site_url);
  g_free (self->etag);
  g_free (self->last_modified);
  g_free (self->last_fetched);
  g_free (self->last_error);
  g_free (self->next_fetch);

  G_OBJECT_CLASS (mk_feed_source_parent_class)->finalize (object);
}

/* Read-only properties, for lists that bind rows with expressions. An
 * MkFeedSource is a snapshot: a list shows new ones after a fetch rather
 * than watching these change. */
enum {
  PROP_0,
  PROP_URL,
  PROP_DISPLAY_NAME,
  PROP_N_ARTICLES,
  PROP_LAST_ERROR,
  PROP_HAS_ERROR,
  N_PROPS
};

static void
mk_feed_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MkFeedSource *self = MK_FEED_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, mk_feed_source_get_display_name (self));
      break;
    case PROP_N_ARTICLES:
      g_value_set_int64 (value, self->n_articles);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_HAS_ERROR:
      g_value_set_boolean (value, self->last_error != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_feed_source_class_init (MkFeedSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mk_feed_source_finalize;
  object_class->get_property = mk_feed_source_get_property;

  g_object_class_install_property (object_class, PROP_URL,
    g_param_spec_string ("url", NULL, NULL, NULL, flags));
  g_object_class_install_property (object_class, PROP_DISPLAY_NAME,
    g_param_spec_string ("display-name", NULL, NULL, NULL, flags));
  g_object_class_install_property (object_class, PROP_N_ARTICLES,
    g_param_spec_int64 ("n-articles", NULL, NULL, 0, G_MAXINT64, 0, flags));
  g_object_class_install_property (object_class, PROP_LAST_ERROR,
    g_param_spec_string ("last-error", NULL, NULL, NULL, flags));
  g_object_class_install_property (object_class, PROP_HAS_ERROR,
    g_param_spec_boolean ("has-error", NULL, NULL, FALSE, flags));
}

static void
mk_feed_source_init (MkFeedSource *self)
{
}

MkFeedSource *
mk_feed_source_new (gint64      id,
                    const char *url)
{
  MkFeedSource *self = g_object_new (MK_TYPE_FEED_SOURCE, NULL);

  self->id = id;
  self->url = g_strdup (url);
  return self;
}

gint64
mk_feed_source_get_id (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), 0);
  return self->id;
}

const char *
mk_feed_source_get_url (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), NULL);
  return self->url;
}

/* The title when the feed gave one, else its address. */
const char *
mk_feed_source_get_display_name (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), NULL);
  return self->title != NULL ? self->title : self->url;
}

const char *
mk_feed_source_get_etag (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), NULL);
  return self->etag;
}

const char *
mk_feed_source_get_last_modified (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), NULL);
  return self->last_modified;
}

/* Set together: a server's ETag and Last-Modified describe one version. */
void
mk_feed_source_set_validators (MkFeedSource *self,
                               const char   *etag,
                               const char   *last_modified)
{
  g_return_if_fail (MK_IS_FEED_SOURCE (self));
  set_str (&self->etag, etag);
  set_str (&self->last_modified, last_modified);
}

int
mk_feed_source_get_last_status (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), 0);
  return self->last_status;
}

void
mk_feed_source_set_last_status (MkFeedSource *self,
                                int           status)
{
  g_return_if_fail (MK_IS_FEED_SOURCE (self));
  self->last_status = status;
}

gint64
mk_feed_source_get_n_articles (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), 0);
  return self->n_articles;
}

void
mk_feed_source_set_n_articles (MkFeedSource *self,
                               gint64        n_articles)
{
  g_return_if_fail (MK_IS_FEED_SOURCE (self));
  self->n_articles = n_articles;
}

const char *
mk_feed_source_get_title (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), NULL);
  return self->title;
}

void
mk_feed_source_set_title (MkFeedSource *self,
                          const char   *title)
{
  g_return_if_fail (MK_IS_FEED_SOURCE (self));
  set_str (&self->title, title);
}

const char *
mk_feed_source_get_site_url (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), NULL);
  return self->site_url;
}

void
mk_feed_source_set_site_url (MkFeedSource *self,
                             const char   *site_url)
{
  g_return_if_fail (MK_IS_FEED_SOURCE (self));
  set_str (&self->site_url, site_url);
}

const char *
mk_feed_source_get_last_fetched (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), NULL);
  return self->last_fetched;
}

void
mk_feed_source_set_last_fetched (MkFeedSource *self,
                                 const char   *last_fetched)
{
  g_return_if_fail (MK_IS_FEED_SOURCE (self));
  set_str (&self->last_fetched, last_fetched);
}

const char *
mk_feed_source_get_last_error (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), NULL);
  return self->last_error;
}

void
mk_feed_source_set_last_error (MkFeedSource *self,
                               const char   *last_error)
{
  g_return_if_fail (MK_IS_FEED_SOURCE (self));
  set_str (&self->last_error, last_error);
}

const char *
mk_feed_source_get_next_fetch (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), NULL);
  return self->next_fetch;
}

void
mk_feed_source_set_next_fetch (MkFeedSource *self,
                               const char   *next_fetch)
{
  g_return_if_fail (MK_IS_FEED_SOURCE (self));
  set_str (&self->next_fetch, next_fetch);
}

MkFeedFetchOutcome
mk_feed_source_get_outcome (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), MK_FEED_FETCH_NONE);
  return self->outcome;
}

guint
mk_feed_source_get_n_added (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), 0);
  return self->n_added;
}

guint
mk_feed_source_get_n_updated (MkFeedSource *self)
{
  g_return_val_if_fail (MK_IS_FEED_SOURCE (self), 0);
  return self->n_updated;
}

void
mk_feed_source_set_outcome (MkFeedSource       *self,
                            MkFeedFetchOutcome  outcome,
                            guint               n_added,
                            guint               n_updated)
{
  g_return_if_fail (MK_IS_FEED_SOURCE (self));
  self->outcome = outcome;
  self->n_added = n_added;
  self->n_updated = n_updated;
}
