/* mk-cli-feeds.c — `add-feed`, `feeds`, `remove-feed` and `fetch`
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "mk-cli-private.h"

/* The fetcher is asynchronous (libsoup in a main context, the archive in
 * a writer thread); the commands run a main loop until it is done. Ctrl+C
 * cancels a fetch: what was stored stays, the feed in progress is rolled
 * back. */

typedef struct {
  GMainLoop *loop;
  GAsyncResult *result;
} Wait;

static void
wait_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Wait *wait = data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static gboolean
interrupted (gpointer data)
{
  g_cancellable_cancel (G_CANCELLABLE (data));
  return G_SOURCE_CONTINUE;
}

/* Only web addresses: a file: or javascript: "feed" is a mistake. */
static gboolean
is_web_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0' &&
         (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0 ||
          g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0);
}

static char *
archive_path (MkCli *cli)
{
  return cli->archive_path ? g_strdup (cli->archive_path) : mk_store_dup_default_path ();
}

/**
 * mk_cli_add_feed:
 *
 * `add-feed URL`: finds the feed at URL (or the one a page links to),
 * checks that it reads, and registers it. Its articles come with `fetch`.
 */
MkCliExit
mk_cli_add_feed (MkCli              *cli,
                 const MkCliCommand *command,
                 char              **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkFeedFetcher) fetcher = NULL;
  g_autoptr(MkFeedSource) found = NULL;
  g_autoptr(MkFeedSource) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;
  g_autofree char *line = NULL;
  Wait wait = { 0 };
  gboolean created = FALSE;
  MkCliExit status;

  if (!mk_cli_parse_command (command, NULL, argv, 1, 1, &args, &status))
    return status;

  url = mk_cli_arg_to_utf8 (command, args[0], &status);
  if (url == NULL)
    return status;
  if (!is_web_url (url))
    return mk_cli_usage_error (command, _("“%s” is not an http or https address"), url);

  /* Opened first, so that a bad archive fails before any network use. */
  store = mk_cli_open_store (cli, TRUE, &error);
  if (store == NULL)
    return mk_cli_fail (error);

  path = archive_path (cli);
  fetcher = mk_feed_fetcher_new (path);
  wait.loop = g_main_loop_new (NULL, FALSE);
  mk_feed_fetcher_discover_async (fetcher, url, NULL, wait_done, &wait);
  g_main_loop_run (wait.loop);
  found = mk_feed_fetcher_discover_finish (fetcher, wait.result, &error);
  g_main_loop_unref (wait.loop);
  g_clear_object (&wait.result);
  if (found == NULL)
    {
      mk_cli_print_error (_("%s: %s"), url, error->message);
      return MK_CLI_EXIT_FAILED;
    }

  feed = mk_store_add_feed (store, mk_feed_source_get_url (found),
                            mk_feed_source_get_title (found), &created, &error);
  if (feed == NULL)
    return mk_cli_fail (error);

  if (created)
    /* Translators: the first %s is the feed's title, the second its address. */
    line = g_strdup_printf (_("Added “%s” (%s)"), mk_feed_source_get_display_name (feed),
                            mk_feed_source_get_url (feed));
  else
    line = g_strdup_printf (_("Already following “%s” (%s)"), mk_feed_source_get_display_name (feed),
                            mk_feed_source_get_url (feed));
  mk_cli_write_line (line);
  return MK_CLI_EXIT_OK;
}

static JsonNode *
feed_to_json (MkFeedSource *feed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, mk_feed_source_get_url (feed));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, mk_feed_source_get_title (feed));
  json_builder_set_member_name (builder, "site_url");
  json_builder_add_string_value (builder, mk_feed_source_get_site_url (feed));
  json_builder_set_member_name (builder, "articles");
  json_builder_add_int_value (builder, mk_feed_source_get_n_articles (feed));
  json_builder_set_member_name (builder, "last_fetched");
  json_builder_add_string_value (builder, mk_feed_source_get_last_fetched (feed));
  json_builder_set_member_name (builder, "last_status");
  if (mk_feed_source_get_last_status (feed) > 0)
    json_builder_add_int_value (builder, mk_feed_source_get_last_status (feed));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "last_error");
  json_builder_add_string_value (builder, mk_feed_source_get_last_error (feed));
  json_builder_set_member_name (builder, "next_fetch");
  json_builder_add_string_value (builder, mk_feed_source_get_next_fetch (feed));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* "ok", "never fetched" or the last error, for the status column. */
static char *
describe_state (MkFeedSource *feed)
{
  if (mk_feed_source_get_last_error (feed) != NULL)
    return g_strdup_printf (_("error: %s"), mk_feed_source_get_last_error (feed));
  if (mk_feed_source_get_last_fetched (feed) == NULL)
    return g_strdup (_("never fetched"));
  return g_strdup (_("ok"));
}

/**
 * mk_cli_feeds:
 *
 * `feeds [--json]`: one line per feed: address, title, articles, last
 * fetch and state, tab-separated; or a JSON array.
 */
MkCliExit
mk_cli_feeds (MkCli              *cli,
              const MkCliCommand *command,
              char              **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  MkCliExit status;

  if (!mk_cli_parse_command (command, entries, argv, 0, 0, &args, &status))
    return status;

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);

  feeds = mk_store_list_feeds (store, &error);
  if (feeds == NULL)
    return mk_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < feeds->len; i++)
        json_array_add_element (array, feed_to_json (g_ptr_array_index (feeds, i)));
      json_node_set_array (root, array);
      mk_cli_write_json (root, TRUE);
      return MK_CLI_EXIT_OK;
    }

  for (guint i = 0; i < feeds->len; i++)
    {
      MkFeedSource *feed = g_ptr_array_index (feeds, i);
      g_autofree char *url = mk_cli_dup_field (mk_feed_source_get_url (feed));
      g_autofree char *title = mk_cli_dup_field (mk_feed_source_get_title (feed));
      g_autofree char *fetched = mk_cli_dup_field (mk_feed_source_get_last_fetched (feed));
      g_autofree char *state = describe_state (feed);
      g_autofree char *state_field = mk_cli_dup_field (state);
      g_autofree char *count = mk_cli_format_id (mk_feed_source_get_n_articles (feed));
      g_autofree char *line = g_strjoin ("\t", url, title, count, fetched, state_field, NULL);

      mk_cli_write_line (line);
    }

  return MK_CLI_EXIT_OK;
}

/**
 * mk_cli_remove_feed:
 *
 * `remove-feed URL`: stops following a feed; the articles it brought go
 * with it.
 */
MkCliExit
mk_cli_remove_feed (MkCli              *cli,
                    const MkCliCommand *command,
                    char              **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *line = NULL;
  gint64 n_articles = 0;
  MkCliExit status;

  if (!mk_cli_parse_command (command, NULL, argv, 1, 1, &args, &status))
    return status;

  url = mk_cli_arg_to_utf8 (command, args[0], &status);
  if (url == NULL)
    return status;

  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);

  if (!mk_store_remove_feed (store, url, &n_articles, &error))
    return mk_cli_fail (error);

  line = g_strdup_printf (ngettext ("Removed %s and its %u article",
                                    "Removed %s and its %u articles",
                                    (gulong) n_articles),
                          url, (guint) n_articles);
  mk_cli_write_line (line);
  return MK_CLI_EXIT_OK;
}

typedef struct {
  guint n_feeds;
  guint n_done;
  guint n_added;
  guint n_updated;
  guint n_failed;
} FetchProgress;

static void
feed_finished (MkFeedFetcher *fetcher,
               MkFeedSource  *feed,
               FetchProgress *progress)
{
  g_autofree char *what = NULL;

  progress->n_done++;
  switch (mk_feed_source_get_outcome (feed))
    {
    case MK_FEED_FETCH_OK:
      progress->n_added += mk_feed_source_get_n_added (feed);
      progress->n_updated += mk_feed_source_get_n_updated (feed);
      what = g_strdup_printf (_("%u new, %u updated"), mk_feed_source_get_n_added (feed),
                              mk_feed_source_get_n_updated (feed));
      break;
    case MK_FEED_FETCH_NOT_MODIFIED:
      what = g_strdup (_("not modified"));
      break;
    case MK_FEED_FETCH_NOT_DUE:
      what = g_strdup_printf (_("not due yet (the server asked to wait until %s)"),
                              mk_feed_source_get_next_fetch (feed) ? mk_feed_source_get_next_fetch (feed)
                                                                    : _("later"));
      break;
    case MK_FEED_FETCH_FAILED:
    case MK_FEED_FETCH_NONE:
    default:
      progress->n_failed++;
      what = g_strdup_printf (_("failed: %s"), mk_feed_source_get_last_error (feed)
                                               ? mk_feed_source_get_last_error (feed) : "");
      break;
    }

  /* Progress for the person watching; the summary is on stdout. */
  g_printerr ("[%u/%u] %s: %s\n", progress->n_done, progress->n_feeds,
              mk_feed_source_get_display_name (feed), what);
}

/**
 * mk_cli_fetch:
 *
 * `fetch [URL…]`: fetches every registered feed, or those named. One
 * progress line per feed on stderr, a summary on stdout; exit status 1
 * when a feed failed (the others are still stored).
 */
MkCliExit
mk_cli_fetch (MkCli              *cli,
              const MkCliCommand *command,
              char              **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkFeedFetcher) fetcher = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *line = NULL;
  FetchProgress progress = { 0 };
  Wait wait = { 0 };
  guint sigint;
  MkCliExit status;

  if (!mk_cli_parse_command (command, NULL, argv, 0, G_MAXUINT, &args, &status))
    return status;

  /* Checked (and migrated) here, so the fetcher's thread finds it ready. */
  store = mk_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return mk_cli_fail (error);

  if (args[0] != NULL)
    progress.n_feeds = g_strv_length (args);
  else
    {
      g_autoptr(GPtrArray) all = mk_store_list_feeds (store, &error);

      if (all == NULL)
        return mk_cli_fail (error);
      progress.n_feeds = all->len;
    }

  path = archive_path (cli);
  fetcher = mk_feed_fetcher_new (path);
  g_signal_connect (fetcher, "feed-finished", G_CALLBACK (feed_finished), &progress);

  sigint = g_unix_signal_add (SIGINT, interrupted, cancellable);
  wait.loop = g_main_loop_new (NULL, FALSE);
  mk_feed_fetcher_fetch_async (fetcher, args[0] ? (const char * const *) args : NULL,
                               cancellable, wait_done, &wait);
  g_main_loop_run (wait.loop);
  feeds = mk_feed_fetcher_fetch_finish (fetcher, wait.result, &error);
  g_main_loop_unref (wait.loop);
  g_clear_object (&wait.result);
  g_source_remove (sigint);

  if (feeds == NULL)
    return mk_cli_fail (error);

  line = g_strdup_printf (ngettext ("Fetched %u feed: %u new articles, %u updated, %u failed",
                                    "Fetched %u feeds: %u new articles, %u updated, %u failed",
                                    feeds->len),
                          feeds->len, progress.n_added, progress.n_updated, progress.n_failed);
  mk_cli_write_line (line);

  return progress.n_failed > 0 ? MK_CLI_EXIT_FAILED : MK_CLI_EXIT_OK;
}
