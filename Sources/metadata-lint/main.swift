import ArgumentParser
import Foundation

// Exit codes are part of the interface: 0 clean, 1 findings, 2 usage or I/O. ArgumentParser
// uses 64 for usage errors, so parsing errors are mapped here.
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
