import ArgumentParser
import MetadataLint

struct MetadataLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metadata-lint",
        abstract: "Validate DevRev Airdrop metadata and the artifacts extracted against it.",
        discussion: "Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 usage or I/O problem.",
        version: MetadataLintVersion.forCommandLine,
        subcommands: [ValidateCommand.self, CheckArtifactsCommand.self, QueryCommand.self, RulesCommand.self, ExplainCommand.self,
                      InitCommand.self, InferCommand.self, SampleCommand.self, JSONSchemaCommand.self,
                      FmtCommand.self, DiffCommand.self, SchemaCommand.self]
    )
}
