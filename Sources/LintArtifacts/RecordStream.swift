import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Splits a byte source into JSON values: one per line (JSONL) or any whitespace-separated stream
/// (chef-cli's pretty-printed records). Each value is scanned onto the scanner's tape and handed to
/// the caller with its 1-based first line. A malformed value is reported and skipped: reading
/// resumes at the next line that starts with `{` or `[`.
public final class RecordStream {
    public struct Record {
        /// The bytes of the current buffer; valid only during the callback.
        public let base: UnsafePointer<UInt8>
        public let start: Int
        public let end: Int
        /// 1-based line of the record's first byte, in the decompressed text.
        public let line: Int
    }

    public struct SyntaxProblem {
        public let error: JSONSyntaxError
        public let line: Int
        public let column: Int
    }

    public var scanner: JSONScanner
    /// Largest record accepted before the stream gives up (a runaway value).
    public let maxRecordBytes: Int
    private let source: ByteSource
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var filled = 0
    private var position = 0
    private var eof = false
    /// Line number at `position`, and the buffer offset where that line starts (may be negative
    /// once the line's start has been shifted out of the buffer; columns then count from 0).
    private var line = 1
    private var lineStart = 0
    /// Decompressed bytes before buffer[0].
    public private(set) var bytesBefore: Int

    /// `startOffset`: where in the file the source starts reading (for a range of a file); lines
    /// are counted from 1 at that point.
    public init(source: ByteSource, maxDepth: Int = 256, initialCapacity: Int = 1 << 20,
                maxRecordBytes: Int = 1 << 30, detectsDuplicateKeys: Bool = true, startOffset: Int = 0) {
        self.bytesBefore = startOffset
        self.source = source
        self.scanner = JSONScanner(maxDepth: maxDepth)
        self.scanner.detectsDuplicateKeys = detectsDuplicateKeys
        self.capacity = initialCapacity
        self.maxRecordBytes = maxRecordBytes
        self.buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: initialCapacity)
    }

    deinit { buffer.deallocate() }

    public var bytesRead: Int { bytesBefore + position }

    /// Line feeds consumed so far.
    public var linesConsumed: Int { line - 1 }

    /// Calls `record` for each well-formed value and `problem` for each malformed one.
    public func forEach(record: (Record, inout JSONScanner) -> Void,
                        problem: (SyntaxProblem) -> Void) throws(InputError) {
        while true {
            skipWhitespace()
            if position == filled {
                if eof { return }
                try refill()
                continue
            }
            let start = position
            let buffered = UnsafeBufferPointer(start: buffer, count: filled)
            let scanned: Swift.Result<Int, JSONSyntaxError>
            do throws(JSONSyntaxError) {
                scanned = .success(try scanner.scanValue(in: buffered, from: start))
            } catch {
                scanned = .failure(error)
            }
            switch scanned {
            case .success(let end):
                // A top-level number could continue in the next chunk.
                if end == filled, !eof, scanner.tape[0].kind == .number {
                    try refill()
                    continue
                }
                record(Record(base: buffer, start: start, end: end, line: line), &scanner)
                advanceCountingLines(to: end)
            case .failure(let error):
                if error.isTruncation, !eof {
                    try refill()
                    continue
                }
                let (errorLine, errorColumn) = location(of: error.offset)
                problem(SyntaxProblem(error: error, line: errorLine, column: errorColumn))
                try resynchronize(after: max(error.offset, start + 1))
            }
        }
    }

    /// 1-based line and column of a buffer offset at or after `position`.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        LineIndex.walk(buffer, from: position, line: line, lineStart: lineStart, to: min(offset, filled))
    }

    private func skipWhitespace() {
        while position < filled {
            switch buffer[position] {
            case 0x0A:
                line += 1
                position += 1
                lineStart = position
            case 0x20, 0x0D, 0x09:
                position += 1
            default:
                return
            }
        }
    }

    private func advanceCountingLines(to end: Int) {
        let (count, lastBreak) = NewlineCounter.count(buffer + position, end - position)
        if count > 0 {
            line += count
            lineStart = position + lastBreak + 1
        }
        position = end
    }

    /// Skips past a malformed value to the next line that starts a new top-level value.
    private func resynchronize(after offset: Int) throws(InputError) {
        advanceCountingLines(to: min(offset, filled))
        while true {
            while position < filled {
                let byte = buffer[position]
                position += 1
                if byte == 0x0A {
                    line += 1
                    lineStart = position
                    if position < filled, buffer[position] == UInt8(ascii: "{") || buffer[position] == UInt8(ascii: "[") {
                        return
                    }
                    if position == filled, !eof {
                        try refill()
                        if position < filled, buffer[position] == UInt8(ascii: "{") || buffer[position] == UInt8(ascii: "[") {
                            return
                        }
                    }
                }
            }
            if eof { return }
            try refill()
        }
    }

    /// Moves the unconsumed bytes to the front and reads more, growing the buffer when one value
    /// does not fit.
    private func refill() throws(InputError) {
        if position > 0 {
            let keep = filled - position
            if keep > 0 { buffer.update(from: buffer + position, count: keep) }
            bytesBefore += position
            lineStart -= position
            filled = keep
            position = 0
        }
        if filled == capacity {
            guard capacity < maxRecordBytes else {
                throw InputError(path: source.path, reason: "a single record is larger than \(maxRecordBytes >> 20) MiB")
            }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: buffer, count: filled)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        let n = try source.read(into: buffer + filled, count: capacity - filled)
        if n == 0 { eof = true }
        filled += n
    }
}

/// Counts line feeds eight bytes at a time.
enum NewlineCounter {
    /// Number of LF bytes in `p[0..<n]` and the index of the last one (-1 when none).
    static func count(_ p: UnsafePointer<UInt8>, _ n: Int) -> (count: Int, last: Int) {
        var count = 0
        var last = -1
        var k = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let raw = UnsafeRawPointer(p)
        while k + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) ^ (ones &* 0x0A)
            // High bit set in each byte of `word` that is zero, i.e. each LF.
            let zeros = ~(((word & low7) &+ low7) | word | low7)
            if zeros != 0 {
                count += zeros.nonzeroBitCount
                last = k + 7 - zeros.leadingZeroBitCount / 8
            }
            k += 8
        }
        while k < n {
            if p[k] == 0x0A {
                count += 1
                last = k
            }
            k += 1
        }
        return (count, last)
    }
}
