/* mk-importer.h — bringing files and folders into the archive
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mk-feed.h"
#include "mk-store.h"

G_BEGIN_DECLS

#define MK_TYPE_IMPORTER (mk_importer_get_type ())

G_DECLARE_FINAL_TYPE (MkImporter, mk_importer, MK, IMPORTER, GObject)

/**
 * MkImportProgressFunc:
 * @n_done: files handled so far, imported or not
 * @n_total: files to handle in all
 * @name: the file just handled, for display
 * @user_data: what was given with the function
 *
 * Tells how far an import of paths has come.
 */
typedef void (*MkImportProgressFunc) (guint       n_done,
                                      guint       n_total,
                                      const char *name,
                                      gpointer    user_data);

MkImporter *mk_importer_new              (MkStore              *store);

gboolean    mk_importer_import_file      (MkImporter           *self,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GError              **error);
gboolean    mk_importer_import_bytes     (MkImporter           *self,
                                          GBytes               *bytes,
                                          const char           *uri,
                                          GCancellable         *cancellable,
                                          GError              **error);
gboolean    mk_importer_import_feed      (MkImporter           *self,
                                          MkFeedSource         *feed,
                                          MkFeed               *parsed,
                                          GCancellable         *cancellable,
                                          GError              **error);
gboolean    mk_importer_import_paths     (MkImporter           *self,
                                          const char * const   *paths,
                                          GCancellable         *cancellable,
                                          GError              **error);

void        mk_importer_set_progress_func (MkImporter          *self,
                                          MkImportProgressFunc func,
                                          gpointer             user_data);
void        mk_importer_import_paths_async  (const char          *archive_path,
                                             const char * const  *paths,
                                             MkImportProgressFunc progress_func,
                                             gpointer             progress_data,
                                             GDestroyNotify       progress_data_free,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
MkImporter *mk_importer_import_paths_finish (GAsyncResult        *result,
                                             GError             **error);

gint64      mk_importer_get_first_article_id (MkImporter      *self);
guint       mk_importer_get_n_added      (MkImporter           *self);
guint       mk_importer_get_n_updated    (MkImporter           *self);
guint       mk_importer_get_n_unchanged  (MkImporter           *self);
guint       mk_importer_get_n_failed     (MkImporter           *self);
guint       mk_importer_get_n_feeds_added (MkImporter          *self);
GPtrArray  *mk_importer_get_errors       (MkImporter           *self);

G_END_DECLS
