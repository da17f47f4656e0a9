import Foundation
import MCP
import MetadataLint

/// The shapes tool results share, and JSON Schema helpers for declaring them.
enum ToolOutput {
    static func diagnostic(_ finding: Diagnostic) -> Value {
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

    /// JSON text produced by the library, as a `Value`.
    static func value(ofJSON text: String) throws(ToolFailure) -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw ToolFailure("internal error: the result is not JSON (\(error))")
        }
    }

    static let diagnosticSchema: Value = object([
        "file": string("The file as given"),
        "line": integer("1-based line; 0 when the finding is about the whole file"),
        "column": integer("1-based column, counted in Unicode characters"),
        "pointer": string("JSON pointer (RFC 6901) of the value the finding is about"),
        "severity": ["type": "string", "enum": ["error", "warning", "note"]],
        "rule": string("Rule id; explain_rule tells what it checks and how to fix it"),
        "message": string("What is wrong and how to fix it"),
    ], required: ["file", "line", "column", "pointer", "severity", "rule", "message"])

    static func object(_ properties: [String: Value], required: [String] = []) -> Value {
        var schema: [String: Value] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        return .object(schema)
    }

    static func string(_ description: String) -> Value { ["type": "string", "description": .string(description)] }
    static func integer(_ description: String) -> Value { ["type": "integer", "description": .string(description)] }
    static func boolean(_ description: String) -> Value { ["type": "boolean", "description": .string(description)] }
    static func array(of items: Value, _ description: String) -> Value {
        ["type": "array", "items": items, "description": .string(description)]
    }
}
