import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintJSON
@testable import LintModel
@testable import LintReport
@testable import LintRules
@testable import LintSource
@testable import LintSupport

@Suite struct JSONScannerTests {
    /// Malformed input of every kind: each is one positioned diagnostic, never a crash.
    @Test(arguments: [
        ("", "json-syntax@1:1"),
        ("   \n  ", "json-syntax@2:3"),
        ("{\"a\": 1,}", "json-syntax@1:9"),
        ("[1, 2,]", "json-syntax@1:7"),
        ("{\"a\": 1} {}", "json-syntax@1:10"),
        ("// comment\n{}", "json-syntax@1:1"),
        ("{'a': 1}", "json-syntax@1:2"),
        ("{\"a\": 01}", "json-syntax@1:7"),
        ("{\"a\": .5}", "json-syntax@1:7"),
        ("{\"a\": +1}", "json-syntax@1:7"),
        ("{\"a\": NaN}", "json-syntax@1:7"),
        ("{\"a\": 1.}", "json-syntax@1:7"),
        ("{\"a\": tru}", "json-syntax@1:10"),
        ("{\"a\": \"x\\q\"}", "json-syntax@1:9"),
        ("{\"a\": \"\\u12G4\"}", "json-syntax@1:8"),
        ("{\"a\": \"line\nbreak\"}", "json-syntax@1:12"),
        ("{\"a\": [1, 2}", "json-syntax@1:12"),
        ("{\"a\" 1}", "json-syntax@1:6"),
        ("{\n  \"a\": {\n    \"b\": [1, 2\n", "json-syntax@4:1"),
        ("{\"a\": \"unterminated", "json-syntax@1:20"),
    ])
    func malformedJSONIsOnePositionedError(input: String, expected: String) {
        let diagnostics = TestSupport.validate(input)
        #expect(TestSupport.summary(diagnostics) == [expected], "input: \(input)")
        #expect(diagnostics.first?.severity == .error)
    }

    @Test(arguments: [
        ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE9, 0x22, 0x7D] as [UInt8], "json-encoding@1:7"),  // Latin-1 é
        ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC0, 0xAF, 0x22, 0x7D], "json-encoding@1:7"),      // overlong '/'
        ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D], "json-encoding@1:7"), // UTF-8 surrogate
        ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x7D], "json-encoding@1:7"), // > U+10FFFF
        ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE2, 0x82, 0x22, 0x7D], "json-encoding@1:7"),      // cut sequence
        ([0xEF, 0xBB, 0xBF, 0x7B, 0x7D], "json-syntax@1:1"),                                       // byte order mark
        ([0x7B, 0x00, 0x7D], "json-syntax@1:2"),                                                   // NUL
    ])
    func invalidBytesArePositioned(bytes: [UInt8], expected: String) {
        #expect(TestSupport.summary(TestSupport.validate(bytes: bytes)) == [expected])
    }

    @Test func deepNestingStopsWithAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let diagnostics = TestSupport.validate(deep)
        #expect(TestSupport.summary(diagnostics) == ["json-nesting-depth@1:257"])
    }

    @Test func hugeNumbersAreReportedExactlyWhereTheyStand() {
        let diagnostics = TestSupport.validate("{\n  \"record_types\": {},\n  \"n\": 123456789012345678901234567890\n}")
        #expect(TestSupport.summary(diagnostics).contains("json-number-range@3:8"))
        #expect(diagnostics.first { $0.rule == "json-number-range" }?.message.contains("123456789012345678901234567890") == true)
    }

    @Test func int64BoundariesAreExact() {
        for (text, outOfRange) in [("9223372036854775807", false), ("-9223372036854775808", false),
                                   ("9223372036854775808", true), ("-9223372036854775809", true),
                                   ("1e308", false), ("1e309", true), ("-1.5e-400", false)] {
            var scanner = JSONScanner()
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(throws: Never.self) { try scanner.scanDocument(buffer) }
            }
            #expect(scanner.tape[0].has(TapeEntry.numberOutOfRange) == outOfRange, "\(text)")
        }
    }

    @Test func duplicateKeysAreReportedAtTheSecondWithTheFirstLine() {
        let diagnostics = TestSupport.validate("{\n  \"record_types\": {},\n  \"record_types\": {}\n}")
        let duplicate = diagnostics.first { $0.rule == "json-duplicate-key" }
        #expect(duplicate?.line == 3)
        #expect(duplicate?.column == 3)
        #expect(duplicate?.message.contains("first on line 2") == true)
    }

    @Test func escapedDuplicateKeysAreStillDuplicates() {
        let diagnostics = TestSupport.validate(#"{"record_types": {}, "record\u005ftypes": {}}"#)
        #expect(diagnostics.map(\.rule).contains("json-duplicate-key"))
    }

    @Test func manyKeysUseTheHashedDuplicateCheck() {
        let members = (0..<40).map { "\"k\($0)\": 1" } + ["\"k7\": 2"]
        let diagnostics = TestSupport.validate("{\"record_types\": {\"t\": {\"fields\": {}, \"x\": {" + members.joined(separator: ",") + "}}}}")
        #expect(diagnostics.filter { $0.rule == "json-duplicate-key" }.count == 1)
    }

    @Test func stringsDecodeEscapesAndSurrogatePairs() throws {
        let text = #"["a\"b\\c\/d\n", "\u00e9\ud83d\ude00", "plain é"]"#
        var scanner = JSONScanner()
        let bytes = Array(text.utf8)
        let node = try bytes.withUnsafeBufferPointer { buffer throws -> JSONNode in
            try scanner.scanDocument(buffer)
            return JSONTreeBuilder.build(scanner.tape, buffer.baseAddress!)
        }
        #expect(node.elements?.compactMap(\.string) == ["a\"b\\c/d\n", "é😀", "plain é"])
    }

    @Test func crlfLinesAndUnicodeColumns() {
        let diagnostics = TestSupport.validate("{\r\n  \"record_types\": {\"é\": {}, \"ü\": 5}\r\n}")
        #expect(TestSupport.summary(diagnostics) == ["record-type-without-fields@2:20", "invalid-value-type@2:34"])
        let source = SourceFile(path: "test.json", bytes: Array("{\r\n  \"record_types\": {\"é\": {}, \"ü\": 5}\r\n}".utf8))
        #expect(source.lines.text(ofLine: 2, in: source.bytes) == "  \"record_types\": {\"é\": {}, \"ü\": 5}")
    }

    @Test func nonObjectRootIsReported() {
        #expect(TestSupport.summary(TestSupport.validate("[]")) == ["invalid-value-type@1:1"])
        #expect(TestSupport.summary(TestSupport.validate("{}")) == ["missing-required-key@1:1"])
    }
}
