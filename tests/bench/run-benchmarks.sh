#!/bin/sh
# run-benchmarks.sh — Mekong's benchmarks at several archive sizes
#
#   tests/bench/run-benchmarks.sh [options] [SIZE...]    (default: 10000 100000 1000000)
#
#   --build DIR    the meson build directory (default: build-bench, then build)
#   --cache DIR    where archives and text files are kept
#                  (default: $MEKONG_BENCH_CACHE or /var/tmp/mekong-bench)
#   --repeat N     timed runs per query (default 15)
#   --seed S       generator seed (default: the generator's)
#   --chronological  insert articles in order of publication (default: dates
#                  at random, as importing a folder; FTS5 is slower then)
#   --recoll-all   run recoll at every size (by default only up to 100,000:
#                  recollindex does ~500-750 articles/s, 1M would take ~30 min)
#   --no-recoll    --no-window    --no-search    skip a part
#
# Each size's archive is generated once into the cache and reused while the
# generator's stamp (its version, the word list's and the samples' digests,
# the seed) is the same; the import figures printed are those of the run
# that generated it. Results go to CACHE/results-SIZE/, and one combined
# table per size is printed at the end.
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

here=$(cd "$(dirname "$0")" && pwd)
source_root=$(cd "$here/../.." && pwd)
build=""
cache=${MEKONG_BENCH_CACHE:-/var/tmp/mekong-bench}
repeat=15
seed=""
chronological=""
recoll_all=0
do_recoll=1
do_window=1
do_search=1
sizes=""

while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --chronological) chronological=--chronological; shift ;;
    --recoll-all) recoll_all=1; shift ;;
    --no-recoll) do_recoll=0; shift ;;
    --no-window) do_window=0; shift ;;
    --no-search) do_search=0; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) echo "run-benchmarks.sh: unknown option $1" >&2; exit 2 ;;
    *) sizes="$sizes $1"; shift ;;
  esac
done
sizes=${sizes:-10000 100000 1000000}

if [ -z "$build" ]; then
  for candidate in "$source_root/build-bench" "$source_root/build"; do
    if [ -x "$candidate/tests/bench/mk-bench-generate" ]; then build=$candidate; break; fi
  done
fi
bench_bin="$build/tests/bench"
if [ ! -x "$bench_bin/mk-bench-generate" ]; then
  echo "run-benchmarks.sh: no benchmark binaries in '$build' (meson setup build-bench -Dbuildtype=release && ninja -C build-bench)" >&2
  exit 2
fi

mkdir -p "$cache"
gen_args="$chronological"
[ -n "$seed" ] && gen_args="$gen_args --seed $seed"

# Generates CACHE/archive-SIZE.db (and text files when $2 = 1) unless the
# cache already holds them from this same generator.
ensure_archive () {
  size=$1 want_text=$2
  archive="$cache/archive-$size.db"
  text_dir="$cache/text-$size"
  stamp_file="$cache/archive-$size.stamp"
  stamp="$("$bench_bin/mk-bench-generate" --stamp $gen_args) count=$size"

  if [ -f "$archive" ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ] &&
     { [ "$want_text" = 0 ] || [ -d "$text_dir" ]; }; then
    echo "== $size articles: using the cached $archive"
    return
  fi

  echo "== $size articles: generating $archive"
  rm -rf "$archive" "$archive-wal" "$archive-shm" "$text_dir" "$stamp_file"
  text_arg=""
  [ "$want_text" = 1 ] && text_arg="--text-dir $text_dir"
  "$bench_bin/mk-bench-generate" --archive "$archive" --count "$size" $gen_args $text_arg \
    --results "$cache/generate-$size.txt" | tee "$cache/generate-$size.log"
  echo "$stamp" > "$stamp_file"
}

run_window () {
  size=$1 out=$2
  set -- "$bench_bin/mk-bench-window" --archive "$cache/archive-$size.db" \
    --query cooperation --results "$out/window.tsv"
  # The UI tests' environment (tests/meson.build): the build's schemas,
  # settings in memory, X11 under Xvfb, no accessibility bus.
  env GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory GDK_BACKEND=x11 \
      GSK_RENDERER=${GSK_RENDERER:-cairo} GTK_A11Y=none NO_AT_BRIDGE=1 \
      sh -c 'if [ -n "${DISPLAY:-}" ]; then exec "$@"; else
               exec xvfb-run -a -s "-screen 0 1280x800x24" "$@"; fi' sh "$@" \
    | tee "$out/window.txt"
}

for size in $sizes; do
  want_recoll=0
  if [ "$do_recoll" = 1 ] && { [ "$size" -le 100000 ] || [ "$recoll_all" = 1 ]; }; then
    want_recoll=1
  fi
  ensure_archive "$size" "$want_recoll"

  out="$cache/results-$size"
  rm -rf "$out"
  mkdir -p "$out"

  if [ "$do_search" = 1 ]; then
    echo "== $size articles: search"
    "$bench_bin/mk-bench-search" --archive "$cache/archive-$size.db" --repeat "$repeat" \
      --results "$out/search.tsv" | tee "$out/search.txt"
  fi
  if [ "$want_recoll" = 1 ]; then
    echo "== $size articles: recoll"
    /usr/bin/python3 "$here/bench-recoll.py" --text-dir "$cache/text-$size" \
      --search-bin "$bench_bin/mk-bench-search" --repeat "$repeat" \
      --confdir "$out/recoll-conf" --results "$out/recoll.tsv" | tee "$out/recoll.txt"
    rm -rf "$out/recoll-conf"
  fi
  if [ "$do_window" = 1 ]; then
    echo "== $size articles: window"
    run_window "$size" "$out" || echo "run-benchmarks.sh: the window benchmark failed" >&2
  fi
done

echo
for size in $sizes; do
  out="$cache/results-$size"
  /usr/bin/python3 "$here/bench-table.py" --size "$size" --generate "$cache/generate-$size.txt" \
    --search "$out/search.tsv" --recoll "$out/recoll.tsv" --window "$out/window.tsv" \
    | tee "$out/table.txt"
done
