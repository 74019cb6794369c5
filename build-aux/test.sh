#!/bin/bash
# test.sh — build Mekong and run every test: a normal build (and its core
# tests again under valgrind memcheck), a build with AddressSanitizer,
# LeakSanitizer and UndefinedBehaviorSanitizer, and a clang build that runs
# each libFuzzer target for a short while (tests/fuzz/).
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/test.sh
#
# Each suite runs "meson test" under Xvfb and a private D-Bus session bus
# (GTK needs both for the UI tests). The second suite runs even when the
# first failed. The very last line printed is "N passed, M failed", summed
# over both suites from meson-logs/testlog.json (see count-tests.py; skipped
# tests count as neither). A build that fails, or a suite that could not run,
# counts as one failure, so that line is printed whatever happens.
# Exit status: 0 when every test passed, 1 otherwise.
#
# The build directories are "build", "build-sanitize" and "build-fuzz"; set
# MEKONG_BUILDDIR, MEKONG_SANITIZE_BUILDDIR and MEKONG_FUZZ_BUILDDIR to use
# others. MEKONG_FUZZ_SECONDS (default 45) is how long each fuzz target runs.

# No "set -e": every step must run and be counted, whatever failed before.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || { echo "0 passed, 1 failed"; exit 1; }

extra_failed=0   # builds that failed, suites that failed without a log to show it
logs=()

say() { printf '\n=== %s\n' "$*"; }

python=python3
[[ -x /usr/bin/python3 ]] && python=/usr/bin/python3

# run_suite BUILDDIR [MESON_SETUP_ARGS...]
run_suite() {
  local builddir=$1
  shift

  say "$builddir: setup and build"
  if ! bash build-aux/setup.sh "$builddir" "$@"; then
    say "$builddir: BUILD FAILED (counted as 1 failure)"
    extra_failed=$((extra_failed + 1))
    return
  fi
  run_tests "$builddir" testlog
}

# run_tests BUILDDIR LOGBASE: "meson test" with ${test_args[@]}, its log in
# BUILDDIR/meson-logs/LOGBASE.json (LOGBASE-valgrind.json with
# --wrap=valgrind: meson adds the wrapper's name), counted in the summary.
run_tests() {
  local builddir=$1
  local log=$builddir/meson-logs/$2.json
  local arg wrapper

  for arg in "${test_args[@]}"; do
    if [[ $arg == --wrap=* ]]; then
      wrapper=${arg#--wrap=}
      wrapper=${wrapper%% *}
      log=$builddir/meson-logs/$2-${wrapper##*/}.json
    fi
  done

  # A log left over from an earlier run must not be counted as this one's.
  rm -f "$log"

  say "$builddir: meson test ${test_args[*]}"
  local rc=0
  # -noreset: without it Xvfb resets when the last client leaves, and a UI
  # test that connects at that moment finds no display.
  xvfb-run -a -s '-screen 0 1280x800x24 -noreset' \
    dbus-run-session -- \
    meson test -C "$builddir" --print-errorlogs --logbase "$2" "${test_args[@]}" || rc=$?

  if [[ ! -s $log ]]; then
    say "$builddir: meson test exited with $rc and wrote no test log"
    # count-tests.py counts the missing log as one failure.
  elif [[ $rc -ne 0 ]] && "$python" build-aux/count-tests.py "$log" >/dev/null 2>&1; then
    say "$builddir: meson test exited with $rc but its log shows no failure (counted as 1 failure)"
    extra_failed=$((extra_failed + 1))
  fi
  logs+=("$log")
}

test_args=()
builddir=${MEKONG_BUILDDIR:-build}
run_suite "$builddir"

# The core tests (not the UI: GTK and Mesa are not ours to check) under
# valgrind memcheck, on the normal build: errors and definite or indirect
# leaks fail a test. GLib's suppressions, plus tests/valgrind.supp (each
# entry explained there).
if [[ -f $builddir/build.ninja ]]; then
  test_args=(--suite core --timeout-multiplier 10
    --wrap="valgrind --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --num-callers=30 --quiet --suppressions=/usr/share/glib-2.0/valgrind/glib.supp --suppressions=$PWD/tests/valgrind.supp")
  if command -v valgrind >/dev/null 2>&1; then
    G_SLICE=always-malloc run_tests "$builddir" valgrind
  else
    say "valgrind is not installed (counted as 1 failure)"
    extra_failed=$((extra_failed + 1))
  fi
fi

# Slower, so give every test more time. GLib 2.74's slice allocator hides
# leaks and use-after-free from ASan; make it use malloc.
test_args=(--timeout-multiplier 3)
G_SLICE=always-malloc run_suite "${MEKONG_SANITIZE_BUILDDIR:-build-sanitize}" \
  -Db_sanitize=address,undefined -Db_lundef=false

# The libFuzzer targets (tests/fuzz/meson.build), one test each, for
# MEKONG_FUZZ_SECONDS. Only the suite "fuzz": the other tests already ran.
test_args=(--suite fuzz)
CC=clang run_suite "${MEKONG_FUZZ_BUILDDIR:-build-fuzz}" \
  -Dfuzzing=true -Dfuzz_seconds="${MEKONG_FUZZ_SECONDS:-45}" \
  -Db_sanitize=address,undefined -Db_lundef=false

say "summary"
if command -v "$python" >/dev/null 2>&1; then
  "$python" build-aux/count-tests.py --extra-failed "$extra_failed" "${logs[@]}"
  exit $?
fi
# No Python at all (the package step itself failed): still end with the line.
echo "0 passed, $((extra_failed + ${#logs[@]})) failed"
exit 1
