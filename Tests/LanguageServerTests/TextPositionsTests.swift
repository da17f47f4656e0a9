import Testing
@testable import JSONRPC
@testable import LanguageServer

/// LSP counts characters in UTF-16 code units; the library counts bytes. Both directions, on
/// text with 1-, 2-, 3- and 4-byte characters and CR LF line ends.
@Suite struct TextPositionsTests {
    // "é" 2 bytes / 1 unit, "名" 3 bytes / 1 unit, "😀" 4 bytes / 2 units.
    let text = "{\r\n  \"é名😀\": \"x\"\n}"
    var positions: TextPositions { TextPositions(Array(text.utf8)) }

    func byteOffset(of needle: String) -> Int {
        let bytes = Array(text.utf8)
        let pattern = Array(needle.utf8)
        for k in 0...(bytes.count - pattern.count) where Array(bytes[k..<(k + pattern.count)]) == pattern { return k }
        return -1
    }

    @Test func bytesToPositions() {
        #expect(positions.position(of: 0) == TextPosition(line: 0, character: 0))
        #expect(positions.position(of: 1) == TextPosition(line: 0, character: 1))
        // The CR belongs to the line break: an offset on it is the end of line 0.
        #expect(positions.position(of: 2) == TextPosition(line: 0, character: 1))
        let value = byteOffset(of: "\"x\"")
        // `  "é名😀": ` is 2 + 1 + 1 + 1 + 2 + 1 + 1 + 1 = 10 units before the value.
        #expect(positions.position(of: value) == TextPosition(line: 1, character: 10))
        #expect(positions.position(of: text.utf8.count) == TextPosition(line: 2, character: 1))
    }

    @Test func positionsToBytes() {
        let value = byteOffset(of: "\"x\"")
        #expect(positions.offset(of: TextPosition(line: 1, character: 10)) == value)
        // After the emoji: 2 + quote + é + 名 + 2 units.
        #expect(positions.offset(of: TextPosition(line: 1, character: 7)) == byteOffset(of: "\": \"x"))
        // Inside the surrogate pair: stays before the emoji.
        #expect(positions.offset(of: TextPosition(line: 1, character: 6)) == byteOffset(of: "😀"))
        // Past the end of a line: the line's end (before CR LF); past the last line: the end.
        #expect(positions.offset(of: TextPosition(line: 0, character: 99)) == 1)
        #expect(positions.offset(of: TextPosition(line: 9, character: 0)) == text.utf8.count)
    }

    @Test func libraryColumnsCountScalars() {
        // The library's 1-based column counts Unicode scalars: the value is column 10 on line 2.
        #expect(positions.offset(line: 2, scalarColumn: 10) == byteOffset(of: "\"x\""))
        #expect(positions.offset(line: 0, scalarColumn: 1) == 0)
        #expect(positions.offset(line: 7, scalarColumn: 1) == text.utf8.count)
    }

    @Test func tokenExtents() {
        let bytes = Array("{\"a\\\"b\": [true, -1.5e3], \"open".utf8)
        #expect(TokenExtent.range(at: 1, in: bytes) == 1..<7)
        #expect(TokenExtent.range(at: 10, in: bytes) == 10..<14)
        #expect(TokenExtent.range(at: 16, in: bytes) == 16..<22)
        #expect(TokenExtent.range(at: 9, in: bytes) == 9..<10)
        #expect(TokenExtent.range(at: 25, in: bytes) == 25..<bytes.count)  // unterminated
        #expect(TokenExtent.range(at: 999, in: bytes) == bytes.count..<bytes.count)
    }
}
