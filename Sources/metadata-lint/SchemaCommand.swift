import ArgumentParser
import MetadataLint

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft-07) of external_domain_metadata.json, for editor completion.",
        discussion: """
        schemas/external_domain_metadata.schema.json is this output; the README says how to wire it into \
        an editor. (json-schema, by contrast, prints the schema of one record type's items.)
        """
    )

    func run() throws {
        Output.write(EditorSchema.generate())
    }
}
