import ArgumentParser
import Foundation
import MetadataLint

extension OutputFormat: ExpressibleByArgument {}

/// `--format FORMAT` or `--format FORMAT=FILE`.
struct FormatRequest: ExpressibleByArgument {
    var format: OutputFormat
    var path: String?

    init(format: OutputFormat, path: String?) {
        self.format = format
        self.path = path
    }

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard let format = OutputFormat(rawValue: parts[0]) else { return nil }
        self.format = format
        path = parts.count > 1 ? parts[1] : nil
    }

    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Output format: text, json, github or sarif. Repeat it for several; FORMAT=FILE writes that one to FILE.",
        valueName: "format[=file]"))
    var format: [FormatRequest] = []

    @Option(name: .long, help: "Write the report to FILE instead of standard output.")
    var outputFile: String?

    @Flag(name: .long, help: "Treat warnings as errors for the exit code.")
    var strict = false

    @Flag(name: .long, help: "Exit 0 even when there are findings (exit 2 for usage and I/O problems stays).")
    var exitZero = false

    @Flag(name: [.short, .long], help: "Print the findings only: no summary or counts.")
    var quiet = false

    @Option(name: .long, help: "Colour: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never.")
    var color: ColorChoice = .auto

    @Option(name: .long, help: "Run only these rules (ids or groups, comma-separated or repeated).")
    var select: [String] = []

    @Option(name: .customLong("ignore"), help: "Turn these rules off (ids or groups, comma-separated or repeated).")
    var ignoreRules: [String] = []

    @Flag(name: .long, help: "After the report, print how many findings each rule had.")
    var statistics = false

    @Option(name: .long, help: "Only findings not in this baseline file count.")
    var baseline: String?

    @Option(name: .long, help: "Write every finding to this baseline file (then --baseline FILE shows only new ones).")
    var writeBaseline: String?

    @Option(name: .long, help: "Config file (default: the nearest .metadata-lint.yml above each file, within its repository).")
    var config: String?

    @Flag(name: .long, help: "Ignore any config file.")
    var noConfig = false

    @Flag(name: .long, help: "Skip files the config's ignore patterns match even when they are named on the command line.")
    var forceExclude = false

    /// The format written to standard output (the first one without a file).
    var primaryFormat: OutputFormat { format.first { $0.path == nil }?.format ?? .text }

    func validate() throws {
        if format.filter({ $0.path == nil }).count > 1 {
            throw ValidationError("only one --format can go to standard output; give the others a file: --format sarif=out.sarif")
        }
    }

    /// The config in force, with --select and --ignore applied; a broken config or an unknown rule
    /// is exit code 2 with its position. `near`: the path whose config is discovered (default:
    /// the working directory's).
    func loadConfig(near path: String? = nil) throws -> Config {
        let discovered = path.map(ConfigDiscovery.config(for:)) ?? ConfigLoader.discover()
        return try loadConfig(at: discovered)
    }

    /// `paths` in groups that share a config (one group with --config or --no-config), each with
    /// its config loaded as `loadConfig` does.
    func loadConfigs(for paths: [String]) throws -> [(config: Config, paths: [String])] {
        if noConfig || config != nil { return [(try loadConfig(at: nil), paths)] }
        return try ConfigDiscovery.group(paths).map { (try loadConfig(at: $0.config), $0.paths) }
    }

    /// How the ignore patterns treat the paths given: `--force-exclude`, or paths the user did
    /// not name (the defaults), are skipped when a pattern matches them.
    func exclusion(named: Bool) -> InputExclusion.Mode {
        forceExclude || !named ? .all : .exceptNamed
    }

    private func loadConfig(at discovered: String?) throws -> Config {
        var config = Config()
        if !noConfig, let path = self.config ?? discovered {
            do throws(ConfigError) {
                config = try ConfigLoader.load(path)
            } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
        }
        do throws(RuleSelection.UnknownRule) {
            try RuleSelection.apply(select: select, ignore: ignoreRules, to: &config)
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        return config
    }

    func useColor(on stream: Int32) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isatty(stream) != 0
        }
    }

    /// Applies the baseline, writes every requested format, and exits as the report says. Input
    /// errors go to standard error first.
    func finish(_ report: Report) throws {
        var report = report
        if let writeBaseline {
            try write(Baseline(report.diagnostics).serialized(), to: writeBaseline)
        }
        if let baseline {
            do throws(InputError) {
                report = try Baseline.load(baseline).filter(report)
            } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
        }
        for error in report.inputErrors { Output.error(error.description) }
        let requests = format.isEmpty ? [FormatRequest(format: .text, path: nil)] : format
        for request in requests {
            let toFile = request.path ?? outputFile
            let (stdout, stderr) = report.render(request.format, color: toFile == nil && useColor(on: STDOUT_FILENO), quiet: quiet)
            if let toFile {
                try write(stdout, to: toFile)
            } else {
                Output.write(stdout)
            }
            if !stderr.isEmpty, !quiet { FileHandle.standardError.write(Data(stderr.utf8)) }
        }
        if statistics { Output.write(TextRenderer.statistics(report)) }
        let code = report.exitCode(strict: strict)
        if code == 2 || (code != 0 && !exitZero) { throw ExitCode(code) }
    }

    private func write(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            Output.error("\(path): cannot write the file")
            throw ExitCode(2)
        }
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
