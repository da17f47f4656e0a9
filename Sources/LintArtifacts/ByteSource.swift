import CZlib
import Foundation
import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Reads a file in chunks, inflating it through zlib when it starts with the gzip magic bytes.
/// Never shells out; a truncated or corrupt gzip stream is an error with the offset reached.
public final class ByteSource {
    public let path: String
    public let isGzip: Bool
    /// Size on disk (compressed size for gzip), for progress.
    public let fileSize: Int
    private var file: UnsafeMutablePointer<FILE>?
    private var gz: gzFile?

    public init(path: String) throws(InputError) {
        self.path = path
        try InputFile.checkReadable(path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        fileSize = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard let handle = fopen(path, "rb") else {
            throw InputError(path: path, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        var magic: [UInt8] = [0, 0]
        let got = fread(&magic, 1, 2, handle)
        isGzip = got == 2 && magic[0] == 0x1F && magic[1] == 0x8B
        if isGzip {
            fclose(handle)
            guard let opened = gzopen(path, "rb") else {
                throw InputError(path: path, reason: "cannot open the gzip stream")
            }
            gzbuffer(opened, 256 * 1024)
            gz = opened
        } else {
            rewind(handle)
            file = handle
        }
    }

    /// Standard input; gzip is detected by zlib itself, which passes plain text through unchanged.
    public init(standardInput: Void) throws(InputError) {
        path = "<stdin>"
        fileSize = 0
        isGzip = true
        guard let opened = gzdopen(dup(0), "rb") else { throw InputError(path: path, reason: "cannot read standard input") }
        gzbuffer(opened, 256 * 1024)
        gz = opened
    }

    /// Bytes left to read when reading a range of a plain file (nil: to the end).
    private var remaining: Int? = nil

    /// Restricts reading to `range` of a plain (not gzip) file.
    public func restrict(to range: Range<Int>) throws(InputError) {
        guard let file, !isGzip else { throw InputError(path: path, reason: "only plain files can be read by range") }
        if fseek(file, range.lowerBound, SEEK_SET) != 0 { throw InputError(path: path, reason: "cannot seek") }
        remaining = range.count
    }

    deinit { close() }

    public func close() {
        if let file { fclose(file) }
        if let gz { gzclose(gz) }
        file = nil
        gz = nil
    }

    /// Compressed bytes consumed so far (plain files: bytes read), for progress.
    public var consumed: Int {
        if let gz { return Int(gzoffset(gz)) }
        if let file { return ftell(file) }
        return fileSize
    }

    /// Reads up to `count` bytes into `buffer`; 0 means end of input.
    public func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        if let file {
            let wanted = remaining.map { min($0, count) } ?? count
            if wanted == 0 { return 0 }
            let n = fread(buffer, 1, wanted, file)
            if let left = remaining { remaining = left - n }
            if n == 0, ferror(file) != 0 { throw InputError(path: path, reason: "read error") }
            return n
        }
        guard let gz else { return 0 }
        let n = gzread(gz, buffer, UInt32(min(count, Int(Int32.max))))
        // gzread reports a stream cut short (Z_BUF_ERROR) as a plain end of file: ask gzerror.
        if n <= 0 {
            var code: Int32 = 0
            let message = gzerror(gz, &code).map { String(cString: $0) } ?? "corrupt gzip data"
            if n < 0 || code != Z_OK {
                throw InputError(path: path, reason: "gzip: \(message): the file is truncated or corrupt")
            }
        }
        return Int(max(n, 0))
    }
}
