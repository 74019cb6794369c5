/* mk-bench-window.c — the window on a big archive: first rows, scrolling, memory
 *
 * In-process, under Xvfb like the UI tests: opens the archive, creates the
 * main window and measures
 *  - the time from main() and from mk_window_new() to the first article
 *    rows mapped in the list (what "the window shows its first rows" means
 *    to a person), then to the whole list and its count;
 *  - optionally the same for a query typed into the search entry;
 *  - scrolling the whole list from top to bottom in steps (each step sets
 *    the GtkScrolledWindow's vadjustment and waits for the next painted
 *    frame), with the step times and how many took longer than two frames;
 *  - peak RSS (VmHWM) before the window, after the first rows and after
 *    scrolling.
 * Widgets are found by type (GtkListView, MkArticleRow, GtkSearchEntry),
 * not by name, so the window's template may change.
 *
 * Run with GSETTINGS_SCHEMA_DIR=<build>/data GSETTINGS_BACKEND=memory
 * GDK_BACKEND=x11 under xvfb-run (run-benchmarks.sh does).
 *
 * Copyright 2026 The Mekong developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mk-article-row.h"
#include "mk-window.h"
#include "mk-test-ui.h"

#define TIMEOUT_S        120
#define DEFAULT_MAX_STEPS 3000
/* A step slower than this skipped at least one frame at 60 Hz. */
#define JANK_MS          (2 * 1000.0 / 60)

static gint64 main_start_us;

typedef gboolean (*Condition) (gpointer data);

static gboolean
keep_waking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until @condition holds or @timeout_s pass; the
 * tick makes every iteration return so the condition is looked at. Not
 * mk_test_wait_until(), whose tick is 10 ms: the 5 ms tick here bounds
 * the timing error of what is measured. */
static gboolean
wait_until (Condition condition,
            gpointer  data,
            double    timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (timeout_s * G_USEC_PER_SEC);
  guint tick = g_timeout_add (5, keep_waking, NULL);
  gboolean done;

  while (!(done = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return done;
}

static double
ms_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

/* ---- /proc ---------------------------------------------------------------- */

/* A field of /proc/self/status in kB ("VmHWM", "VmRSS"), -1 if unknown. */
static gint64
proc_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen (key), NULL, 10);
}

/* ---- finding widgets by type ------------------------------------------------- */

/* The first widget of @type, or NULL: unlike mk_test_find_widget(), a
 * benchmark reports what it finds rather than asserting. */
static gpointer
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  mk_test_collect_widgets (root, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

typedef struct {
  MkWindow *window;
  GtkListView *list_view;
  gint64 expected;          /* rows the whole list should have */
  guint64 paints;
  gint64 first_rows_painted_us;  /* 0 until a frame with rows was painted */
} Bench;

/* Rows on screen that show an article, as a person sees them. */
static guint
n_rows_shown (Bench *bench)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint shown = 0;

  if (bench->list_view == NULL)
    bench->list_view = find_widget (GTK_WIDGET (bench->window), GTK_TYPE_LIST_VIEW);
  if (bench->list_view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (bench->list_view)))
    return 0;

  mk_test_collect_widgets (GTK_WIDGET (bench->list_view), MK_TYPE_ARTICLE_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      MkArticleRow *row = g_ptr_array_index (rows, i);

      /* Mapped is not enough: before the first layout rows are mapped
       * with no size, and nothing is on screen yet. */
      if (gtk_widget_get_mapped (GTK_WIDGET (row)) && mk_article_row_get_article (row) != NULL &&
          gtk_widget_get_height (GTK_WIDGET (row)) > 0)
        shown++;
    }

  return shown;
}


static GListModel *
list_model (Bench *bench)
{
  if (bench->list_view == NULL)
    bench->list_view = find_widget (GTK_WIDGET (bench->window), GTK_TYPE_LIST_VIEW);
  return bench->list_view ? G_LIST_MODEL (gtk_list_view_get_model (bench->list_view)) : NULL;
}

static gboolean
whole_list_loaded (gpointer data)
{
  Bench *bench = data;
  GListModel *model = list_model (bench);

  return model != NULL && (gint64) g_list_model_get_n_items (model) >= bench->expected;
}

/* ---- steps ----------------------------------------------------------------------- */

/* Counts frames, and notes the first one that had article rows in it:
 * that is when a person sees them. */
static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  bench->paints++;
  if (bench->first_rows_painted_us == 0 && n_rows_shown (bench) > 0)
    bench->first_rows_painted_us = g_get_monotonic_time ();
}

static gboolean
first_rows_painted (gpointer data)
{
  Bench *bench = data;

  return bench->first_rows_painted_us != 0;
}

typedef struct {
  Bench *bench;
  guint64 paints_before;
} PaintWait;

static gboolean
painted_since (gpointer data)
{
  PaintWait *wait = data;

  return wait->bench->paints > wait->paints_before;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *samples,
            double  p)
{
  guint rank;

  if (samples->len == 0)
    return NAN;
  g_array_sort (samples, compare_doubles);
  rank = (guint) ceil (p / 100.0 * samples->len);
  return g_array_index (samples, double, CLAMP (rank, 1, samples->len) - 1);
}

typedef struct {
  guint steps;
  double total_ms;
  double p50, p95, max;
  guint janky;
  guint blank_steps;   /* steps after which no article row was on screen */
} ScrollResult;

/* Scrolls from the top to the bottom: a page at a time when the list has
 * at most @max_steps pages, else in @max_steps even jumps (a 1M-article
 * list has ~100,000 pages). Each step waits for the frame that shows it. */
static void
scroll_whole_list (Bench        *bench,
                   guint         max_steps,
                   ScrollResult *result)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (bench->list_view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start = g_get_monotonic_time ();
  double position = gtk_adjustment_get_lower (adjustment);

  memset (result, 0, sizeof *result);

  /* The upper bound is GtkListView's estimate and changes as rows are
   * measured, so it is read again at each step. */
  while (result->steps < 100 * max_steps)
    {
      double upper = gtk_adjustment_get_upper (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);
      double end = upper - page;
      double stride = MAX (page, (end - gtk_adjustment_get_lower (adjustment)) / max_steps);
      PaintWait wait = { bench, bench->paints };
      gint64 step_start;
      double ms;

      if (position >= end)
        break;
      position = MIN (position + stride, end);

      step_start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, position);
      wait_until (painted_since, &wait, 10);
      ms = ms_since (step_start);
      g_array_append_val (samples, ms);
      result->steps++;
      result->janky += ms > JANK_MS;
      result->blank_steps += n_rows_shown (bench) == 0;
    }

  result->total_ms = ms_since (start);
  result->p50 = percentile (samples, 50);
  result->p95 = percentile (samples, 95);
  result->max = percentile (samples, 100);
}

/* ---- a typed search -------------------------------------------------------------------- */

static gboolean
list_changed (gpointer data)
{
  gboolean *changed = data;

  return *changed;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gboolean   *changed)
{
  *changed = TRUE;
}

/* Types @text into the search entry and waits for the list to change and
 * rows to be shown; returns ms to the first rows of the result. */
static double
time_search (Bench      *bench,
             const char *text)
{
  GtkEditable *entry = find_widget (GTK_WIDGET (bench->window), GTK_TYPE_SEARCH_ENTRY);
  GListModel *model = list_model (bench);
  gboolean changed = FALSE;
  gulong handler;
  gint64 start;

  if (entry == NULL || model == NULL)
    return NAN;

  handler = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changed);
  start = g_get_monotonic_time ();
  gtk_editable_set_text (entry, text);
  if (!wait_until (list_changed, &changed, TIMEOUT_S))
    {
      g_signal_handler_disconnect (model, handler);
      return NAN;
    }
  g_signal_handler_disconnect (model, handler);

  /* The old rows are still on screen until the next frame: wait for a
   * frame painted with the new ones. */
  bench->first_rows_painted_us = 0;
  if (!wait_until (first_rows_painted, bench, TIMEOUT_S))
    return NAN;

  return (bench->first_rows_painted_us - start) / 1000.0;
}

/* ---- main -------------------------------------------------------------------------------- */

static void
print_rss (const char *when,
           FILE       *results,
           const char *key)
{
  gint64 hwm = proc_status_kb ("VmHWM"), rss = proc_status_kb ("VmRSS");

  g_print ("%-34s RSS %6.1f MB, peak %6.1f MB\n", when, rss / 1024.0, hwm / 1024.0);
  if (results != NULL)
    fprintf (results, "window\t%s_peak_rss_mb\t%.1f\n", key, hwm / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *archive = NULL, *query = NULL, *results_path = NULL;
  int max_steps = DEFAULT_MAX_STEPS;
  GOptionEntry entries[] = {
    { "archive", 0, 0, G_OPTION_ARG_FILENAME, &archive, "Archive to open", "PATH" },
    { "steps", 0, 0, G_OPTION_ARG_INT, &max_steps, "At most this many scroll steps (default 3000)", "N" },
    { "query", 0, 0, G_OPTION_ARG_STRING, &query, "Also time a search typed into the entry", "TEXT" },
    { "results", 0, 0, G_OPTION_ARG_FILENAME, &results_path, "Write results as TSV here", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the main window on a big archive");
  g_autoptr(GError) error = NULL;
  g_autoptr(MkStore) store = NULL;
  Bench bench = { 0 };
  ScrollResult scroll;
  FILE *results = NULL;
  gint64 window_start;
  double to_rows, to_rows_main, to_whole;
  GdkFrameClock *clock;

  main_start_us = g_get_monotonic_time ();
  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("mk-bench-window: %s\n", error->message);
      return 2;
    }
  if (archive == NULL || !g_file_test (archive, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("mk-bench-window: --archive PATH (an existing archive) is needed\n");
      return 2;
    }
  if (results_path != NULL && (results = fopen (results_path, "w")) == NULL)
    g_printerr ("mk-bench-window: cannot write %s\n", results_path);

  gtk_init ();
  adw_init ();
  /* Stack transitions would keep both pages mapped for a while. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  store = mk_store_open (archive, &error);
  if (store == NULL)
    {
      g_printerr ("mk-bench-window: %s\n", error->message);
      return 1;
    }
  bench.expected = mk_store_count_articles (store, NULL);

  g_print ("window: %s, %" G_GINT64_FORMAT " articles, renderer %s\n", archive, bench.expected,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("%-34s %.0f ms\n", "gtk_init, adw_init, open archive", ms_since (main_start_us));
  print_rss ("before the window", results, "before");

  /* From here on is what a person waits for after starting mekong (minus
   * exec and the GApplication's bus registration). */
  window_start = g_get_monotonic_time ();
  bench.window = mk_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (bench.window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &bench);

  if (!wait_until (first_rows_painted, &bench, TIMEOUT_S))
    {
      g_printerr ("mk-bench-window: no rows after %d s\n", TIMEOUT_S);
      return 1;
    }
  to_rows = (bench.first_rows_painted_us - window_start) / 1000.0;
  to_rows_main = (bench.first_rows_painted_us - main_start_us) / 1000.0;
  g_print ("first rows painted                 %.0f ms after mk_window_new (%.0f ms after main),"
           " %u rows realized\n", to_rows, to_rows_main, n_rows_shown (&bench));
  print_rss ("after the first rows", results, "first_rows");

  if (!wait_until (whole_list_loaded, &bench, TIMEOUT_S))
    g_printerr ("mk-bench-window: the list has only %u of %" G_GINT64_FORMAT " rows after %d s\n",
                g_list_model_get_n_items (list_model (&bench)), bench.expected, TIMEOUT_S);
  to_whole = ms_since (window_start);
  g_print ("whole list in the model              %.0f ms after mk_window_new (%u rows)\n",
           to_whole, g_list_model_get_n_items (list_model (&bench)));

  scroll_whole_list (&bench, MAX (max_steps, 1), &scroll);
  g_print ("scrolled top to bottom             %u steps in %.1f s; step p50 %.1f ms, p95 %.1f ms,"
           " max %.0f ms; %u steps over %.0f ms, %u showed no row\n",
           scroll.steps, scroll.total_ms / 1000, scroll.p50, scroll.p95, scroll.max,
           scroll.janky, JANK_MS, scroll.blank_steps);
  print_rss ("after scrolling", results, "scrolled");

  if (query != NULL)
    {
      double ms = time_search (&bench, query);

      g_print ("search “%s” typed: first rows %.0f ms\n", query, ms);
      if (results != NULL)
        fprintf (results, "window\tsearch_first_rows_ms\t%.1f\n", ms);
    }

  if (results != NULL)
    {
      fprintf (results, "window\tfirst_rows_ms\t%.1f\n", to_rows);
      fprintf (results, "window\tfirst_rows_from_main_ms\t%.1f\n", to_rows_main);
      fprintf (results, "window\twhole_list_ms\t%.1f\n", to_whole);
      fprintf (results, "window\tscroll_steps\t%u\n", scroll.steps);
      fprintf (results, "window\tscroll_step_p50_ms\t%.1f\n", scroll.p50);
      fprintf (results, "window\tscroll_step_p95_ms\t%.1f\n", scroll.p95);
      fprintf (results, "window\tscroll_step_max_ms\t%.1f\n", scroll.max);
      fprintf (results, "window\tscroll_janky_steps\t%u\n", scroll.janky);
      fclose (results);
    }

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, &bench);
  gtk_window_destroy (GTK_WINDOW (bench.window));
  return 0;
}
