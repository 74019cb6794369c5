#!/usr/bin/env python3
"""The scorer's figures on the bundled samples, as a test.

Usage: entities-quality.py MEKONG_CLI SAMPLES_DIR GOLD_DIR

Does what shared/eval/entities/run-eval does: imports each sample into a fresh
archive, checks that `export` sees one article, asks `entities --article ID
--json`, and scores with the shared scorer (--loose). Prints the scorer's
table, then fails when the micro F1 is below MIN_MICRO or a type's F1 below
MIN_TYPE.
"""
import json
import os
import subprocess
import sys
import tempfile

MIN_MICRO = 0.90
MIN_TYPE = 0.85


def run(cli, archive, *args):
    result = subprocess.run([cli, "--archive", archive, *args],
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        sys.exit(f"mekong-cli {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


def main():
    cli, samples, gold = (os.path.abspath(a) for a in sys.argv[1:4])
    out = tempfile.mkdtemp(prefix="mk-entities-quality-")

    for name in sorted(f[:-len(".gold.json")] for f in os.listdir(gold) if f.endswith(".gold.json")):
        archive = os.path.join(out, name + ".db")
        run(cli, archive, "import", os.path.join(samples, name + ".txt"))
        rows = [json.loads(l) for l in run(cli, archive, "export", "--format", "jsonl").splitlines() if l.strip()]
        if len(rows) != 1:
            sys.exit(f"{name}: expected one article after import, got {len(rows)}")
        entities = json.loads(run(cli, archive, "entities", "--article", str(rows[0]["id"]), "--json"))
        with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
            json.dump([{"name": e["name"], "type": e["type"]} for e in entities], f, ensure_ascii=False)

    scores = os.path.join(out, "scores.json")
    subprocess.run([sys.executable, os.path.join(gold, "score.py"), gold, out, "--loose",
                    "--verbose", "--json", scores], check=True)
    with open(scores, encoding="utf-8") as f:
        result = json.load(f)

    failed = []
    if result["micro"]["f1"] < MIN_MICRO:
        failed.append(f"micro F1 {result['micro']['f1']:.3f} < {MIN_MICRO}")
    for kind, counts in result["per_type"].items():
        if counts["f1"] < MIN_TYPE:
            failed.append(f"{kind} F1 {counts['f1']:.3f} < {MIN_TYPE}")
    if failed:
        print("FAILED: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
