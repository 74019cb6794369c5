/* mk-window-private.h — what mk-window.c shares with mk-window-actions.c
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-article-view.h"
#include "mk-feeds-popover.h"
#include "mk-window.h"

G_BEGIN_DECLS

struct _MkWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  GtkLabel             *count_label;
  GtkListView          *list_view;
  GtkSingleSelection   *selection;
  AdwStatusPage        *empty_page;
  MkArticleView        *article_view;

  /* Owned */
  MkStore              *store;
  MkArticleList        *articles;
  GSettings            *settings;
  GCancellable         *search_cancellable;
  GCancellable         *import_cancellable;

  MkSort                sort;
  guint                 counting_timeout_id;

  guint                 importing : 1;

  /* Feeds: mk-window-feeds.c */
  MkFeedsPopover       *feeds_popover;
  MkFeedFetcher        *fetcher;
  GListStore           *feeds;             /* MkFeedSource */
  GCancellable         *feeds_cancellable; /* listing the feeds */
  GCancellable         *fetch_cancellable; /* set while fetching */
  guint                 refresh_id;
  guint                 fetch_total;
  guint                 fetch_done;
  guint                 fetch_added;
  guint                 fetch_updated;
  guint                 fetch_failed;
};

void _mk_window_class_actions_init (MkWindowClass *klass);

/* mk-window.c, for the files that extend the window */
void _mk_window_show_toast        (MkWindow      *self,
                                   const char    *title);
void _mk_window_reload_articles   (MkWindow      *self);

/* mk-window-feeds.c */
void _mk_window_class_feeds_init  (MkWindowClass *klass);
void _mk_window_feeds_init        (MkWindow      *self);
void _mk_window_feeds_dispose     (MkWindow      *self);
void _mk_window_feeds_finalize    (MkWindow      *self);

G_END_DECLS
