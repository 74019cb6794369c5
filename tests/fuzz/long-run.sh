#!/bin/bash
# long-run.sh — a long libFuzzer run of one target, then its new finds
# minimized into corpus-found/ (tests/fuzz/README.md)
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/fuzz/long-run.sh BUILDDIR TARGET [SECONDS]
#   BUILDDIR  a build with -Dfuzzing=true (README.md: "Building and running")
#   TARGET    text-parser, importer, query, entity-extractor, feed, opml
#             or html-text
#   SECONDS   how long to run (3600 unless given)
#
# The fuzzer is copied first, so the build can be rebuilt while it runs,
# and runs under nice, so that it takes only the CPU nobody else wants.
# New inputs go to a scratch folder; at the end, those that add coverage
# are merged into corpus-found/TARGET (libFuzzer's -merge=1). The log,
# with libFuzzer's final statistics, is left in the scratch folder, whose
# path is printed; a crash is left in its artifacts/ folder.
set -euo pipefail

builddir=$1 target=$2 seconds=${3:-3600}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The dictionaries of each target, as in meson.build's fuzz_targets.
case $target in
  text-parser|importer|query|entity-extractor) dicts=("$target.dict") ;;
  feed) dicts=(xml.dict json-feed.dict) ;;
  opml) dicts=(xml.dict) ;;
  html-text) dicts=(xml.dict html.dict) ;;
  *) echo "long-run.sh: no target “$target”" >&2; exit 2 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/mekong-fuzz-$target-XXXXXX")
echo "long-run.sh: $target for $seconds s in $work"
cp "$builddir/tests/fuzz/fuzz-$target" "$work/fuzzer"
mkdir -p "$work/new" "$work/artifacts"
for dict in "${dicts[@]}"; do cat "$here/dict/$dict"; done >"$work/dict"

corpora=("$work/new" "$here/corpus/$target")
for dir in "$here/corpus-found/$target" "$here/regressions/$target"; do
  [[ -d $dir ]] && corpora+=("$dir")
done

status=0
nice -n 10 "$work/fuzzer" -dict="$work/dict" -max_total_time="$seconds" \
  -timeout=60 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "${corpora[@]}" >"$work/log" 2>&1 || status=$?
tail -n 12 "$work/log"

mkdir -p "$here/corpus-found/$target"
"$work/fuzzer" -merge=1 "$here/corpus-found/$target" "$work/new" >"$work/merge.log" 2>&1
echo "long-run.sh: corpus-found/$target now holds $(ls "$here/corpus-found/$target" | wc -l) inputs"
exit $status
