#!/usr/bin/env bash
# The main job on the bundled sample corpus: set up, then one command ingests examples/corpus
# into crossbearing.db (SQLite, no server), annotates it, runs the cross-article stages and
# writes the dossier, crossbearing-report/index.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
db="${CROSSBEARING_DB:-crossbearing.db}"
.venv/bin/crossbearing analyze examples/corpus --db "$db" --out crossbearing-report
.venv/bin/crossbearing stories --db "$db"
story=$(.venv/bin/crossbearing stories --db "$db" --json \
        | .venv/bin/python -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
.venv/bin/crossbearing timeline "$story" --db "$db"
.venv/bin/crossbearing claims "$story" --db "$db" --status differ
.venv/bin/crossbearing quotes --db "$db" --speaker kaabi
echo "Open crossbearing-report/index.html in a browser, or run: .venv/bin/crossbearing serve --db $db"
