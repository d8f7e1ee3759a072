#!/usr/bin/env bash
# Byte-for-byte comparison of what the analysis writes: the dossier (index.html) and the
# exports (crossbearing.json, acled.csv, citations.csv), to check that a change to the report or
# the exports leaves every byte as it was.
#
#   scripts/compare_outputs.sh write DB DIR      # write the dossier and exports of DB into DIR
#   scripts/compare_outputs.sh compare DIR1 DIR2 # compare the four files of two folders
#   scripts/compare_outputs.sh sample            # the sample corpus: the tree as it is against
#                                                # the outputs written before (see below)
#
# `write` runs the report and export stages as `crossbearing analyze` does (never skipped), on
# the database as it is (they record their own failures in it: give it a copy). The ACLED CSV's
# last column is the time it was written: it is set aside; every other byte must be the same.
#
# A before/after check: `write` with the tree before the change into one folder, with the tree
# after it into another, then `compare`. `sample` does both halves for the sample corpus:
# the first time (no folder $BEFORE, default /tmp/crossbearing-compare/before) it analyzes
# examples/corpus into a fresh database and keeps the outputs as the reference; each later time
# it writes the outputs of that database again with the tree as it is and compares them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
WORK="${WORK:-/tmp/crossbearing-compare}"
BEFORE="${BEFORE:-$WORK/before}"
FILES=(index.html crossbearing.json acled.csv citations.csv)

write() {  # DB DIR
    "$PYTHON" - "$1" "$2" <<'EOF'
import sys, time
from pathlib import Path
from crossbearing.export.run import run as export_stage
from crossbearing.report.run import run as report_stage
from crossbearing.stages import AnalysisRun
from crossbearing.store import open_store

db, out = sys.argv[1], Path(sys.argv[2])
run = AnalysisRun(paths=[], out=out)
with open_store(db) as store:
    for name, stage in (("report", report_stage), ("export", export_stage)):
        start = time.perf_counter()
        stage(store, run)
        print(f"{name}: {time.perf_counter() - start:.2f} s", file=sys.stderr)
EOF
}

without_timestamp() {  # FILE: the ACLED CSV without its last column
    "$PYTHON" -c 'import sys; sys.stdout.buffer.write(b"\r\n".join(
        line.rsplit(b",", 1)[0] for line in open(sys.argv[1], "rb").read().split(b"\r\n")))' "$1"
}

compare() {  # DIR1 DIR2
    local status=0
    for name in "${FILES[@]}"; do
        if [[ ! -f "$1/$name" || ! -f "$2/$name" ]]; then
            echo "MISSING  $name"; status=1
        elif [[ "$name" == acled.csv ]]; then
            if cmp -s <(without_timestamp "$1/$name") <(without_timestamp "$2/$name"); then
                echo "same     $name (timestamp column set aside)"
            else
                echo "DIFFERS  $name"; status=1
            fi
        elif cmp -s "$1/$name" "$2/$name"; then
            echo "same     $name ($(stat -c %s "$1/$name") bytes)"
        else
            echo "DIFFERS  $name: $(cmp "$1/$name" "$2/$name" 2>&1 | head -1)"; status=1
        fi
    done
    return $status
}

case "${1:-}" in
    write) write "$2" "$3" ;;
    compare) compare "$2" "$3" ;;
    sample)
        mkdir -p "$WORK"
        if [[ ! -d "$BEFORE" ]]; then
            rm -f "$WORK/sample.db"
            "$PYTHON" -m crossbearing analyze "$ROOT/examples/corpus" --db "$WORK/sample.db" \
                --out "$BEFORE" --no-progress >/dev/null || [[ $? -eq 1 ]]
            echo "reference outputs written to $BEFORE; run again after the change"
        else
            rm -rf "$WORK/after"
            write "$WORK/sample.db" "$WORK/after"
            compare "$BEFORE" "$WORK/after"
        fi ;;
    *) sed -n '2,20p' "$0"; exit 2 ;;
esac
