import ArgumentParser
import Foundation
import LanguageServer

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over standard input and output) for editors.",
        discussion: """
        Checks external_domain_metadata.json files as they are edited (diagnostics with rule ids, \
        hover, completion of declared names, go to definition, find references). The nearest \
        .metadata-lint.yml above each file applies unless --config or --no-config is given.
        """
    )

    @Option(name: .long, help: "Config file for every document (default: the nearest .metadata-lint.yml).")
    var config: String?

    @Flag(name: .long, help: "Ignore any config file.")
    var noConfig = false

    @Flag(name: .long, help: "Accepted for editors that pass it; standard input and output are always used.")
    var stdio = false

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        var options = LanguageServer.Options()
        options.config = noConfig ? .none : config.map { .file($0) } ?? .discover
        // Quick fixes from the rules' fixers, formatting from `fmt`.
        options.hooks = .library
        let code = LanguageServer(options: options).run()
        throw ExitCode(code)
    }
}
