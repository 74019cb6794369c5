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

static void
mk_feed_source_class_init (MkFeedSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_feed_source_finalize;
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
