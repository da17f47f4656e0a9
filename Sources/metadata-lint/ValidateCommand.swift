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

    @OptionGroup var budgets: FilterBudgetOptions

    @Flag(name: .long, help: "Skip files an ignore pattern matches even when they are named on the command line.")
    var forceExclude = false

    func run() throws {
        var config = try output.loadConfig()
        try budgets.apply(to: &config.limits)
        let given = files.isEmpty ? ["external_domain_metadata.json"] : files
        let matching = given.filter { $0 != "-" && ConfigLoader.isIgnored($0, by: config) }
        // Ruff's rule: a file named on the command line is checked even when a pattern matches it.
        let skip = forceExclude || files.isEmpty
        let paths = skip ? given.filter { !matching.contains($0) } : given
        let footer = IgnoredFiles.footer(ignored: skip ? matching : [], checkedAnyway: skip ? [] : matching)
        let validator = MetadataValidator(config: config)
        var diagnostics: [Diagnostic] = []
        for path in paths {
            do throws(InputError) {
                let source = try InputFile.read(path)
                diagnostics += validator.validate(source).diagnostics
            } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
        }
        let code = output.emit(diagnostics, files: paths.count, rules: config.allRules, footer: footer)
        if code != 0 { throw ExitCode(code) }
    }
}
