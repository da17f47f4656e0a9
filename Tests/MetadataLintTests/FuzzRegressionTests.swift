import Foundation
import Testing
@testable import MetadataLint

/// Replays fixtures/fuzz/<harness>/ (the inputs `make fuzz` kept for their coverage, and any that
/// once crashed) through the same entry points the fuzzer runs: each must end without a signal,
/// and where a harness does the same work two ways (artifacts: with and without the one-pass
/// check), both must agree.
@Suite struct FuzzRegressionTests {
    static let fixtures = TestSupport.packageRoot.appendingPathComponent("fixtures").path

    static func inputs(_ harness: String) -> [URL] {
        let directory = TestSupport.fixture("fuzz/\(harness)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0) }
    }

    /// FUZZ_REPLAY_ONLY=<harness> replays one corpus (fuzz/coverage.sh measures them one by one).
    static let only = ProcessInfo.processInfo.environment["FUZZ_REPLAY_ONLY"]

    @Test(arguments: FuzzEntryPoints.names)
    func regressionCorpusRunsCleanly(harness: String) throws {
        if let only = Self.only, only != harness { return }
        let files = Self.inputs(harness)
        #expect(!files.isEmpty, "fixtures/fuzz/\(harness) is empty: run make fuzz")
        let started = Date()
        for file in files {
            let data = try Data(contentsOf: file)
            let disagreement = data.withUnsafeBytes { FuzzEntryPoints.run(harness, $0, fixtures: Self.fixtures) }
            #expect(disagreement == nil, "\(file.lastPathComponent): \(disagreement ?? "")")
        }
        // Fast in a plain build; a sanitizer build (`make sanitize`) takes several times as long.
        if ProcessInfo.processInfo.environment["METADATA_LINT_SANITIZER"] == nil {
            #expect(Date().timeIntervalSince(started) < 120, "\(harness): \(files.count) inputs")
        }
    }
}
