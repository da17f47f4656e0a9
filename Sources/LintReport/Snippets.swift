import Foundation
import LintArtifacts
import LintRules
import LintSource

/// The source lines diagnostics point into, read when rendering: from memory when the report holds
/// the file, otherwise with one streaming pass over the file (gzip included) for just those lines.
enum Snippets {
    static func load(for diagnostics: [Diagnostic], sources: [String: SourceFile]) -> [String: [Int: SnippetLine]] {
        // Per file, each line shown and how many of its scalars a window needs (one more than the
        // window's end, so that the window knows the line goes on).
        var wanted: [String: [Int: Int]] = [:]
        for diagnostic in diagnostics where diagnostic.line > 0 {
            let scalars = max(diagnostic.column, 1) + windowWidth + 1
            wanted[diagnostic.file, default: [:]][diagnostic.line] = max(wanted[diagnostic.file]?[diagnostic.line] ?? 0, scalars)
        }
        var found: [String: [Int: SnippetLine]] = [:]
        for (file, lines) in wanted {
            if let source = sources[file] {
                found[file] = Dictionary(uniqueKeysWithValues: lines.keys.map { ($0, SnippetLine(source.lines.text(ofLine: $0, in: source.bytes))) })
            } else {
                found[file] = LineReader.lines(lines, of: file).mapValues(SnippetLine.init)
            }
        }
        return found
    }

    /// Characters shown on each side of the caret in a long line.
    static let windowWidth = 80

    /// The text around `column` (1-based, in Unicode scalars): the whole line when short, otherwise
    /// up to `windowWidth` scalars on each side, marked with "…"; and the caret's column in it.
    static func window(_ line: SnippetLine, column: Int) -> (text: String, caret: Int) {
        let scalars = line.scalars
        let at = min(max(column - 1, 0), scalars.count)
        let from = max(0, at - windowWidth)
        let to = min(scalars.count, at + windowWidth)
        var text = String(String.UnicodeScalarView(scalars[from..<to]))
        var caret = at - from + 1
        if from > 0 {
            text = "…" + text
            caret += 1
        }
        if to < scalars.count { text += "…" }
        return (text, caret)
    }
}

/// A source line split into Unicode scalars once: each finding's window then costs its own width,
/// not the line's (a minified file with thousands of findings on its one line stays linear).
struct SnippetLine: Sendable {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }
}

/// Reads given lines of a file in one pass, decompressing gzip; nothing on error (a snippet is
/// a convenience: the diagnostic itself already says where). Of each line it keeps only the
/// scalars a window needs and skips the rest unread into memory: a line may be a gigabyte long
/// (a decompression bomb reported as record-too-large).
enum LineReader {
    /// `wanted`: line number → how many of its first Unicode scalars to keep.
    static func lines(_ wanted: [Int: Int], of path: String) -> [Int: String] {
        guard let last = wanted.keys.max() else { return [:] }
        let source: ByteSource
        do throws(InputError) {
            source = try ByteSource(path: path)
        } catch {
            return [:]  // the file was read once already; without it there is just no snippet
        }
        defer { source.close() }
        var result: [Int: String] = [:]
        var line = 1
        var current: [UInt8] = []
        var keep = wanted[1] ?? 0
        var scalars = 0
        let capacity = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        reading: while line <= last {
            let count: Int
            do throws(InputError) {
                count = try source.read(into: buffer, count: capacity)
            } catch {
                break  // a damaged file was reported as such when it was checked
            }
            if count <= 0 { break }
            var k = 0
            while k < count {
                var lineEnd: Int? = nil
                // A scalar starts at every byte but UTF-8 continuation bytes (0b10xxxxxx).
                let continues = buffer[k] & 0xC0 == 0x80
                if scalars < keep || (scalars == keep && continues && keep > 0) {
                    if buffer[k] == 0x0A {
                        lineEnd = k
                    } else {
                        if !continues { scalars += 1 }
                        current.append(buffer[k])
                        k += 1
                    }
                } else if let found = memchr(buffer + k, 0x0A, count - k) {
                    lineEnd = buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
                } else {
                    k = count
                }
                guard let end = lineEnd else { continue }
                if wanted[line] != nil { result[line] = text(current) }
                current.removeAll(keepingCapacity: true)
                line += 1
                if line > last { break reading }
                keep = wanted[line] ?? 0
                scalars = 0
                k = end + 1
            }
        }
        if line <= last, wanted[line] != nil, !current.isEmpty { result[line] = text(current) }
        return result
    }

    private static func text(_ bytes: [UInt8]) -> String {
        var end = bytes.count
        if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }
}
