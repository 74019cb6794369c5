/* mk-window-private.h — what mk-window.c shares with mk-window-actions.c
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-article-view.h"
#include "mk-entity-panel.h"
#include "mk-map-view.h"
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
  GtkRevealer          *import_revealer;
  GtkProgressBar       *import_progress;
  GtkLabel             *import_label;
  GtkPaned             *list_paned;
  GtkPaned             *side_paned;
  MkEntityPanel        *entity_panel;
  GtkRevealer          *filter_revealer;
  GtkLabel             *filter_label;
  AdwViewStack         *side_stack;
  MkMapView            *map_view;
  GtkToggleButton      *map_article_button;
  GtkToggleButton      *map_results_button;
  GtkMenuButton        *filter_button;

  /* Owned */
  MkStore              *store;
  MkArticleList        *articles;
  GSettings            *settings;
  GCancellable         *search_cancellable;
  GCancellable         *import_cancellable;
  GPtrArray            *import_report;  /* of the last import with errors, as text */
  GQueue                imports;        /* of ImportRequest, the running one first */
  MkEntity             *filter_entity;   /* the list shows its articles */
  GCancellable         *places_cancellable;

  /* mk-window-annotations.c */
  MkAnnotationWriter   *annotation_writer;
  GHashTable           *unsaved_notes;   /* article id -> note being written */
  GCancellable         *export_cancellable;
  GtkFileChooserNative *export_chooser;

  MkSort                sort;
  gint64                article_to_show;  /* once the list has it; 0 if none */
  guint                 counting_timeout_id;

  guint                 searching : 1;  /* until the first rows are in */
  guint                 importing : 1;
  guint                 importing_samples : 1;  /* the list waits for them */

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
void _mk_window_class_import_init  (MkWindowClass *klass);
void _mk_window_import_init        (MkWindow      *self);
void _mk_window_map_init           (MkWindow      *self);
void _mk_window_import_samples     (MkWindow      *self);
void _mk_window_import_dispose     (MkWindow      *self);
void _mk_window_refresh            (MkWindow      *self);
AdwToast *_mk_toast_new             (const char    *text);
void _mk_window_toast              (MkWindow      *self,
                                    const char    *text);
void _mk_window_show_toast         (MkWindow      *self,
                                    AdwToast      *toast);
void _mk_window_filter_entity      (MkWindow      *self,
                                    gint64         entity_id);
void _mk_window_clear_entity_filter (MkWindow     *self);
void _mk_window_show_entity        (MkWindow      *self,
                                    gint64         entity_id);

/* mk-window-map.c */
void _mk_window_class_map_init     (MkWindowClass *klass);
void _mk_window_map_refresh        (MkWindow      *self);

/* mk-window-feeds.c */
void _mk_window_class_feeds_init  (MkWindowClass *klass);
void _mk_window_feeds_init        (MkWindow      *self);
void _mk_window_feeds_dispose     (MkWindow      *self);
void _mk_window_feeds_finalize    (MkWindow      *self);

/* mk-window-annotations.c: bookmarks, notes, tags, their views and export */
void _mk_window_class_annotations_init (MkWindowClass *klass);
void _mk_window_annotations_init       (MkWindow      *self);
void _mk_window_annotations_show       (MkWindow      *self,
                                        MkArticle     *article);
void _mk_window_annotations_save_all   (MkWindow      *self);
void _mk_window_annotations_finalize   (MkWindow      *self);

G_END_DECLS
