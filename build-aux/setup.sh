#!/bin/bash
# setup.sh — install what Mekong needs to build, then configure and build it.
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/setup.sh [BUILDDIR [MESON_SETUP_ARGS...]]
#   BUILDDIR          defaults to "build" (relative to the top of the source tree)
#   MESON_SETUP_ARGS  passed to "meson setup", e.g. -Db_sanitize=address,undefined
#
# Idempotent: Debian packages that are already installed are not touched
# (apt-get runs only when one is missing), an existing build directory is
# reconfigured rather than set up again. Never prompts: apt-get runs with -y
# in noninteractive mode, and sudo (used only when not root) does not ask for
# a password when there is no terminal to ask on.
# Set MEKONG_SKIP_PACKAGES=1 to skip the package step (other distributions).

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

builddir=${1:-build}
[[ $# -gt 0 ]] && shift

# Debian 12 packages; the list in ../shared/TESTING.md, plus the C compiler,
# which none of them pulls in with --no-install-recommends, a Lao font (the
# window in Lao, its test and screenshot) and a compositor for screenshots
# of popovers under Xvfb (build-aux/translation-screenshots.sh).
# which none of them pulls in with --no-install-recommends, clang and its
# libFuzzer runtime for the fuzzing build, and valgrind (build-aux/test.sh).
packages=(
  gcc libc6-dev clang libclang-rt-14-dev valgrind
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libshumate-dev libjson-glib-dev
  libxml2-dev libsqlite3-dev zlib1g-dev meson ninja-build pkg-config gettext appstream
  desktop-file-utils libglib2.0-bin libgtk-4-bin librsvg2-common xvfb xauth
  xdotool x11-utils glib-networking dbus at-spi2-core python3-gi python3-pyatspi
  gir1.2-atspi-2.0 gir1.2-gtk-4.0 python3-dogtail imagemagick libgl1-mesa-dri sqlite3
  fonts-lao xcompmgr
)

say() { printf 'setup: %s\n' "$*" >&2; }

install_packages() {
  if [[ ${MEKONG_SKIP_PACKAGES:-0} == 1 ]]; then
    say "MEKONG_SKIP_PACKAGES=1: not checking Debian packages"
    return 0
  fi
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    say "not a Debian system: make sure the equivalents of these are installed:"
    say "  ${packages[*]}"
    return 0
  fi

  local missing=() p status
  for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || missing+=("$p")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    say "all ${#packages[@]} Debian packages are installed"
    return 0
  fi

  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      say "missing packages and no sudo; as root, run:"
      say "  apt-get install --no-install-recommends ${missing[*]}"
      return 1
    fi
    sudo=(sudo)
    # No terminal (CI, a pipe): fail instead of waiting for a password.
    [[ -t 0 ]] || sudo+=(-n)
  fi

  say "installing ${#missing[@]} missing package(s): ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends "${missing[@]}"
}

configure() {
  if [[ -f $builddir/meson-private/coredata.dat ]]; then
    say "reconfiguring $builddir"
    # A build directory from another meson version cannot be reconfigured:
    # wipe it and set it up again.
    meson setup --reconfigure "$builddir" "$@" \
      || meson setup --wipe "$builddir" "$@"
  else
    say "setting up $builddir"
    meson setup "$builddir" "$@"
  fi
}

install_packages
configure "$@"
say "building $builddir"
meson compile -C "$builddir"
