#!/usr/bin/env bash
# make bench: generate ~130 MB of artifacts (once), install the peers (jsonschema-rs, DuckDB) into
# a venv (again when requirements.txt changes), then measure metadata-lint, jq, jsonschema-rs and
# DuckDB on the same data in one interleaved run.
set -euo pipefail
cd "$(dirname "$0")"
DATA=${BENCH_DATA:-data}
REPEATS=${BENCH_REPEATS:-3}
command -v jq >/dev/null || { echo "installing jq"; apt-get install -y -qq jq >/dev/null; }
if [ ! -f "$DATA/metadata.json" ]; then python3 generate.py "$DATA"; fi
if [ ! -f .venv/.installed ] || [ requirements.txt -nt .venv/.installed ]; then
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check -r requirements.txt
    touch .venv/.installed
fi
python3 measure.py "$DATA" ../.build/release/metadata-lint .venv/bin/python "$REPEATS"
