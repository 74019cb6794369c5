#!/bin/bash
# check-install.sh — `meson install` puts every file a desktop needs in place
#
# Usage: check-install.sh BUILDDIR
# Installs into a temporary DESTDIR (never the system) and checks the
# binaries, the .desktop file, the AppStream metainfo, the GSettings
# schema, both icons and the translations, then validates the installed
# .desktop and metainfo files as a distribution would. TAP output.
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
builddir=$1
destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

n=0
failed=0
check() {
  n=$((n + 1))
  if "${@:2}" >/dev/null 2>&1; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    failed=$((failed + 1))
  fi
}

if ! meson install -C "$builddir" --destdir "$destdir" --no-rebuild --quiet >/dev/null 2>&1; then
  echo "1..1"
  echo "not ok 1 - meson install into a DESTDIR"
  exit 1
fi

prefix=$(meson introspect "$builddir" --buildoptions |
         python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
root=$destdir$prefix
app=io.github.mekong.Mekong

check "mekong is installed" test -x "$root/bin/mekong"
check "mekong-cli is installed" test -x "$root/bin/mekong-cli"
check "the .desktop file is installed and valid" desktop-file-validate "$root/share/applications/$app.desktop"
check "the metainfo is installed and valid" appstreamcli validate --no-net "$root/share/metainfo/$app.metainfo.xml"
check "the GSettings schema is installed and compiles" glib-compile-schemas --strict --dry-run "$root/share/glib-2.0/schemas"
check "the scalable icon is installed" test -s "$root/share/icons/hicolor/scalable/apps/$app.svg"
check "the symbolic icon is installed" test -s "$root/share/icons/hicolor/symbolic/apps/$app-symbolic.svg"
for lang in $(grep -v '^#' "$(dirname "$0")/../po/LINGUAS"); do
  check "the $lang translation is installed" test -s "$root/share/locale/$lang/LC_MESSAGES/mekong.mo"
done

echo "1..$n"
[[ $failed -eq 0 ]]
