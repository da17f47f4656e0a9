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

    func run() throws {
        let config = try output.loadConfig()
        try output.finish(Validate.run(files.isEmpty ? ["external_domain_metadata.json"] : files, config: config))
    }
}
