#!/usr/bin/python3
# bench-table.py — one table per archive size from the benchmarks' results
#
#   bench-table.py --size N --generate FILE [--search TSV] [--recoll TSV] [--window TSV]
#
# FILE is mk-bench-generate --results (key=value); the TSVs are what
# mk-bench-search, bench-recoll.py and mk-bench-window write (section, kind
# or key, op, p50, p95). Missing parts print as n/a.
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import math
import os

TARGETS = {  # the targets at 1M articles
    'newest': 30, 'relevance': 100, 'count': 250,
    'first_rows_ms': 500, 'peak_rss_mb': 200, 'import_rate': 3000,
}


def read_kv(path):
    values = {}
    if path and os.path.exists(path):
        with open(path) as f:
            for line in f:
                if '=' in line:
                    key, value = line.rstrip('\n').split('=', 1)
                    values[key] = value
    return values


def read_tsv(path):
    rows = []
    if path and os.path.exists(path):
        with open(path) as f:
            rows = [line.rstrip('\n').split('\t') for line in f if line.strip()]
    return rows


def fmt_ms(value):
    if value is None or math.isnan(value):
        return '-'
    if value < 10:
        return f'{value:.2f}'
    if value < 100:
        return f'{value:.1f}'
    return f'{value:.0f}'


def cell(stats, kind, op):
    if (kind, op) not in stats:
        return 'n/a'
    p50, p95 = stats[(kind, op)]
    return f'{fmt_ms(p50)}/{fmt_ms(p95)}'


def percentile_stats(rows, section):
    stats = {}
    for row in rows:
        if row[0] == section and len(row) == 5 and row[1] != 'index':
            stats[(row[1], row[2])] = (float(row[3]), float(row[4]))
    return stats


def human_size(n):
    for unit in ('B', 'kB', 'MB', 'GB', 'TB'):
        if n < 1000:
            return f'{n:.1f} {unit}'
        n /= 1000
    return f'{n:.1f} PB'


def mark(value, target, lower_is_better=True):
    if value is None:
        return ''
    ok = value <= target if lower_is_better else value >= target
    return '' if ok else ' (target missed)'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--size', type=int, required=True)
    parser.add_argument('--generate')
    parser.add_argument('--search')
    parser.add_argument('--recoll')
    parser.add_argument('--window')
    args = parser.parse_args()

    gen = read_kv(args.generate)
    search = percentile_stats(read_tsv(args.search), 'search')
    recoll_rows = read_tsv(args.recoll)
    recoll = percentile_stats(recoll_rows, 'recoll')
    recoll_rate = next((row[3] for row in recoll_rows if row[:3] == ['recoll', 'index', 'rate']), None)
    window = {row[1]: float(row[2]) for row in read_tsv(args.window) if row[0] == 'window'}

    kinds = []
    for kind, _ in list(search) + list(recoll):
        if kind not in kinds and kind != 'all':
            kinds.append(kind)
    kinds.append('all')

    print(f'==== {args.size:,} articles ====')
    rate = float(gen['import_rate']) if 'import_rate' in gen else None
    size = int(gen['archive_bytes']) if 'archive_bytes' in gen else None
    print(f'import (mekong core)   {rate:,.0f} articles/s (target at 1M: 3,000)'
          f'{mark(rate, TARGETS["import_rate"], False)}' if rate else 'import (mekong core)   n/a')
    print(f'archive size           {human_size(size)}' if size else 'archive size           n/a')
    print(f'recoll index           {int(recoll_rate):,} articles/s' if recoll_rate else
          'recoll index           n/a')
    print()
    print('search latency, ms p50/p95 (first page of 50 | count); mekong = the core API,'
          ' FTS5 = the same query raw on sqlite3, recoll = recollq process')
    header = ['kind', 'mekong newest', 'FTS5 newest', 'recoll newest',
              'mekong relev.', 'FTS5 rank', 'recoll relev.',
              'mekong count', 'FTS5 count', 'recoll count', 'mekong rows']
    widths = [12] + [13] * (len(header) - 1)
    print(' '.join(h.rjust(w) if i else h.ljust(w) for i, (h, w) in enumerate(zip(header, widths))))
    for kind in kinds:
        cells = [kind if kind != 'all' else 'ALL',
                 cell(search, kind, 'newest'), cell(search, kind, 'raw newest'), cell(recoll, kind, 'newest'),
                 cell(search, kind, 'relevance'), cell(search, kind, 'raw rank'), cell(recoll, kind, 'relevance'),
                 cell(search, kind, 'count'), cell(search, kind, 'raw count'), cell(recoll, kind, 'count'),
                 cell(search, kind, 'rows')]
        print(' '.join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))))
    print()
    for op, label in (('newest', 'first page, newest'), ('relevance', 'first page, relevance'),
                      ('count', 'count')):
        if ('all', op) in search:
            p95 = search[('all', op)][1]
            print(f'{label:22} p95 {fmt_ms(p95)} ms (target at 1M: {TARGETS[op]} ms)'
                  f'{mark(p95, TARGETS[op])}')
    if window:
        print(f'window first rows      {window.get("first_rows_ms", math.nan):.0f} ms after mk_window_new, '
              f'{window.get("first_rows_from_main_ms", math.nan):.0f} ms after main() '
              f'(target at 1M: 500 ms){mark(window.get("first_rows_from_main_ms"), 500)}')
        print(f'window whole list      {window.get("whole_list_ms", math.nan):.0f} ms')
        if 'search_first_rows_ms' in window:
            print(f'window typed search    first rows {window["search_first_rows_ms"]:.0f} ms after'
                  ' typing "cooperation"')
        print(f'window scrolling       {int(window.get("scroll_steps", 0))} steps, '
              f'step p50 {fmt_ms(window.get("scroll_step_p50_ms"))} ms, '
              f'p95 {fmt_ms(window.get("scroll_step_p95_ms"))} ms, '
              f'max {fmt_ms(window.get("scroll_step_max_ms"))} ms, '
              f'{int(window.get("scroll_janky_steps", 0))} steps over 33 ms')
        peak = window.get('scrolled_peak_rss_mb')
        print(f'window peak RSS        {peak:.0f} MB after scrolling (target at 1M: 200 MB)'
              f'{mark(peak, TARGETS["peak_rss_mb"])}' if peak else 'window peak RSS        n/a')
    else:
        print('window                 n/a')
    print()


if __name__ == '__main__':
    main()
