#!/usr/bin/python3
# bench-recoll.py — the same articles and queries through recoll, for comparison
#
# Indexes the text files mk-bench-generate --text-dir wrote with recollindex
# (a throwaway configuration: topdirs = DIR) and reports the index rate, then
# runs the benchmark's query set (mk-bench-search --list-queries gives it,
# already in recoll's syntax where recoll has an equivalent) through recollq
# the way a user or a script would: one process per query. For each query:
# a first page of 50 newest first (-S mtime -D; the generator set each file's
# mtime to its publication date), by relevance, and the exact count (-Q -E).
# Times include starting recollq, which is what a person waits for.
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

OPS = ('newest', 'relevance', 'count')


def percentile(samples, p):
    """Nearest rank, as mk-bench-search computes it."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), math.ceil(p / 100 * len(ordered))))
    return ordered[rank - 1]


def fmt_ms(ms):
    if math.isnan(ms):
        return '-'
    if ms < 10:
        return f'{ms:.2f}'
    if ms < 100:
        return f'{ms:.1f}'
    return f'{ms:.0f}'


def cell(samples, status=None):
    if status:
        return status
    return f'{fmt_ms(percentile(samples, 50))}/{fmt_ms(percentile(samples, 95))}'


def write_config(confdir, text_dir):
    # noaspell: the spelling dictionary recoll builds after indexing is a
    # feature of its GUI, not of search; leaving it out favours recoll.
    with open(os.path.join(confdir, 'recoll.conf'), 'w') as conf:
        conf.write(f'topdirs = {text_dir}\nloglevel = 1\nnoaspell = 1\n')


def count_files(text_dir):
    return sum(len([f for f in files if f.endswith('.txt')])
               for _, _, files in os.walk(text_dir))


def index(confdir, text_dir):
    n_files = count_files(text_dir)
    start = time.perf_counter()
    subprocess.run(['recollindex', '-c', confdir, '-z'], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    return n_files, seconds


def recollq_args(confdir, op, query):
    if op == 'newest':
        return ['recollq', '-c', confdir, '-n', '0-50', '-b', '-S', 'mtime', '-D', query]
    if op == 'relevance':
        return ['recollq', '-c', confdir, '-n', '0-50', '-b', query]
    return ['recollq', '-c', confdir, '-Q', '-E', query]


def run_once(confdir, op, query):
    """ms, ok, count (for op == count)"""
    start = time.perf_counter()
    proc = subprocess.run(recollq_args(confdir, op, query), capture_output=True, text=True)
    ms = (time.perf_counter() - start) * 1000
    count = None
    if op == 'count' and proc.returncode == 0:
        for line in proc.stdout.splitlines():
            if line.endswith(' results') or ' results ' in line:
                count = int(line.split()[0])
                break
    return ms, proc.returncode == 0, count


def load_queries(search_bin):
    out = subprocess.run([search_bin, '--list-queries'], check=True,
                         capture_output=True, text=True).stdout
    queries = []
    for line in out.splitlines():
        name, kind, text, recoll = line.split('\t')
        queries.append({'name': name, 'kind': kind, 'text': text,
                        'recoll': None if recoll == 'n/a' else recoll})
    return queries


def measure(confdir, queries, repeat):
    for q in queries:
        q['ms'] = {op: [] for op in OPS}
        q['status'] = {op: None for op in OPS}
        q['count'] = None
        if q['recoll'] is None:
            q['status'] = {op: 'n/a' for op in OPS}
            continue
        for op in OPS:
            _, ok, count = run_once(confdir, op, q['recoll'])  # warm-up
            if not ok:
                q['status'][op] = 'error'
                continue
            for _ in range(repeat):
                ms, ok, count = run_once(confdir, op, q['recoll'])
                q['ms'][op].append(ms)
            if op == 'count':
                q['count'] = count


def kinds(queries):
    seen = []
    for q in queries:
        if q['kind'] not in seen:
            seen.append(q['kind'])
    return seen


def print_tables(queries, results):
    print(f'{"query":22} {"kind":7} {"matches":>10} ' + ' '.join(f'{op:>13}' for op in OPS))
    for q in queries:
        count = 'n/a' if q['recoll'] is None else ('error' if q['count'] is None else f'{q["count"]:,}')
        cells = ' '.join(f'{cell(q["ms"][op], q["status"][op]):>13}' for op in OPS)
        print(f'{q["name"]:22} {q["kind"]:7} {count:>10} {cells}')
    print()
    print(f'{"kind":22} ' + ' '.join(f'{op:>13}' for op in OPS))
    for kind in kinds(queries) + [None]:
        row = []
        for op in OPS:
            pooled = [ms for q in queries if kind is None or q['kind'] == kind for ms in q['ms'][op]]
            row.append(cell(pooled) if pooled else 'n/a')
            if results and pooled:
                results.write(f'recoll\t{kind or "all"}\t{op}\t{percentile(pooled, 50):.3f}\t'
                              f'{percentile(pooled, 95):.3f}\n')
        print(f'{kind or "ALL QUERIES":22} ' + ' '.join(f'{c:>13}' for c in row))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--text-dir', required=True)
    parser.add_argument('--search-bin', required=True, help='mk-bench-search, for the query set')
    parser.add_argument('--confdir', help='recoll configuration and index (default: a temporary one)')
    parser.add_argument('--repeat', type=int, default=15)
    parser.add_argument('--results', help='append TSV results here')
    args = parser.parse_args()

    queries = load_queries(args.search_bin)
    with tempfile.TemporaryDirectory(prefix='mekong-recoll-') as tmp:
        confdir = args.confdir or tmp
        os.makedirs(confdir, exist_ok=True)
        write_config(confdir, os.path.abspath(args.text_dir))

        n_files, seconds = index(confdir, os.path.abspath(args.text_dir))
        rate = n_files / seconds if seconds > 0 else 0
        print(f'recoll: {n_files:,} text files indexed in {seconds:.1f} s: {rate:.0f} articles/s')

        measure(confdir, queries, args.repeat)
        print(f'recollq, {args.repeat} timed runs per query after one untimed; times in ms, '
              'p50/p95, including the recollq process\n')
        results = open(args.results, 'a') if args.results else None
        if results:
            results.write(f'recoll\tindex\trate\t{rate:.0f}\t{seconds:.1f}\n')
        print_tables(queries, results)
        if results:
            results.close()


if __name__ == '__main__':
    sys.exit(main())
