import Foundation
import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Splits a byte source into JSON values: one per line (JSONL) or any whitespace-separated stream
/// (chef-cli's pretty-printed records). Each value is scanned onto the scanner's tape and handed to
/// the caller with its 1-based first line. A malformed value is reported and reading resumes at
/// the next line; a line there that does not start a record is reported too, so every bad line
/// gets its own finding. A record over the size or value-count limit is reported and skipped
/// without reading more of it into memory than the limit.
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

    /// A record skipped because it passes a limit.
    public struct LimitProblem {
        public enum Kind: Equatable {
            /// Larger than `limit` bytes (it was not read to its end).
            case bytes(limit: Int)
            /// At least `count` values, more than `limit`.
            case values(count: Int, limit: Int)
        }
        public let kind: Kind
        public let line: Int
        public let column: Int
    }

    /// The default limits of one record: 16 MiB and a million values (the scanner's tape takes
    /// 32 bytes a value, the buffer one byte a byte).
    public static let defaultMaxRecordBytes = 16 << 20
    public static let defaultMaxRecordValues = 1_000_000

    public var scanner: JSONScanner
    /// Largest record read; a larger one is reported and skipped.
    public let maxRecordBytes: Int
    /// Most values (tape entries) in one record; nil: no limit.
    public let maxRecordValues: Int?
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
    @exclusivity(unchecked) public private(set) var bytesBefore: Int
    /// True after a malformed record until the next good one: a line must then start a record.
    private var recovering = false
    /// A read error met while filling the buffer, thrown once the bytes read before it are used.
    private var pendingError: InputError?

    /// `startOffset`: where in the file the source starts reading (for a range of a file); lines
    /// are counted from 1 at that point.
    public init(source: ByteSource, maxDepth: Int = 256, initialCapacity: Int = 1 << 20,
                maxRecordBytes: Int = RecordStream.defaultMaxRecordBytes, maxRecordValues: Int? = nil,
                detectsDuplicateKeys: Bool = true, startOffset: Int = 0) {
        self.bytesBefore = startOffset
        self.source = source
        self.scanner = JSONScanner(maxDepth: maxDepth)
        self.scanner.detectsDuplicateKeys = detectsDuplicateKeys
        self.capacity = max(16, min(initialCapacity, max(maxRecordBytes, 16)))
        self.maxRecordBytes = max(1, maxRecordBytes)
        self.maxRecordValues = maxRecordValues
        self.buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    public var bytesRead: Int { bytesBefore + position }

    /// Line feeds consumed so far.
    public var linesConsumed: Int { line - 1 }

    /// Calls `record` for each well-formed value, `problem` for each malformed one and `limit` for
    /// each one over a limit (a second reading of a file that was checked once may ignore those).
    ///
    /// `clean` is offered each object first, as a `Record` whose `end` is as far as it may read
    /// (the buffer's end or the record limits): it returns the object's end when it has dealt with
    /// the object without a line feed inside it, or nil to have it scanned and passed to `record`.
    public func forEach(record: (Record, inout JSONScanner) -> Void,
                        problem: (SyntaxProblem) -> Void,
                        limit: (LimitProblem) -> Void = { _ in },
                        clean: (Record) -> Int? = { _ in nil }) throws(InputError) {
        // A tape holds at most one entry per byte, so a record within both limits in bytes is
        // within the value limit too.
        let cleanReach = min(maxRecordBytes, maxRecordValues ?? Int.max)
        while true {
            skipWhitespace()
            if position == filled {
                if eof { return }
                try refill()
                continue
            }
            let start = position
            if recovering, buffer[start] != UInt8(ascii: "{"), buffer[start] != UInt8(ascii: "[") {
                let (errorLine, errorColumn) = location(of: start)
                let error = JSONSyntaxError(.unexpectedByte(found: buffer[start], expected: .recordStart), at: start)
                problem(SyntaxProblem(error: error, line: errorLine, column: errorColumn))
                try skipLine(from: start)
                continue
            }
            let reach = start + min(filled - start, cleanReach)
            if buffer[start] == UInt8(ascii: "{"), let end = clean(Record(base: buffer, start: start, end: reach, line: line)) {
                assert(end > start && end <= reach && memchr(buffer + start, 0x0A, end - start) == nil,
                       "a clean record must end inside its reach, with no line feed")
                recovering = false
                position = end
                continue
            }
            let buffered = UnsafeBufferPointer(start: buffer, count: filled)
            let scanned: Swift.Result<Int, JSONSyntaxError>
            do throws(JSONSyntaxError) {
                scanned = .success(try scanner.scanValue(in: buffered, from: start))
            } catch {
                scanned = .failure(error)
            }
            if let most = maxRecordValues, scanner.tape.count > most {
                let (recordLine, recordColumn) = location(of: start)
                limit(LimitProblem(kind: .values(count: scanner.tape.count, limit: most), line: recordLine, column: recordColumn))
                recovering = false
                if case .success(let end) = scanned, end < filled || eof {
                    advanceCountingLines(to: end)
                } else {
                    try skipLine(from: start)
                }
                continue
            }
            switch scanned {
            case .success(let end):
                // A top-level number could continue in the next chunk.
                if end == filled, !eof, scanner.tape[0].kind == .number, filled - start < maxRecordBytes {
                    try refill()
                    continue
                }
                if end - start > maxRecordBytes {
                    let (recordLine, recordColumn) = location(of: start)
                    limit(LimitProblem(kind: .bytes(limit: maxRecordBytes), line: recordLine, column: recordColumn))
                    advanceCountingLines(to: end)
                    continue
                }
                recovering = false
                record(Record(base: buffer, start: start, end: end, line: line), &scanner)
                advanceCountingLines(to: end)
            case .failure(let error):
                if error.isTruncation, !eof {
                    if filled - start >= maxRecordBytes {
                        let (recordLine, recordColumn) = location(of: start)
                        limit(LimitProblem(kind: .bytes(limit: maxRecordBytes), line: recordLine, column: recordColumn))
                        try skipLine(from: start)
                    } else {
                        try refill(untilLineBreak: true)
                    }
                    continue
                }
                let (errorLine, errorColumn) = location(of: error.offset)
                problem(SyntaxProblem(error: error, line: errorLine, column: errorColumn))
                recovering = true
                try skipLine(from: max(error.offset, start))
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

    /// Moves past the line break after `offset` (or to the end of the input), reading and
    /// dropping as much as it takes: a line of any length costs no more memory than the buffer.
    private func skipLine(from offset: Int) throws(InputError) {
        advanceCountingLines(to: min(max(offset, position), filled))
        while true {
            if position < filled, let found = memchr(buffer + position, 0x0A, filled - position) {
                let breakAt = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
                advanceCountingLines(to: breakAt + 1)
                return
            }
            position = filled
            if eof { return }
            try refill()
        }
    }

    /// Moves the unconsumed bytes to the front and reads more, growing the buffer (up to the
    /// record limit) when one value does not fit. `untilLineBreak`: for a value cut at the end of
    /// the buffer, which is scanned again from its start each time: reads until a line break comes
    /// in or the buffer is full, so that short reads (a gzip member at a time) do not make a long
    /// line quadratic, while a record arriving through a pipe is not kept waiting for more.
    private func refill(untilLineBreak: Bool = false) throws(InputError) {
        if position > 0 {
            let keep = filled - position
            if keep > 0 { buffer.update(from: buffer + position, count: keep) }
            bytesBefore += position
            lineStart -= position
            filled = keep
            position = 0
        }
        if filled == capacity {
            let grownCapacity = min(capacity * 2, max(maxRecordBytes, capacity))
            guard grownCapacity > capacity else {
                throw InputError(path: source.path, reason: "a single record is larger than \(maxRecordBytes) bytes")
            }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: grownCapacity)
            grown.update(from: buffer, count: filled)
            buffer.deallocate()
            buffer = grown
            capacity = grownCapacity
        }
        if let error = pendingError {
            pendingError = nil
            throw error
        }
        // A read error after some bytes came in waits until those bytes are used.
        let before = filled
        while filled < capacity {
            let n: Int
            do throws(InputError) {
                n = try source.read(into: buffer + filled, count: capacity - filled)
            } catch {
                if filled == before { throw error }
                pendingError = error
                return
            }
            if n == 0 {
                eof = true
                return
            }
            let chunk = buffer + filled
            filled += n
            if !untilLineBreak || memchr(chunk, 0x0A, n) != nil { return }
        }
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
