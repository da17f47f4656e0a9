import Foundation
import Testing
@testable import LintRules

/// The full output of the real binary on every rule's failing fixture and on one input per output
/// format, compared with the checked-in `.snap` files. Run `make snapshots` to rewrite them after a
/// deliberate change, then review the diff.
@Suite struct SnapshotTests {
    struct Case: CustomStringConvertible, Sendable {
        let snapshot: String
        let arguments: [String]
        /// An artifact set with a `special-files` list is run from a copy holding those entries.
        var artifactSet: String? = nil
        var description: String { snapshot }
    }

    static let metadata = "fixtures/artifacts/metadata.json"

    static var cases: [Case] {
        let rules = Rules.all.filter { $0.group != .artifact && $0.group != .custom && $0.group != .mapping }.map { rule in
            Case(snapshot: "fixtures/rules/\(rule.id)/fail.snap",
                 arguments: ["validate", "--no-config", "fixtures/rules/\(rule.id)/fail.json"])
        }
        let artifacts = (Rules.artifact.map(\.id) + ["json-syntax"]).map { id in
            let fail = TestSupport.fixture("artifacts/\(id)/fail")
            let metadataOption = ArtifactFixtureTests.metadataOption(for: fail).map { ["--metadata", $0 == ArtifactFixtureTests.metadata ? metadata : $0] } ?? []
            return Case(snapshot: "fixtures/artifacts/\(id)/fail.snap",
                        arguments: ["check-artifacts", "--no-config"] + metadataOption + ["fixtures/artifacts/\(id)/fail"],
                        artifactSet: id)
        }
        let renderers = ["text", "json", "github", "sarif"].map { format in
            Case(snapshot: "fixtures/renderers/validate.\(format).snap",
                 arguments: ["validate", "--no-config", "--format", format, "fixtures/example/broken_external_domain_metadata.json"])
        } + ["text", "json", "github", "sarif"].map { format in
            Case(snapshot: "fixtures/renderers/check-artifacts.\(format).snap",
                 arguments: ["check-artifacts", "--no-config", "--format", format, "--metadata", metadata,
                             "fixtures/artifacts/value-out-of-bounds/fail"])
        }
        let mapping = Rules.all.filter { $0.group == .mapping }.map { rule in
            Case(snapshot: "fixtures/mapping/\(rule.id)/fail.snap", arguments: MappingFixtureTests.command(rule.id, "fail"))
        }
        // ThreadSanitizer defers the halt signal that stops a filter past its budget (filter-limit).
        let custom = Rules.all.filter { $0.group == .custom && !HardeningTests.underThreadSanitizer }.map { rule in
            Case(snapshot: "fixtures/rules/\(rule.id)/fail.snap",
                 arguments: ["validate", "--config", "fixtures/rules/\(rule.id)/config.yml", "fixtures/rules/\(rule.id)/fail.json"])
        }
        return rules + artifacts + renderers + mapping + custom
    }

    /// Standard output, standard error (when there is any) and the exit status, as one text.
    static func transcript(_ run: CLITests.Run) -> String {
        var text = run.stdout
        if !run.stderr.isEmpty { text += "--- stderr\n" + withoutStopToken(run.stderr) }
        return text + "--- exit \(run.status)\n"
    }

    /// The `--format github` copy on standard error is fenced by a random `::stop-commands::` token.
    static func withoutStopToken(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.hasPrefix("::stop-commands::") else { return text }
        let token = String(first.dropFirst("::stop-commands::".count))
        lines[0] = "::stop-commands::<token>"
        if let end = lines.lastIndex(of: "::\(token)::") { lines[end] = "::<token>::" }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: cases)
    func outputMatchesSnapshot(_ snapshot: Case) throws {
        let root = try snapshot.artifactSet.map { try SpecialFileFixtures.root(forSet: $0) } ?? TestSupport.packageRoot
        defer { SpecialFileFixtures.release(root) }
        let actual = Self.transcript(try CLITests.run(snapshot.arguments, in: root))
        let url = TestSupport.packageRoot.appendingPathComponent(snapshot.snapshot)
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(snapshot.snapshot) differs; if the change is deliberate, run `make snapshots` and review the diff")
    }
}
