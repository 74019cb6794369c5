/* mekong-core.h — everything libmekong-core offers
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-annotation-writer.h"
#include "mk-article.h"
#include "mk-article-list.h"
#include "mk-entity.h"
#include "mk-entity-extractor.h"
#include "mk-entity-index.h"
#include "mk-exporter.h"
#include "mk-feed.h"
#include "mk-feed-fetcher.h"
#include "mk-feed-source.h"
#include "mk-fold.h"
#include "mk-gazetteer.h"
#include "mk-html-text.h"
#include "mk-importer.h"
#include "mk-opml.h"
#include "mk-map-data.h"
#include "mk-query.h"
#include "mk-store.h"
#include "mk-text-parser.h"
#include "mk-uri.h"

void mk_core_init_i18n (void);
