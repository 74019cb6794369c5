#!/bin/bash
# run-fuzzer.sh — one short libFuzzer run, as a test (tests/fuzz/meson.build)
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-fuzzer.sh FUZZER SECONDS SEEDS DICTS REGRESSIONS ARTIFACTS FOUND
#
# DICTS is one dictionary or several joined by ':' (libFuzzer takes one
# -dict, so several are concatenated into a temporary file).
# SEEDS, REGRESSIONS and FOUND (inputs long runs found, minimized; see
# README.md) are read as corpora; a folder that does not exist is skipped.
# New inputs go to a temporary folder, so the committed seed corpus is only
# read. A crash, a leak, a timeout or a failed assertion fails the test; the
# input that caused it is kept in ARTIFACTS (crash-<sha1>) to be turned into
# a regression (tests/fuzz/README.md).
set -uo pipefail

fuzzer=$1 seconds=$2 seeds=$3 dicts=$4 regressions=$5 artifacts=$6 found=${7:-}

work=$(mktemp -d "${TMPDIR:-/tmp}/mekong-fuzz-XXXXXX")
dict=$(mktemp "${TMPDIR:-/tmp}/mekong-fuzz-dict-XXXXXX")
trap 'rm -rf "$work" "$dict"' EXIT
IFS=: read -ra dict_files <<<"$dicts"
for file in "${dict_files[@]}"; do
  [[ -f $file ]] && cat "$file" >>"$dict"
done
mkdir -p "$artifacts"

args=(
  -max_total_time="$seconds"
  -timeout=30            # seconds for one input (a loaded CI machine is slow)
  -rss_limit_mb=2048
  -max_len=65536
  -print_final_stats=1
  -error_exitcode=1      # not libFuzzer's 77, which meson reads as "skipped"
  -timeout_exitcode=1
  -artifact_prefix="$artifacts/"
)
[[ -s $dict ]] && args+=(-dict="$dict")
corpora=("$work" "$seeds")
[[ -d $regressions ]] && corpora+=("$regressions")
[[ -n $found && -d $found ]] && corpora+=("$found")

"$fuzzer" "${args[@]}" "${corpora[@]}"
