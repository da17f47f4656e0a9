import ArgumentParser
import Foundation
import MetadataLint

// Exit codes are part of the interface: 0 clean, 1 findings, 2 usage or I/O. ArgumentParser
// uses 64 for usage errors, so parsing errors are mapped here.
let arguments = Array(CommandLine.arguments.dropFirst())
let commands = MetadataLintCommand.configuration.subcommands.map { $0._commandName }
if let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), first != "help" {
    let hint = Suggest.didYouMean(first, in: commands) ?? "the commands are \(commands.joined(separator: ", "))"
    FileHandle.standardError.write(Data("metadata-lint: unknown command \"\(first)\": \(hint)\nUsage: metadata-lint <command> ...; see 'metadata-lint --help'\n".utf8))
    Foundation.exit(2)
}

do {
    var command = try MetadataLintCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = MetadataLintCommand.exitCode(for: error)
    if code == .success {
        MetadataLintCommand.exit(withError: error)
    }
    FileHandle.standardError.write(Data((MetadataLintCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
