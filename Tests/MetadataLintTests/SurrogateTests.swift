import Foundation
import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintJSON
@testable import LintRules
@testable import LintSource
@testable import LintSupport

/// I-JSON (RFC 7493): a `\u` escape of a surrogate must be a high one directly followed by a low one.
@Suite struct SurrogateTests {
    @Test(arguments: [
        ("{\"a\": \"\\ud800\"}", "json-encoding@1:8"),               // high, then the closing quote
        ("{\"a\": \"x\\uDBFFy\"}", "json-encoding@1:9"),             // high, then text
        ("{\"a\": \"\\udc00\"}", "json-encoding@1:8"),               // low alone
        ("{\"a\": \"\\ud800\\u0041\"}", "json-encoding@1:8"),        // high, then a non-surrogate escape
        ("{\"a\": \"\\ud800\\ud800\"}", "json-encoding@1:8"),        // high, then another high
        ("{\"a\": \"\\ud800\\n\"}", "json-encoding@1:8"),            // high, then another escape
        ("{\n  \"k\": \"ok\",\n  \"\\udfff\": 1\n}", "json-encoding@3:4"), // in a key
    ])
    func loneSurrogatesAreEncodingErrors(input: String, expected: String) {
        let diagnostics = TestSupport.validate(input)
        #expect(TestSupport.summary(diagnostics) == [expected], "input: \(input)")
        #expect(diagnostics.first?.message.hasPrefix("lone surrogate escape \\u") == true)
    }

    @Test func messagesNameTheEscapeAndTheFix() {
        #expect(TestSupport.validate("{\"a\": \"\\ud800\"}").first?.message
            == "lone surrogate escape \\uD800: a high surrogate must be followed by a low one (\\uDC00-\\uDFFF); write the character itself or its full pair")
        #expect(TestSupport.validate("{\"a\": \"\\uDC0a\"}").first?.message
            == "lone surrogate escape \\uDC0A: a low surrogate must follow a high one (\\uD800-\\uDBFF); write the character itself or its full pair")
    }

    @Test func pairsAreAcceptedAndDecoded() throws {
        var scanner = JSONScanner()
        let bytes = Array("\"\\ud83d\\ude00 \\uD834\\uDD1E\"".utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            try scanner.scanDocument(buffer)
            #expect(JSONStringDecoder.decode(try #require(buffer.baseAddress), scanner.tape[0]) == "\u{1F600} \u{1D11E}")
        }
    }

    /// A pair cut by the stream's buffer is read whole; lone ones are positioned on their line and
    /// reading goes on with the next record.
    @Test(arguments: [4, 8, 16, 1 << 20])
    func artifactLinesWithLoneSurrogates(capacity: Int) throws {
        let text = "{\"a\": \"\\ud83d\\ude00\"}\n{\"a\": \"\\ud800\"}\n{\"a\": \"\\ude00\"}\n{\"a\": \"\\ud800\\ud800\"}\n{\"a\": 4}\n{\"a\": \"\\ud800"
        let result = try RecordStreamTests.stream(Array(text.utf8), capacity: capacity)
        #expect(result.records == ["1:3", "5:3"])
        #expect(result.problems == ["json-encoding@2:8", "json-encoding@3:8", "json-encoding@4:8", "json-syntax@6:14"])
    }

    @Test func checkArtifactsReportsTheRecordAndSkipsIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("surrogate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let record = "{\"id\": \"u1\", \"created_date\": \"2024-01-01T00:00:00Z\", \"modified_date\": \"2024-01-01T00:00:00Z\", \"data\": {\"email\": \"a@b.c\", \"name\": \"x\\ud800y\"}}\n"
        try Data(record.utf8).write(to: directory.appendingPathComponent("users.jsonl"))
        let result = try ArtifactCheck.run(ArtifactCheck.Options(metadataPath: ArtifactFixtureTests.metadata, paths: [directory.path]))
        let found = result.diagnostics.filter { $0.rule == "json-encoding" }
        #expect(found.map { "\($0.line):\($0.column)" } == ["1:132"])
        #expect(found.first?.message.hasSuffix("(the record is skipped)") == true)
    }
}
