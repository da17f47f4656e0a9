import CZlib
import Foundation
import LintSource

/// Inflates gzip data read from a `FILE`, member after member (RFC 1952 allows several in one
/// file). Unlike `gzread`, which silently ignores whatever follows the last member, anything after
/// it that is not another member is reported as trailing data.
final class GzipInflater {
    private var stream = z_stream()
    private let input: UnsafeMutablePointer<UInt8>
    private let inputCapacity = 256 * 1024
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    private var initialized = false
    private var fileEnded = false
    /// A member just ended; the next bytes must start another member.
    private var betweenMembers = false
    /// Compressed bytes taken from the file so far.
    private(set) var compressedRead = 0
    /// Set once trailing data is found: its offset in the file and how many bytes follow.
    private(set) var trailing: (offset: Int, bytes: Int, allZero: Bool)?

    /// `prefix`: bytes already read from `file` (the magic bytes), inflated first.
    init(file: UnsafeMutablePointer<FILE>, path: String, prefix: [UInt8]) throws(InputError) {
        self.file = file
        self.path = path
        input = UnsafeMutablePointer<UInt8>.allocate(capacity: inputCapacity)
        let status = inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw InputError(path: path, reason: "gzip: cannot start zlib (\(status))")
        }
        initialized = true
        input.update(from: prefix, count: prefix.count)
        stream.next_in = input
        stream.avail_in = UInt32(prefix.count)
        compressedRead = prefix.count
    }

    deinit {
        if initialized { inflateEnd(&stream) }
        input.deallocate()
    }

    /// Reads more compressed bytes after those not yet consumed; false at the end of the file.
    private func fill() throws(InputError) -> Bool {
        guard !fileEnded else { return false }
        let kept = Int(stream.avail_in)
        if kept > 0, let next = stream.next_in, next != input { input.update(from: next, count: kept) }
        let n = fread(input + kept, 1, inputCapacity - kept, file)
        if n == 0 {
            if ferror(file) != 0 { throw InputError(path: path, reason: "read error: \(String(cString: strerror(errno)))") }
            fileEnded = true
        }
        compressedRead += n
        stream.next_in = input
        stream.avail_in = UInt32(kept + n)
        return n > 0
    }

    /// Inflates up to `count` bytes into `buffer`; 0 means the end of the data.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        guard trailing == nil, count > 0 else { return 0 }
        while true {
            if betweenMembers {
                while stream.avail_in < 2, try fill() {}
                if stream.avail_in == 0 { return 0 }
                guard let next = stream.next_in, stream.avail_in >= 2, next[0] == 0x1F, next[1] == 0x8B else {
                    try measureTrailing()
                    return 0
                }
                inflateReset(&stream)
                betweenMembers = false
            }
            if stream.avail_in == 0 { _ = try fill() }
            stream.next_out = buffer.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = UInt32(min(count, Int(UInt32.max)))
            let before = stream.avail_in
            let status = inflate(&stream, Z_NO_FLUSH)
            let produced = min(count, Int(UInt32.max)) - Int(stream.avail_out)
            switch status {
            case Z_STREAM_END:
                betweenMembers = true
                if produced > 0 { return produced }
            case Z_OK, Z_BUF_ERROR:
                if produced > 0 { return produced }
                // No output yet: a header was read (go on) or zlib needs more input.
                if status == Z_OK, stream.avail_in > 0, stream.avail_in != before { continue }
                if !(try fill()) {
                    throw InputError(path: path, reason: "gzip: unexpected end of file: the file is truncated or corrupt")
                }
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw InputError(path: path, reason: "gzip: \(message) at byte \(compressedRead - Int(stream.avail_in)): the file is corrupt")
            }
        }
    }

    /// Counts what follows the last member (without keeping it) for the report.
    private func measureTrailing() throws(InputError) {
        let offset = compressedRead - Int(stream.avail_in)
        var bytes = 0
        var allZero = true
        repeat {
            if let next = stream.next_in {
                for k in 0..<Int(stream.avail_in) where next[k] != 0 { allZero = false }
            }
            bytes += Int(stream.avail_in)
            stream.avail_in = 0
        } while try fill()
        trailing = (offset, bytes, allZero)
    }
}

