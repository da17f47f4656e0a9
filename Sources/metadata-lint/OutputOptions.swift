import ArgumentParser
import Foundation
import MetadataLint

extension OutputFormat: ExpressibleByArgument {}

struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text, json, github or sarif.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors for the exit code.")
    var strict = false

    @Option(name: .long, help: "Config file (default: .metadata-lint.yml in this directory or a parent).")
    var config: String?

    @Flag(name: .long, help: "Ignore any config file.")
    var noConfig = false

    /// The config in force; a broken config is exit code 2 with its position.
    func loadConfig() throws -> Config {
        if noConfig { return Config() }
        guard let path = config ?? ConfigLoader.discover() else { return Config() }
        do throws(ConfigError) {
            return try ConfigLoader.load(path)
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }

    /// Colour only on a terminal, and never with NO_COLOR set.
    var useColor: Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) != 0
    }

    /// Prints the diagnostics and returns the exit code they call for. `totals` are the counts
    /// when more were found than are shown (check-artifacts' cap); `footer` lines come before the
    /// text summary.
    func emit(_ diagnostics: [Diagnostic], totals: (errors: Int, warnings: Int, notes: Int)? = nil, files: Int,
              rules: [RuleInfo], footer: [String] = [], category: String = "metadata-lint") -> Int32 {
        let renderer = format.renderer(color: useColor, category: category)
        Output.write(renderer.render(diagnostics, rules: rules))
        let errors = totals?.errors ?? diagnostics.filter { $0.severity == .error }.count
        let warnings = totals?.warnings ?? diagnostics.filter { $0.severity == .warning }.count
        let notes = totals?.notes ?? diagnostics.count - errors - warnings
        if format == .text {
            for line in footer { Output.write(line + "\n") }
            Output.write(TextRenderer.summary(errors: errors, warnings: warnings, notes: notes, files: files) + "\n")
        } else if format == .github {
            // GitHub shows at most 10 annotations per type: keep the full report in the log too.
            FileHandle.standardError.write(Data(GitHubRenderer.inert(TextRenderer(color: false).render(diagnostics, rules: rules)).utf8))
        }
        return errors > 0 || (strict && warnings > 0) ? 1 : 0
    }
}

enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("metadata-lint: " + text + "\n").utf8))
    }
}
