#!/usr/bin/env python3
# count-tests.py — sum up meson's test logs into one line "N passed, M failed".
#
# Copyright 2026 The Mekong developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: count-tests.py [--extra-failed N] TESTLOG.json...
#
# Each TESTLOG is a meson-logs/testlog.json: one JSON object per line, one
# line per test, with the outcome in "result".
#   passed:  OK, EXPECTEDFAIL
#   failed:  FAIL, TIMEOUT, ERROR, UNEXPECTEDPASS, INTERRUPT, and anything
#            this script does not know (better a false alarm than a hidden
#            failure)
#   neither: SKIP — a skipped test did not run, so it neither passed nor
#            failed; it is listed, but not counted.
# A log that is missing, empty or unreadable counts as one failure: the
# suite did not run (its build failed, or meson stopped before testing).
# --extra-failed N adds N failures the caller saw itself (a build that failed).
#
# The names of the failed and skipped tests go to stdout, and the very last
# line printed is "N passed, M failed". Exit status: 0 when nothing failed,
# 1 otherwise, 2 on a usage error. Python standard library only.

import argparse
import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}


def count_log(path):
    """Return (passed, failed, lines) for one testlog.json."""
    passed = failed = 0
    lines = []
    try:
        with open(path, encoding="utf-8", errors="replace") as log:
            entries = [line for line in log if line.strip()]
    except OSError as err:
        lines.append(f"{path}: no test log ({err.strerror}): counted as 1 failure")
        return 0, 1, lines

    if not entries:
        lines.append(f"{path}: empty test log: counted as 1 failure")
        return 0, 1, lines

    for number, line in enumerate(entries, 1):
        try:
            test = json.loads(line)
            name = str(test.get("name", f"test #{number}"))
            result = str(test.get("result", "")).upper()
        except (ValueError, AttributeError):
            lines.append(f"{path}:{number}: unreadable entry: counted as 1 failure")
            failed += 1
            continue
        if result in PASSED:
            passed += 1
        elif result in SKIPPED:
            lines.append(f"SKIP    {name} ({path})")
        else:
            lines.append(f"{result or 'UNKNOWN':<7} {name} ({path})")
            failed += 1
    return passed, failed, lines


def main(argv):
    parser = argparse.ArgumentParser(
        description='Print "N passed, M failed" for meson testlog.json files.')
    parser.add_argument("--extra-failed", type=int, default=0, metavar="N",
                        help="failures to add (for example builds that failed)")
    parser.add_argument("logs", nargs="*", metavar="TESTLOG.json")
    args = parser.parse_args(argv)
    if args.extra_failed < 0:
        parser.error("--extra-failed must not be negative")

    passed, failed = 0, args.extra_failed
    for path in args.logs:
        p, f, lines = count_log(path)
        passed += p
        failed += f
        for line in lines:
            print(line)

    sys.stdout.flush()
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
