import Foundation
import JSONRPC
import MetadataLint

/// Reads the metadata named by `path` or given as `text`, for tools that take either.
func metadataSource(_ arguments: ToolArguments, pathKey: String = "path", textKey: String = "text",
                    nameKey: String = "name") throws(ToolFailure) -> SourceFile {
    switch (try arguments.string(pathKey), try arguments.string(textKey)) {
    case (let path?, nil):
        do throws(InputError) {
            return try InputFile.read(path)
        } catch {
            throw ToolFailure("cannot read the metadata: \(error.description)")
        }
    case (nil, let text?):
        return SourceFile(path: try arguments.string(nameKey) ?? "external_domain_metadata.json", bytes: Array(text.utf8))
    case (.some, .some):
        throw ToolFailure("give either \"\(pathKey)\" or \"\(textKey)\", not both")
    case (nil, nil):
        throw ToolFailure("give \"\(pathKey)\" (a metadata file) or \"\(textKey)\" (the metadata JSON)")
    }
}

/// `fix_metadata`: what `validate --fix` would do, returned as the fixed text (nothing is written).
struct FixMetadataTool: AgentTool {
    let name = "fix_metadata"
    let description = """
        Apply the rules' automatic fixes to an external_domain_metadata.json ("path" or "text") \
        and return the fixed text, the fixes applied and the findings that remain (with positions \
        in the fixed text). Only safe fixes unless "unsafe" is true. Writes nothing: write \
        "fixed_text" to the file yourself.
        """

    var inputSchema: JSONValue {
        ToolOutput.object([
            "path": ToolOutput.string("Path of the metadata file"),
            "text": ToolOutput.string("The metadata JSON itself, instead of a path"),
            "unsafe": ToolOutput.boolean("Also apply fixes that may drop or reinterpret information (default false)"),
            "config": ToolOutput.string("A .metadata-lint.yml to use instead of the nearest one"),
        ])
    }

    var outputSchema: JSONValue {
        let fix = ToolOutput.object([
            "rule": ToolOutput.string("The rule whose finding it fixes"),
            "applicability": ToolOutput.string("safe or unsafe"),
            "description": ToolOutput.string("What the fix does"),
        ], required: ["rule", "applicability", "description"])
        return ToolOutput.object([
            "changed": ToolOutput.boolean("True when the text changed"),
            "fixed_text": ToolOutput.string("The metadata after the fixes"),
            "applied": ToolOutput.array(of: fix, "The fixes applied, in order"),
            "fixed": ToolOutput.integer("Findings the fixes resolved"),
            "unsafe_fixable": ToolOutput.integer("Remaining findings that an unsafe fix would resolve"),
            "remaining": ToolOutput.array(of: ToolOutput.diagnosticSchema, "Findings left in the fixed text"),
        ], required: ["changed", "fixed_text", "applied", "fixed", "unsafe_fixable", "remaining"])
    }

    func call(_ arguments: ToolArguments, context: ToolContext) throws(ToolFailure) -> JSONValue {
        let source = try metadataSource(arguments)
        let unsafe = arguments.values["unsafe"]?.bool ?? false
        let config = try context.loadConfig(near: try arguments.string("path"), override: try arguments.string("config"))
        let outcome = FixRunner(validator: MetadataValidator(config: config), includeUnsafe: unsafe).run(source)
        return [
            "changed": .bool(outcome.changed),
            "fixed_text": .string(String(decoding: outcome.fixed.bytes, as: UTF8.self)),
            "applied": .array(outcome.applied.map { fix in
                ["rule": .string(fix.rule), "applicability": .string(fix.applicability.rawValue), "description": .string(fix.description)]
            }),
            "fixed": .int(outcome.fixedCount), "unsafe_fixable": .int(outcome.unsafeFixable),
            "remaining": .array(outcome.remaining.map(ToolOutput.diagnostic)),
        ]
    }
}

/// `diff_metadata`: what `metadata-lint diff` reports between two versions.
struct DiffMetadataTool: AgentTool {
    let name = "diff_metadata"
    let description = """
        Compare two versions of an external_domain_metadata.json (each a path or text) and list \
        every change with its impact on snap-ins already syncing: breaking (error), risky \
        (warning) or safe (note), positioned in the version where it shows.
        """

    var inputSchema: JSONValue {
        ToolOutput.object([
            "old_path": ToolOutput.string("The earlier version's file"),
            "old_text": ToolOutput.string("The earlier version's JSON, instead of a path"),
            "new_path": ToolOutput.string("The later version's file"),
            "new_text": ToolOutput.string("The later version's JSON, instead of a path"),
        ])
    }

    var outputSchema: JSONValue {
        ToolOutput.object([
            "breaking": ToolOutput.integer("Breaking changes"),
            "risky": ToolOutput.integer("Risky changes"),
            "safe": ToolOutput.integer("Safe changes"),
            "changes": ToolOutput.array(of: ToolOutput.diagnosticSchema, "Every change; rule is the change kind, severity its impact"),
        ], required: ["breaking", "risky", "safe", "changes"])
    }

    func call(_ arguments: ToolArguments, context: ToolContext) throws(ToolFailure) -> JSONValue {
        let old = try metadataSource(arguments, pathKey: "old_path", textKey: "old_text", nameKey: "old_name")
        let new = try metadataSource(arguments, pathKey: "new_path", textKey: "new_text", nameKey: "new_name")
        switch VersionDiff.run(old: old, new: new) {
        case .unreadable(let problems):
            let listed = problems.prefix(3).map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
            throw ToolFailure("a version is not JSON: " + listed.joined(separator: "; "))
        case .changes(let changes, let diagnostics):
            let impacts = changes.map(\.kind.impact)
            return [
                "breaking": .int(impacts.filter { $0 == .breaking }.count), "risky": .int(impacts.filter { $0 == .risky }.count),
                "safe": .int(impacts.filter { $0 == .safe }.count), "changes": .array(diagnostics.map(ToolOutput.diagnostic)),
            ]
        }
    }
}
