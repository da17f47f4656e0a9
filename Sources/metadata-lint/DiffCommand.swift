import ArgumentParser
import MetadataLint

extension VersionDiff.FailOn: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a metadata file; classify each change as breaking, risky or safe.",
        discussion: """
        Breaking: removed record types, fields, enum keys or reference targets; changed types, \
        collections, struct keys, categories, by_field or is_identifier; fields newly required. Risky: \
        deprecated enum keys, tightened bounds, removed stages or transitions, new required fields. \
        Safe: additions, names, descriptions. `metadata-lint explain <change>` describes each kind. \
        With git: metadata-lint diff <(git show main:path/external_domain_metadata.json) path/external_domain_metadata.json. \
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

    @Option(name: .long, help: "Name to show for OLD (e.g. main:external_domain_metadata.json when OLD is <(git show ...)).")
    var oldLabel: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try output.rejectRuleSelection(in: "diff")
        if output.strict {
            throw ValidationError("diff has no --strict: use --fail-on risky")
        }
    }

    func run() throws {
        var output = self.output
        output.strict = failOn.strict
        try output.finish(VersionDiff.report(oldPath: old, newPath: new, oldLabel: oldLabel))
    }
}
