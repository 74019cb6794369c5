/* mk-exporter.h — articles and the user's annotations out as JSON Lines, CSV or Markdown
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mk-store.h"

G_BEGIN_DECLS

typedef enum {
  MK_EXPORT_JSONL,
  MK_EXPORT_CSV,
  MK_EXPORT_MARKDOWN,
} MkExportFormat;

#define MK_TYPE_EXPORTER (mk_exporter_get_type ())

G_DECLARE_FINAL_TYPE (MkExporter, mk_exporter, MK, EXPORTER, GObject)

gboolean    mk_export_format_from_string  (const char      *name,
                                           MkExportFormat  *format);
const char *mk_export_format_to_string    (MkExportFormat   format);
const char *mk_export_format_get_extension (MkExportFormat  format);

MkExporter *mk_exporter_new               (MkStore         *store,
                                           MkExportFormat   format);
void        mk_exporter_set_include_excerpts (MkExporter   *self,
                                           gboolean         include_excerpts);
GArray     *mk_exporter_select            (MkExporter      *self,
                                           MkQuery         *query,
                                           GCancellable    *cancellable,
                                           GError         **error);
gboolean    mk_exporter_write             (MkExporter      *self,
                                           GArray          *ids,
                                           GOutputStream   *stream,
                                           GCancellable    *cancellable,
                                           guint           *n_written,
                                           GError         **error);
gboolean    mk_exporter_write_file        (MkExporter      *self,
                                           GArray          *ids,
                                           GFile           *file,
                                           GCancellable    *cancellable,
                                           guint           *n_written,
                                           GError         **error);

void        mk_exporter_export_file_async (const char          *archive_path,
                                           MkExportFormat       format,
                                           const char          *query_text,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    mk_exporter_export_file_finish (GAsyncResult       *result,
                                           guint               *n_written,
                                           GError             **error);

JsonNode   *mk_exporter_article_to_json   (MkArticle       *article,
                                           GPtrArray       *entities,
                                           MkAnnotations   *annotations);
char       *mk_exporter_escape_markdown   (const char      *text);

G_END_DECLS
