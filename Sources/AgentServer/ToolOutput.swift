import Foundation
import JSONRPC
import MetadataLint

/// The shapes tool results share, and JSON Schema helpers for declaring them.
enum ToolOutput {
    static func diagnostic(_ finding: Diagnostic) -> JSONValue {
        [
            "file": .string(finding.file), "line": .int(finding.line), "column": .int(finding.column),
            "pointer": .string(finding.pointer), "severity": .string(finding.severity.rawValue),
            "rule": .string(finding.rule), "message": .string(finding.message),
        ]
    }

    static func counts(_ findings: [Diagnostic]) -> (errors: Int, warnings: Int, notes: Int) {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        return (errors, warnings, findings.count - errors - warnings)
    }

    /// JSON text produced by the library, as a `JSONValue`.
    static func value(ofJSON text: String) throws(ToolFailure) -> JSONValue {
        do throws(JSONValue.ParseFailure) {
            return try JSONValue.parse(Array(text.utf8))
        } catch {
            throw ToolFailure("internal error: the result is not JSON (\(error.message))")
        }
    }

    static let diagnosticSchema: JSONValue = object([
        "file": string("The file as given"),
        "line": integer("1-based line; 0 when the finding is about the whole file"),
        "column": integer("1-based column, counted in Unicode characters"),
        "pointer": string("JSON pointer (RFC 6901) of the value the finding is about"),
        "severity": ["type": "string", "enum": ["error", "warning", "note"]],
        "rule": string("Rule id; explain_rule tells what it checks and how to fix it"),
        "message": string("What is wrong and how to fix it"),
    ], required: ["file", "line", "column", "pointer", "severity", "rule", "message"])

    static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        return .object(schema)
    }

    static func string(_ description: String) -> JSONValue { ["type": "string", "description": .string(description)] }
    static func integer(_ description: String) -> JSONValue { ["type": "integer", "description": .string(description)] }
    static func boolean(_ description: String) -> JSONValue { ["type": "boolean", "description": .string(description)] }
    static func array(of items: JSONValue, _ description: String) -> JSONValue {
        ["type": "array", "items": items, "description": .string(description)]
    }
}
