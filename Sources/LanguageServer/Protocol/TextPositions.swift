import JSONRPC
import MetadataLint

/// An LSP position: 0-based line and a 0-based character offset counted in UTF-16 code units.
public struct TextPosition: Sendable, Equatable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        a.line != b.line ? a.line < b.line : a.character < b.character
    }

    var json: JSONValue { ["line": .int(line), "character": .int(character)] }

    init?(_ json: JSONValue?) {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int, line >= 0, character >= 0 else {
            return nil
        }
        self.init(line: line, character: character)
    }
}

public struct TextRange: Sendable, Equatable {
    public var start: TextPosition
    public var end: TextPosition

    public init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = end
    }

    var json: JSONValue { ["start": start.json, "end": end.json] }

    init?(_ json: JSONValue?) {
        guard let start = TextPosition(json?["start"]), let end = TextPosition(json?["end"]) else { return nil }
        self.init(start: start, end: end)
    }
}

/// Converts between the library's byte offsets and LSP positions for one text.
///
/// Lines end at LF (a CR before it belongs to the break). Characters are UTF-16 code units: a
/// UTF-8 sequence of 1 to 3 bytes is one unit, a 4-byte sequence (outside the BMP) is two.
public struct TextPositions: Sendable {
    public let bytes: [UInt8]
    public let lines: LineIndex

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.lines = LineIndex(bytes)
    }

    public init(_ source: SourceFile) {
        self.bytes = source.bytes
        self.lines = source.lines
    }

    /// Byte offset where a 0-based line's text ends (before CR LF / LF).
    func lineEnd(_ line: Int) -> Int {
        var end = line + 1 < lines.lineStarts.count ? lines.lineStarts[line + 1] - 1 : bytes.count
        if end > lines.lineStarts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    public func position(of offset: Int) -> TextPosition {
        let clamped = min(max(offset, 0), bytes.count)
        let line = lines.line(of: clamped) - 1
        let start = lines.lineStarts[line]
        var units = 0
        var k = start
        let stop = min(clamped, lineEnd(line))
        while k < stop {
            let byte = bytes[k]
            if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
            k += 1
        }
        return TextPosition(line: line, character: units)
    }

    /// The byte offset of a position; a line past the end is the end of the text, a character
    /// past the end of its line is the line's end (as LSP asks).
    public func offset(of position: TextPosition) -> Int {
        guard position.line < lines.lineStarts.count else { return bytes.count }
        var k = lines.lineStarts[position.line]
        let end = lineEnd(position.line)
        var units = 0
        while k < end && units < position.character {
            let byte = bytes[k]
            let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let next = units + (width == 4 ? 2 : 1)
            if next > position.character { break }  // inside a surrogate pair: stay before it
            units = next
            k = min(k + width, end)
        }
        return k
    }

    /// The byte offset of a 1-based line and 1-based column counted in Unicode scalars (the
    /// library's `Diagnostic` positions).
    public func offset(line: Int, scalarColumn: Int) -> Int {
        guard line >= 1, line <= lines.lineStarts.count else { return line < 1 ? 0 : bytes.count }
        var k = lines.lineStarts[line - 1]
        let end = lineEnd(line - 1)
        var column = 1
        while k < end && column < scalarColumn {
            k += 1
            while k < end, bytes[k] & 0xC0 == 0x80 { k += 1 }
            column += 1
        }
        return k
    }

    public func range(_ bytes: Range<Int>) -> TextRange {
        TextRange(start: position(of: bytes.lowerBound), end: position(of: bytes.upperBound))
    }

    public var wholeText: TextRange { range(0..<bytes.count) }
}
