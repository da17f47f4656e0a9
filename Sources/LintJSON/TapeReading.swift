import LintSource
import LintSupport

/// Reading scanned values straight from their bytes: comparing a key, hashing a value, and
/// finding the line and column of an offset. Shared by the artifact checker and the passes that
/// re-read artifacts.
extension TapeEntry {
    /// True when this string's bytes (no escapes) equal `literal`.
    @inlinable @inline(__always)
    public func equals(_ literal: StaticString, in base: UnsafePointer<UInt8>) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard end - start - 2 == n else { return false }
        let expected = literal.utf8Start
        let actual = base + start + 1
        for k in 0..<n where expected[k] != actual[k] { return false }
        return true
    }

    /// Hash of a string's decoded value, or of a number's text, as references compare them.
    @inlinable @inline(__always)
    public func valueHash(in base: UnsafePointer<UInt8>) -> UInt64 {
        guard kind == .string else { return ByteHash.hash(base + start, end - start) }
        if has(TapeEntry.stringHasEscapes) { return ByteHash.hash(JSONStringDecoder.decode(base, self)) }
        return ByteHash.hash(base + start + 1, end - start - 2)
    }
}

extension LineIndex {
    /// Line and column of `offset`, walking from `from`, which stands on `line`; that line
    /// starts at `lineStart` (negative when its start is no longer in the buffer: those bytes
    /// count as one column each).
    public static func walk(_ base: UnsafePointer<UInt8>, from: Int, line: Int, lineStart: Int,
                            to offset: Int) -> (line: Int, column: Int) {
        var line = line
        var lineStart = lineStart
        var k = max(from, 0)
        while k < offset {
            if base[k] == 0x0A {
                line += 1
                lineStart = k + 1
            }
            k += 1
        }
        var column = 1 + (lineStart < 0 ? -lineStart : 0)
        for c in max(lineStart, 0)..<max(offset, max(lineStart, 0)) where base[c] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }
}
