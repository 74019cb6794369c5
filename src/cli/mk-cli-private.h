/* mk-cli-private.h — what the command files of mekong-cli share
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mekong-core.h"
#include "mk-cli.h"

G_BEGIN_DECLS

/* The global options, given before the command. */
typedef struct {
  char     *archive_path;   /* --archive, in the file name encoding; NULL for the default */
  gboolean  show_help;
  gboolean  show_version;
} MkCli;

typedef struct _MkCliCommand MkCliCommand;

/* @argv starts with the command name; the handler parses the rest with
 * mk_cli_parse_command() and returns the exit status. */
typedef MkCliExit (*MkCliHandler) (MkCli              *cli,
                                   const MkCliCommand *command,
                                   char              **argv);

struct _MkCliCommand {
  const char   *name;
  MkCliHandler  handler;
  const char   *parameters;  /* N_() marked, e.g. "QUERY" */
  const char   *summary;     /* N_() marked, one line */
};

/* mk-cli.c */
gboolean            mk_cli_parse_command    (const MkCliCommand  *command,
                                             const GOptionEntry  *entries,
                                             char               **argv,
                                             guint                min_args,
                                             guint                max_args,
                                             char              ***args,
                                             MkCliExit           *status);
MkStore            *mk_cli_open_store       (MkCli               *cli,
                                             gboolean             create,
                                             GError             **error);
char               *mk_cli_arg_to_utf8      (const MkCliCommand  *command,
                                             const char          *arg,
                                             MkCliExit           *status);
MkCliExit           mk_cli_usage_error      (const MkCliCommand  *command,
                                             const char          *format,
                                             ...) G_GNUC_PRINTF (2, 3);
MkCliExit           mk_cli_fail             (const GError        *error);
void                mk_cli_print_error      (const char          *format,
                                             ...) G_GNUC_PRINTF (1, 2);
void                mk_cli_write_line       (const char          *utf8);
char               *mk_cli_format_id        (gint64               id);

/* mk-cli-json.c */
JsonNode           *mk_cli_json_article     (MkArticle           *article,
                                             GPtrArray           *entities,
                                             MkAnnotations       *annotations);
JsonNode           *mk_cli_json_entity      (MkEntity            *entity,
                                             gboolean             in_article);
JsonNode           *mk_cli_json_search_hit  (MkArticle           *article);
void                mk_cli_write_json       (JsonNode            *node,
                                             gboolean             pretty);

/* One file per command group. */
MkCliExit           mk_cli_import           (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_add_feed         (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_feeds            (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_remove_feed      (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_fetch            (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_search           (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_show             (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_export           (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_entities         (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_bookmark         (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_unbookmark       (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_note             (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_tag              (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_untag            (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_bookmarks        (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_tags             (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
MkCliExit           mk_cli_reindex_entities (MkCli               *cli,
                                             const MkCliCommand  *command,
                                             char               **argv);
gboolean            mk_cli_parse_id         (const char          *text,
                                             gint64              *id);

gboolean      mk_cli_parse_limit      (const char         *text,
                                       guint              *limit);
char         *mk_cli_dup_field        (const char         *value);

G_END_DECLS
