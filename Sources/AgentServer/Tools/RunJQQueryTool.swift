import Foundation
import JQ
import JSONRPC
import MetadataLint

/// `run_jq_query`: `metadata-lint query` (libjq) over a file's values or over given JSON text.
struct RunJQQueryTool: AgentTool {
    let name = "run_jq_query"
    let description = """
        Run a jq filter (jq 1.6, through libjq) over a metadata file, artifacts (JSONL, .jsonl.gz, \
        a stream of pretty-printed values) or given JSON text, and return every result as JSON. \
        Example: filter "[.record_types | keys[]]" on a metadata path.
        """

    static let resultLimit = 1000

    var inputSchema: JSONValue {
        ToolOutput.object([
            "filter": ToolOutput.string("The jq program"),
            "path": ToolOutput.string("A file to run it on: each JSON value in it is one input"),
            "text": ToolOutput.string("One JSON value to run it on, instead of a path"),
            "args": ["type": "object", "additionalProperties": ["type": "string"], "description": "$name variables, as jq --arg name value"],
        ], required: ["filter"])
    }

    var outputSchema: JSONValue {
        ToolOutput.object([
            "results": ToolOutput.array(of: [:], "Every output of the filter, in order, across all inputs"),
            "truncated": ToolOutput.boolean("True when more than \(Self.resultLimit) results were produced and the rest left out"),
            "errors": ToolOutput.array(of: ["type": "string"], "jq runtime errors and unreadable inputs, with their line"),
        ], required: ["results", "truncated", "errors"])
    }

    func call(_ arguments: ToolArguments, context: ToolContext) throws(ToolFailure) -> JSONValue {
        let program = try arguments.requiredString("filter")
        let variables = try arguments.stringMap("args") ?? [:]
        let filter: JQFilter
        do throws(JQError) {
            filter = try JQFilter(program, arguments: variables)
        } catch {
            throw ToolFailure("the filter does not compile: \(error.message)")
        }
        var collected = Collected()
        switch (try arguments.string("path"), try arguments.string("text")) {
        case (let path?, nil): try run(filter, path: path, into: &collected)
        case (nil, let text?):
            let bytes = Array(text.utf8)
            do throws(JQError) {
                let values = try bytes.withUnsafeBufferPointer { buffer throws(JQError) in try filter.values(json: buffer) }
                for value in values { collected.add(value) }
            } catch {
                throw ToolFailure(error.kind == .input ? "\"text\" is not one JSON value: \(error.message)" : error.message)
            }
        case (.some, .some): throw ToolFailure("give either \"path\" or \"text\", not both")
        case (nil, nil): throw ToolFailure("give \"path\" (a file) or \"text\" (JSON) to run the filter on")
        }
        return ["results": .array(collected.results), "truncated": .bool(collected.truncated),
                "errors": .array(collected.errors.map { .string($0) })]
    }

    struct Collected {
        var results: [JSONValue] = []
        var truncated = false
        var errors: [String] = []

        mutating func add(_ value: JQValue) {
            guard results.count < RunJQQueryTool.resultLimit else {
                truncated = true
                return
            }
            results.append(Self.convert(value))
        }

        static func convert(_ value: JQValue) -> JSONValue {
            switch value {
            case .null: return .null
            case .bool(let flag): return .bool(flag)
            case .number(let number):
                return number.rounded() == number && abs(number) < 1e15 ? .int(Int(number)) : .double(number)
            case .string(let text): return .string(text)
            case .array(let elements): return .array(elements.map(convert))
            case .object(let members): return .object(members.mapValues(convert))
            }
        }
    }

    private func run(_ filter: JQFilter, path: String, into collected: inout Collected) throws(ToolFailure) {
        let source: ByteSource
        do throws(InputError) {
            source = try ByteSource(path: path)
        } catch {
            throw ToolFailure("cannot read the input: \(error.description)")
        }
        defer { source.close() }
        let stream = RecordStream(source: source)
        var halted: String? = nil
        do throws(InputError) {
            try stream.forEach(record: { record, _ in
                guard halted == nil else { return }
                let bytes = UnsafeBufferPointer(start: record.base + record.start, count: record.end - record.start)
                do throws(JQError) {
                    for value in try filter.values(json: bytes) { collected.add(value) }
                } catch {
                    if error.kind == .halt {
                        halted = error.message
                    } else {
                        collected.errors.append("\(source.path):\(record.line): \(error.message)")
                    }
                }
            }, problem: { problem in
                collected.errors.append("\(source.path):\(problem.line):\(problem.column): \(problem.error.message)")
            })
        } catch {
            throw ToolFailure("cannot read the input: \(error.description)")
        }
        if let halted, !halted.isEmpty { collected.errors.append("halted: \(halted)") }
    }
}
