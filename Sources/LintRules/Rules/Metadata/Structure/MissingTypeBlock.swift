import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let missingTypeBlock = RuleInfo(
        id: "missing-type-block", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "An enum, reference, typed_reference or struct field has no type block.",
            why: """
            Enum fields need their values ("enum": {"values": [...]}), reference and typed_reference \
            fields need what they can refer to ("reference": {"refers_to": {...}}), and struct \
            fields need the struct type they hold ("struct": {"key": ...}). Without the block the \
            field cannot be mapped.
            """,
            example: """
            "fields": {
              "owner": { "type": "reference" },
              "status": { "type": "enum" }
            }
            """,
            fix: """
            Add the block the message shows.
            """))
}

public struct MissingTypeBlock: RuleViolation {
    public static var rule: RuleInfo { Rules.missingTypeBlock }
    public let field: Subject
    public let type: FieldType

    public var message: String {
        "\(field) has type \"\(type.rawValue)\" but no \"\(type.blockKey ?? type.rawValue)\" block: add \(Self.template(type))"
    }

    static func template(_ type: FieldType) -> String {
        switch type {
        case .enum: return "\"enum\": { \"values\": [ { \"key\": \"...\" } ] }"
        case .reference, .typedReference:
            return "\"\(type.rawValue)\": { \"refers_to\": { \"#record:<record type>\": {} } }"
        case .struct: return "\"struct\": { \"key\": \"<struct type>\" }"
        default: return "\"\(type.rawValue)\": {}"
        }
    }
}
