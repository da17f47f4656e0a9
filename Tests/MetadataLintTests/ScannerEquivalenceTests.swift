import Foundation
import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintJSON
@testable import LintRules
@testable import LintSource
@testable import LintSupport

/// The SIMD scan (`JSONScanner.vectorized`) and the scalar scan must give the same tape, notes,
/// errors and end offsets on every input: the fixtures, the shared corpus when it is present, and
/// random well-formed and broken JSON from a seeded generator.
@Suite struct ScannerEquivalenceTests {
    /// Scans `bytes` as a stream of values (as check-artifacts reads JSONL, resuming after a
    /// malformed value at the next line) and as one document, and describes every outcome.
    static func trace(_ bytes: [UInt8], vectorized: Bool) -> [String] {
        var scanner = JSONScanner()
        scanner.vectorized = vectorized
        var lines: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                offset = JSONScanner.skipWhitespace(buffer, from: offset)
                guard offset < buffer.count else { break }
                do throws(JSONSyntaxError) {
                    let end = try scanner.scanValue(in: buffer, from: offset)
                    lines.append("value \(offset)..<\(end) " + describe(scanner))
                    offset = end
                } catch {
                    lines.append("error \(error.kind) at \(error.offset)")
                    var next = max(error.offset, offset + 1)
                    while next < buffer.count, buffer[next - 1] != 0x0A { next += 1 }
                    offset = next
                }
            }
            do throws(JSONSyntaxError) {
                try scanner.scanDocument(buffer)
                lines.append("document " + describe(scanner))
            } catch {
                lines.append("document error \(error.kind) at \(error.offset)")
            }
        }
        return lines
    }

    static func describe(_ scanner: JSONScanner) -> String {
        var parts: [String] = []
        for k in 0..<scanner.tape.count {
            let e = scanner.tape[k]
            parts.append("\(e.kind.rawValue).\(e.flags).\(e.count).\(e.start).\(e.end).\(e.next)")
        }
        return parts.joined(separator: " ") + " notes \(scanner.notes.map { "\($0.kind)@\($0.offset)" })"
    }

    static func expectSame(_ bytes: [UInt8], _ label: String) {
        let scalar = trace(bytes, vectorized: false)
        let simd = trace(bytes, vectorized: true)
        #expect(scalar == simd, "\(label): first difference at \(Array(zip(scalar, simd)).firstIndex { $0.0 != $0.1 } ?? min(scalar.count, simd.count))")
    }

    static func files(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { ["json", "jsonl"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }

    @Test func fixturesScanAlike() throws {
        let files = Self.files(under: TestSupport.packageRoot.appendingPathComponent("fixtures"))
        #expect(files.count > 100)
        for file in files { Self.expectSame(Array(try Data(contentsOf: file)), file.lastPathComponent) }
    }

    /// ../shared/corpus beside the repository, when it is there (it is never copied in).
    @Test func corpusScansAlike() throws {
        let corpus = TestSupport.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        for file in Self.files(under: corpus) { Self.expectSame(Array(try Data(contentsOf: file)), file.lastPathComponent) }
    }

    @Test func randomInputScansAlike() {
        var random = SeededRandom(seed: 14)
        for n in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + random.below(4)) {
                RandomJSON.value(&bytes, depth: 0, &random)
                bytes += random.below(3) == 0 ? Array("\n".utf8) : Array(" \n  ".utf8)
            }
            if n % 2 == 1 { RandomJSON.damage(&bytes, &random) }
            Self.expectSame(bytes, "random input \(n)")
            // Every length near the end of the SIMD window's reach.
            if n % 50 == 0 {
                for cut in stride(from: bytes.count, to: max(0, bytes.count - 70), by: -1) {
                    Self.expectSame(Array(bytes[..<cut]), "random input \(n) cut at \(cut)")
                }
            }
        }
    }

    @Test func classifierMasksMatchBytes() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<2000 {
            let bytes = (0..<64).map { _ in RandomJSON.interestingByte(&random) }
            bytes.withUnsafeBytes { raw in
                guard let p = raw.baseAddress else { return }
                var stops: UInt64 = 0, spaces: UInt64 = 0, feeds: UInt64 = 0
                for (k, b) in bytes.enumerated() {
                    if b == 0x22 || b == 0x5C || b < 0x20 || b >= 0x80 { stops |= 1 << UInt64(k) }
                    if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { spaces |= 1 << UInt64(k) }
                    if b == 0x0A { feeds |= 1 << UInt64(k) }
                }
                #expect(ByteClassifier.stringStops(p) == stops)
                #expect(ByteClassifier.whitespace(p) == spaces)
                #expect(ByteClassifier.lineFeeds(p) == feeds)
                #expect(ByteClassifier.portableStringStops(p) == stops)
                #expect(ByteClassifier.portableWhitespace(p) == spaces)
                #expect(ByteClassifier.portableLineFeeds(p) == feeds)
            }
        }
    }
}

/// SplitMix64: a small deterministic generator, so failures reproduce.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Random JSON with long and short strings, escapes, multi-byte UTF-8, numbers, literals,
/// whitespace runs and nesting; `damage` breaks it in the ways the scanner must report.
enum RandomJSON {
    static let pieces: [[UInt8]] = [
        Array("plain text ".utf8), Array("é".utf8), Array("😀".utf8), Array("中文".utf8),
        Array("\\n".utf8), Array("\\\"".utf8), Array("\\\\".utf8), Array("\\u00e9".utf8),
        Array("\\ud83d\\ude00".utf8), Array("\\/".utf8), Array("x".utf8), Array("0123456789abcdef".utf8),
    ]

    static func string(_ bytes: inout [UInt8], _ random: inout SeededRandom) {
        bytes.append(0x22)
        let length = random.below(8) == 0 ? random.below(200) : random.below(12)
        var written = 0
        while written < length {
            let piece = pieces[random.below(4) == 0 ? random.below(pieces.count) : 10]
            bytes += piece
            written += piece.count
        }
        bytes.append(0x22)
    }

    static func whitespace(_ bytes: inout [UInt8], _ random: inout SeededRandom) {
        switch random.below(6) {
        case 0: bytes += Array(repeating: 0x20, count: random.below(90))
        case 1: bytes += [0x0A] + Array(repeating: 0x20, count: random.below(20))
        case 2: bytes += [0x0D, 0x0A, 0x09]
        default: break
        }
    }

    static func value(_ bytes: inout [UInt8], depth: Int, _ random: inout SeededRandom) {
        whitespace(&bytes, &random)
        switch depth > 4 ? 2 + random.below(4) : random.below(6) {
        case 0:
            bytes.append(UInt8(ascii: "{"))
            for m in 0..<random.below(6) {
                if m > 0 { bytes.append(UInt8(ascii: ",")) }
                whitespace(&bytes, &random)
                string(&bytes, &random)
                whitespace(&bytes, &random)
                bytes.append(UInt8(ascii: ":"))
                value(&bytes, depth: depth + 1, &random)
            }
            whitespace(&bytes, &random)
            bytes.append(UInt8(ascii: "}"))
        case 1:
            bytes.append(UInt8(ascii: "["))
            for m in 0..<random.below(6) {
                if m > 0 { bytes.append(UInt8(ascii: ",")) }
                value(&bytes, depth: depth + 1, &random)
            }
            bytes.append(UInt8(ascii: "]"))
        case 2, 3: string(&bytes, &random)
        case 4: bytes += Array(["0", "-12", "3.25", "1e309", "123456789012345678901", "-0.5E-3"][random.below(6)].utf8)
        default: bytes += Array(["true", "false", "null"][random.below(3)].utf8)
        }
        whitespace(&bytes, &random)
    }

    static func interestingByte(_ random: inout SeededRandom) -> UInt8 {
        let special: [UInt8] = [0x22, 0x5C, 0x00, 0x1F, 0x20, 0x0A, 0x0D, 0x09, 0x7F, 0x80, 0xBF, 0xC3, 0xED, 0xF4, 0xFF, 0x21, 0x5B, 0x7B]
        return random.below(3) == 0 ? special[random.below(special.count)] : UInt8(truncatingIfNeeded: random.next())
    }

    static func damage(_ bytes: inout [UInt8], _ random: inout SeededRandom) {
        guard !bytes.isEmpty else { return }
        for _ in 0..<(1 + random.below(3)) {
            let at = random.below(bytes.count)
            switch random.below(4) {
            case 0: bytes[at] = interestingByte(&random)
            case 1: bytes.insert(interestingByte(&random), at: at)
            case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(5)))
            default: bytes.insert(contentsOf: Array("\\ud800".utf8), at: at)
            }
            if bytes.isEmpty { return }
        }
    }
}
