import Foundation
import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Reads a file in chunks, inflating it when it starts with the gzip magic bytes. Never shells
/// out; a truncated or corrupt gzip stream is an error with the offset reached, and data after
/// the last gzip member is reported through `trailingData` once the end is reached.
public final class ByteSource {
    public let path: String
    public private(set) var isGzip: Bool
    /// Size on disk (compressed size for gzip), for progress.
    public let fileSize: Int
    private var file: UnsafeMutablePointer<FILE>?
    private var inflater: GzipInflater?
    /// Plain input: bytes read to detect gzip, handed out before the rest of the file.
    private var pending: [UInt8] = []
    private var plainRead = 0

    public init(path: String) throws(InputError) {
        self.path = path
        try InputFile.checkReadable(path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        fileSize = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard let handle = fopen(path, "rb") else {
            throw InputError(path: path, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        isGzip = false
        try start(handle)
    }

    /// Standard input; gzip is detected from its first bytes, as for files.
    public init(standardInput: Void) throws(InputError) {
        path = "<stdin>"
        fileSize = 0
        guard let handle = fdopen(dup(0), "rb") else { throw InputError(path: path, reason: "cannot read standard input") }
        isGzip = false
        try start(handle)
    }

    private func start(_ handle: UnsafeMutablePointer<FILE>) throws(InputError) {
        var magic: [UInt8] = [0, 0]
        let got = fread(&magic, 1, 2, handle)
        if got == 2, magic[0] == 0x1F, magic[1] == 0x8B {
            isGzip = true
            file = handle
            do throws(InputError) {
                inflater = try GzipInflater(file: handle, path: path, prefix: magic)
            } catch {
                fclose(handle)
                file = nil
                throw error
            }
        } else {
            file = handle
            pending = Array(magic[0..<got])
            plainRead = got
        }
    }

    /// Bytes left to read when reading a range of a plain file (nil: to the end).
    private var remaining: Int? = nil

    /// Restricts reading to `range` of a plain (not gzip) file.
    public func restrict(to range: Range<Int>) throws(InputError) {
        guard let file, !isGzip else { throw InputError(path: path, reason: "only plain files can be read by range") }
        if fseek(file, range.lowerBound, SEEK_SET) != 0 { throw InputError(path: path, reason: "cannot seek") }
        pending = []
        plainRead = range.lowerBound
        remaining = range.count
    }

    deinit { close() }

    public func close() {
        inflater = nil
        if let file { fclose(file) }
        file = nil
    }

    /// Compressed bytes consumed so far (plain files: bytes read), for progress.
    public var consumed: Int {
        if let inflater { return inflater.compressedRead }
        return file == nil ? fileSize : plainRead
    }

    /// Data after the last gzip member, found when the end was reached: where it starts, how
    /// many bytes, and whether they are all zero (padding).
    public var trailingData: (offset: Int, bytes: Int, allZero: Bool)? { inflater?.trailing }

    /// Reads up to `count` bytes into `buffer`; 0 means end of input.
    public func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        if let inflater { return try inflater.read(into: buffer, count: count) }
        guard let file else { return 0 }
        var wanted = remaining.map { min($0, count) } ?? count
        if wanted == 0 { return 0 }
        var n = 0
        if !pending.isEmpty {
            n = min(pending.count, wanted)
            buffer.copyMemory(from: pending, byteCount: n)
            pending.removeFirst(n)
            wanted -= n
        }
        if wanted > 0 {
            let got = fread(buffer + n, 1, wanted, file)
            if got == 0, ferror(file) != 0 { throw InputError(path: path, reason: "read error: \(String(cString: strerror(errno)))") }
            plainRead += got
            n += got
        }
        if let left = remaining { remaining = left - n }
        return n
    }
}
