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
    /// For "array" or "list": what its `items` (or `array`) block says the elements are.
    public var element: ArrayElement? = nil

    public enum ArrayElement: Sendable, Equatable {
        /// Objects (`"type": "object"`, `properties`, `fields`): a struct type.
        case objects
        /// Elements of a named type, such as "string".
        case typed(String)
    }

    /// Names from other systems for the format's types.
    static let typeNames = [
        "string": "text", "str": "text", "boolean": "bool", "integer": "int", "number": "float", "double": "float",
        "datetime": "timestamp", "date_time": "timestamp",
    ]

    /// Common mistakes for `type`, with the fix.
    static let hints = [
        "string": "use \"text\"", "str": "use \"text\"", "boolean": "use \"bool\"", "integer": "use \"int\"",
        "number": "use \"float\" (or \"int\" for whole numbers)", "double": "use \"float\"",
        "datetime": "use \"timestamp\"", "date_time": "use \"timestamp\"",
        "array": "declare the element's type and add a \"collection\": {} block",
        "list": "declare the element's type and add a \"collection\": {} block",
        "object": "declare a struct type under \"struct_types\" and use \"type\": \"struct\"",
    ]

    public var message: String {
        var message = "unknown field type \"\(type)\" in \(field)"
        let types = FieldType.allCases.map(\.rawValue)
        if let element, let hint = Self.elementHint(element) {
            message += ": \(hint)"
        } else if let hint = Self.hints[type.lowercased()] {
            message += ": \(hint)"
        } else if let suggestion = Suggest.didYouMean(type, in: types) {
            message += ": " + suggestion
        } else {
            message += ": use one of \(types.joined(separator: ", "))"
        }
        return message
    }

    /// How to declare a list of these elements.
    static func elementHint(_ element: ArrayElement) -> String? {
        switch element {
        case .objects:
            return "its elements are objects: declare them as a struct type under \"struct_types\", then write \"type\": \"struct\", \"struct\": { \"key\": \"<struct type>\" } and \"collection\": {}"
        case .typed(let name):
            guard let type = FieldType(rawValue: name)?.rawValue ?? typeNames[name.lowercased()] else { return nil }
            return "its elements are \(type): write \"type\": \"\(type)\" and \"collection\": {} (a list is its element type plus a collection block)"
        }
    }
}
