#!/usr/bin/env bash
# make profile: callgrind instruction counts of check-artifacts on a 6.4 MB profile set
# (bench/generate.py at scale 0.05), one worker. valgrind 3.19 cannot read this toolchain's DWARF 5,
# so the profiled build (in .build-prof, apart from the release build) uses DWARF 4.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || apt-get install -y -qq valgrind >/dev/null
PROFILE_DATA=${PROFILE_DATA:-bench/data-profile}
# Regenerated when the generator changed since (data with findings would profile their reporting).
if [ ! -f "$PROFILE_DATA/metadata.json" ] || [ bench/generate.py -nt "$PROFILE_DATA/metadata.json" ]; then
    python3 bench/generate.py "$PROFILE_DATA" 0.05
fi
swift build -c release --scratch-path .build-prof -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4
out=$(mktemp -d)/callgrind.out
valgrind --tool=callgrind --callgrind-out-file="$out" .build-prof/release/metadata-lint check-artifacts \
    --no-config --workers 1 --metadata "$PROFILE_DATA/metadata.json" "$PROFILE_DATA/artifacts" 2>&1 | grep Collected
# Whole files between the steps: a `head` would end the pipe early and fail it under pipefail.
callgrind_annotate "$out" > "$out.txt"
sed -n '/file:function/,$p' "$out.txt" | sed -n 1,40p | cut -c1-180
echo "full profile: $out (callgrind_annotate --inclusive=yes $out)"
