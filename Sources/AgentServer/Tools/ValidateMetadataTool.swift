import Foundation
import JSONRPC
import MetadataLint

/// `validate_metadata`: what `metadata-lint validate` reports, for a file or for text.
struct ValidateMetadataTool: AgentTool {
    let name = "validate_metadata"
    let description = """
        Validate a DevRev AirSync external_domain_metadata.json against every rule of the format \
        (the checks DevRev's JSON schema cannot express included): give "path" (a file) or "text" \
        (the metadata itself). Returns each finding with file, line, column, JSON pointer, \
        severity, rule id and a message that says how to fix it; "valid" is true when there is \
        no error. The nearest .metadata-lint.yml applies (or "config").
        """

    var inputSchema: JSONValue {
        ToolOutput.object([
            "path": ToolOutput.string("Path of the metadata file (relative paths are resolved against the server's working directory)"),
            "text": ToolOutput.string("The metadata JSON itself, instead of a path"),
            "name": ToolOutput.string("File name to show in findings for \"text\" (default: external_domain_metadata.json)"),
            "config": ToolOutput.string("A .metadata-lint.yml to use instead of the nearest one"),
        ])
    }

    var outputSchema: JSONValue {
        ToolOutput.object([
            "file": ToolOutput.string("The file checked"),
            "valid": ToolOutput.boolean("True when there is no error"),
            "errors": ToolOutput.integer("Number of errors"),
            "warnings": ToolOutput.integer("Number of warnings"),
            "notes": ToolOutput.integer("Number of notes"),
            "diagnostics": ToolOutput.array(of: ToolOutput.diagnosticSchema, "The findings, in file order"),
        ], required: ["file", "valid", "errors", "warnings", "notes", "diagnostics"])
    }

    func call(_ arguments: ToolArguments, context: ToolContext) throws(ToolFailure) -> JSONValue {
        let path = try arguments.string("path")
        let text = try arguments.string("text")
        let source: SourceFile
        switch (path, text) {
        case (let path?, nil):
            do throws(InputError) {
                source = try InputFile.read(path)
            } catch {
                throw ToolFailure("cannot read the metadata: \(error.description)")
            }
        case (nil, let text?):
            source = SourceFile(path: try arguments.string("name") ?? "external_domain_metadata.json", bytes: Array(text.utf8))
        case (.some, .some):
            throw ToolFailure("give either \"path\" or \"text\", not both")
        case (nil, nil):
            throw ToolFailure("give \"path\" (a metadata file) or \"text\" (the metadata JSON)")
        }
        let config = try context.loadConfig(near: path, override: try arguments.string("config"))
        let findings = MetadataValidator(config: config).validate(source).diagnostics
        let counts = ToolOutput.counts(findings)
        return [
            "file": .string(source.path), "valid": .bool(counts.errors == 0),
            "errors": .int(counts.errors), "warnings": .int(counts.warnings), "notes": .int(counts.notes),
            "diagnostics": .array(findings.map(ToolOutput.diagnostic)),
        ]
    }
}
