import ArgumentParser
import MetadataLint

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate external_domain_metadata.json files against every rule of the format."
    )

    @Argument(help: "Metadata files; '-' reads standard input. Default: ./external_domain_metadata.json")
    var files: [String] = []

    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Apply the safe fixes to the files, then report what remains.")
    var fix = false

    @Flag(name: .long, help: "With --fix or --diff, apply unsafe fixes too (they may drop information).")
    var unsafeFixes = false

    @Flag(name: .long, help: "Print the fixes as a unified diff instead of writing them.")
    var diff = false

    func validate() throws {
        if unsafeFixes && !fix && !diff {
            throw ValidationError("--unsafe-fixes needs --fix or --diff")
        }
        if fix && !diff && files.contains("-") {
            throw ValidationError("standard input cannot be fixed in place: use --diff to see the fixes")
        }
    }

    func run() throws {
        let config = try output.loadConfig()
        let paths = files.isEmpty ? ["external_domain_metadata.json"] : files
        if fix || diff {
            try output.finish(Fixes.run(paths, config: config, includeUnsafe: unsafeFixes, mode: diff ? .diff : .write))
        } else {
            try output.finish(Validate.run(paths, config: config))
        }
    }
}
