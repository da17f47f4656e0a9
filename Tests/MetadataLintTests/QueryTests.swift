import Foundation
import Testing

/// `metadata-lint query` must print what the jq 1.6 program prints for the same filter, flags and
/// input. Each case runs both and compares stdout byte for byte, and the exit codes.
@Suite(.serialized) struct QueryTests {
    static let metadata = "fixtures/example/external_domain_metadata.json"
    static let jsonl = "fixtures/artifacts/json-syntax/pass/epics.jsonl"
    static let pretty = "fixtures/artifacts/json-syntax/pass/comments.json"

    static func jq(_ arguments: [String]) throws -> CLITests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["jq"] + arguments
        process.currentDirectoryURL = TestSupport.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLITests.Run(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }

    static let cases: [[String]] = [
        [".", metadata],
        ["-c", ".", metadata],
        ["-S", ".record_types.users", metadata],
        [".record_types | keys", metadata],
        ["-r", ".record_types | keys[]", metadata],
        ["[paths] | length", metadata],
        ["-c", "[paths(type == \"number\")]", metadata],
        [".record_types[] | select(has(\"category\") | not) | .name", metadata],
        ["-c", ".record_types | map_values(.fields | keys)", metadata],
        ["reduce .record_types[] as $t (0; . + ($t.fields | length))", metadata],
        ["-c", "[.record_types[].fields[].type] | group_by(.) | map({(.[0]): length}) | add", metadata],
        ["-c", "[.. | objects | .refers_to? // empty | keys[]] | unique", metadata],
        ["--arg", "t", "epics", "-r", ".record_types[$t].stage_diagram.stages | to_entries[] | \"\\(.key) -> \\(.value.transitions_to // [] | join(\",\"))\"", metadata],
        ["-r", ".record_types | to_entries[] | [.key, (.value.fields | length)] | @csv", metadata],
        ["-c", ".record_types.epics.fields.progress.float | .max / 3, .min", metadata],
        ["-c", "limit(2; .record_types[] | .name)", metadata],
        ["-r", ".record_types.users.fields.email | tostring | ascii_upcase | length", metadata],
        [".id", jsonl],
        ["-c", "select(.data.priority == \"P0\") | {id, owner: .data.owner}", jsonl],
        ["-c", ".data | with_entries(select(.value | type == \"array\"))", jsonl],
        ["-r", ".data.text // \"none\"", pretty],
        ["-c", ".", pretty],
        ["-c", "[.id, .data.epic] | join(\"/\")", pretty],
    ]

    @Test(arguments: cases)
    func matchesTheJqProgram(arguments: [String]) throws {
        let ours = try CLITests.run(["query"] + arguments)
        let theirs = try Self.jq(arguments)
        #expect(ours.stdout == theirs.stdout, "\(arguments)")
        #expect(ours.status == theirs.status, "\(arguments): \(ours.stderr)")
        #expect(!ours.stdout.isEmpty)
    }

    @Test func gzipIsReadTransparently() throws {
        let ours = try CLITests.run(["query", "-c", ".id", "fixtures/artifacts/json-syntax/pass/users.jsonl.gz"])
        #expect(ours.stdout == "\"u1\"\n\"u2\"\n")
    }

    @Test func runtimeErrorsGoToStderrAndTheRunGoesOn() throws {
        let ours = try CLITests.run(["query", ".data.title + 1", Self.jsonl])
        let theirs = try Self.jq([".data.title + 1", Self.jsonl])
        // jq 1.6 exits with the status of the last input only (0 here, as the third record succeeds);
        // we exit 5 when any input failed, so an error is never hidden by a later success.
        #expect(ours.status == 5)
        #expect(theirs.status == 0)
        #expect(ours.stdout == theirs.stdout)
        #expect(ours.stderr.contains("jq: error (at \(Self.jsonl):1): string (\"Launch\") and number (1) cannot be added"))
    }

    @Test func aFilterThatDoesNotCompileIsExitTwoWithJqsMessage() throws {
        let run = try CLITests.run(["query", ".a |||", Self.metadata])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("jq: error: syntax error"))
        #expect(run.stderr.contains("jq: 1 compile error"))
        let importing = try CLITests.run(["query", "import \"x\" as x; .", Self.metadata])
        #expect(importing.status == 2, "import without a library path must fail, not abort")
    }

    @Test func standardInputAndHalt() throws {
        let run = try CLITests.run(["query", "-c", ".a"], stdin: "{\"a\": [1, 2]}\n{\"a\": null}")
        #expect(run.stdout == "[1,2]\nnull\n")
        let halted = try CLITests.run(["query", "if .a == 2 then halt_error(3) else .a end"], stdin: "{\"a\":1} {\"a\":2} {\"a\":3}")
        #expect(halted.stdout == "1\n")
        #expect(halted.status == 3)
    }

    @Test func malformedInputIsReportedWithItsPosition() throws {
        let run = try CLITests.run(["query", ".a"], stdin: "{\"a\": 1}\n{\"a\": }\n{\"a\": 3}\n")
        #expect(run.stdout == "1\n3\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("<stdin>:2:7"))
    }
}
