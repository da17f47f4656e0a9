import ArgumentParser
import MetadataLint

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate external_domain_metadata.json and initial_domain_mapping.json files.",
        discussion: """
        A file named initial_domain_mapping.json (or whose top level is additional_mappings or \
        starting_recipe_blueprint) is checked as a mapping, against --metadata or else the \
        external_domain_metadata.json beside it. Validating a metadata file also checks the mapping \
        file beside it.
        """
    )

    @Argument(help: "Metadata or mapping files; '-' reads standard input. Default: ./external_domain_metadata.json (and the mapping beside it)")
    var files: [String] = []

    @Option(name: .long, help: "The external_domain_metadata.json to check mapping files against (default: the one beside each).")
    var metadata: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let config = try output.loadConfig()
        try output.finish(Validate.run(files.isEmpty ? Validate.defaultPaths() : files, config: config, metadata: metadata))
    }
}
