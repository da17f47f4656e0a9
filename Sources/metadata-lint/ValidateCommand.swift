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

    @OptionGroup(title: "Limits") var budgets: FilterBudgetOptions

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
        let paths = files.isEmpty ? Validate.defaultPaths() : files
        let exclusion = output.exclusion(named: !files.isEmpty)
        var report: Report?
        // Each file under the config that governs it: files of different repositories or
        // directories with their own config are checked in groups, into one report.
        for (governing, group) in try output.loadConfigs(for: paths) {
            var config = governing
            try budgets.apply(to: &config.limits)
            let part = fix || diff
                ? Fixes.run(group, config: config, includeUnsafe: unsafeFixes, mode: diff ? .diff : .write, exclusion: exclusion)
                : Validate.run(group, config: config, metadata: metadata, exclusion: exclusion)
            if report == nil { report = part } else { report?.absorb(part) }
        }
        if let report { try output.finish(report) }
    }
}
