#!/bin/bash
# translation-screenshots.sh — the window in each translated language, with
# the search syntax popover open (the screen with the most translated text),
# as data/screenshots/window-LANG.png for the README.
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/translation-screenshots.sh [BUILDDIR [LANG...]]
#   BUILDDIR  defaults to "build"; build it first (meson compile -C build)
#   LANG      defaults to vi and lo
#
# Runs the uninstalled app under its own Xvfb and session bus with a fresh
# archive (the samples are imported on first start), settings in memory and
# the build's catalogues (MEKONG_LOCALEDIR). xcompmgr, when installed, gives
# the popover its rounded corners instead of a black box.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

builddir=${1:-build}
[[ $# -gt 0 ]] && shift
languages=("$@")
[[ ${#languages[@]} -gt 0 ]] || languages=(vi lo)

if [[ -z ${MEKONG_SCREENSHOT_INNER:-} ]]; then
  exec env MEKONG_SCREENSHOT_INNER=1 xvfb-run -a -s '-screen 0 1280x800x24' \
    dbus-run-session -- "$0" "$builddir" "${languages[@]}"
fi

tmp=$(mktemp -d)
compositor=
cleanup() {
  [[ -n $compositor ]] && kill "$compositor" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

if command -v xcompmgr >/dev/null 2>&1; then
  xcompmgr & compositor=$!
fi

export GDK_BACKEND=x11 GSETTINGS_BACKEND=memory \
  GSETTINGS_SCHEMA_DIR="$builddir/data" MEKONG_LOCALEDIR="$builddir/po" \
  LANG=C.UTF-8 NO_AT_BRIDGE=1

for lang in "${languages[@]}"; do
  LANGUAGE=$lang "$builddir/src/mekong" --archive "$tmp/$lang.db" & app=$!
  # The samples are imported on first start; let the list fill.
  sleep 6
  wid=$(xdotool search --onlyvisible --name '^Mekong$' | head -1)
  xdotool windowmove "$wid" 0 0
  sleep 1
  eval "$(xdotool getwindowgeometry --shell "$wid")"
  # The search syntax button, right of the search entry (at the default
  # window size, 1100×720, kept in the schema); then move the
  # pointer away so that no tooltip covers the popover.
  xdotool mousemove 791 28 click 1
  sleep 0.5
  xdotool mousemove 1270 790
  sleep 1.5
  import -window root "$tmp/root.png"
  convert "$tmp/root.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage \
    "data/screenshots/window-$lang.png"
  kill "$app"
  wait "$app" || true
  echo "data/screenshots/window-$lang.png"
done
