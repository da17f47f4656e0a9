import LintArtifacts
import LintRules
import LintSource

/// The source lines diagnostics point into, read when rendering: from memory when the report holds
/// the file, otherwise with one streaming pass over the file (gzip included) for just those lines.
enum Snippets {
    static func load(for diagnostics: [Diagnostic], sources: [String: SourceFile]) -> [String: [Int: SnippetLine]] {
        var wanted: [String: Set<Int>] = [:]
        for diagnostic in diagnostics where diagnostic.line > 0 {
            wanted[diagnostic.file, default: []].insert(diagnostic.line)
        }
        var found: [String: [Int: SnippetLine]] = [:]
        for (file, lines) in wanted {
            if let source = sources[file] {
                found[file] = Dictionary(uniqueKeysWithValues: lines.map { ($0, SnippetLine(source.lines.text(ofLine: $0, in: source.bytes))) })
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
/// a convenience: the diagnostic itself already says where).
enum LineReader {
    static func lines(_ wanted: Set<Int>, of path: String) -> [Int: String] {
        guard let last = wanted.max() else { return [:] }
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
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while line <= last {
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                do throws(InputError) {
                    return try source.read(into: base, count: raw.count)
                } catch {
                    return 0  // a damaged file was reported as such when it was checked
                }
            }
            if count <= 0 { break }
            for k in 0..<count {
                let byte = buffer[k]
                if byte == 0x0A {
                    if wanted.contains(line) { result[line] = text(current) }
                    current.removeAll(keepingCapacity: true)
                    line += 1
                    if line > last { break }
                } else if wanted.contains(line) {
                    current.append(byte)
                }
            }
        }
        if line <= last, wanted.contains(line), !current.isEmpty { result[line] = text(current) }
        return result
    }

    private static func text(_ bytes: [UInt8]) -> String {
        var end = bytes.count
        if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }
}
