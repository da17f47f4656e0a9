import Foundation
import JSONRPC
import MetadataLint

/// `check_artifacts`: what `metadata-lint check-artifacts` reports.
struct CheckArtifactsTool: AgentTool {
    let name = "check_artifacts"
    let description = """
        Check extracted-data artifacts (JSONL, .jsonl.gz, pretty-printed JSON; files or \
        directories) against their external_domain_metadata.json: value types, required fields, \
        enum keys, references across files, dates. Each file's item type comes from "item_type" \
        or its name (<type>.jsonl[.gz], extractor_<type>_<n>.jsonl). Findings carry file, line, \
        column, pointer, severity, rule and message; at most "per_rule_limit" per rule and field.
        """

    var inputSchema: JSONValue {
        ToolOutput.object([
            "metadata": ToolOutput.string("Path of the external_domain_metadata.json"),
            "paths": ToolOutput.array(of: ["type": "string"], "Artifact files or directories"),
            "item_type": ToolOutput.string("Item type of every file given (default: from each file name)"),
            "per_rule_limit": ToolOutput.integer("Findings kept per rule and field (default 20; 0 keeps all)"),
            "config": ToolOutput.string("A .metadata-lint.yml to use instead of the nearest one"),
        ], required: ["metadata", "paths"])
    }

    var outputSchema: JSONValue {
        ToolOutput.object([
            "metadata_failed": ToolOutput.boolean("True when the metadata could not be read into a model, so no data was checked"),
            "records": ["type": "object", "additionalProperties": ["type": "integer"], "description": "Records checked per item type"],
            "errors": ToolOutput.integer("Number of errors (all of them, also those left out)"),
            "warnings": ToolOutput.integer("Number of warnings"),
            "notes": ToolOutput.integer("Number of notes"),
            "omitted": ToolOutput.integer("Findings left out by per_rule_limit"),
            "diagnostics": ToolOutput.array(of: ToolOutput.diagnosticSchema, "The findings"),
        ], required: ["metadata_failed", "records", "errors", "warnings", "notes", "omitted", "diagnostics"])
    }

    func call(_ arguments: ToolArguments, context: ToolContext) throws(ToolFailure) -> JSONValue {
        let metadata = try arguments.requiredString("metadata")
        guard let paths = try arguments.strings("paths"), !paths.isEmpty else {
            throw ToolFailure("missing argument \"paths\": the artifact files or directories to check")
        }
        let config = try context.loadConfig(near: metadata, override: try arguments.string("config"))
        var options = ArtifactCheck.Options(metadataPath: metadata, paths: paths, itemType: try arguments.string("item_type"))
        options.policy = config.policy
        options.customRules = config.customRules
        options.apply(config.limits)
        // Ruff's rule, as on the command line: the paths named are checked, files found under them
        // are skipped when an ignore pattern matches.
        let exclusion = InputExclusion(config: config, named: paths, mode: .exceptNamed)
        options.isIgnored = { exclusion.skips($0) }
        let limit = try arguments.int("per_rule_limit") ?? 20
        guard limit >= 0 else { throw ToolFailure("\"per_rule_limit\" must be 0 or more") }
        options.cap = limit == 0 ? nil : limit
        let result: ArtifactCheck.Result
        do throws(InputError) {
            result = try ArtifactCheck.run(options)
        } catch {
            throw ToolFailure(error.description)
        }
        var records: [String: JSONValue] = [:]
        for (type, count) in result.recordCounts { records[type] = .int(count) }
        return [
            "metadata_failed": .bool(result.metadataFailed), "records": .object(records),
            "errors": .int(result.errors), "warnings": .int(result.warnings), "notes": .int(result.notes),
            "omitted": .int(result.omitted.reduce(0) { $0 + $1.count }),
            "diagnostics": .array(result.diagnostics.map(ToolOutput.diagnostic)),
        ]
    }
}
