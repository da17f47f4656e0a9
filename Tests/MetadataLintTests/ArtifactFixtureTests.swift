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

/// fixtures/artifacts/<rule>/fail holds artifacts with planted faults, fail.expected the exact
/// file:line:column of each finding of that rule, and pass/ clean artifacts (no diagnostics at all).
@Suite struct ArtifactFixtureTests {
    static let metadata = TestSupport.fixture("artifacts/metadata.json").path
    static let rules = Rules.artifact.map(\.id) + ["json-syntax"]

    /// A rule directory with a `check-without-metadata` file is checked without --metadata: its
    /// fail/ and pass/ hold the extractor's own metadata copies.
    static func metadataOption(for directory: URL) -> String? {
        let marker = directory.deletingLastPathComponent().appendingPathComponent("check-without-metadata")
        return FileManager.default.fileExists(atPath: marker.path) ? nil : metadata
    }

    static func check(_ directory: URL, cap: Int? = nil) throws -> ArtifactCheck.Result {
        var options = ArtifactCheck.Options(metadataPath: metadataOption(for: directory), paths: [directory.path])
        options.cap = cap
        return try ArtifactCheck.run(options)
    }

    static func relative(_ diagnostic: Diagnostic, to directory: URL) -> String {
        let prefix = directory.path + "/"
        let file = diagnostic.file.hasPrefix(prefix) ? String(diagnostic.file.dropFirst(prefix.count)) : diagnostic.file
        return "\(file):\(diagnostic.line):\(diagnostic.column)"
    }

    @Test(arguments: rules)
    func failingArtifactsReportExactlyTheExpectedPositions(rule: String) throws {
        let directory = TestSupport.fixture("artifacts/\(rule)")
        let expected = try String(contentsOf: directory.appendingPathComponent("fail.expected"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init).sorted()
        let root = try SpecialFileFixtures.root(forSet: rule)
        defer { SpecialFileFixtures.release(root) }
        let fail = root.appendingPathComponent("fixtures/artifacts/\(rule)/fail")
        let result = try Self.check(fail)
        let found = result.diagnostics.filter { $0.rule == rule }.map { Self.relative($0, to: fail) }.sorted()
        #expect(found == expected, "\(rule): \(result.diagnostics.map { "\($0.rule) \(Self.relative($0, to: fail)) \($0.message)" })")
        #expect(!result.metadataFailed)
    }

    @Test(arguments: rules)
    func passingArtifactsAreClean(rule: String) throws {
        let result = try Self.check(TestSupport.fixture("artifacts/\(rule)/pass"))
        #expect(result.diagnostics.isEmpty, "\(rule): \(result.diagnostics.map { "\($0.rule) \($0.file):\($0.line) \($0.message)" })")
        #expect(result.errors == 0 && result.warnings == 0 && result.notes == 0)
    }

    @Test func everyArtifactRuleHasFixtures() {
        for rule in Rules.artifact {
            #expect(FileManager.default.fileExists(atPath: TestSupport.fixture("artifacts/\(rule.id)/fail.expected").path), "\(rule.id)")
        }
    }

    @Test func pointersAndMessagesNameTheField() throws {
        let fail = TestSupport.fixture("artifacts/field-value-type/fail")
        let result = try Self.check(fail)
        let points = try #require(result.diagnostics.first { $0.pointer == "/data/points" })
        #expect(points.message.contains("remove the quotes"))
        let watchers = try #require(result.diagnostics.first { $0.pointer == "/data/watchers" })
        #expect(watchers.message.contains("wrap the value in [ ]"))
    }

    @Test func recordCountsPerItemTypeIncludePrettyPrintedAndGzip() throws {
        let result = try Self.check(TestSupport.fixture("artifacts/json-syntax/pass"))
        #expect(result.recordCounts == ["users": 2, "epics": 3, "comments": 2])
    }

    @Test func referencesResolveByIdentifierField() throws {
        let result = try Self.check(TestSupport.fixture("artifacts/dangling-reference/fail"))
        let messages = result.diagnostics.filter { $0.rule == "dangling-reference" }.map(\.message)
        #expect(messages.contains { $0.contains("\"ADA@example.com\"") && $0.contains("users.email") })
        #expect(messages.contains { $0.contains("\"e9\"") && $0.contains("epics id") })
    }

    /// FORMAT.md: metadata errors that leave the model readable (here a reserved `id` field) do not
    /// stop the data check; both are reported.
    @Test func metadataErrorsThatLeaveAModelDoNotStopTheCheck() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let metadata = directory.appendingPathComponent("m.json")
        // Required too: the record's data is not asked for it on every record (one metadata error).
        try Data(#"{"record_types": {"users": {"fields": {"id": {"type": "text", "is_required": true}}}}}"#.utf8).write(to: metadata)
        try Data("{\"id\": 1}\n".utf8).write(to: directory.appendingPathComponent("users.jsonl"))
        let result = try ArtifactCheck.run(ArtifactCheck.Options(metadataPath: metadata.path, paths: [directory.path]))
        #expect(!result.metadataFailed)
        #expect(result.diagnostics.map { "\($0.rule)@\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column)" } == [
            "reserved-field-name@m.json:1:40", "item-envelope@users.jsonl:1:1", "item-envelope@users.jsonl:1:8",
        ])
        #expect(result.recordCounts == ["users": 1])
        #expect(result.errors == 3)
    }

    /// Only metadata that cannot be read into a model stops the data check.
    @Test(arguments: [#"{"record_types": {"users": {"fields": {}}}"#, #"[{"record_types": {}}]"#, #"{"record_types": []}"#])
    func unreadableMetadataStopsTheCheck(text: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let metadata = directory.appendingPathComponent("m.json")
        try Data(text.utf8).write(to: metadata)
        try Data("{\"id\": 1}\n".utf8).write(to: directory.appendingPathComponent("users.jsonl"))
        let result = try ArtifactCheck.run(ArtifactCheck.Options(metadataPath: metadata.path, paths: [directory.path]))
        #expect(result.metadataFailed)
        #expect(result.recordCounts.isEmpty)
        #expect(!result.diagnostics.isEmpty && result.diagnostics.allSatisfy { $0.file == metadata.path })
    }

    @Test func duplicateKeysInRecordsAreReportedWithoutTheScannerPass() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let line = #"{"id": "u1", "id": "u2", "created_date": "2024-01-01T00:00:00Z", "modified_date": "2024-01-01T00:00:00Z", "data": {"email": "a@x", "name": null, "name": "A", "email": "b@x"}}"#
        try Data((line + "\n").utf8).write(to: directory.appendingPathComponent("users.jsonl"))
        let result = try ArtifactCheck.run(ArtifactCheck.Options(metadataPath: Self.metadata, paths: [directory.path]))
        let duplicates = result.diagnostics.filter { $0.rule == "json-duplicate-key" }
        #expect(duplicates.map(\.column) == [14, 146, 159])
        #expect(duplicates.map(\.pointer) == ["/id", "/data/name", "/data/email"])
    }

    @Test func capAndOmittedCountsGroupCollectionElementsUnderTheirField() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = (0..<30).map { #"{"id": "e\#($0)", "created_date": "2024-01-01T00:00:00Z", "modified_date": "2024-01-01T00:00:00Z", "data": {"title": "t", "owner": "u1", "watchers": [1, 2]}}"# }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("epics.jsonl"))
        try FileManager.default.copyItem(at: TestSupport.fixture("artifacts/json-syntax/pass/users.jsonl.gz"),
                                         to: directory.appendingPathComponent("users.jsonl.gz"))
        var options = ArtifactCheck.Options(metadataPath: Self.metadata, paths: [directory.path])
        options.cap = 20
        let result = try ArtifactCheck.run(options)
        let shown = result.diagnostics.filter { $0.rule == "field-value-type" }
        #expect(shown.count == 20)
        #expect(Set(shown.map(\.pointer)) == ["/data/watchers/0", "/data/watchers/1"])
        #expect(result.errors == 60)
        #expect(result.omitted == [Omission(rule: "field-value-type", field: "/data/watchers", count: 40)])
    }

    @Test func textCapKeepsTwentyPerRuleAndField() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = (0..<50).map { #"{"id": "u\#($0)", "created_date": "2024-01-01T00:00:00Z", "modified_date": "2024-01-01T00:00:00Z", "data": {"email": 5}}"# }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("users.jsonl"))
        var options = ArtifactCheck.Options(metadataPath: Self.metadata, paths: [directory.path])
        options.cap = 20
        let result = try ArtifactCheck.run(options)
        #expect(result.diagnostics.count == 20)
        #expect(result.errors == 50)
        #expect(result.omitted.map(\.count) == [30])
        #expect(result.diagnostics.last?.line == 20)
    }
}

/// Large JSONL files are split between workers; the findings must not depend on it.
@Suite struct SplitFileTests {
    @Test func planSplitsOnlyWhenItemTypesCannotBalanceTheWorkers() {
        func artifact(_ type: String, _ size: Int) -> ArtifactCheck.Artifact {
            ArtifactCheck.Artifact(path: "\(type).jsonl", itemType: type, size: size, number: 0)
        }
        #expect(!WorkPlan.needsSplitting([artifact("a", 50), artifact("b", 44), artifact("c", 29)], workers: 2))
        #expect(WorkPlan.needsSplitting([artifact("a", 80), artifact("b", 10), artifact("c", 10)], workers: 2))
        #expect(WorkPlan.needsSplitting([artifact("a", 50)], workers: 2))
        #expect(!WorkPlan.needsSplitting([artifact("a", 50)], workers: 1))
    }

    @Test(arguments: [1, 2, 3])
    func splittingGivesTheSameFindingsAsOneWorker(workers: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let stamp = #""created_date": "2024-01-01T00:00:00Z", "modified_date": "2024-01-01T00:00:00Z""#
        var users: [String] = []
        // Users carry over two thirds of the bytes, so with two workers their file is split.
        for n in 0..<1200 {
            // Planted: a repeated id far apart (crosses chunks), a bad type, an unknown field.
            let id = n == 550 ? "u7" : "u\(n)"
            let email = n == 333 ? "5" : "\"u\(n)@example.com\""
            let extra = n == 480 ? #", "nickname": "x""# : ""
            users.append("{\"id\": \"\(id)\", \(stamp), \"data\": {\"email\": \(email)\(extra)}}")
        }
        try Data((users.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("users.jsonl"))
        var epics: [String] = []
        for n in 0..<300 {
            let owner = n == 290 ? "nobody" : "u\(n)"
            epics.append("{\"id\": \"e\(n)\", \(stamp), \"data\": {\"title\": \"t\", \"owner\": \"\(owner)\"}}")
        }
        try Data((epics.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("epics.jsonl"))
        var options = ArtifactCheck.Options(metadataPath: ArtifactFixtureTests.metadata, paths: [directory.path])
        options.workers = workers
        options.minimumSplitSize = 1024
        let result = try ArtifactCheck.run(options)
        let summary = result.diagnostics.map { "\($0.rule)@\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column)" }
        #expect(summary == [
            "dangling-reference@epics.jsonl:291:129",
            "field-value-type@users.jsonl:334:115",
            "undeclared-data-field@users.jsonl:481:135",
            "duplicate-item-id@users.jsonl:551:8",
        ])
        #expect(result.recordCounts == ["users": 1200, "epics": 300])
        #expect(result.errors == 4)
        // The first copy is found whichever worker or chunk saw it.
        #expect(result.diagnostics.first { $0.rule == "duplicate-item-id" }?.message.contains("already used at line 8") == true)
    }
}
