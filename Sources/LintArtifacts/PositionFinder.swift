import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Reads files again to find the line, column and text of values by byte offset. Only references
/// that do not resolve need them, so the hot path stores an offset and this runs once at the end.
enum PositionFinder {
    struct Found {
        var line = 0
        var column = 0
        var text = ""
    }

    static let maxText = 120

    /// The position of each request, and the files that could not be read again.
    static func locate(_ requests: [(file: String, offset: Int)]) -> (found: [Found], failures: [String: InputError]) {
        var results = Array(repeating: Found(), count: requests.count)
        var failures: [String: InputError] = [:]
        let byFile = Dictionary(grouping: requests.indices, by: { requests[$0].file })
        for (file, indices) in byFile {
            let sorted = indices.sorted { requests[$0].offset < requests[$1].offset }
            let source: ByteSource
            do throws(InputError) {
                source = try ByteSource(path: file)
            } catch {
                failures[file] = error
                continue
            }
            defer { source.close() }
            var scan = Scan(sorted: sorted.map { requests[$0].offset })
            let chunk = 1 << 20
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
            defer { buffer.deallocate() }
            while !scan.done {
                let count: Int
                do throws(InputError) {
                    count = try source.read(into: buffer, count: chunk)
                } catch {
                    failures[file] = error
                    break
                }
                if count <= 0 { break }
                scan.feed(UnsafeBufferPointer(start: buffer, count: count))
            }
            scan.finishCapture()
            for (n, index) in sorted.enumerated() where n < scan.found.count { results[index] = scan.found[n] }
        }
        return (results, failures)
    }

    /// Walks bytes once, recording the position of each wanted offset and the JSON string there.
    struct Scan {
        let offsets: [Int]
        var found: [Found] = []
        var line = 1, column = 1, position = 0
        /// Bytes of the string being captured (after its opening quote), if any.
        var capture: [UInt8]? = nil
        var escaped = false

        init(sorted: [Int]) { offsets = sorted }

        var done: Bool { found.count == offsets.count && capture == nil }

        mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
            for byte in bytes {
                if capture != nil { take(byte) }
                while found.count < offsets.count, offsets[found.count] == position {
                    found.append(Found(line: line, column: column, text: ""))
                    capture = []
                    escaped = false
                }
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                position += 1
                if done { return }
            }
        }

        /// Collects the string's raw bytes up to its closing quote (or the length limit).
        private mutating func take(_ byte: UInt8) {
            guard var bytes = capture else { return }
            if !escaped && byte == UInt8(ascii: "\"") {
                capture = bytes
                finishCapture()
                return
            }
            escaped = !escaped && byte == UInt8(ascii: "\\")
            if bytes.count < PositionFinder.maxText { bytes.append(byte) } else {
                capture = bytes
                finishCapture(truncated: true)
                return
            }
            capture = bytes
        }

        mutating func finishCapture(truncated: Bool = false) {
            guard let bytes = capture, !found.isEmpty else { return }
            found[found.count - 1].text = String(decoding: bytes, as: UTF8.self) + (truncated ? "…" : "")
            capture = nil
        }
    }
}
