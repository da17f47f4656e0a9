#!/usr/bin/env bash
# make fuzz: runs each libFuzzer harness for FUZZ_SECONDS (niced), seeded from fixtures/ and the
# regression corpus fixtures/fuzz/<harness>/, then merges (set cover) the inputs that found new coverage back
# into fixtures/fuzz/<harness>/ (which `make test` replays). Crashes, leaks of the harness's
# own making, timeouts and out-of-memory inputs are written to fixtures/fuzz/<harness>/ as well
# (crash-*, timeout-*, oom-*), so the fix comes with its regression test.
# Usage: fuzz/run.sh SECONDS HARNESS...
set -euo pipefail
seconds=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
binary=.build-fuzz/release/metadata-lint-fuzz
work=.build-fuzz/corpus
logs=.build-fuzz/logs
mkdir -p "$work" "$logs"

seed() {
    local harness=$1 into=$2
    mkdir -p "$into"
    case $harness in
        json|metadata)
            for f in fixtures/rules/*/*.json fixtures/example/*.json fixtures/artifacts/metadata.json; do
                cp "$f" "$into/$(echo "$f" | tr '/' '_')"
            done ;;
        artifacts)
            # The harness reads the first byte as the item type (users, epics, comments,
            # attachments) and .jsonl or .json; the rest is the file.
            local n=0
            for f in fixtures/artifacts/*/pass/* fixtures/artifacts/*/fail/*; do
                [ -f "$f" ] || continue
                local type byte
                type=$(basename "$f"); type=${type%%[._-]*}
                case $type in users) byte=0;; epics) byte=1;; comments) byte=2;; *) byte=3;; esac
                case $f in *.json) byte=$((byte + 16));; esac
                { printf "\\$(printf '%03o' "$byte")"; cat "$f"; } > "$into/seed-$n"
                n=$((n + 1))
            done ;;
        mapping)
            for f in fixtures/snap-in/*initial_domain_mapping.json fixtures/mapping/*/*/initial_domain_mapping.json; do
                cp "$f" "$into/$(echo "$f" | tr '/' '_')"
            done ;;
        config)
            cp fixtures/config/*.yml "$into/"
            printf 'limits:\n  max-record-bytes: 16 MiB\n  filter-time: 500ms\n' > "$into/limits.yml"
            printf 'ignore: ["a/*", "*.json"]\nrules:\n  unknown-key: off\n' > "$into/ignore.yml" ;;
    esac
}

failed=0
for harness in "$@"; do
    corpus=$work/$harness
    regression=fixtures/fuzz/$harness
    mkdir -p "$regression"
    [ -d "$corpus" ] || seed "$harness" "$corpus"
    echo "== $harness: $seconds s"
    # Leak checks are off while fuzzing: libjq 1.6 leaks a string token on every program that
    # ends inside a string literal, and an input that makes libjq run out of memory leaves its
    # state behind by design (see sanitizers/lsan.supp); `make sanitize` checks leaks.
    ASAN_OPTIONS=detect_leaks=0 nice -n 10 "$binary" "$harness" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 \
        -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$regression/" \
        "$corpus" "$regression" > "$logs/$harness.log" 2>&1 || {
        echo "$harness: the fuzzer stopped on a finding, written to $regression/ (log: $logs/$harness.log)" | tee -a "$logs/summary.txt"
        grep -A30 -m1 'ERROR\|==[0-9]*==\|deadly signal\|Timeout\|out-of-memory' "$logs/$harness.log" | head -40
        failed=1
        continue
    }
    ASAN_OPTIONS=detect_leaks=0 nice -n 10 "$binary" "$harness" -set_cover_merge=1 -timeout=20 -detect_leaks=0 "$regression" "$corpus" > "$logs/$harness-merge.log" 2>&1
    total=$(grep -m1 -o 'Loaded 1 modules *([0-9]* inline 8-bit counters)' "$logs/$harness.log" | grep -o '[0-9]* inline' | grep -o '[0-9]*' || echo '?')
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$logs/$harness.log" | grep -o '[0-9]*$' || echo '?')
    last=$(grep -E '^#[0-9]+' "$logs/$harness.log" | tail -1)
    cov=$(echo "$last" | grep -o 'cov: [0-9]*' | grep -o '[0-9]*' || echo '?')
    ft=$(echo "$last" | grep -o 'ft: [0-9]*' | grep -o '[0-9]*' || echo '?')
    echo "$harness: $runs runs in $seconds s, coverage $cov of $total edges ($ft features), regression corpus $(ls "$regression" | wc -l) files" | tee -a "$logs/summary.txt"
done
exit $failed
