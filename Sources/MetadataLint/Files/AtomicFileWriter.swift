import Foundation
import LintSource

/// Replaces a file's contents all at once: the new bytes go to a temporary file in the same
/// directory, which is flushed, given the original's permission bits, and renamed over it. A
/// reader sees the old file or the new one, never half of one; a failure leaves the old file.
public enum AtomicFileWriter {
    public static func write(_ bytes: [UInt8], to path: String) throws(InputError) {
        // Write through a symlink to the file it names, keeping the link.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var info = stat()
        guard stat(target, &info) == 0 else { throw InputError(path: path, reason: "cannot stat the file to replace it") }
        var template = Array(((directory.isEmpty ? "." : directory) + "/." + name + ".metadata-lint-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else {
            throw InputError(path: path, reason: "cannot create a temporary file next to it (\(String(cString: strerror(errno))))")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String? = nil
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            guard let base = buffer.baseAddress else { return true }
            while offset < buffer.count {
                let n = Foundation.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        if !written { failure = "cannot write (\(String(cString: strerror(errno))))" }
        if failure == nil, fchmod(fd, info.st_mode & 0o7777) != 0 { failure = "cannot keep the file mode" }
        if failure == nil, fsync(fd) != 0 { failure = "cannot flush to disk" }
        close(fd)
        if failure == nil, rename(temporary, target) != 0 {
            failure = "cannot replace the file (\(String(cString: strerror(errno))))"
        }
        if let failure {
            unlink(temporary)
            throw InputError(path: path, reason: failure)
        }
    }
}
