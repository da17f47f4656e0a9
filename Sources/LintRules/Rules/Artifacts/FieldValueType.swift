import LintModel
import LintSupport

extension Rules {
    public static let fieldValueType = RuleInfo(
        id: "field-value-type", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "A field's value has the wrong JSON type for its declared type.",
            why: """
            Values must match their field's type: int is a JSON integer and float a JSON number \
            (never a quoted number), bool a JSON boolean, text, enum, date and timestamp strings, a \
            reference a non-empty string, a typed reference {id, ref_type}, rich_text an array of \
            strings and mention objects, a struct an object, a permission {member_id, role}. A \
            collection field is a JSON array of such values; any other field is a single value. \
            Missing values are null or omitted.
            """,
            example: """
            external_domain_metadata.json:
              "points": { "type": "int" },
              "done": { "type": "bool" }
            epics.jsonl:
              {"id": "e4", "created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-01T10:00:00Z", "data": {"title": "Launch", "owner": "u1", "points": "5", "done": "no"}}
            """,
            fix: """
            Fix the extractor's serialisation, or the field's declared type.
            """))
}

public enum FieldValueType: RuleViolation {
    public static var rule: RuleInfo { Rules.fieldValueType }

    /// What a field's value must be, as the message names it.
    public enum Expected: Sendable {
        case trueOrFalse, integer, number, string, enumKey, dateString, timestampString, reference, object
        case typedReference, permission, typeKeyNames
        /// `stringGiven`: the value was a plain string, which only needs wrapping.
        case richText(stringGiven: Bool)

        var words: String {
            switch self {
            case .trueOrFalse: return "true or false"
            case .integer: return "a JSON integer"
            case .number: return "a JSON number"
            case .string: return "a string"
            case .enumKey: return "one of its enum keys (a string)"
            case .dateString: return "a YYYY-MM-DD string"
            case .timestampString: return "an RFC 3339 string"
            case .reference: return "a non-empty string (the target's id)"
            case .object: return "an object"
            case .typedReference: return "an object {id, ref_type}"
            case .permission: return "an object {member_id, role}"
            case .typeKeyNames: return "an array of record type names"
            case .richText(let stringGiven):
                return "an array of strings and mentions" + (stringGiven ? " (wrap the string in [ ])" : "")
            }
        }
    }

    case notCollectionButArray(field: String)
    case collectionNotArray(field: String)
    /// `valueIsString` / `valueIsNumber` pick the hint (quote it, remove the quotes, ...).
    case wrongKind(field: String, type: FieldType, expected: Expected, actual: String, valueIsString: Bool, valueIsNumber: Bool)
    case richTextPart(field: String, actual: String)
    case shape(ShapeProblem)

    public var message: String {
        switch self {
        case .notCollectionButArray(let field):
            return "\"\(field)\" is not a collection but holds an array: pass one value, or add \"collection\": {} to the field"
        case .collectionNotArray(let field):
            return "\"\(field)\" is a collection, so its value is an array: wrap the value in [ ]"
        case .wrongKind(let field, let type, let expected, let actual, let valueIsString, let valueIsNumber):
            return "\"\(field)\" is \(type.rawValue), so its value must be \(expected.words), not \(actual)"
                + Self.hint(type, valueIsString: valueIsString, valueIsNumber: valueIsNumber)
        case .richTextPart(let field, let actual):
            return "rich_text \"\(field)\" holds \(actual): its parts are strings or mention objects {ref_type, id}"
        case .shape(let problem):
            return problem.description
        }
    }

    static func hint(_ type: FieldType, valueIsString: Bool, valueIsNumber: Bool) -> String {
        if valueIsString, [.int, .float].contains(type) { return ": remove the quotes" }
        if valueIsString, type == .bool { return ": write true or false without quotes" }
        if valueIsNumber, [.text, .reference, .enum].contains(type) { return ": quote it" }
        return ""
    }
}
