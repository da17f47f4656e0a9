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

    func run() throws {
        let config = try output.loadConfig()
        let paths = (files.isEmpty ? ["external_domain_metadata.json"] : files)
            .filter { $0 == "-" || !ConfigLoader.isIgnored($0, by: config) }
        if fix || diff || unsafeFixes {
            return try runFixes(paths, config: config)
        }
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
        let code = output.emit(diagnostics, files: paths.count, rules: config.allRules)
        if code != 0 { throw ExitCode(code) }
    }
}
