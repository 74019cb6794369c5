#!/bin/bash
# run.sh — build Mekong if needed, then start it without installing it.
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/run.sh [MEKONG_ARGS...]
#   e.g. build-aux/run.sh --archive /tmp/test.db
# Without --archive, mekong opens the default archive,
# $XDG_DATA_HOME/mekong/archive.db (~/.local/share/mekong/archive.db),
# and fills it with the bundled sample articles the first time.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

builddir=build
bash build-aux/setup.sh "$builddir"

# The uninstalled app finds its GSettings schema in the build directory.
export GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec "$builddir/src/mekong" "$@"
