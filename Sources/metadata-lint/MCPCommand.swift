import AgentServer
import ArgumentParser
import Foundation

struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Run the Model Context Protocol server (over standard input and output) for coding agents.",
        discussion: """
        Tools: validate_metadata, check_artifacts, explain_rule, list_rules, run_jq_query, \
        infer_metadata, sample_items, fix_metadata, diff_metadata. Each takes JSON arguments and \
        returns structured JSON with file, line, column, JSON pointer, severity, rule id and \
        message for every finding. The nearest .metadata-lint.yml above the file checked applies \
        unless --config or --no-config is given. The server exits when its input closes.
        """
    )

    @Option(name: .long, help: "Config file for every call (default: the nearest .metadata-lint.yml).")
    var config: String?

    @Flag(name: .long, help: "Ignore any config file.")
    var noConfig = false

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        var options = AgentServer.Options()
        options.context = ToolContext(config: noConfig ? .none : config.map { .file($0) } ?? .discover)
        let code = AgentServer(options: options).run()
        if code != 0 { throw ExitCode(code) }
    }
}
