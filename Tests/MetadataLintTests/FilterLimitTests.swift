import Foundation
@testable import JQ
import Testing
@testable import LintArtifacts
@testable import LintRules
@testable import LintSource
@testable import MetadataLint

/// Budgets and isolation of custom rules and --where filters (issue 15 items 1-3, issue 13 item 5):
/// `limits:` in the config, the flags over it, filter-limit findings, and what config rules see.
@Suite struct FilterLimitTests {
    static let underThreadSanitizer = HardeningTests.underThreadSanitizer
    static let metadata = TestSupport.fixture("artifacts/metadata.json").path
    static let enumFail = TestSupport.fixture("artifacts/invalid-enum-value/fail").path

    static func config(_ text: String) throws(ConfigError) -> Config {
        try ConfigLoader.parse(text, path: "c.yml")
    }

    // MARK: - limits: in the config

    @Test func limitsAreReadFromTheConfig() throws {
        let config = try Self.config("""
            limits:
              max-record-bytes: 64 MiB
              max-record-values: 2000
              filter-time: 500ms
              filter-memory: 512MiB
            """)
        #expect(config.limits.maxRecordBytes == 64 << 20)
        #expect(config.limits.maxRecordValues == 2000)
        #expect(config.limits.filterSeconds == 0.5)
        #expect(config.limits.filterMemoryBytes == 512 << 20)
        let options = config.limits.configRuleOptions
        #expect(options.isolated && options.timeBudget == 0.5 && options.memoryBudget == 512 << 20 && options.libraryPaths == nil)
        let whereOptions = config.limits.whereOptions
        #expect(!whereOptions.isolated && whereOptions.timeBudget == 0.5 && whereOptions.libraryPaths == nil)
        let plain = try Self.config("limits:\n  filter-time: 2\n  max-record-bytes: 1000\n")
        #expect(plain.limits.filterSeconds == 2 && plain.limits.maxRecordBytes == 1000)
        #expect(plain.limits.filterMemoryBytes == 1 << 30 && plain.limits.maxRecordValues == 1_000_000)
    }

    @Test func defaultsAreTenSecondsAndOneGiB() {
        let limits = Limits()
        #expect(limits.filterSeconds == 10 && limits.filterMemoryBytes == 1 << 30)
        #expect(MetadataValidator().customRuleOptions.timeBudget == 10)
        #expect(MetadataValidator().customRuleOptions.isolated)
    }

    @Test(arguments: [
        ("limits:\n  filter-time: forever\n", "c.yml:2:16: filter-time is \"forever\": use seconds such as 10, 2.5s or 500ms"),
        ("limits:\n  filter-time: 0\n", "c.yml:2:16: filter-time is \"0\""),
        ("limits:\n  filter-memory: 1 GB\n", "c.yml:2:18: filter-memory is \"1 GB\": use a size such as 16MiB, 512 KiB"),
        ("limits:\n  max-record-bytes: -5\n", "c.yml:2:21: max-record-bytes is \"-5\""),
        ("limits:\n  max-record-values: 1.5\n", "c.yml:2:22: max-record-values is \"1.5\": use a whole number above 0"),
        ("limits:\n  filter-timeout: 5\n", "c.yml:2:3: unknown key \"filter-timeout\" in limits: did you mean \"filter-time\"?"),
        ("limits:\n  filter-time: [1, 2]\n", "c.yml:2:16: filter-time must be a single value"),
        ("limits: 10s\n", "c.yml:1:9: \"limits\" maps max-record-bytes, max-record-values, filter-time, filter-memory to values"),
    ])
    func badLimitsCarryTheConfigLine(text: String, expected: String) {
        do {
            _ = try ConfigLoader.parse(text, path: "c.yml")
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test func theSchemaListsTheLimitKeys() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("schemas/metadata-lint-config.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let limits = try #require((schema["properties"] as? [String: Any])?["limits"] as? [String: Any])
        let keys = try #require((limits["properties"] as? [String: Any]).map { Set($0.keys) })
        #expect(keys == Set(Limits.keys))
    }

    // MARK: - Config trust

    @Test func configRulesCannotImportAndSayWhereTheFilterIs() {
        do {
            _ = try Self.config("custom-rules:\n  - id: leak\n    message: m\n    filter: 'import \"data\" as $d {search: \"/\"}; $d'\n")
            Issue.record("compiled")
        } catch {
            #expect(error.description.hasPrefix("c.yml:4:13: the filter of custom rule \"leak\" does not compile"))
            #expect(error.description.contains("disabled for filters from a config file"))
        }
    }

    @Test func configRulesSeeNoEnvironment() throws {
        let config = try Self.config("""
            custom-rules:
              - id: leak
                message: m
                filter: '{path: [], message: ([$ENV.PATH, env.PATH, ($ENV | length)] | tojson)}'
            """)
        let source = SourceFile(path: "m.json", bytes: Array("{\"schema_version\": \"v0.2.0\", \"record_types\": {}}".utf8))
        let findings = MetadataValidator(config: config).validate(source).diagnostics.filter { $0.rule == "leak" }
        #expect(findings.map(\.message) == ["[null,null,0]"])
    }

    // MARK: - filter-limit

    @Test(.disabled(if: underThreadSanitizer, "ThreadSanitizer defers the halt signal"))
    func aMetadataRulePastItsBudgetIsOneFindingAndTheOtherRulesGoOn() throws {
        let config = try Self.config("""
            limits:
              filter-time: 200ms
            custom-rules:
              - id: endless
                message: never
                filter: last(repeat(1))
              - id: every-record-type
                message: a record type
                filter: path(.record_types[])
            """)
        let source = SourceFile(path: "m.json", bytes: Array("{\"schema_version\": \"v0.2.0\",\n \"record_types\": {\"a\": {\"fields\": {\"n\": {\"type\": \"text\"}}}}}".utf8))
        let started = Date()
        let diagnostics = MetadataValidator(config: config).validate(source).diagnostics
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(TestSupport.summary(diagnostics) == ["filter-limit@1:1", "every-record-type@2:19"])
        let limit = try #require(diagnostics.first)
        #expect(limit.severity == .error)
        #expect(limit.message.hasPrefix("custom rule \"endless\" ran longer than its time budget of 0.2 s on this file and was stopped"))
    }

    @Test func filterLimitMessagesNameTheFilterAndTheBudget() {
        let time = FilterLimit(filter: .whereFilter, limit: .time(seconds: 0.5), scope: .record)
        #expect(time.message.hasPrefix("the --where filter ran longer than its time budget of 0.5 s on this record and was stopped; every later record is checked without it"))
        let memory = FilterLimit(filter: .customRule(id: "big"), limit: .memory(bytes: 64 << 20), scope: .record)
        #expect(memory.message.hasPrefix("custom rule \"big\" grew the process by more than its memory budget of 64 MiB on this record"))
        #expect(memory.message.contains("--filter-memory"))
        let options = JQOptions(timeBudget: 3, memoryBudget: 1 << 30)
        #expect(FilterLimit(filter: .whereFilter, error: JQError(kind: .timeBudget, message: ""), options: options, scope: .record)?.limit == .time(seconds: 3))
        #expect(FilterLimit(filter: .whereFilter, error: JQError(kind: .memoryBudget, message: ""), options: options, scope: .record)?.limit == .memory(bytes: 1 << 30))
        #expect(FilterLimit(filter: .whereFilter, error: JQError(kind: .outOfMemory, message: ""), options: options, scope: .record)?.limit == .outOfMemory)
        #expect(FilterLimit(filter: .whereFilter, error: JQError(kind: .runtime, message: "x"), options: options, scope: .record) == nil)
    }

    @Test(.disabled(if: underThreadSanitizer, "ThreadSanitizer defers the halt signal"))
    func anArtifactRulePastItsBudgetStopsForTheRestOfTheCheck() throws {
        var options = ArtifactCheck.Options(metadataPath: Self.metadata, paths: [Self.enumFail])
        options.workers = 1
        // Endless on e2; would flag e3 and e4 if it ran on.
        options.customRules = [CustomRule(id: "endless-on-e2", severity: .warning, message: "flagged", target: .artifacts,
                                          itemTypes: ["epics"], filter: "if .id == \"e2\" then last(repeat(1)) else .id != \"e1\" end",
                                          line: 1, column: 1)]
        options.customRuleOptions = JQOptions.configRule(timeBudget: 0.2, memoryBudget: nil)
        let result = try ArtifactCheck.run(options)
        let summary = result.diagnostics.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column) \($0.rule)" }
        #expect(summary == ["epics.jsonl:2:1 filter-limit", "epics.jsonl:4:150 invalid-enum-value", "epics.jsonl:4:195 invalid-enum-value"])
    }

    @Test(.disabled(if: underThreadSanitizer, "ThreadSanitizer defers the halt signal"))
    func aWhereFilterPastItsBudgetChecksEveryLaterRecord() throws {
        var options = ArtifactCheck.Options(metadataPath: Self.metadata, paths: [Self.enumFail])
        options.workers = 1
        // Selects nothing, except that it never ends on e2: from there on every record is checked.
        options.recordFilter = JQRecordFilter.factory("if .id == \"e2\" then last(repeat(1)) else false end",
                                                      options: JQOptions(timeBudget: 0.2))
        let result = try ArtifactCheck.run(options)
        let summary = result.diagnostics.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line) \($0.rule)" }
        #expect(summary == ["epics.jsonl:2 filter-limit", "epics.jsonl:4 invalid-enum-value", "epics.jsonl:4 invalid-enum-value"])
        #expect(result.diagnostics.first?.message.hasPrefix("the --where filter ran longer than its time budget of 0.2 s") == true)
        #expect(result.recordCounts["epics"] == 3)
    }

    @Test func aRuntimeErrorInAnArtifactRuleIsStillItsOwnFinding() throws {
        var options = ArtifactCheck.Options(metadataPath: Self.metadata, paths: [Self.enumFail])
        options.customRules = [CustomRule(id: "broken", severity: .warning, message: "m", target: .artifacts, itemTypes: ["users"],
                                          filter: "error(\"boom\")", line: 1, column: 1)]
        let result = try ArtifactCheck.run(options)
        let broken = result.diagnostics.filter { $0.rule == "broken" }
        #expect(broken.count == 2)
        #expect(broken.first?.message == "custom rule \"broken\" failed on this record: boom")
    }

    // MARK: - The command line

    static func scratch(config: String?) throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        if let config { try Data(config.utf8).write(to: directory.appendingPathComponent("limits.yml")) }
        return directory
    }

    @Test(.disabled(if: underThreadSanitizer, "ThreadSanitizer defers the halt signal"))
    func flagsWinOverTheConfig() throws {
        let directory = try Self.scratch(config: """
            limits:
              filter-time: 600
            custom-rules:
              - id: endless
                message: never
                filter: last(repeat(1))
              - id: endless-records
                on: artifacts
                message: never
                filter: last(repeat(1))
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("limits.yml").path
        let run = try CLITests.run(["validate", "--config", config, "--filter-time", "300ms", "fixtures/rules/filter-limit/pass.json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("pass.json:1:1: error[filter-limit]: custom rule \"endless\" ran longer than its time budget of 0.3 s"))
        let artifacts = try CLITests.run(["check-artifacts", "--config", config, "--filter-time", "0.25",
                                          "--metadata", Self.metadata, Self.enumFail + "/users.jsonl"])
        #expect(artifacts.status == 1)
        #expect(artifacts.stdout.contains("metadata.json:1:1: error[filter-limit]: custom rule \"endless\" ran longer than its time budget of 0.25 s on this file"))
        #expect(artifacts.stdout.contains("users.jsonl:1:1: error[filter-limit]: custom rule \"endless-records\" ran longer than its time budget of 0.25 s on this record"))
    }

    @Test func recordLimitsComeFromFlagsAndConfig() throws {
        let directory = try Self.scratch(config: "limits:\n  max-record-values: 5\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let users = Self.enumFail + "/users.jsonl"
        let fromConfig = try CLITests.run(["check-artifacts", "--config", directory.appendingPathComponent("limits.yml").path,
                                           "--metadata", Self.metadata, users])
        #expect(fromConfig.status == 1)
        #expect(fromConfig.stdout.contains("users.jsonl:1:1: error[record-too-large]: this record has more than 5 JSON values"))
        let fromFlag = try CLITests.run(["check-artifacts", "--no-config", "--max-record-bytes", "100", "--metadata", Self.metadata, users])
        #expect(fromFlag.status == 1)
        #expect(fromFlag.stdout.contains("users.jsonl:1:1: error[record-too-large]: this record is larger than 100 bytes"))
        let flagOverConfig = try CLITests.run(["check-artifacts", "--config", directory.appendingPathComponent("limits.yml").path,
                                               "--max-record-values", "100000", "--metadata", Self.metadata, users])
        #expect(flagOverConfig.status == 0, "\(flagOverConfig.stdout)")
    }

    @Test(arguments: [
        (["validate", "--filter-time", "soon", "x.json"], "--filter-time soon: use seconds such as 10, 2.5s or 500ms"),
        (["check-artifacts", "--filter-memory", "lots", "x"], "--filter-memory lots: use a size such as 512MiB"),
        (["check-artifacts", "--max-record-bytes", "0", "x"], "--max-record-bytes 0: use a size such as 64MiB"),
        (["check-artifacts", "--max-record-values", "0", "x"], "--max-record-values must be 1 or more"),
    ])
    func badFlagsAreUsageErrors(arguments: [String], expected: String) throws {
        let run = try CLITests.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
    }

    @Test func queryHelpPrintsItsUsage() throws {
        for flag in ["--help", "-h"] {
            let run = try CLITests.run(["query", "-c", flag])
            #expect(run.status == 0)
            #expect(run.stdout.contains("USAGE: metadata-lint query [-c] [-r] [-S]"), "\(run.stdout)")
            #expect(run.stderr.isEmpty)
        }
        let filter = try CLITests.run(["query", "-c", "--", "--help"], stdin: "{}")
        #expect(filter.status == 2, "after --, --help is the filter (which does not compile)")
    }
}
