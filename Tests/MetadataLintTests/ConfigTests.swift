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

@Suite struct ConfigTests {
    static let example = TestSupport.fixture("config/metadata-lint.yml").path

    @Test func exampleConfigLoads() throws {
        let config = try ConfigLoader.load(Self.example)
        #expect(config.policy.disabled == ["unused-struct-type"])
        #expect(config.policy.severities["empty-enum"] == .error)
        #expect(config.customRules.map(\.id) == ["enum-values-named", "epic-assignee-limit"])
        #expect(config.customRules[1].itemTypes == ["epics"])
        #expect(config.customRules[0].line == 11)
        // Patterns are relative to the config file's directory.
        let directory = (Self.example as NSString).deletingLastPathComponent
        #expect(ConfigLoader.isIgnored(directory + "/test/fixtures/a.json", by: config))
        #expect(!ConfigLoader.isIgnored(directory + "/src/a.json", by: config))
        #expect(!ConfigLoader.isIgnored("test/fixtures/a.json", by: config))
    }

    @Test func customMetadataRuleReportsAtEachPath() throws {
        let config = try ConfigLoader.load(Self.example)
        let source = try InputFile.read(TestSupport.fixture("example/external_domain_metadata.json").path)
        let diagnostics = MetadataValidator(config: config).validate(source).diagnostics
        #expect(TestSupport.summary(diagnostics) == [
            "enum-values-named@52:33", "enum-values-named@52:50", "enum-values-named@52:67",
        ])
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].pointer == "/record_types/epics/fields/priority/enum/values/0")
    }

    @Test func pathAndMessageObjectsAndKeysPointAtTheKey() throws {
        let config = try ConfigLoader.parse("""
        custom-rules:
          - id: no-description
            message: record types need a description
            filter: '.record_types | to_entries[] | select(.value.description == null) | {path: ["record_types", .key], message: "add a description to \\(.key)"}'
        """, path: "c.yml")
        let diagnostics = TestSupport.validate("{\n  \"record_types\": {\n    \"a\": {\"fields\": {}},\n    \"b\": {\"description\": \"B\", \"fields\": {}}\n  }\n}")
        #expect(diagnostics.isEmpty)
        let source = SourceFile(path: "m.json", bytes: Array("{\n  \"record_types\": {\n    \"a\": {\"fields\": {}},\n    \"b\": {\"description\": \"B\", \"fields\": {}}\n  }\n}".utf8))
        let found = MetadataValidator(config: config).validate(source).diagnostics
        #expect(TestSupport.summary(found) == ["no-description@3:5"])
        #expect(found.first?.message == "add a description to a")
    }

    @Test func customArtifactRuleFlagsTheRecordLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = TestSupport.fixture("artifacts/json-syntax/pass")
        for name in ["users.jsonl.gz", "comments.json"] {
            try FileManager.default.copyItem(at: base.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        let epics = try String(contentsOf: base.appendingPathComponent("epics.jsonl"), encoding: .utf8)
        try Data(epics.utf8).write(to: directory.appendingPathComponent("epics.jsonl"))
        let config = try ConfigLoader.parse("""
        custom-rules:
          - id: epics-need-priority
            on: artifacts
            item-types: [epics]
            severity: error
            message: every epic needs a priority
            filter: .data.priority == null
        """, path: "c.yml")
        var options = ArtifactCheck.Options(metadataPath: TestSupport.fixture("artifacts/metadata.json").path, paths: [directory.path])
        options.customRules = config.customRules
        let result = try ArtifactCheck.run(options)
        #expect(result.diagnostics.map { "\($0.rule)@\($0.line)" } == ["epics-need-priority@2", "epics-need-priority@3"])
    }

    @Test(arguments: [
        ("rules:\n  unused-categroy: off\n", "c.yml:2:3: unknown rule \"unused-categroy\": did you mean \"unused-category\"?"),
        ("rules:\n  empty-enum: loud\n", "c.yml:2:15: rule \"empty-enum\" is set to \"loud\": use off, error, warning or note"),
        ("custom_rules: []\n", "c.yml:1:1: unknown key \"custom_rules\": did you mean \"custom-rules\"? (allowed: rules, ignore, custom-rules, devrev-object-table, limits)"),
        ("custom-rules:\n  - id: x\n    message: m\n    filter: .a |||\n", "c.yml:4:13: the filter of custom rule \"x\" does not compile"),
        ("custom-rules:\n  - id: Bad_Id\n    message: m\n    filter: .\n", "c.yml:2:9: custom rule id \"Bad_Id\" must be kebab-case"),
        ("custom-rules:\n  - id: x\n    message: m\n    filter: .\n    item-types: [a]\n", "c.yml:5:17: \"item-types\" applies to rules with \"on: artifacts\""),
        ("ignore:\n  - [a, b]\n", "c.yml:2:5: an \"ignore\" pattern must be a string"),
        ("custom-rules:\n  - id: x\n    on: artifacts\n    message: m\n    filter: .\n    item-types: [{a: 1}]\n", "c.yml:6:18: an item type must be a string"),
    ])
    func configErrorsCarryTheConfigLine(text: String, expected: String) {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse(text, path: "c.yml") }
        do {
            _ = try ConfigLoader.parse(text, path: "c.yml")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test func cliUsesTheConfigAndReportsBrokenOnesWithExitTwo() throws {
        let run = try CLITests.run(["validate", "--config", "fixtures/config/metadata-lint.yml", "--format", "sarif",
                                    "fixtures/example/external_domain_metadata.json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"id\": \"enum-values-named\""))
        #expect(run.stdout.contains("\"ruleId\": \"enum-values-named\""))
        let rules = try CLITests.run(["rules", "--config", "fixtures/config/metadata-lint.yml"])
        #expect(rules.stdout.contains("epic-assignee-limit"))
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).yml")
        try Data("custom-rules:\n  - id: x\n    message: m\n    filter: '.['\n".utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        let failed = try CLITests.run(["validate", "--config", broken.path, "fixtures/example/external_domain_metadata.json"])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("\(broken.path):4:13: the filter of custom rule \"x\" does not compile"))
        let badWhere = try CLITests.run(["check-artifacts", "--where", ".[", "--metadata", "fixtures/artifacts/metadata.json",
                                         "fixtures/artifacts/json-syntax/pass"])
        #expect(badWhere.status == 2)
    }

    @Test func whereChecksOnlyMatchingRecordsButKeepsTheirIds() throws {
        var options = ArtifactCheck.Options(metadataPath: TestSupport.fixture("artifacts/metadata.json").path,
                                            paths: [TestSupport.fixture("artifacts/invalid-enum-value/fail").path])
        options.recordFilter = { (try? JQRecordFilter(".id == \"e4\"")).map { $0 as any RecordFilter } ?? NoRecords() }
        let result = try ArtifactCheck.run(options)
        #expect(result.diagnostics.map(\.rule) == ["invalid-enum-value", "invalid-enum-value"])
        #expect(result.recordCounts["epics"] == 1)
    }
}

struct NoRecords: RecordFilter {
    mutating func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { false }
}
