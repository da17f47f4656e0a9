import Foundation
import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintReport
@testable import LintRules
@testable import LintSource

/// fixtures/mapping/<rule>/fail and pass are snap-in folders: an initial_domain_mapping.json with
/// the external_domain_metadata.json beside it, and for the rules check-artifacts reports, a data/
/// directory of records. fail.expected holds the exact file:line:column (relative to fail/) of
/// every finding of the rule; pass must produce no finding at all.
@Suite struct MappingFixtureTests {
    static let rules = Rules.all.filter { $0.group == .mapping }.map(\.id)

    static func directory(_ rule: String, _ side: String) -> URL { TestSupport.fixture("mapping/\(rule)/\(side)") }

    static func hasData(_ rule: String, _ side: String) -> Bool {
        FileManager.default.fileExists(atPath: directory(rule, side).appendingPathComponent("data").path)
    }

    /// The command a user runs on the fixture: validate, or check-artifacts --mapping when there is data.
    static func command(_ rule: String, _ side: String) -> [String] {
        let base = "fixtures/mapping/\(rule)/\(side)"
        if hasData(rule, side) {
            return ["check-artifacts", "--no-config", "--metadata", "\(base)/external_domain_metadata.json",
                    "--mapping", "\(base)/initial_domain_mapping.json", "\(base)/data"]
        }
        return ["validate", "--no-config", "\(base)/initial_domain_mapping.json"]
    }

    static func diagnostics(_ rule: String, _ side: String) throws -> [Diagnostic] {
        let folder = directory(rule, side)
        if hasData(rule, side) {
            var options = ArtifactCheck.Options(metadataPath: folder.appendingPathComponent("external_domain_metadata.json").path,
                                                paths: [folder.appendingPathComponent("data").path])
            options.mappingPath = folder.appendingPathComponent("initial_domain_mapping.json").path
            return try ArtifactCheck.run(options).diagnostics
        }
        let report = Validate.run([folder.appendingPathComponent("initial_domain_mapping.json").path], config: Config())
        #expect(report.inputErrors.isEmpty)
        return report.diagnostics
    }

    static func relative(_ diagnostic: Diagnostic, to folder: URL) -> String {
        let prefix = folder.path + "/"
        let file = diagnostic.file.hasPrefix(prefix) ? String(diagnostic.file.dropFirst(prefix.count)) : diagnostic.file
        return "\(file):\(diagnostic.line):\(diagnostic.column)"
    }

    @Test(arguments: rules)
    func failingFixtureReportsExactlyTheExpectedPositions(rule: String) throws {
        let expected = try String(contentsOf: TestSupport.fixture("mapping/\(rule)/fail.expected"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init).sorted()
        #expect(!expected.isEmpty)
        let diagnostics = try Self.diagnostics(rule, "fail")
        let folder = Self.directory(rule, "fail")
        let found = diagnostics.filter { $0.rule == rule }.map { Self.relative($0, to: folder) }.sorted()
        #expect(found == expected, "\(rule): \(diagnostics.map { "\($0.rule) \(Self.relative($0, to: folder))" })")
        for diagnostic in diagnostics where diagnostic.rule == rule {
            #expect(diagnostic.severity == Rules.info(rule)?.defaultSeverity)
            #expect(diagnostic.message.count > 40)
        }
    }

    @Test(arguments: rules)
    func passingFixtureIsClean(rule: String) throws {
        let diagnostics = try Self.diagnostics(rule, "pass")
        #expect(diagnostics.isEmpty, "\(rule): \(diagnostics.map { "\($0.rule)@\($0.line):\($0.column) \($0.message)" })")
    }

    /// Rules whose failing fixture cannot avoid another rule: an enum value a map_enum misses is
    /// either declared in the metadata (then validate already warns that forward does not map it)
    /// or not (then the record itself is an invalid-enum-value).
    static let companions = ["mapping-enum-unmapped-value": "mapping-method-fit"]

    /// Fixtures are small on purpose: each failing fixture shows its own rule and no other.
    @Test(arguments: rules)
    func failingFixtureTriggersOnlyItsRule(rule: String) throws {
        let others = try Self.diagnostics(rule, "fail").filter { $0.rule != rule && $0.rule != Self.companions[rule] }
        #expect(others.isEmpty, "\(rule): \(others.map { "\($0.rule)@\($0.line):\($0.column)" })")
    }
}
