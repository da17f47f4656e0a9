import LintSupport

/// Turns byte offsets into 1-based line and column numbers.
///
/// Lines break at LF; a CR before it belongs to the break. Columns count Unicode scalars, so a
/// caret lines up under the character an editor shows.
public struct LineIndex: Sendable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Columns on long lines without counting the whole line for each finding.
    let columns: ColumnIndex

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts = [0]
        var longest = 0
        for k in 0..<bytes.count where bytes[k] == 0x0A {
            longest = max(longest, k + 1 - starts[starts.count - 1])
            starts.append(k + 1)
        }
        longest = max(longest, bytes.count - starts[starts.count - 1])
        lineStarts = starts
        columns = ColumnIndex(bytes, longestLine: longest)
    }

    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { LineIndex($0) }
    }

    /// 1-based line of `offset`.
    public func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// 1-based line and column of `offset` in `bytes` (the bytes this index was made from).
    public func location(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let line = line(of: offset)
        let lineStart = lineStarts[line - 1]
        let stop = min(offset, bytes.count)
        if let column = columns.column(of: stop, lineStart: lineStart, in: bytes) {
            return (line, column)
        }
        var column = 1
        var k = lineStart
        while k < stop {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return (line, column)
    }

    /// The text of a 1-based line, without its line break.
    public func text(ofLine line: Int, in bytes: [UInt8]) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var stop = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if stop > start, stop <= bytes.count, bytes[stop - 1] == 0x0D { stop -= 1 }
        guard stop >= start else { return "" }
        return String(decoding: bytes[start..<stop], as: UTF8.self)
    }
}
