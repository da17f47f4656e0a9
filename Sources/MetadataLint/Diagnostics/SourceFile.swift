/// The bytes of one input with a line index, for turning offsets into positions.
public struct SourceFile: Sendable {
    /// The name diagnostics show (the path as given, or `<stdin>`).
    public let path: String
    public let bytes: [UInt8]
    public let lines: LineIndex
    let columns: ColumnIndex

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lines = LineIndex(bytes)
        self.columns = ColumnIndex(bytes, lineStarts: lines.lineStarts)
    }

    public func diagnostic(at ref: SourceRef, rule: String, severity: Severity, message: String) -> Diagnostic {
        let line = lines.line(of: ref.offset)
        let column = columns.column(of: ref.offset, lineStart: lines.lineStarts[line - 1], in: bytes)
            ?? lines.location(of: ref.offset, in: bytes).column
        let (snippet, caret) = window(line: line, offset: ref.offset)
        return Diagnostic(file: path, line: line, column: column, pointer: ref.pointer, severity: severity,
                          rule: rule, message: message, sourceLine: snippet, sourceColumn: caret)
    }

    /// Characters shown on each side of a diagnostic in a long line.
    static let windowWidth = 80

    /// The text around `offset` on its line: the whole line when short, otherwise up to
    /// `windowWidth` characters on each side, marked with "…". Only that window is decoded, so a
    /// minified one-line file costs no more per diagnostic than an indented one.
    func window(line: Int, offset: Int) -> (text: String, caret: Int) {
        let lineStart = lines.lineStarts[line - 1]
        var lineEnd = line < lines.lineStarts.count ? lines.lineStarts[line] - 1 : bytes.count
        if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let at = min(max(offset, lineStart), lineEnd)
        var from = at
        var before = 0
        while from > lineStart, before < Self.windowWidth {
            from -= 1
            if bytes[from] & 0xC0 != 0x80 { before += 1 }
        }
        var to = at
        var after = 0
        while to < lineEnd, after < Self.windowWidth {
            to += 1
            while to < lineEnd, bytes[to] & 0xC0 == 0x80 { to += 1 }
            after += 1
        }
        let cutLeft = from > lineStart
        let text = (cutLeft ? "…" : "") + String(decoding: bytes[from..<to], as: UTF8.self) + (to < lineEnd ? "…" : "")
        return (text, before + 1 + (cutLeft ? 1 : 0))
    }
}
