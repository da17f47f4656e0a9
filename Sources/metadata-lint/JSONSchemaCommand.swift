import ArgumentParser
import Foundation
import MetadataLint

struct JSONSchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json-schema",
        abstract: "Print a JSON Schema (draft 2020-12) of one item of a record type.",
        discussion: """
        The schema checks what check-artifacts checks record by record: the item envelope, each \
        field's type, enum keys, bounds, dates (format date) and timestamps (RFC 3339 with an \
        offset), collections, struct values, no undeclared keys, and required fields when \
        "operation" is absent or "created". References and duplicate ids need check-artifacts. \
        Exit codes: 0 written, 1 the metadata has errors, 2 usage or I/O problem.
        """
    )

    @Option(name: .long, help: "The record type whose items the schema describes.")
    var recordType: String

    @Option(name: .long, help: "Write the schema to this file instead of stdout.")
    var output: String?

    @Flag(name: .long, help: "Overwrite the --output file if it exists.")
    var force = false

    @Argument(help: "The external_domain_metadata.json declaring the record type.")
    var metadata: String

    func run() throws {
        let loaded = try AuthoringCommandSupport.loadMetadata(metadata)
        let type = try AuthoringCommandSupport.recordType(recordType, in: loaded)
        let text = ItemSchemaBuilder.schema(for: type, in: loaded).pretty
        guard let output else {
            Output.write(text)
            return
        }
        do throws(InputError) {
            try OutputFile.write(text, to: output, force: force)
            FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }
}
