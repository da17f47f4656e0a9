import ArgumentParser
import MetadataLint

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite metadata files in one canonical layout (2-space indent, the format's key order).",
        discussion: """
        Keys, strings and numbers are kept exactly as written; only whitespace and the order of the \
        format's keys change. A file that is not valid JSON or has duplicate keys is not touched \
        (exit 1, with positions). Exit codes: 0 done, 1 files would change (--check, --diff) or were \
        refused, 2 usage or I/O problem.
        """
    )

    @Argument(help: "Metadata files; '-' formats standard input to standard output. Default: ./external_domain_metadata.json")
    var files: [String] = []

    @Flag(name: .long, help: "Write nothing; list the files that would change and exit 1 if any would.")
    var check = false

    @Flag(name: .long, help: "Write nothing; print a unified diff of the changes and exit 1 if there are any.")
    var diff = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try output.rejectRuleSelection(in: "fmt")
    }

    func run() throws {
        let mode: FormatSummary.Mode = diff ? .diff : check ? .check : .write
        try output.finish(Formatting.run(files.isEmpty ? ["external_domain_metadata.json"] : files, mode: mode))
    }
}
