import Foundation
import Testing

/// Runs the built binary: exit codes and output are the interface users script against.
@Suite(.serialized) struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary built with these tests: beside the test bundle, so a build under another
    /// --build-path (`make sanitize`'s .build-asan, .build-tsan) tests its own binary.
    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("metadata-lint")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return TestSupport.packageRoot.appendingPathComponent(".build/debug/metadata-lint")
    }()

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    in directory: URL = TestSupport.packageRoot) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func cleanFileExitsZero() throws {
        let run = try Self.run(["validate", "fixtures/example/external_domain_metadata.json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("no problems found in 1 file"))
    }

    @Test func findingsExitOneWithPositions() throws {
        let run = try Self.run(["validate", "fixtures/example/broken_external_domain_metadata.json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("fixtures/example/broken_external_domain_metadata.json:31:19: error[undeclared-category]"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    @Test func missingFileAndDirectoryExitTwoWithOneLine() throws {
        let missing = try Self.run(["validate", "no/such/file.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "metadata-lint: no/such/file.json: no such file\n")
        let directory = try Self.run(["validate", "fixtures"])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("is a directory"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Self.run(["validate", "--format", "yaml", "x.json"]).status == 2)
        #expect(try Self.run(["no-such-command"]).status == 2)
        #expect(try Self.run(["explain", "no-such-rule"]).status == 2)
    }

    @Test func standardInputAndMalformedJSON() throws {
        let run = try Self.run(["validate", "-"], stdin: "{\"record_types\": {,}}")
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("<stdin>:1:19: error[json-syntax]"))
    }

    @Test func warningsPassUnlessStrict() throws {
        let file = "fixtures/rules/unused-category/fail.json"
        #expect(try Self.run(["validate", file]).status == 0)
        #expect(try Self.run(["validate", "--strict", file]).status == 1)
    }

    @Test func jsonFormatIsParseable() throws {
        let run = try Self.run(["validate", "--format", "json", "fixtures/example/broken_external_domain_metadata.json"])
        #expect(run.status == 1)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 8)
        #expect(items[0]["pointer"] as? String == "/record_types/epics/category")
    }

    @Test func rulesListsEveryRuleAndExplainPrintsIt() throws {
        let rules = try Self.run(["rules"])
        #expect(rules.status == 0)
        for id in ["json-syntax", "reserved-field-name", "stage-diagram-state", "legacy-key"] {
            #expect(rules.stdout.contains(id))
        }
        let explain = try Self.run(["explain", "reserved-field-name"])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("reserved-field-name (error, reference)"))
        #expect(try Self.run(["--version"]).stdout.hasPrefix("0."))
    }

    @Test func githubFormatKeepsTheFullReportOnStderrForArtifactsToo() throws {
        let run = try Self.run(["check-artifacts", "--no-config", "--format", "github", "--metadata",
                                "fixtures/artifacts/metadata.json", "fixtures/artifacts/duplicate-item-id/fail"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::error file=fixtures/artifacts/duplicate-item-id/fail/users.jsonl,line=3,col=8,title=duplicate-item-id::"))
        #expect(run.stderr.contains("users.jsonl:3:8: error[duplicate-item-id]"))
    }

    @Test func anEmptyArtifactDirectoryIsAnErrorNotAPass() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Self.run(["check-artifacts", "--no-config", "--metadata", "fixtures/artifacts/metadata.json", directory.path])
        #expect(run.status == 2)
        #expect(run.stderr == "metadata-lint: \(directory.path): no *.jsonl, *.jsonl.gz or *.json artifacts in this directory\n")
    }

    @Test func defaultFileIsInTheCurrentDirectory() throws {
        let run = try Self.run(["validate"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("external_domain_metadata.json: no such file"))
    }
}
