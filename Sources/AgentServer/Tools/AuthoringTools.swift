import Foundation
import JSONRPC
import MetadataLint

/// `infer_metadata`: what `metadata-lint infer` drafts, returned rather than written.
struct InferMetadataTool: AgentTool {
    let name = "infer_metadata"
    let description = """
        Draft an external_domain_metadata.json from sample records: each file (JSONL, .jsonl.gz, \
        pretty-printed JSON, or a JSON array) holds samples of one record type named after the \
        file (users.jsonl, extractor_users_1712.jsonl). Returns the draft as JSON ("metadata") and \
        as text to write to a file ("text"), with notes on the guesses to review. Writes nothing.
        """

    var inputSchema: JSONValue {
        ToolOutput.object(["paths": ToolOutput.array(of: ["type": "string"], "Sample files or directories")], required: ["paths"])
    }

    var outputSchema: JSONValue {
        ToolOutput.object([
            "metadata": ["type": "object", "description": "The draft metadata"],
            "text": ToolOutput.string("The draft as pretty-printed JSON, keys in the draft's order"),
            "record_types": ToolOutput.integer("Record types drafted"),
            "samples": ToolOutput.integer("Samples read"),
            "notes": ToolOutput.array(of: ["type": "string"], "What uncertain guesses rest on: review these"),
            "problems": ToolOutput.array(of: ["type": "string"], "Inputs that could not be read"),
        ], required: ["metadata", "text", "record_types", "samples", "notes", "problems"])
    }

    func call(_ arguments: ToolArguments, context: ToolContext) throws(ToolFailure) -> JSONValue {
        guard let paths = try arguments.strings("paths"), !paths.isEmpty else {
            throw ToolFailure("missing argument \"paths\": the sample files or directories")
        }
        let result: MetadataInference.Result
        do throws(InputError) {
            result = try MetadataInference.run(paths: paths)
        } catch {
            throw ToolFailure(error.description)
        }
        return [
            "metadata": try ToolOutput.value(ofJSON: result.metadata.compact), "text": .string(result.metadata.pretty),
            "record_types": .int(result.recordTypes), "samples": .int(result.samples),
            "notes": .array(result.notes.map { .string($0) }), "problems": .array(result.problems.map { .string($0) }),
        ]
    }
}

/// `sample_items`: what `metadata-lint sample --record-type` generates, returned as items.
struct SampleItemsTool: AgentTool {
    let name = "sample_items"
    let description = """
        Generate valid sample items for one record type of an external_domain_metadata.json, as \
        the SDK writes them ({id, created_date, modified_date, data}): every field within its \
        type and bounds, required fields set, references resolving among the items generated. \
        The same seed gives the same items. The metadata must have no errors.
        """
    static let maxCount = 1000

    var inputSchema: JSONValue {
        ToolOutput.object([
            "metadata": ToolOutput.string("Path of the external_domain_metadata.json"),
            "record_type": ToolOutput.string("The record type to generate items of"),
            "count": ToolOutput.integer("Items to generate (default 10, at most \(Self.maxCount))"),
            "seed": ToolOutput.integer("Seed of the generator (default 1)"),
        ], required: ["metadata", "record_type"])
    }

    var outputSchema: JSONValue {
        ToolOutput.object([
            "record_type": ToolOutput.string("The record type"),
            "items": ToolOutput.array(of: ["type": "object"], "The generated items"),
            "problems": ToolOutput.array(of: ["type": "string"], "Fields for which no valid value exists"),
        ], required: ["record_type", "items", "problems"])
    }

    func call(_ arguments: ToolArguments, context: ToolContext) throws(ToolFailure) -> JSONValue {
        let path = try arguments.requiredString("metadata")
        let typeName = try arguments.requiredString("record_type")
        let count = try arguments.int("count") ?? 10
        guard (1...Self.maxCount).contains(count) else { throw ToolFailure("\"count\" must be between 1 and \(Self.maxCount)") }
        let seed = try arguments.int("seed") ?? 1
        guard seed >= 0 else { throw ToolFailure("\"seed\" must be 0 or more") }
        let loaded: AuthoringInput.Loaded
        do throws(InputError) {
            loaded = try AuthoringInput.metadata(path)
        } catch {
            throw ToolFailure("cannot read the metadata: \(error.description)")
        }
        guard let metadata = loaded.metadata, !loaded.hasErrors else {
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            let listed = errors.prefix(5).map { "\($0.file):\($0.line):\($0.column): [\($0.rule)] \($0.message)" }
            throw ToolFailure("\(path) has \(errors.count) error(s); fix them first (validate_metadata lists them all): "
                              + listed.joined(separator: "; "))
        }
        let type: RecordType
        switch AuthoringInput.recordType(typeName, in: metadata) {
        case .success(let found): type = found
        case .failure(let error): throw ToolFailure("record_type " + error.description)
        }
        var generator = SampleGenerator(metadata: metadata, options: .init(count: count, seed: UInt64(seed)),
                                        generating: [type.key])
        var items: [JSONValue] = []
        var unreadable: String? = nil
        generator.generate(type) { item in
            do throws(ToolFailure) {
                items.append(try ToolOutput.value(ofJSON: item.compact))
            } catch {
                unreadable = error.message
            }
        }
        if let unreadable { throw ToolFailure(unreadable) }
        return ["record_type": .string(type.key), "items": .array(items),
                "problems": .array(generator.problems.map { .string($0) })]
    }
}
