#!/usr/bin/env python3
# check-translations.py — the translation files are complete and current
#
# Usage: check-translations.py SOURCE_ROOT
#
# Fails (TAP "not ok") when:
#   - a file with strings marked for translation is missing from
#     po/POTFILES.in, or POTFILES.in names a file that does not exist;
#   - po/mekong.pot is stale: xgettext, run as meson's `mekong-pot` target
#     runs it, finds other messages than the committed template holds
#     (run `meson compile -C build mekong-pot` to refresh it);
#   - a po/*.po listed in LINGUAS does not compile under `msgfmt --check`,
#     or has fuzzy or untranslated messages, or lacks a message of the
#     template (run `meson compile -C build mekong-update-po`, translate).
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile

ROOT = sys.argv[1]
PO = os.path.join(ROOT, "po")

# What marks a string for translation, by kind of file.
C_MARKS = re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)\s*\(\s*"')
UI_MARK = re.compile(r'translatable="yes"')
DATA_FILES = (".desktop.in", ".metainfo.xml.in", ".gschema.xml")

results = []


def check(name, problems):
    results.append((name, problems))


def potfiles():
    with open(os.path.join(PO, "POTFILES.in"), encoding="utf-8") as f:
        return [line.strip() for line in f
                if line.strip() and not line.startswith("#")]


def marked_files():
    found = []
    for top in ("src", "ui", "data"):
        for folder, dirs, files in os.walk(os.path.join(ROOT, top)):
            dirs[:] = [d for d in dirs if d not in ("samples", "screenshots")]
            for name in files:
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, ROOT)
                if name.endswith((".c", ".h")):
                    with open(path, encoding="utf-8") as f:
                        if C_MARKS.search(f.read()):
                            found.append(rel)
                elif name.endswith(".ui"):
                    with open(path, encoding="utf-8") as f:
                        if UI_MARK.search(f.read()):
                            found.append(rel)
                elif name.endswith(DATA_FILES):
                    found.append(rel)
    return sorted(found)


def check_potfiles():
    listed = potfiles()
    problems = [f"{rel} has translatable strings but is not in po/POTFILES.in"
                for rel in marked_files() if rel not in listed]
    problems += [f"po/POTFILES.in names {rel}, which does not exist"
                 for rel in listed if not os.path.exists(os.path.join(ROOT, rel))]
    check("every file with translatable strings is in POTFILES.in", problems)


def messages(po_path):
    """The (context, msgid, plural) of each message of a .po/.pot file."""
    out = subprocess.run(["msgcat", "--no-wrap", "--sort-output", po_path],
                         capture_output=True, text=True, check=True).stdout
    found = set()
    ctx = msgid = plural = None
    key = None
    for line in out.splitlines() + [""]:
        if line.startswith("msgctxt "):
            ctx, key = line[8:], "ctx"
        elif line.startswith("msgid "):
            msgid, key = line[6:], "id"
        elif line.startswith("msgid_plural "):
            plural, key = line[13:], "plural"
        elif line.startswith("msgstr"):
            if msgid not in (None, '""'):
                found.add((ctx, msgid, plural))
            ctx = msgid = plural = None
            key = None
        elif line.startswith('"') and key == "id":
            msgid += line
    return found


def extract_pot(dest):
    """What `meson compile mekong-pot` would write (preset glib)."""
    args = ["xgettext", "--package-name=mekong", "-p", os.path.dirname(dest),
            "-f", os.path.join(PO, "POTFILES.in"), "-D", ROOT,
            "-k_", "-kN_", "-kC_:1c,2", "-kNC_:1c,2", "-kg_dcgettext:2",
            "-kg_dngettext:2,3", "-kg_dpgettext2:2c,3", "--flag=N_:1:pass-c-format",
            "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
            "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
            "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
            "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
            "--from-code=UTF-8", "--add-comments", "-o", os.path.basename(dest)]
    subprocess.run(args, check=True, capture_output=True, text=True)


def check_pot():
    pot = os.path.join(PO, "mekong.pot")
    if not os.path.exists(pot):
        check("po/mekong.pot is current", ["po/mekong.pot is missing"])
        return None
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, "fresh.pot")
        extract_pot(fresh)
        want = messages(fresh)
    have = messages(pot)
    problems = [f"not in po/mekong.pot: {m[1]}" for m in sorted(want - have, key=str)]
    problems += [f"in po/mekong.pot but no longer in the sources: {m[1]}"
                 for m in sorted(have - want, key=str)]
    check("po/mekong.pot is current", problems)
    return want


def check_languages(template):
    with open(os.path.join(PO, "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f if not line.startswith("#") for w in line.split()]
    for lang in languages:
        po = os.path.join(PO, lang + ".po")
        problems = []
        run = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                             capture_output=True, text=True)
        stats = run.stderr.strip()
        if run.returncode != 0:
            problems.append(f"msgfmt --check failed: {stats}")
        elif "fuzzy" in stats or "untranslated" in stats:
            problems.append(f"not complete: {stats}")
        if template is not None and run.returncode == 0:
            missing = template - messages(po)
            problems += [f"lacks {m[1]}" for m in sorted(missing, key=str)]
        check(f"{lang}.po compiles and is complete ({stats})", problems)


check_potfiles()
template = check_pot()
check_languages(template)

print(f"1..{len(results)}")
failed = 0
for i, (name, problems) in enumerate(results, 1):
    if problems:
        failed += 1
        print(f"not ok {i} {name}")
        for p in problems[:40]:
            print(f"# {p}")
        if len(problems) > 40:
            print(f"# ...and {len(problems) - 40} more")
    else:
        print(f"ok {i} {name}")
sys.exit(1 if failed else 0)
