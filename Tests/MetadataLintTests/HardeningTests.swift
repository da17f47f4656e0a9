import Foundation
@testable import JQ
import Testing
@testable import MetadataLint

/// Issue 15 at the unit level: libjq contained, limits, lazy pointers, bounded suggestions.
@Suite struct HardeningTests {
    static func json(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func run(_ filter: JQFilter, _ text: String) throws(JQError) -> [JQValue] {
        try json(text).withUnsafeBufferPointer { bytes throws(JQError) in try filter.values(json: bytes) }
    }

    // MARK: - libjq

    @Test func moduleWordsAreFoundOutsideStringsAndComments() {
        let words = JQOptions.moduleWords
        #expect(JQProgramScan.words(words, in: #"import "a" as a; ."#) == ["import"])
        #expect(JQProgramScan.words(words, in: "include \"x\";\n.") == ["include"])
        #expect(JQProgramScan.words(words, in: #""a" | modulemeta"#) == ["modulemeta"])
        #expect(JQProgramScan.words(words, in: #"{import: 1, include: 2} | .import, .modulemeta"#).isEmpty)
        #expect(JQProgramScan.words(words, in: "\"import \\(1 + (2)) include\" # import\n| .").isEmpty)
        #expect(JQProgramScan.words(words, in: #""\("x" | "\(import "a" as a; 1)")""#) == ["import"])
    }

    @Test func modulesAreRefusedWithoutALibraryPath() throws {
        for program in [#"import "a" as a {search: "$ORIGIN/x"}; ."#, #"include "b"; ."#, #""a" | modulemeta"#] {
            #expect(throws: JQError.self) { _ = try JQFilter(program) }
            do {
                _ = try JQFilter(program, options: JQOptions.configRule(timeBudget: nil, memoryBudget: nil))
            } catch {
                #expect(error.kind == .compile)
                #expect(error.message.contains("disabled for filters from a config file"))
            }
        }
    }

    @Test func isolatedFiltersSeeNoEnvironment() throws {
        let filter = try JQFilter(#"[$ENV, env, input_filename, ([inputs] | length)]"#,
                                  options: JQOptions.configRule(timeBudget: nil, memoryBudget: nil))
        #expect(try Self.run(filter, "{}") == [.array([.object([:]), .object([:]), .null, .number(0)])])
        let open = try JQFilter("$ENV | has(\"PATH\")")
        #expect(try Self.run(open, "{}") == [.bool(true)])
    }

    @Test func programsEndingInsideAStringDoNotCompile() {
        // libjq 1.6 leaks the partial string token here (sanitizers/lsan.supp explains it).
        for program in ["\"abc", "\"\\(1", "select(has(\"name) |"] {
            #expect(throws: JQError.self) { _ = try JQFilter(program) }
        }
    }

    @Test func aCompileErrorShowsTheUsersProgramNotTheWrapper() {
        do {
            _ = try JQFilter(".a |||", options: JQOptions.configRule(timeBudget: nil, memoryBudget: nil))
            Issue.record("compiled")
        } catch {
            #expect(error.message.contains("syntax error"))
            #expect(!error.message.contains("def env"))
        }
    }

    @Test func haltExitCodesAreExact() throws {
        let cases: [(String, Int32)] = [("halt_error(3)", 3), ("halt_error(1e10)", 5), ("halt_error(-3e9)", 5),
                                        ("halt_error(nan)", 5), ("halt_error(infinite)", 5), ("halt", 0), ("halt_error(0.5)", 5)]
        for (program, code) in cases {
            let filter = try JQFilter(program)
            do {
                _ = try Self.run(filter, "\"m\"")
                Issue.record("\(program) did not halt")
            } catch {
                #expect(error.kind == .halt, "\(program)")
                #expect(error.exitCode == code, "\(program)")
            }
        }
    }

    /// Under ThreadSanitizer (`make sanitize` sets METADATA_LINT_SANITIZER), signals wait for the
    /// next libc call, and an endless jq loop makes none: the budget is then only the watchdog's exit.
    static let underThreadSanitizer = ProcessInfo.processInfo.environment["METADATA_LINT_SANITIZER"] == "thread"

    @Test(.disabled(if: underThreadSanitizer, "ThreadSanitizer defers the halt signal"))
    func aTimeBudgetStopsEndlessFiltersAndTheFilterRunsAgain() throws {
        for program in ["last(repeat(1))", "until(false; .)", "[range(1e12)] | length", "def f: f; f"] {
            let filter = try JQFilter(program, options: JQOptions(timeBudget: 0.2))
            let started = Date()
            do {
                _ = try Self.run(filter, "{\"n\": 1}")
                Issue.record("\(program) ended")
            } catch {
                #expect(error.kind == .timeBudget, "\(program): \(error.message)")
            }
            #expect(Date().timeIntervalSince(started) < 3, "\(program)")
        }
        let filter = try JQFilter("if . == 0 then last(repeat(1)) else . + 1 end", options: JQOptions(timeBudget: 0.2))
        #expect(throws: JQError.self) { _ = try Self.run(filter, "0") }
        #expect(try Self.run(filter, "41") == [.number(42)])
    }

    @Test func libjqRunningOutOfMemoryIsAnErrorAndTheFilterRunsAgain() throws {
        let filter = try JQFilter("if . == 0 then [] | .[1e9] = 1 else . end")
        do {
            _ = try Self.run(filter, "0")
            Issue.record("allocated")
        } catch {
            #expect(error.kind == .outOfMemory)
        }
        #expect(try Self.run(filter, "7") == [.number(7)])
    }

    @Test func deepValuesRunOnALargeStack() throws {
        let filter = try JQFilter("reduce range(300000) as $i (0; [.]) | length")
        #expect(try Self.run(filter, "null") == [.number(1)])
        let deep = try JQFilter("reduce range(2000) as $i (0; [.])")
        #expect(throws: JQError.self) { _ = try Self.run(deep, "null") }
    }

    @Test func firstResultDecidesTruthiness() throws {
        let filter = try JQFilter("repeat(true)", options: JQOptions(timeBudget: 5))
        let truthy = try Self.json("{}").withUnsafeBufferPointer { bytes throws(JQError) in try filter.isTruthy(json: bytes) }
        #expect(truthy)
    }

    @Test func indexesAreExact() {
        #expect(JQValue.index(3) == 3)
        #expect(JQValue.index(1e300) == nil)
        #expect(JQValue.index(.nan) == nil)
        #expect(JQValue.index(-.infinity) == nil)
        #expect(JQValue.index(2.5) == nil)
    }


    // MARK: - Limits

    @Test func limitSizesAndTimes() {
        #expect(Limits.parseBytes("16 MiB") == 16 << 20)
        #expect(Limits.parseBytes("512KiB") == 512 << 10)
        #expect(Limits.parseBytes("1000") == 1000)
        #expect(Limits.parseBytes("0") == nil)
        #expect(Limits.parseBytes("9999999999999 GiB") == nil)
        // Past 1 PiB: the guard adds the budget to the resident size, which must not overflow.
        #expect(Limits.parseBytes("9223372036854775807") == nil)
        #expect(Limits.parseBytes("8589934591GiB") == nil)
        #expect(Limits.parseBytes("1024 GiB") == 1 << 40)
        // Under a millisecond would round to "no deadline".
        #expect(Limits.parseSeconds("0.0000000001") == nil)
        #expect(Limits.parseSeconds("1ms") == 0.001)
        #expect(Limits.parseBytes("16 MB") == nil)
        #expect(Limits.parseSeconds("500ms") == 0.5)
        #expect(Limits.parseSeconds("2.5 s") == 2.5)
        #expect(Limits.parseSeconds("nan") == nil)
        #expect(Limits.parseSeconds("-1") == nil)
        #expect(Limits.parseSeconds("1e9") == nil)
    }



    // MARK: - Streams

    static func stream(_ bytes: [UInt8], maxBytes: Int = 1 << 20, maxValues: Int? = nil, gzip: Bool = false) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ml-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let source = try ByteSource(path: url.path)
        let stream = RecordStream(source: source, initialCapacity: 16, maxRecordBytes: maxBytes, maxRecordValues: maxValues)
        var events: [String] = []
        try stream.forEach(record: { record, _ in
            events.append("record@\(record.line)")
        }, problem: { problem in
            events.append("json-syntax@\(problem.line):\(problem.column)")
        }, limit: { problem in
            switch problem.kind {
            case .bytes(let limit): events.append("bytes>\(limit)@\(problem.line):\(problem.column)")
            case .values(_, let limit): events.append("values>\(limit)@\(problem.line):\(problem.column)")
            }
        })
        if let trailing = source.trailingData { events.append("trailing \(trailing.bytes) at \(trailing.offset)") }
        return events
    }

    @Test func everyBadLineGetsItsOwnFinding() throws {
        let text = "{\"a\": 1}\n{\"a\" 2}\n   {\"b\": }\nnot json\n  ]\n{\"a\": 3}\n"
        #expect(try Self.stream(Self.json(text)) == ["record@1", "json-syntax@2:6", "json-syntax@3:10", "json-syntax@4:1",
                                                      "json-syntax@5:3", "record@6"])
    }

    @Test func recordsOverTheLimitsAreSkippedAndReadingGoesOn() throws {
        let long = "{\"a\": \"" + String(repeating: "x", count: 5000) + "\"}"
        let text = "{\"a\": 1}\n" + long + "\n[1,2,3,4,5,6]\n{\"a\": 2}\n"
        #expect(try Self.stream(Self.json(text), maxBytes: 1000, maxValues: 5)
            == ["record@1", "bytes>1000@2:1", "values>5@3:1", "record@4"])
    }

    @Test func gzipMembersAreReadAndTrailingDataIsReported() throws {
        let first = try #require(Data(base64Encoded: "H4sIAAAAAAACA6tWSlSyMtRRSlKyMqoFAIPOQc8NAAAA"))  // {"a":1,"b":2}
        let members = Array(first) + Array(first)
        #expect(try Self.stream(members) == ["record@1", "record@1"])
        #expect(try Self.stream(Array(first) + Self.json("junk\n")) == ["record@1", "trailing 5 at 33"])
        #expect(try Self.stream(Array(first) + [0, 0, 0]) == ["record@1", "trailing 3 at 33"])
        #expect(throws: InputError.self) { _ = try Self.stream(Array(first.prefix(20))) }
    }

    // MARK: - Pointers, columns, suggestions


    @Test func columnsOnLongLinesMatchACount() {
        var text = "{\"k\": \"" + String(repeating: "é", count: 3000) + "\", \"x\": ["
        text += (0..<3000).map(String.init).joined(separator: ",") + "]}\n{}"
        let bytes = Array(text.utf8)
        let source = SourceFile(path: "t.json", bytes: bytes)
        for offset in stride(from: 0, to: bytes.count, by: 997) {
            let expected = source.lines.location(of: offset, in: bytes)
            let made = source.diagnostic(at: SourceRef(offset: offset, pointer: ""), rule: "r", severity: .error, message: "m")
            #expect(made.line == expected.line && made.column == expected.column, "\(offset)")
        }
    }

    @Test func suggestionsStayTheSameAndBounded() {
        #expect(Suggest.closest(to: "strng", in: ["string", "struct", "text"]) == "string")
        #expect(Suggest.closest(to: "USERS", in: ["users", "user"]) == "users")
        #expect(Suggest.closest(to: "abc", in: ["xyz"]) == nil)
        let keys = (0..<1_000_000).map { "k\($0)" }
        let started = Date()
        _ = Suggest.closest(to: "k00001x", in: keys)
        #expect(Date().timeIntervalSince(started) < 10)
    }
}

extension JSONTreeBuilder {
    static func tree(_ text: String) -> JSONNode {
        let bytes = Array(text.utf8)
        var scanner = JSONScanner()
        return bytes.withUnsafeBufferPointer { buffer in
            _ = try? scanner.scanDocument(buffer)
            return build(scanner.tape, buffer.baseAddress.unsafelyUnwrapped)
        }
    }
}
