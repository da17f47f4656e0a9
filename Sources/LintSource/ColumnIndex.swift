/// Columns on long lines in time independent of the line's length. A column counts characters
/// (UTF-8 lead bytes) from the start of its line; counted afresh for each finding, a minified
/// one-line file with many findings would take time quadratic in their number. When some line is
/// longer than `stride` bytes, this keeps the count of lead bytes before every `stride` boundary,
/// so a column costs at most two partial blocks.
struct ColumnIndex: Sendable {
    static let stride = 4096
    /// Lead bytes before byte k × stride; empty when every line is short.
    private let leadsBefore: [Int]

    init(_ bytes: UnsafeBufferPointer<UInt8>, longestLine: Int) {
        guard longestLine > Self.stride else {
            leadsBefore = []
            return
        }
        var counts: [Int] = []
        counts.reserveCapacity(bytes.count / Self.stride + 1)
        var leads = 0
        for k in 0..<bytes.count {
            if k % Self.stride == 0 { counts.append(leads) }
            if bytes[k] & 0xC0 != 0x80 { leads += 1 }
        }
        leadsBefore = counts
    }

    /// The 1-based column of `offset` (at most the byte count) on a line starting at
    /// `lineStart`, or nil when the part of the line before it is short enough to count directly.
    func column(of offset: Int, lineStart: Int, in bytes: [UInt8]) -> Int? {
        guard !leadsBefore.isEmpty, offset - lineStart > Self.stride, offset <= bytes.count else { return nil }
        return leads(before: offset, in: bytes) - leads(before: lineStart, in: bytes) + 1
    }

    private func leads(before offset: Int, in bytes: [UInt8]) -> Int {
        let block = min(offset / Self.stride, leadsBefore.count - 1)
        var count = leadsBefore[block]
        var k = block * Self.stride
        while k < offset {
            if bytes[k] & 0xC0 != 0x80 { count += 1 }
            k += 1
        }
        return count
    }
}
