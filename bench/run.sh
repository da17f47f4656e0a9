#!/usr/bin/env bash
# make bench: generate ~130 MB of artifacts (once), install jsonschema-rs into a venv (once),
# then measure metadata-lint, jq and jsonschema-rs on the same data in one run.
set -euo pipefail
cd "$(dirname "$0")"
DATA=${BENCH_DATA:-data}
REPEATS=${BENCH_REPEATS:-3}
command -v jq >/dev/null || { echo "installing jq"; apt-get install -y -qq jq >/dev/null; }
if [ ! -f "$DATA/metadata.json" ]; then python3 generate.py "$DATA"; fi
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
    .venv/bin/pip install -q jsonschema-rs
fi
python3 measure.py "$DATA" ../.build/release/metadata-lint .venv/bin/python "$REPEATS"
