/// One change to a file's bytes: replace `range` with `replacement`. An empty range inserts.
public struct TextEdit: Sendable, Equatable, Hashable {
    public var range: Range<Int>
    public var replacement: [UInt8]

    public init(range: Range<Int>, replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }

    public init(range: Range<Int>, replacement: String) {
        self.init(range: range, replacement: Array(replacement.utf8))
    }

    public static func insert(_ text: String, at offset: Int) -> TextEdit {
        TextEdit(range: offset..<offset, replacement: text)
    }

    public static func delete(_ range: Range<Int>) -> TextEdit {
        TextEdit(range: range, replacement: [])
    }

    /// True when applying both would be ambiguous: the ranges intersect, or an insertion lands
    /// inside or at an edge of the other range (which of the two comes first is then unclear).
    public func conflicts(with other: TextEdit) -> Bool {
        if range.isEmpty || other.range.isEmpty {
            let (point, span) = range.isEmpty ? (range.lowerBound, other.range) : (other.range.lowerBound, range)
            return span.lowerBound <= point && point <= span.upperBound
        }
        return range.lowerBound < other.range.upperBound && other.range.lowerBound < range.upperBound
    }
}

public enum TextEditError: Error, Sendable, Equatable {
    case overlapping(TextEdit, TextEdit)
    case outOfBounds(TextEdit)
}

public enum TextEdits {
    /// Applies non-conflicting edits to `bytes`, keeping every other byte as it was.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) throws(TextEditError) -> [UInt8] {
        let sorted = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        for edit in sorted where edit.range.lowerBound < 0 || edit.range.upperBound > bytes.count {
            throw .outOfBounds(edit)
        }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.conflicts(with: b) {
            throw .overlapping(a, b)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + sorted.reduce(0) { $0 + $1.replacement.count })
        var cursor = 0
        for edit in sorted {
            out.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.replacement)
            cursor = edit.range.upperBound
        }
        out.append(contentsOf: bytes[cursor...])
        return out
    }
}
