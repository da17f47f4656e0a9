import ArgumentParser
import Foundation
import MetadataLint

extension VersionDiff.FailOn: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two metadata versions and classify each change as breaking, risky or safe.",
        discussion: """
        Changes are positioned in NEW, or in OLD for what NEW no longer has. With git: \
        metadata-lint diff <(git show main:path/external_domain_metadata.json) path/external_domain_metadata.json. \
        Exit codes: 0 nothing that --fail-on counts, 1 such changes, 2 usage or I/O problem or a version \
        that is not JSON.
        """
    )

    @Argument(help: "The earlier version (a file, /dev/fd/N from <(...), or '-').")
    var old: String

    @Argument(help: "The later version.")
    var new: String

    @Option(name: .long, help: "Exit 1 on breaking changes (default), or on risky ones too.")
    var failOn: VersionDiff.FailOn = .breaking

    @Option(name: .long, help: "Output format: text, json, github or sarif.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Name to show for OLD (e.g. main:external_domain_metadata.json when OLD is <(git show ...)).")
    var oldLabel: String?

    func run() throws {
        let sources: [SourceFile]
        do throws(InputError) {
            sources = try [old, new].map { path throws(InputError) in try InputFile.read(path) }
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        let oldSource = oldLabel.map { SourceFile(path: $0, bytes: sources[0].bytes) } ?? sources[0]
        let renderer = format.renderer(color: format == .text && isatty(STDOUT_FILENO) != 0
                                       && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty)
        switch VersionDiff.run(old: oldSource, new: sources[1]) {
        case .unreadable(let diagnostics):
            Output.write(renderer.render(diagnostics, rules: Rules.all))
            Output.error("cannot compare: a version is not valid JSON")
            throw ExitCode(2)
        case .changes(let changes, let diagnostics):
            Output.write(renderer.render(diagnostics, rules: ChangeKind.rules))
            if format == .text { Output.write(VersionDiff.summary(changes) + "\n") }
            if changes.contains(where: { failOn.fails($0.kind.impact) }) { throw ExitCode(1) }
        }
    }
}
