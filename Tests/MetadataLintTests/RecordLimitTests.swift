import Foundation
import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintReport
@testable import LintRules
@testable import LintSource
@testable import LintSupport

/// Issue 15, items 2 and 4 for check-artifacts: record limits (record-too-large), bounded findings,
/// and regular files only (not-a-regular-file).
@Suite struct RecordLimitTests {
    static let metadata = TestSupport.fixture("artifacts/metadata.json").path

    static func user(_ id: String, name: String = "Ada", extra: String = "") -> String {
        #"{"id": "\#(id)", "created_date": "2024-01-01T00:00:00Z", "modified_date": "2024-01-01T00:00:00Z", "#
            + #""data": {"email": "\#(id)@x", "name": "\#(name)"\#(extra)}}"#
    }

    static func check(_ lines: [String], limits: RecordLimits = RecordLimits(), cap: Int? = nil) throws -> ArtifactCheck.Result {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("users.jsonl"))
        var options = ArtifactCheck.Options(metadataPath: metadata, paths: [directory.path])
        options.recordLimits = limits
        options.cap = cap
        return try ArtifactCheck.run(options)
    }

    // MARK: - record-too-large

    @Test func recordsOverALimitAreReportedAtTheirFirstLineAndReadingGoesOn() throws {
        var limits = RecordLimits()
        limits.maxRecordBytes = 512
        limits.maxRecordValues = 40
        let long = Self.user("u2", extra: #", "home": {"notes": ""# + String(repeating: "x", count: 2000) + #""}"#)
        let many = Self.user("u3", extra: #", "tags": ["# + Array(repeating: "0", count: 50).joined(separator: ",") + "]")
        let result = try Self.check([Self.user("u1"), long, many, Self.user("u4", name: String(repeating: "y", count: 30))],
                                    limits: limits)
        #expect(TestSupport.summary(result.diagnostics) == ["record-too-large@2:1", "record-too-large@3:1", "value-out-of-bounds@4:129"])
        let messages = result.diagnostics.map(\.message)
        #expect(messages[0].hasPrefix("this record is larger than 512 bytes (max-record-bytes): it was skipped unread"))
        #expect(messages[0].contains("--max-record-bytes"))
        #expect(messages[1].hasPrefix("this record has more than 40 JSON values ("))
        #expect(messages[1].contains("limits: max-record-values in .metadata-lint.yml"))
        #expect(result.recordCounts == ["users": 2])
    }

    @Test func theDefaultLimitsAreSixteenMiBAndAMillionValues() {
        let limits = RecordLimits()
        #expect(limits.maxRecordBytes == 16 << 20)
        #expect(limits.maxRecordValues == 1_000_000)
        #expect(RecordTooLarge.bytes(limit: 16 << 20).message.hasPrefix("this record is larger than 16 MiB"))
        #expect(RecordTooLarge.values(count: 1_048_577, limit: 1_000_000).message.hasPrefix("this record has more than 1000000 JSON values"))
        #expect(RecordTooLarge.byteText(64 << 10) == "64 KiB")
        #expect(RecordTooLarge.byteText(1000) == "1000 bytes")
    }

    @Test func atMostAThousandOversizedRecordsAreListedPerFile() throws {
        var limits = RecordLimits()
        limits.maxRecordValues = 30
        let lines = (0..<1003).map { _ in "[" + Array(repeating: "0", count: 40).joined(separator: ",") + "]" } + [Self.user("u1")]
        let result = try Self.check(lines, limits: limits)
        let found = result.diagnostics.filter { $0.rule == "record-too-large" }
        #expect(found.count == 1001)
        let summary = try #require(found.last)
        #expect(summary.line == 1001 && summary.column == 1)
        #expect(summary.message.hasPrefix("3 more records over a limit from this line on are not listed one by one (the first 1000 of this file are)"))
        #expect(result.errors == 1001)
        #expect(result.recordCounts == ["users": 1])
    }

    @Test func atMostAThousandMalformedRecordsAreListedPerFile() throws {
        let lines = (0..<1005).map { _ in "{x" } + [Self.user("u1")]
        let result = try Self.check(lines)
        let found = result.diagnostics.filter { $0.rule == "json-syntax" }
        #expect(found.count == 1001)
        #expect(found[999].line == 1000)
        let summary = try #require(found.last)
        #expect(summary.line == 1001)
        #expect(summary.message.hasPrefix("5 more malformed records from this line on are not listed one by one"))
        #expect(result.recordCounts == ["users": 1])
    }

    // MARK: - Findings bomb

    static func diagnostic(_ k: Int) -> Diagnostic {
        Diagnostic(file: "f.jsonl", line: k + 1, column: 1, pointer: "", severity: .error, rule: "item-envelope", message: "m")
    }

    @Test func aCollectorKeepsAtMostOneHundredThousandFindingsAndCountsTheRest() {
        let collector = DiagnosticCollector(policy: RulePolicy(), cap: nil)
        for k in 0..<(DiagnosticCollector.maxKept + 5) { collector.add(Self.diagnostic(k)) }
        let (kept, _) = collector.finish()
        #expect(kept.count == DiagnosticCollector.maxKept)
        #expect(kept.last?.line == DiagnosticCollector.maxKept)
        #expect(collector.unkept == 5)
        #expect(collector.errors == DiagnosticCollector.maxKept + 5)
    }

    @Test func workersMergedPastTheLimitKeepTheFirstInOutputOrder() {
        let first = DiagnosticCollector(policy: RulePolicy(), cap: nil)
        let second = DiagnosticCollector(policy: RulePolicy(), cap: nil)
        for k in stride(from: 0, to: 120_000, by: 2) {
            second.add(Self.diagnostic(k))
            first.add(Self.diagnostic(k + 1))
        }
        let merged = DiagnosticCollector(policy: RulePolicy(), cap: nil)
        merged.merge(first)
        merged.merge(second)
        let (kept, _) = merged.finish()
        #expect(kept.count == DiagnosticCollector.maxKept)
        #expect(kept.map(\.line) == Array(1...DiagnosticCollector.maxKept))
        #expect(merged.unkept == 20_000)
        #expect(merged.errors == 120_000)
    }

    @Test func theReportSaysHowManyFindingsWereNotListed() {
        var report = Report(diagnostics: [Self.diagnostic(0)], totals: Report.Totals(errors: 7), files: 1, rules: Rules.all)
        report.unlisted = 6
        let note = "6 more findings were counted but not listed (the first 100000 found are)"
        #expect(report.render(.text, color: false).stdout.contains(note + "\n"))
        let json = report.render(.json, color: false)
        #expect(json.stderr == note + "\n")
        #expect(!json.stdout.contains(note))
    }

    // MARK: - Snippets of long lines

    @Test func snippetsOfALongLineKeepOnlyTheWindow() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("long.jsonl").path
        let line = String(repeating: "é", count: 300_000)
        try Data(("short\n" + line + "\n" + "last\n").utf8).write(to: URL(fileURLWithPath: path))
        let lines = LineReader.lines([2: 90, 3: 85], of: path)
        #expect(lines[2] == String(repeating: "é", count: 90))
        #expect(lines[3] == "last")
        #expect(lines[1] == nil)
        let rendered = TextRenderer(color: false).renderOne(
            Diagnostic(file: path, line: 2, column: 5, pointer: "", severity: .error, rule: "r", message: "m"),
            line: Snippets.load(for: [Diagnostic(file: path, line: 2, column: 5, pointer: "", severity: .error, rule: "r", message: "m")],
                                sources: [:])[path]?[2])
        #expect(rendered.contains(" 2 | " + String(repeating: "é", count: 84) + "…\n"))
    }

    // MARK: - not-a-regular-file

    @Test func specialFilesInADirectoryAreSkippedUnopened() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data((Self.user("u1") + "\n").utf8).write(to: directory.appendingPathComponent("users.jsonl"))
        #expect(mkfifo(directory.appendingPathComponent("epics.jsonl").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("comments.jsonl").path,
                                                   withDestinationPath: "/dev/null")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("gone.jsonl").path,
                                                   withDestinationPath: "nowhere.jsonl")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("nested.jsonl"), withIntermediateDirectories: false)
        let expansion = try ArtifactFiles.expand([directory.path], excluding: nil)
        #expect(expansion.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["users.jsonl"])
        #expect(expansion.skipped.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["comments.jsonl", "epics.jsonl", "gone.jsonl"])
        #expect(expansion.skipped.map(\.why) == [NotARegularFile(kind: .characterDevice, linkTarget: "/dev/null"),
                                                 NotARegularFile(kind: .namedPipe, linkTarget: nil),
                                                 NotARegularFile(kind: .brokenLink, linkTarget: "nowhere.jsonl")])
        let result = try ArtifactCheck.run(ArtifactCheck.Options(metadataPath: Self.metadata, paths: [directory.path]))
        #expect(result.diagnostics.map { "\($0.rule)@\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line)" } == [
            "not-a-regular-file@comments.jsonl:0", "not-a-regular-file@epics.jsonl:0", "not-a-regular-file@gone.jsonl:0",
        ])
        #expect(result.diagnostics[0].message.hasPrefix("a symbolic link to /dev/null, a character device, not a regular file: skipped"))
        #expect(result.diagnostics[1].message.hasPrefix("a named pipe (FIFO), not a regular file: skipped without being opened"))
        #expect(result.warnings == 3 && result.errors == 0)
        #expect(result.recordCounts == ["users": 1])
    }

    @Test func aDirectoryHoldingOnlySpecialFilesIsReportedNotRefused() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(mkfifo(directory.appendingPathComponent("users.jsonl").path, 0o644) == 0)
        let expansion = try ArtifactFiles.expand([directory.path], excluding: nil)
        #expect(expansion.files.isEmpty && expansion.skipped.count == 1)
    }

    @Test func aNamedDeviceIsSkippedAndANamedPipeIsRead() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipe = directory.appendingPathComponent("users.jsonl").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let expansion = try ArtifactFiles.expand(["/dev/null", pipe], excluding: nil)
        #expect(expansion.skipped.map(\.path) == ["/dev/null"])
        #expect(expansion.skipped.first?.named == true)
        #expect(expansion.skipped.first?.why == NotARegularFile(kind: .characterDevice, linkTarget: nil))
        #expect(expansion.files.map(\.path) == [pipe])
    }

    @Test func inferLeavesSpecialFilesOutAndRefusesANamedDevice() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data((Self.user("u1") + "\n").utf8).write(to: directory.appendingPathComponent("users.jsonl"))
        #expect(mkfifo(directory.appendingPathComponent("epics.jsonl").path, 0o644) == 0)
        #expect(try ArtifactFiles.paths([directory.path]) == [directory.appendingPathComponent("users.jsonl").path])
        #expect(throws: InputError.self) { try ArtifactFiles.paths(["/dev/null"]) }
    }

    @Test func anIgnoredSpecialFileInADirectoryIsNotReported() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data((Self.user("u1") + "\n").utf8).write(to: directory.appendingPathComponent("users.jsonl"))
        #expect(mkfifo(directory.appendingPathComponent("epics.jsonl").path, 0o644) == 0)
        var options = ArtifactCheck.Options(metadataPath: Self.metadata, paths: [directory.path])
        options.isIgnored = { $0.hasSuffix("epics.jsonl") }
        let result = try ArtifactCheck.run(options)
        #expect(result.diagnostics.isEmpty)
    }
}
