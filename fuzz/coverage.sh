#!/usr/bin/env bash
# Line coverage of the regression corpus, per harness: builds the tests with coverage under
# .build-cov, replays fixtures/fuzz/<harness>/ through FuzzRegressionTests and reports the lines
# of the sources each harness is about. Usage: fuzz/coverage.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests --build-path .build-cov -Xswiftc -profile-generate -Xswiftc -profile-coverage-mapping >/dev/null
binary=$(find .build-cov -name metadata-lintPackageTests.xctest -type f | head -1)
tools=$(dirname "$(command -v swift)")
declare -A sources=(
    [json]="Sources/LintJSON/JSONScanner.swift Sources/LintJSON/JSONTreeBuilder.swift Sources/LintJSON/JSONStringDecoder.swift"
    [metadata]="$(find Sources/LintModel Sources/LintRules/Reading Sources/LintRules/Rules/Metadata Sources/LintRules/MetadataValidator.swift -name '*.swift' | tr '\n' ' ')"
    [artifacts]="$(ls Sources/LintArtifacts/*.swift | tr '\n' ' ')"
    [mapping]="$(find Sources/LintRules/Mapping Sources/LintRules/Rules/Mapping Sources/LintRules/MappingValidator.swift -name '*.swift' | tr '\n' ' ')"
    [config]="Sources/MetadataLint/Config/ConfigLoader.swift Sources/MetadataLint/Config/Limits.swift Sources/JQ/JQProgramScan.swift"
)
for harness in json metadata artifacts mapping config; do
    rm -rf .build-cov/profiles && mkdir -p .build-cov/profiles
    FUZZ_REPLAY_ONLY=$harness LLVM_PROFILE_FILE=.build-cov/profiles/%p.profraw swift test --skip-build --build-path .build-cov \
        --filter "FuzzRegressionTests" >/dev/null 2>&1 || true
    "$tools/llvm-profdata" merge -sparse .build-cov/profiles/*.profraw -o .build-cov/$harness.profdata
    # shellcheck disable=SC2086
    total=$("$tools/llvm-cov" report "$binary" -instr-profile=.build-cov/$harness.profdata ${sources[$harness]} | tail -1)
    echo "$harness: $(echo "$total" | awk '{print $(NF-6) - $(NF-5) " of " $(NF-6) " lines (" $(NF-4) ")"}')"
done
