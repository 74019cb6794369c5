/* mk-article-list.c — a GListModel of search results, paged in from the archive
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mk-article-list.h"

/* The list holds only the ids of the result, in order (8 bytes each); the
 * articles themselves are loaded a page at a time when a row asks for one,
 * and only a few pages are kept. So a result of a million articles costs a
 * few megabytes, and scrolling loads what is on screen.
 *
 * A search runs in two steps, each in a worker thread on a connection of
 * its own: the first page of ids (fast whatever the size: the index is
 * ordered by date), shown at once; then every id and the count, which may
 * take a moment on a large archive and arrive after the first rows. Page
 * loads are primary-key look-ups on the list's connection. */

#define PAGE_SIZE 64
#define MAX_PAGES 32
#define FIRST_PAGE 128

struct _MkArticleList
{
  GObject parent_instance;

  MkStore *store;
  MkQuery *query;
  GArray *ids;
  GHashTable *pages;   /* page number -> GPtrArray of MkArticle */
  GQueue page_order;   /* page numbers, most recently used first */
  guint generation;    /* of the newest search started */
  gint64 n_matches;    /* -1 until the count of the current search is known */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkArticleList, mk_article_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_MATCHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  MkQuery *query;
  MkSort sort;
  char *archive_path;
  guint generation;
  guint limit;         /* FIRST_PAGE, then 0 for all */
  gint64 n_matches;    /* counted in the second step */
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_clear_object (&data->query);
  g_free (data->archive_path);
  g_free (data);
}

static GType
mk_article_list_get_item_type (GListModel *model)
{
  return MK_TYPE_ARTICLE;
}

static guint
mk_article_list_get_n_items (GListModel *model)
{
  MkArticleList *self = MK_ARTICLE_LIST (model);

  return self->ids->len;
}

static void
touch_page (MkArticleList *self,
            guint          page)
{
  g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    {
      gpointer oldest = g_queue_pop_tail (&self->page_order);
      g_hash_table_remove (self->pages, oldest);
    }
}

/* An article deleted since the search still needs a row: it gets an empty
 * one with its id, rather than shifting every row after it. */
static GPtrArray *
load_page (MkArticleList *self,
           guint          page)
{
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - start);
  const gint64 *ids = &g_array_index (self->ids, gint64, start);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_full (n, g_object_unref);

  loaded = mk_store_get_articles (self->store, ids, n, self->query, &error);
  if (loaded == NULL)
    g_warning ("Could not load articles: %s", error->message);

  for (guint i = 0; loaded && i < loaded->len; i++)
    {
      MkArticle *article = g_ptr_array_index (loaded, i);
      gint64 *key = g_new (gint64, 1);

      *key = mk_article_get_id (article);
      g_hash_table_insert (by_id, key, article);
    }

  for (guint i = 0; i < n; i++)
    {
      MkArticle *article = g_hash_table_lookup (by_id, &ids[i]);

      if (article == NULL)
        {
          article = mk_article_new ();
          mk_article_set_id (article, ids[i]);
          g_ptr_array_add (rows, article);
        }
      else
        g_ptr_array_add (rows, g_object_ref (article));
    }

  return rows;
}

/**
 * mk_article_list_find:
 * @article_id: an article
 * @position: (out): where it is in the list
 *
 * Looks for an article among the ids the list holds (the whole result once
 * #MkArticleList:n-matches is known, the first page before). A scan of the
 * ids in memory: a million of them take about a millisecond, and it is done
 * once per opened file, not per row.
 *
 * Returns: %TRUE if the article is in the list
 */
gboolean
mk_article_list_find (MkArticleList *self,
                      gint64         article_id,
                      guint         *position)
{
  g_return_val_if_fail (MK_IS_ARTICLE_LIST (self), FALSE);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == article_id)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

static gpointer
mk_article_list_get_item (GListModel *model,
                          guint       position)
{
  MkArticleList *self = MK_ARTICLE_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->ids->len)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      rows = load_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }
  touch_page (self, page);

  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mk_article_list_get_item_type;
  iface->get_n_items = mk_article_list_get_n_items;
  iface->get_item = mk_article_list_get_item;
}

static void
mk_article_list_finalize (GObject *object)
{
  MkArticleList *self = (MkArticleList *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->query);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->page_order);

  G_OBJECT_CLASS (mk_article_list_parent_class)->finalize (object);
}

static void
mk_article_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MkArticleList *self = MK_ARTICLE_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    case PROP_N_MATCHES:
      g_value_set_int64 (value, self->n_matches);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_article_list_class_init (MkArticleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_article_list_finalize;
  object_class->get_property = mk_article_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * MkArticleList:n-matches:
   *
   * How many articles the current search matches, or -1 while that is
   * still being counted (the first rows are shown before).
   */
  properties[PROP_N_MATCHES] =
    g_param_spec_int64 ("n-matches", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_article_list_init (MkArticleList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
  self->n_matches = -1;
}

/**
 * mk_article_list_new:
 * @store: the archive, used on this thread to load rows
 *
 * Returns: an empty list; call mk_article_list_search_async() to fill it
 */
MkArticleList *
mk_article_list_new (MkStore *store)
{
  MkArticleList *self;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);

  self = g_object_new (MK_TYPE_ARTICLE_LIST, NULL);
  self->store = g_object_ref (store);
  return self;
}

MkStore *
mk_article_list_get_store (MkArticleList *self)
{
  g_return_val_if_fail (MK_IS_ARTICLE_LIST (self), NULL);
  return self->store;
}

/**
 * mk_article_list_get_query:
 *
 * Returns: (transfer none) (nullable): the query of the results shown
 */
MkQuery *
mk_article_list_get_query (MkArticleList *self)
{
  g_return_val_if_fail (MK_IS_ARTICLE_LIST (self), NULL);
  return self->query;
}

gint64
mk_article_list_get_n_matches (MkArticleList *self)
{
  g_return_val_if_fail (MK_IS_ARTICLE_LIST (self), -1);
  return self->n_matches;
}

static void
set_n_matches (MkArticleList *self,
               gint64         n_matches)
{
  if (self->n_matches == n_matches)
    return;
  self->n_matches = n_matches;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
}

static gboolean
has_prefix (GArray *ids,
            GArray *prefix)
{
  return ids->len >= prefix->len &&
         memcmp (ids->data, prefix->data, prefix->len * sizeof (gint64)) == 0;
}

/* Shows @ids. When they only extend what is shown (the second step of the
 * same search), rows already loaded stay and only the new ones are added,
 * so the list does not flicker or lose its scroll position. */
static void
replace_results (MkArticleList *self,
                 MkQuery       *query,
                 GArray        *ids)
{
  guint old_len = self->ids->len;
  gboolean extends = query == self->query && has_prefix (ids, self->ids);

  g_set_object (&self->query, query);
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  if (extends)
    {
      /* A partly filled last page must be loaded again. */
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (old_len / PAGE_SIZE));
      g_queue_remove (&self->page_order, GUINT_TO_POINTER (old_len / PAGE_SIZE));
      if (ids->len > old_len)
        g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, ids->len - old_len);
    }
  else
    {
      g_hash_table_remove_all (self->pages);
      g_queue_clear (&self->page_order);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, ids->len);
    }

  if (old_len != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  g_autoptr(MkStore) store = NULL;
  GError *error = NULL;
  GArray *ids;

  store = mk_store_open (data->archive_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ids = mk_store_search_ids (store, data->query, data->sort, data->limit, cancellable, &error);
  if (ids != NULL && data->limit == 0)
    data->n_matches = ids->len;
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

static void start_step (MkArticleList *self,
                        SearchData    *data,
                        GCancellable  *cancellable,
                        GTask         *outer);

/* Back on the list's thread: show the results, unless a newer search has
 * started since (its results will be the ones to show). The first step's
 * outer task is the caller's; the second step's has no callback. */
static void
search_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  MkArticleList *self = g_task_get_source_object (outer);
  SearchData *data = g_task_get_task_data (G_TASK (result));
  gboolean first_step = data->limit != 0;
  g_autoptr(GArray) ids = NULL;
  GError *error = NULL;

  ids = g_task_propagate_pointer (G_TASK (result), &error);
  if (ids == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  if (data->generation != self->generation)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "A newer search replaced this one");
      return;
    }

  replace_results (self, data->query, ids);

  if (!first_step)
    set_n_matches (self, data->n_matches);
  else if (ids->len < data->limit)
    /* Less than a page: that is all of them, and the count. */
    set_n_matches (self, ids->len);
  else
    {
      SearchData *rest = g_memdup2 (data, sizeof *data);

      rest->query = g_object_ref (data->query);
      rest->archive_path = g_strdup (data->archive_path);
      rest->limit = 0;
      start_step (self, rest, g_task_get_cancellable (outer), NULL);
    }

  g_task_return_boolean (outer, TRUE);
}

static void
start_step (MkArticleList *self,
            SearchData    *data,
            GCancellable  *cancellable,
            GTask         *outer)
{
  g_autoptr(GTask) task = NULL;

  if (outer == NULL)
    outer = g_task_new (self, cancellable, NULL, NULL);
  else
    g_object_ref (outer);

  /* The worker thread may drop its reference to the inner task after the
   * callback ran; giving it no source object keeps the list's lifetime
   * in the caller's hands. */
  task = g_task_new (NULL, cancellable, search_done, outer);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_thread);
}

/**
 * mk_article_list_search_async:
 * @query: (nullable): what to look for; %NULL or empty lists every article
 *
 * Searches in a worker thread, then replaces the list's items with the
 * first page of the result, and completes; the rest of the result and the
 * count (#MkArticleList:n-matches) follow. A search started later wins
 * over one started earlier.
 */
void
mk_article_list_search_async (MkArticleList       *self,
                              MkQuery             *query,
                              MkSort               sort,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  SearchData *data;

  g_return_if_fail (MK_IS_ARTICLE_LIST (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, mk_article_list_search_async);

  data = g_new0 (SearchData, 1);
  data->query = query ? g_object_ref (query) : mk_query_new (NULL);
  data->sort = sort;
  data->archive_path = g_strdup (mk_store_get_path (self->store));
  data->generation = ++self->generation;
  data->limit = FIRST_PAGE;
  data->n_matches = -1;

  set_n_matches (self, -1);
  start_step (self, data, cancellable, outer);
}

/**
 * mk_article_list_search_finish:
 *
 * Returns: %TRUE when the list now shows the first rows of this search
 */
gboolean
mk_article_list_search_finish (MkArticleList  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mk_article_list_find_loaded:
 *
 * Finds the list's own object for article @id among the pages it keeps,
 * so that a change the user makes (a bookmark, a note) can be shown on
 * its row at once; a page loaded later reads the change from the archive.
 *
 * Returns: (transfer none) (nullable): the article, or %NULL when no kept
 *   page holds it
 */
MkArticle *
mk_article_list_find_loaded (MkArticleList *self,
                             gint64         id)
{
  GHashTableIter iter;
  gpointer page;

  g_return_val_if_fail (MK_IS_ARTICLE_LIST (self), NULL);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &page))
    for (guint i = 0; i < ((GPtrArray *) page)->len; i++)
      {
        MkArticle *article = g_ptr_array_index ((GPtrArray *) page, i);

        if (mk_article_get_id (article) == id)
          return article;
      }

  return NULL;
}
