#!/usr/bin/env bash
# Sets up everything Crossbearing needs on a fresh machine with Python 3.11+ and pip: a virtual
# environment in .venv with the package and its test tools installed. With --test (as
# scripts/test.sh runs it), also what the tests drive (as root, with apt-get, where missing):
# Debian's Chromium for the browser tests, and the PostgreSQL server binaries the tests start a
# throwaway server from (CROSSBEARING_TEST_POSTGRES=skip does without them and skips those tests).
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.crossbearing-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
  touch "$stamp"
fi
# The GeoNames towns as a compact index in the user's cache (src/crossbearing/kb/town_index.py),
# built once here so that no command pays for it; it only opens it when it is there already.
.venv/bin/python -c "from crossbearing.kb.places import prepare_towns; prepare_towns()"

if [ "${1:-}" != --test ]; then
  exit 0
fi

# The browser tests drive Debian's Chromium (Playwright's own browser download needs a network).
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
if [ "${CROSSBEARING_TEST_POSTGRES:-}" != skip ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing PostgreSQL (apt-get install postgresql) for the tests" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  else
    echo "setup: the tests need the PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb)." >&2
    echo "  Install them as root (apt-get install postgresql), or set" >&2
    echo "  CROSSBEARING_TEST_POSTGRES=skip to skip the PostgreSQL tests." >&2
    exit 1
  fi
fi
