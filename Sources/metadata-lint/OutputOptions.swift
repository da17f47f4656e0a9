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

    /// Prints the report (input errors first, on standard error) and exits as it says.
    func finish(_ report: Report) throws {
        for error in report.inputErrors { Output.error(error.description) }
        let (stdout, stderr) = report.render(format, color: useColor)
        Output.write(stdout)
        if !stderr.isEmpty { FileHandle.standardError.write(Data(stderr.utf8)) }
        let code = report.exitCode(strict: strict)
        if code != 0 { throw ExitCode(code) }
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
