import Foundation
import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintJSON
@testable import LintModel
@testable import LintReport
@testable import LintRules
@testable import LintSource
@testable import LintSupport

/// Every metadata rule has fixtures/rules/<id>/fail.json, pass.json and fail.expected (the exact
/// line:column of each diagnostic the rule must report on fail.json).
@Suite struct RuleFixtureTests {
    static let metadataRules = Rules.all.filter { $0.group != .artifact && $0.group != .custom && $0.group != .mapping }

    @Test(arguments: metadataRules.map(\.id))
    func failingFixtureReportsExactlyTheExpectedPositions(rule: String) throws {
        let directory = TestSupport.fixture("rules/\(rule)")
        let expected = try String(contentsOf: directory.appendingPathComponent("fail.expected"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init).sorted()
        #expect(!expected.isEmpty)
        let diagnostics = try TestSupport.validateFile(directory.appendingPathComponent("fail.json"))
        let found = diagnostics.filter { $0.rule == rule }.map { "\($0.line):\($0.column)" }.sorted()
        #expect(found == expected, "\(rule): \(TestSupport.summary(diagnostics))")
        for diagnostic in diagnostics where diagnostic.rule == rule {
            #expect(diagnostic.severity == Rules.info(rule)?.defaultSeverity)
            #expect(diagnostic.message.count > 20)
        }
    }

    @Test(arguments: metadataRules.map(\.id))
    func passingFixtureIsClean(rule: String) throws {
        let diagnostics = try TestSupport.validateFile(TestSupport.fixture("rules/\(rule)/pass.json"))
        #expect(diagnostics.isEmpty, "\(rule): \(TestSupport.summary(diagnostics))")
    }

    /// Built-in rules about custom rules (filter-limit) need a custom rule to report: each fixture
    /// directory holds the config.yml its files are validated with.
    static let customGroupRules = Rules.all.filter { $0.group == .custom }

    @Test(.disabled(if: HardeningTests.underThreadSanitizer, "ThreadSanitizer defers the halt signal"), arguments: customGroupRules.map(\.id))
    func customGroupFixturesReportExactlyTheExpectedPositions(rule: String) throws {
        let directory = TestSupport.fixture("rules/\(rule)")
        let config = try ConfigLoader.load(directory.appendingPathComponent("config.yml").path)
        let expected = try String(contentsOf: directory.appendingPathComponent("fail.expected"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init).sorted()
        let validator = MetadataValidator(config: config)
        let failing = validator.validate(try InputFile.read(directory.appendingPathComponent("fail.json").path)).diagnostics
        #expect(failing.map { "\($0.line):\($0.column)" }.sorted() == expected, "\(rule): \(TestSupport.summary(failing))")
        #expect(failing.allSatisfy { $0.rule == rule && $0.severity == Rules.info(rule)?.defaultSeverity })
        let passing = validator.validate(try InputFile.read(directory.appendingPathComponent("pass.json").path)).diagnostics
        #expect(passing.isEmpty, "\(rule): \(TestSupport.summary(passing))")
    }

    @Test func catalogueIsComplete() {
        let ids = Rules.all.map(\.id)
        #expect(Set(ids).count == ids.count, "rule ids are unique")
        for rule in Rules.all {
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id) is kebab-case")
            #expect(rule.summary.hasSuffix("."))
            #expect(rule.explanation.count > 150, "\(rule.id) has a paragraph of explanation")
        }
    }
}
