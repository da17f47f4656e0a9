import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let unknownFieldType = RuleInfo(
        id: "unknown-field-type", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "A field's type is not one of the format's types.",
            why: """
            A field type is one of bool, int, float, text, rich_text, reference, typed_reference, \
            enum, date, timestamp, struct, permission, type_key, record_type_privilege, \
            field_privilege, conditional_privilege or participation. Names from other systems \
            (string, integer, boolean, datetime, array) are not types here.
            """,
            example: """
            "fields": {
              "email": { "type": "string" },
              "age": { "type": "integr" }
            }
            """,
            fix: """
            Use the type the message names: an array is its element type plus a collection block, \
            an object is a struct type.
            """))
}

public struct UnknownFieldType: RuleViolation {
    public static var rule: RuleInfo { Rules.unknownFieldType }
    public let type: String
    public let field: Subject

    /// Common mistakes for `type`, with the fix.
    static let hints = [
        "string": "use \"text\"", "str": "use \"text\"", "boolean": "use \"bool\"", "integer": "use \"int\"",
        "number": "use \"float\" (or \"int\" for whole numbers)", "double": "use \"float\"",
        "datetime": "use \"timestamp\"", "date_time": "use \"timestamp\"",
        "array": "declare the element's type and add a \"collection\": {} block",
        "list": "declare the element's type and add a \"collection\": {} block",
        "object": "declare a struct type under \"struct_types\" and use \"type\": \"struct\"",
        "field_privileges": "use \"field_privilege\"", "conditional_privileges": "use \"conditional_privilege\"",
    ]

    public var message: String {
        var message = "unknown field type \"\(type)\" in \(field)"
        let types = FieldType.allCases.map(\.rawValue)
        if let hint = Self.hints[type.lowercased()] {
            message += ": \(hint)"
        } else if let suggestion = Suggest.didYouMean(type, in: types) {
            message += ": " + suggestion
        } else {
            message += ": use one of \(types.joined(separator: ", "))"
        }
        return message
    }
}
