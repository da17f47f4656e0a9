import Testing
@testable import JSONRPC
@testable import LanguageServer

/// The tolerant scan that tells where a cursor stands, on text that does not parse.
@Suite struct JSONCursorTests {
    func cursor(_ marked: String) -> JSONCursor? {
        let parts = marked.components(separatedBy: "|")
        let text = parts.joined()
        return JSONCursorScanner.locate(parts[0].utf8.count, in: Array(text.utf8))
    }

    @Test func insideAValueString() throws {
        let found = try #require(cursor(#"{"record_types": {"a": {"category": "tic|ket"}}}"#))
        #expect(found.role == .value)
        #expect(found.containerPath == ["record_types", "a"])
        #expect(found.memberKey == "category")
        #expect(found.string?.text == "ticket")
        #expect(found.string?.prefix == "tic")
        #expect(MetadataPlace.of(found.containerPath) == .recordType("a"))
    }

    @Test func unterminatedKeyWhileTyping() throws {
        let text = "{\"record_types\": {\"a\": {\"fields\": {\"f\": {\"type\": \"reference\", \"reference\": {\"refers_to\": {\"#record:|\n"
        let found = try #require(cursor(text))
        #expect(found.role == .key)
        #expect(found.string?.prefix == "#record:")
        #expect(MetadataPlace.of(found.containerPath) == .refersTo(.recordType("a"), field: "f"))
    }

    @Test func anUnterminatedStringEndsAtTheCursor() throws {
        let found = try #require(cursor("{\"a\": {\"#cat|  } }\n}"))
        #expect(found.string?.text == "#cat")
        #expect(found.string?.contentRange == 8..<12)
        #expect(found.string?.range == 7..<12)
    }

    @Test func arraysCountTheirElements() throws {
        let found = try #require(cursor(#"{"x": [1, {"k": [true, "a|"]}]}"#))
        #expect(found.containerPath == ["x", "1", "k"])
        #expect(found.memberKey == "1")
        #expect(found.containerIsArray)
    }

    @Test func emptyPositions() throws {
        let key = try #require(cursor(#"{"a": 1, |}"#))
        #expect(key.role == .key && key.memberKey == nil && key.string == nil)
        let value = try #require(cursor(#"{"a": |}"#))
        #expect(value.role == .value && value.memberKey == "a")
        #expect(cursor("| {}") == nil)
    }

    @Test func escapesAreDecoded() throws {
        let found = try #require(cursor(#"{"a\"b\u00e9\ud83d\ude00": |1}"#))
        #expect(found.memberKey == "a\"bé😀")
        #expect(found.scalar != nil)
    }
}
