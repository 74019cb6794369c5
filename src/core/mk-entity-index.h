/* mk-entity-index.h — keeping the archive's entities in step with its
 * articles
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mk-article.h"
#include "mk-entity-extractor.h"
#include "mk-store.h"

G_BEGIN_DECLS

/* Articles per transaction when indexing the whole archive: large enough
 * that commits cost little, small enough that a cancel loses little. */
#define MK_ENTITY_INDEX_BATCH 2000

/* Called after each batch with the articles done and the total. */
typedef void (*MkEntityIndexProgress) (guint64  done,
                                       guint64  total,
                                       gpointer user_data);

gboolean mk_entity_index_article (MkEntityExtractor      *extractor,
                                  MkStore                *store,
                                  MkArticle              *article,
                                  GError                **error);
gboolean mk_entity_index_archive (MkStore                *store,
                                  guint                   batch_size,
                                  MkEntityIndexProgress   progress,
                                  gpointer                user_data,
                                  GCancellable           *cancellable,
                                  guint64                *n_indexed,
                                  GError                **error);

G_END_DECLS
