import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let defaultValueType = RuleInfo(
        id: "default-value-type", group: .structure, severity: .error,
        summary: "A default_value does not fit its field's type.",
        explanation: """
        default_value must be a value the field could hold: a boolean for bool, an integer for int, a \
        number for float, a string for text, a declared enum key for enum, YYYY-MM-DD for date and \
        an RFC 3339 timestamp with offset for timestamp. A default that does not fit is rejected by \
        the schema or fails when it is used. Write the default in the field's type.
        """)
}

struct DefaultValueTypeCheck: MetadataCheck {
    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for (owner, field) in metadata.allFields {
            guard let value = field.defaultValue, let type = field.type, !value.isNull else { continue }
            if let problem = Self.problem(value, field: field, type: type) {
                sink.report(Rules.defaultValueType, at: value.ref,
                            "default_value of field \"\(field.key)\" of \(owner) \(problem)")
            }
        }
    }

    /// What is wrong with `value` as a default of `field`, or nil when it fits.
    static func problem(_ value: JSONNode, field: Field, type: FieldType) -> String? {
        switch type {
        case .bool:
            return value.bool == nil ? "must be true or false for a bool field, not \(value.kindName)" : nil
        case .int:
            return value.number?.isInteger == true ? nil : "must be a whole number for an int field, not \(value.kindName)"
        case .float:
            return value.number == nil ? "must be a number for a float field, not \(value.kindName)" : nil
        case .text:
            return value.string == nil ? "must be a string for a text field, not \(value.kindName)" : nil
        case .enum:
            guard let key = value.string else { return "must be an enum key (a string), not \(value.kindName)" }
            let keys = field.enumKeys
            if field.enumValues == nil || keys.contains(key) { return nil }
            var message = "is \"\(key)\", which is not a key of the field's enum"
            if let suggestion = Suggest.didYouMean(key, in: keys) { message += ": " + suggestion }
            else { message += ": use one of \(keys.map { "\"\($0)\"" }.joined(separator: ", "))" }
            return message
        case .date:
            guard let text = value.string else { return "must be a date string, not \(value.kindName)" }
            return DateSyntax.isDate(text) ? nil : "is \"\(text)\", not a calendar date in the form YYYY-MM-DD"
        case .timestamp:
            guard let text = value.string else { return "must be a timestamp string, not \(value.kindName)" }
            return DateSyntax.isTimestamp(text) ? nil
                : "is \"\(text)\", not an RFC 3339 timestamp with offset such as 2024-03-29T22:04:47Z"
        default:
            return nil
        }
    }
}
