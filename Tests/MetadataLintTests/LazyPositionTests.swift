import Foundation
import Testing
@testable import LintReport
@testable import LintSource
@testable import MetadataLint

/// Issue 15, bounded memory and linear time: pointers spelled out only when asked for, columns on
/// long lines without rescanning them, one tree walk for all scanner notes, a suggestion budget
/// per file. Each answer must be exactly the one the plain computation gives.
@Suite struct LazyPositionTests {
    static let sample = #"{"a/b": [{"~k": 1}, 2], "c": {"d": null}, "": {"e": [[], {}]}}"#

    @Test func pointersAreSpelledOutFromTheParentChain() throws {
        let root = JSONTreeBuilder.tree(Self.sample)
        #expect(root.path == nil && root.pointer == "")
        let leaf = try #require(root["a/b"]?.elements?[0]["~k"])
        #expect(leaf.pointer == "/a~1b/0/~0k")
        #expect(root["c"]?["d"]?.ref == SourceRef(offset: 35, pointer: "/c/d"))
        #expect(root.member("c")?.keyRef == SourceRef(offset: 24, pointer: "/c"))
        #expect(root[""]?["e"]?.elements?[1].pointer == "//e/1")
    }

    @Test func aSubtreeBuiltFromAPlaceKeepsItsPrefix() {
        let bytes = Array(#"{"x": {"y": [true]}}"#.utf8)
        var scanner = JSONScanner()
        let node = bytes.withUnsafeBufferPointer { buffer -> JSONNode? in
            guard (try? scanner.scanDocument(buffer)) != nil, let base = buffer.baseAddress else { return nil }
            return JSONTreeBuilder.build(scanner.tape, base, from: 2, pointer: "/records/3")
        }
        #expect(node?.pointer == "/records/3")
        #expect(node?["y"]?.elements?[0].pointer == "/records/3/y/0")
    }

    @Test func everyPointerNamesItsOwnNode() throws {
        let root = JSONTreeBuilder.tree(Self.sample)
        var pending = [root]
        var offsets: Set<Int> = []
        var count = 0
        while let node = pending.popLast() {
            count += 1
            offsets.insert(node.offset)
            #expect(root.descendant(at: node.pointer) === node, "\(node.pointer)")
            pending += node.elements ?? []
            for member in node.members ?? [] {
                offsets.insert(member.keyOffset)
                pending.append(member.value)
            }
        }
        #expect(count == 11)
        let batch = root.pointers(at: offsets.union([999]))
        #expect(batch.count == offsets.count)
        for offset in offsets { #expect(batch[offset] == root.pointer(at: offset), "\(offset)") }
        #expect(batch[1] == "/a~1b" && batch[10] == "/a~1b/0/~0k" && batch[35] == "/c/d")
        #expect(root.pointer(at: 999) == nil)
    }

    @Test func refsCompareByOffsetAndPointerWhateverTheirForm() throws {
        let root = JSONTreeBuilder.tree(Self.sample)
        var ref = try #require(root["c"]?["d"]?.ref)
        #expect(ref == SourceRef(offset: 35, pointer: "/c/d"))
        #expect(ref != SourceRef(offset: 35, pointer: "/c"))
        #expect(ref != SourceRef(offset: 36, pointer: "/c/d"))
        ref.pointer = "/other"
        #expect(ref == SourceRef(offset: 35, pointer: "/other"))
        #expect(SourceRef(offset: 0, path: nil) == SourceRef(offset: 0, pointer: ""))
    }

    /// The column as counted from the start of the line, one byte at a time.
    static func counted(_ offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for k in 0..<min(offset, bytes.count) {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    @Test func columnsOnLongLinesEqualACountFromTheLineStart() {
        let stride = ColumnIndex.stride
        var text = "{\"k\": \"" + String(repeating: "é", count: stride) + "\",\r\n"
        text += "\"x\": [" + (0..<3000).map(String.init).joined(separator: ",") + "],\n\"y\": \"😀"
        text += String(repeating: "a€", count: stride) + "\"}"
        let bytes = Array(text.utf8)
        let lines = LineIndex(bytes)
        var offsets = Array(Swift.stride(from: 0, to: bytes.count + 3, by: 211))
        for boundary in Swift.stride(from: stride, through: bytes.count, by: stride) {
            offsets += [boundary - 1, boundary, boundary + 1]
        }
        offsets += lines.lineStarts + lines.lineStarts.map { $0 - 1 } + [bytes.count]
        for offset in offsets where offset >= 0 {
            let found = lines.location(of: offset, in: bytes)
            let expected = Self.counted(offset, in: bytes)
            #expect(found.line == expected.line && found.column == expected.column, "offset \(offset)")
        }
    }

    @Test func shortLinesKeepNoCheckpoints() {
        let bytes = Array(String(repeating: "{\"a\": 1}\n", count: 2000).utf8)
        let lines = LineIndex(bytes)
        #expect(lines.columns.column(of: 5000, lineStart: 4995, in: bytes) == nil)
        #expect(lines.location(of: 4995 + 3, in: bytes) == (556, 4))
    }

    @Test func theSuggestionBudgetIsSharedWithinAFileAndRenewedForTheNext() throws {
        let types = (0..<4000).map { "\"type_\(String(format: "%05d", $0))\": {\"fields\": {\"n\": {\"type\": \"text\"}}}" }
        let references = (0..<300).map {
            "\"r\($0)\": {\"type\": \"reference\", \"reference\": {\"refers_to\": {\"#record:type_\(String(format: "%05d", $0))x\": {}}}}"
        }
        let text = "{\"schema_version\": \"v0.2.0\", \"record_types\": {" + types.joined(separator: ", ")
            + ", \"holder\": {\"fields\": {" + references.joined(separator: ", ") + "}}}}"
        let started = Date()
        let first = TestSupport.validate(text).filter { $0.rule == "unknown-reference-target" }
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(first.count == 300)
        #expect(first.first?.message.hasSuffix("did you mean \"#record:type_00000\"?") == true)
        #expect(first.last?.message.hasSuffix("declare it or fix the name") == true)
        // Once spent, the budget stays spent: the suggestions are a prefix of the findings.
        let suggested = first.prefix { $0.message.contains("did you mean") }.count
        #expect(suggested > 0 && suggested < 300)
        #expect(!first.dropFirst(suggested).contains { $0.message.contains("did you mean") })
        let second = TestSupport.validate(text).filter { $0.rule == "unknown-reference-target" }
        #expect(second == first)
    }

    @Test func aLineSplitOnceGivesTheSameWindowAsTheText() {
        let text = String(repeating: "ab€", count: 200) + "😀" + String(repeating: "z", count: 300)
        let line = SnippetLine(text)
        let scalars = Array(text.unicodeScalars)
        for column in [1, 2, 80, 81, 82, 400, 601, 602, 603, 901, 902, 2000] {
            let (window, caret) = Snippets.window(line, column: column)
            let at = min(max(column - 1, 0), scalars.count)
            let from = max(0, at - Snippets.windowWidth)
            let to = min(scalars.count, at + Snippets.windowWidth)
            let plain = String(String.UnicodeScalarView(scalars[from..<to]))
            #expect(window == (from > 0 ? "…" : "") + plain + (to < scalars.count ? "…" : ""), "\(column)")
            #expect(caret == at - from + 1 + (from > 0 ? 1 : 0), "\(column)")
        }
    }
}
