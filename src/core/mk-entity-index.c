/* mk-entity-index.c — keeping the archive's entities in step with its
 * articles
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-entity-index.h"

/**
 * mk_entity_index_article:
 * @article: an article of @store, with its id, title and body
 *
 * Finds the entities @article names and records them in @store in place
 * of what was there. A title derived from the first sentence is not text
 * of its own and is not read twice. Call inside a transaction.
 */
gboolean
mk_entity_index_article (MkEntityExtractor  *extractor,
                         MkStore            *store,
                         MkArticle          *article,
                         GError            **error)
{
  g_autoptr(GPtrArray) entities = NULL;
  const char *title = NULL;

  g_return_val_if_fail (MK_IS_ENTITY_EXTRACTOR (extractor), FALSE);
  g_return_val_if_fail (MK_IS_STORE (store), FALSE);
  g_return_val_if_fail (MK_IS_ARTICLE (article), FALSE);

  if (!mk_article_get_title_derived (article))
    title = mk_article_get_title (article);

  entities = mk_entity_extractor_extract (extractor, title, mk_article_get_body (article));
  return mk_store_set_article_entities (store, mk_article_get_id (article), entities, error);
}

static gboolean
index_batch (MkEntityExtractor  *extractor,
             MkStore            *store,
             GArray             *ids,
             GError            **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(MkArticle) article = mk_store_get_article (store, g_array_index (ids, gint64, i), error);

      if (article == NULL || !mk_entity_index_article (extractor, store, article, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * mk_entity_index_archive:
 * @batch_size: articles per transaction, 0 for %MK_ENTITY_INDEX_BATCH
 * @progress: (nullable) (scope call): told after each batch
 * @n_indexed: (out) (optional): how many articles were indexed
 *
 * Forgets every entity and indexes the whole archive again: what
 * `mekong-cli reindex-entities` does after the rules changed. The first
 * batch's transaction also clears the old entities, so a reader sees
 * either the old index or a growing new one. A cancel keeps the batches
 * done; running again starts over.
 */
gboolean
mk_entity_index_archive (MkStore                *store,
                         guint                   batch_size,
                         MkEntityIndexProgress   progress,
                         gpointer                user_data,
                         GCancellable           *cancellable,
                         guint64                *n_indexed,
                         GError                **error)
{
  g_autoptr(MkEntityExtractor) extractor = mk_entity_extractor_new ();
  gint64 total = mk_store_count_articles (store, error);
  gint64 after = 0;
  guint64 done = 0;
  gboolean first = TRUE;

  g_return_val_if_fail (MK_IS_STORE (store), FALSE);

  if (total < 0)
    return FALSE;
  if (batch_size == 0)
    batch_size = MK_ENTITY_INDEX_BATCH;

  for (;;)
    {
      g_autoptr(GArray) ids = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !mk_store_begin (store, error))
        break;

      ids = mk_store_list_article_ids (store, after, batch_size, error);
      if (ids == NULL ||
          (first && !mk_store_clear_entities (store, error)) ||
          !index_batch (extractor, store, ids, error) ||
          !mk_store_commit (store, error))
        {
          mk_store_rollback (store);
          break;
        }

      first = FALSE;
      done += ids->len;
      if (progress != NULL)
        progress (done, total, user_data);
      if (ids->len < batch_size)
        {
          if (n_indexed != NULL)
            *n_indexed = done;
          return TRUE;
        }
      after = g_array_index (ids, gint64, ids->len - 1);
    }

  if (n_indexed != NULL)
    *n_indexed = done;
  return FALSE;
}
