import ArgumentParser
import Foundation
import MetadataLint

struct InferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer",
        abstract: "Draft external_domain_metadata.json from sample records.",
        discussion: """
        Each PATH is a file or a directory (its *.jsonl, *.jsonl.gz, *.json and *.json.gz files); \
        each file holds samples of one record type, named from the file name as check-artifacts \
        names item types (users.jsonl, extractor_users_1712.jsonl and users-2.jsonl.gz are all \
        "users"). Samples are JSONL, pretty-printed streams or one JSON array of objects; each is \
        a normalized item {id, created_date, modified_date, data} or a raw API object. The draft \
        goes to stdout or --output; what each uncertain guess rests on goes to stderr. Exit codes: \
        0 drafted, 1 drafted but some input could not be read, 2 usage or I/O problem.
        """
    )

    @Option(name: .long, help: "Write the draft to this file instead of stdout.")
    var output: String?

    @Flag(name: .long, help: "Overwrite the --output file if it exists.")
    var force = false

    @Argument(help: "Sample files or directories.")
    var paths: [String]

    func run() throws {
        let result: MetadataInference.Result
        do throws(InputError) {
            result = try MetadataInference.run(paths: paths)
            if let output {
                try OutputFile.write(result.metadata.pretty, to: output, force: force)
            } else {
                Output.write(result.metadata.pretty)
            }
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        var summary = ["inferred \(result.recordTypes) record type\(result.recordTypes == 1 ? "" : "s") from \(result.samples) sample\(result.samples == 1 ? "" : "s")" + (output.map { ": \($0)" } ?? "")]
        summary += result.notes.map { "  " + $0 }
        FileHandle.standardError.write(Data((summary.joined(separator: "\n") + "\n").utf8))
        for problem in result.problems { Output.error(problem) }
        if !result.problems.isEmpty { throw ExitCode(1) }
    }
}
