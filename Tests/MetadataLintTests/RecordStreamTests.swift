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

@Suite struct RecordStreamTests {
    /// Streams `text` from a temporary file and returns "line:first-byte" per record and problems.
    static func stream(_ bytes: [UInt8], capacity: Int = 16) throws -> (records: [String], problems: [String]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).jsonl")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let source = try ByteSource(path: url.path)
        let stream = RecordStream(source: source, initialCapacity: capacity)
        var records: [String] = []
        var problems: [String] = []
        try stream.forEach(record: { record, scanner in
            records.append("\(record.line):\(scanner.tape.count)")
        }, problem: { problem in
            problems.append("\(problem.error.rule.id)@\(problem.line):\(problem.column)")
        })
        return (records, problems)
    }

    @Test func crlfAndMissingFinalNewline() throws {
        let result = try Self.stream(Array("{\"a\":1}\r\n{\"b\":[1,2]}\r\n\r\n{\"c\":3}".utf8))
        #expect(result.records == ["1:3", "2:5", "4:3"])
        #expect(result.problems.isEmpty)
    }

    @Test func recordsLargerThanTheBufferGrowIt() throws {
        let big = "{\"k\": \"" + String(repeating: "x", count: 5000) + "\"}\n{\"n\": 12345}"
        let result = try Self.stream(Array(big.utf8), capacity: 16)
        #expect(result.records == ["1:3", "2:3"])
    }

    @Test func prettyPrintedStreamReportsFirstLines() throws {
        let text = "{\n  \"a\": {\n    \"b\": 1\n  }\n}\n{\n  \"c\": 2\n}\n"
        #expect(try Self.stream(Array(text.utf8)).records == ["1:5", "6:3"])
    }

    @Test func malformedRecordIsSkippedAndReadingGoesOn() throws {
        let text = "{\"a\": 1}\n{\"a\": 1,, \"b\": 2}\n{\"a\": 3}\n{\"x\": \"\u{1}\"}\n{\"a\": 4}"
        let result = try Self.stream(Array(text.utf8), capacity: 8)
        #expect(result.records == ["1:3", "3:3", "5:3"])
        #expect(result.problems == ["json-syntax@2:9", "json-syntax@4:8"])
    }

    @Test func invalidUTF8InARecordIsPositioned() throws {
        var bytes = Array("{\"a\": 1}\n{\"a\": \"".utf8)
        bytes += [0xFF]
        bytes += Array("\"}\n{\"a\": 2}\n".utf8)
        let result = try Self.stream(bytes)
        #expect(result.problems == ["json-encoding@2:8"])
        #expect(result.records == ["1:3", "3:3"])
    }

    @Test func truncatedLastRecordIsReported() throws {
        let result = try Self.stream(Array("{\"a\": 1}\n{\"a\": [1, 2".utf8))
        #expect(result.records == ["1:3"])
        #expect(result.problems == ["json-syntax@2:12"])
    }

    @Test func newlineCounterMatchesAPlainCount() {
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 200] {
            let bytes: [UInt8] = (0..<length).map { (n: Int) -> UInt8 in
                n % 5 == 0 ? 0x0A : UInt8(0x41 + n % 20)
            }
            let (count, last) = bytes.withUnsafeBufferPointer { NewlineCounter.count($0.baseAddress!, $0.count) }
            #expect(count == bytes.filter { $0 == 0x0A }.count)
            #expect(last == (bytes.lastIndex(of: 0x0A) ?? -1))
        }
    }

    @Test func itemTypesFromFileNames() {
        let resolver = ItemTypeResolver(recordTypes: ["users", "issues", "issues_custom", "comments"])
        #expect(resolver.resolve(fileName: "users.jsonl") == "users")
        #expect(resolver.resolve(fileName: "users.jsonl.gz") == "users")
        #expect(resolver.resolve(fileName: "extractor_issues_custom_1712345678901.jsonl") == "issues_custom")
        #expect(resolver.resolve(fileName: "comments-3.jsonl.gz") == "comments")
        #expect(resolver.resolve(fileName: "comments_12.jsonl") == "comments")
        #expect(resolver.resolve(fileName: "ssor_attachment.jsonl") == "ssor_attachment")
        #expect(resolver.resolve(fileName: "comment.json") == nil)
        #expect(resolver.resolve(fileName: "users_full.jsonl") == nil)
    }
}
