/* mk-window-private.h — what mk-window.c shares with mk-window-actions.c
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-article-view.h"
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
  GtkMenuButton        *filter_button;

  /* Owned */
  MkStore              *store;
  MkArticleList        *articles;
  GSettings            *settings;
  GCancellable         *search_cancellable;
  GCancellable         *import_cancellable;

  /* mk-window-annotations.c */
  MkAnnotationWriter   *annotation_writer;
  GHashTable           *unsaved_notes;   /* article id -> note being written */
  GCancellable         *export_cancellable;
  GtkFileChooserNative *export_chooser;

  MkSort                sort;
  guint                 counting_timeout_id;

  guint                 importing : 1;
};

void _mk_window_class_actions_init (MkWindowClass *klass);

/* mk-window-annotations.c: bookmarks, notes, tags, their views and export */
void _mk_window_class_annotations_init (MkWindowClass *klass);
void _mk_window_annotations_init       (MkWindow      *self);
void _mk_window_annotations_show       (MkWindow      *self,
                                        MkArticle     *article);
void _mk_window_annotations_save_all   (MkWindow      *self);
void _mk_window_annotations_finalize   (MkWindow      *self);

G_END_DECLS
