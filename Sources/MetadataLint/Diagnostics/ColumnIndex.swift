/// Columns on long lines in constant time. A column counts characters (UTF-8 lead bytes) from the
/// start of its line; counting them afresh for each finding costs the line's length, so a
/// minified one-line file with many findings would take quadratic time. For files with a line
/// longer than `stride`, this keeps the count of lead bytes before every `stride` boundary.
struct ColumnIndex: Sendable {
    static let stride = 4096
    /// Lead bytes before offset k * stride; empty when every line is short.
    private let leadsBefore: [Int]

    init(_ bytes: [UInt8], lineStarts: [Int]) {
        var longest = 0
        var previous = 0
        for start in lineStarts.dropFirst() {
            longest = max(longest, start - previous)
            previous = start
        }
        longest = max(longest, bytes.count - previous)
        guard longest > Self.stride else {
            leadsBefore = []
            return
        }
        var counts = [0]
        counts.reserveCapacity(bytes.count / Self.stride + 1)
        var leads = 0
        for (k, byte) in bytes.enumerated() {
            if k > 0, k % Self.stride == 0 { counts.append(leads) }
            if byte & 0xC0 != 0x80 { leads += 1 }
        }
        leadsBefore = counts
    }

    /// The 1-based column of `offset` on a line starting at `lineStart`, or nil when the line
    /// part before it is short enough to count directly.
    func column(of offset: Int, lineStart: Int, in bytes: [UInt8]) -> Int? {
        guard !leadsBefore.isEmpty, offset - lineStart > Self.stride else { return nil }
        let end = min(offset, bytes.count)
        return leads(before: end, in: bytes) - leads(before: lineStart, in: bytes) + 1
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
