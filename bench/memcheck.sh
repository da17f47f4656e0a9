#!/usr/bin/env bash
# make memcheck: run the libjq paths under valgrind memcheck and compare 3 inputs with 3000, so a
# leak per input would show as growth. valgrind 3.19 cannot read this toolchain's DWARF, so a
# stripped copy is checked (allocations and leaks are still tracked; stacks lose symbols).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || apt-get install -y -qq valgrind >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp .build/release/metadata-lint "$work/ml" && strip "$work/ml"
python3 - "$work" <<'PY'
import json, sys
for name, n in (('few', 3), ('many', 3000)):
    with open(f'{sys.argv[1]}/{name}.jsonl', 'w') as f:
        for i in range(n):
            f.write(json.dumps({'id': f'x{i}', 'data': {'a': [i, {'b': 's' * (i % 50)}], 't': 'ab'}}) + '\n')
PY
status=0
check() {
    local label=$1; shift
    valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 "$@" >/dev/null 2>"$work/vg.txt" || true
    local lost errors inuse
    lost=$(grep -oE 'definitely lost: [0-9,]+ bytes' "$work/vg.txt" || echo 'definitely lost: 0 bytes')
    errors=$(grep -oE 'ERROR SUMMARY: [0-9]+' "$work/vg.txt")
    inuse=$(grep -oE 'in use at exit: [0-9,]+ bytes' "$work/vg.txt")
    echo "$label | $lost | $inuse | $errors"
    grep -q 'ERROR SUMMARY: 0 ' "$work/vg.txt" || status=1
    grep -qE 'definitely lost: [1-9]' "$work/vg.txt" && status=1 || true
}
for input in few many; do
    for filter in '.data.a[1].b | ascii_upcase' '[paths] | length' '.data.t + 1' 'reduce .data.a[] as $x (0; . + ($x|tostring|length))'; do
        check "query $input '$filter'" "$work/ml" query -c "$filter" "$work/$input.jsonl"
    done
done
check "validate with custom rules" "$work/ml" validate --config fixtures/config/metadata-lint.yml fixtures/example/external_domain_metadata.json
check "check-artifacts --where" "$work/ml" check-artifacts --workers 1 --where '.data.priority == "P0"' --metadata fixtures/artifacts/metadata.json fixtures/artifacts/json-syntax/pass
exit $status
