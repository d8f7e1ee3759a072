#!/usr/bin/env bash
# The main job on the bundled sample corpus: set up, ingest examples/corpus into
# crossbearing.db (SQLite, no server), annotate it, run the cross-article stages, and show what
# was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
db="${CROSSBEARING_DB:-crossbearing.db}"
.venv/bin/crossbearing ingest examples/corpus --db "$db"
.venv/bin/crossbearing annotate --db "$db"
.venv/bin/crossbearing corpus --db "$db"
.venv/bin/crossbearing articles --db "$db"
.venv/bin/crossbearing stories --db "$db"
.venv/bin/crossbearing entities --db "$db" --limit 25
.venv/bin/crossbearing quotes --db "$db" --speaker kaabi
.venv/bin/crossbearing numbers --db "$db" --counted attacks
