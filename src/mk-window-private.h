/* mk-window-private.h — what mk-window.c shares with mk-window-actions.c
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-article-view.h"
#include "mk-map-view.h"
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
  AdwViewStack         *detail_stack;
  MkMapView            *map_view;

  /* Owned */
  MkStore              *store;
  MkArticleList        *articles;
  GSettings            *settings;
  GCancellable         *search_cancellable;
  GCancellable         *import_cancellable;
  GCancellable         *places_cancellable;

  MkSort                sort;
  guint                 counting_timeout_id;

  guint                 importing : 1;
};

void _mk_window_class_actions_init (MkWindowClass *klass);

/* mk-window-map.c */
void _mk_window_class_map_init     (MkWindowClass *klass);
void _mk_window_map_refresh        (MkWindow      *self);

G_END_DECLS
