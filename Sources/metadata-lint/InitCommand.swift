import ArgumentParser
import Foundation
import MetadataLint

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter external_domain_metadata.json that validates with no finding.",
        discussion: """
        The starter declares schema_version, a "users" record type whose "email" is an identifier \
        (for references by e-mail), and for each of --record-types a required "title" and an \
        "owner" referring to users. It goes to stdout, or to --output, which is never overwritten \
        without --force. Exit codes: 0 written, 2 usage or I/O problem (the file exists).
        """
    )

    @Option(name: .long, help: "Comma-separated record types besides users (default: tickets,comments).")
    var recordTypes: String?

    @Option(name: .long, help: "Write the file here instead of stdout.")
    var output: String?

    @Flag(name: .long, help: "Overwrite the --output file if it exists.")
    var force = false

    func run() throws {
        let names = recordTypes.map { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) } }
            ?? StarterMetadata.defaultRecordTypes
        do throws(InputError) {
            let text = try StarterMetadata.text(recordTypes: names).get()
            if let output {
                try OutputFile.write(text, to: output, force: force)
                FileHandle.standardError.write(Data("wrote \(output): edit it, then run metadata-lint validate \(output)\n".utf8))
            } else {
                Output.write(text)
            }
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }
}
