import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let defaultValueType = RuleInfo(
        id: "default-value-type", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "A default_value does not fit its field's type.",
            why: """
            default_value must be a value the field could hold: a boolean for bool, an integer for \
            int, a number for float, a string for text, a declared enum key for enum, YYYY-MM-DD for \
            date and an RFC 3339 timestamp with offset for timestamp. A default that does not fit is \
            rejected by the schema or fails when it is used.
            """,
            example: """
            "fields": {
              "active": { "type": "bool", "default_value": "yes" },
              "born": { "type": "date", "default_value": "2023-02-30" },
              "count": { "type": "int", "default_value": 1.5 }
            }
            """,
            fix: """
            Write the default in the field's type.
            """))
}

struct DefaultValueTypeCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.defaultValueType] }

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for (owner, field) in metadata.allFields {
            guard let value = field.defaultValue, let type = field.type, !value.isNull else { continue }
            if let problem = Self.problem(value, field: field, type: type) {
                sink.report(DefaultValueType(field: .field(field.key, of: owner), problem: problem), at: value.ref)
            }
        }
    }

    /// What is wrong with `value` as a default of `field`, or nil when it fits.
    static func problem(_ value: JSONNode, field: Field, type: FieldType) -> DefaultValueType.Problem? {
        let wrongKind = DefaultValueType.Problem.wrongKind(type, actual: value.kindName)
        switch type {
        case .bool:
            return value.bool == nil ? wrongKind : nil
        case .int:
            return value.number?.isInteger == true ? nil : wrongKind
        case .float:
            return value.number == nil ? wrongKind : nil
        case .text:
            return value.string == nil ? wrongKind : nil
        case .enum:
            guard let key = value.string else { return wrongKind }
            let keys = field.enumKeys
            return field.enumValues == nil || keys.contains(key) ? nil : .notAnEnumKey(key, keys: keys)
        case .date:
            guard let text = value.string else { return wrongKind }
            return DateSyntax.isDate(text) ? nil : .notADate(text)
        case .timestamp:
            guard let text = value.string else { return wrongKind }
            return DateSyntax.isTimestamp(text) ? nil : .notATimestamp(text)
        default:
            return nil
        }
    }
}

public struct DefaultValueType: RuleViolation {
    public static var rule: RuleInfo { Rules.defaultValueType }

    public enum Problem: Sendable {
        case wrongKind(FieldType, actual: String)
        case notAnEnumKey(String, keys: [String])
        case notADate(String)
        case notATimestamp(String)
    }

    public let field: Subject
    public let problem: Problem

    public var message: String {
        "default_value of \(field) " + detail
    }

    private var detail: String {
        switch problem {
        case .wrongKind(let type, let actual):
            switch type {
            case .bool: return "must be true or false for a bool field, not \(actual)"
            case .int: return "must be a whole number for an int field, not \(actual)"
            case .float: return "must be a number for a float field, not \(actual)"
            case .text: return "must be a string for a text field, not \(actual)"
            case .enum: return "must be an enum key (a string), not \(actual)"
            case .date: return "must be a date string, not \(actual)"
            default: return "must be a timestamp string, not \(actual)"
            }
        case .notAnEnumKey(let key, let keys):
            var message = "is \"\(key)\", which is not a key of the field's enum"
            if let suggestion = Suggest.didYouMean(key, in: keys) { message += ": " + suggestion }
            else { message += ": use one of \(keys.map { "\"\($0)\"" }.joined(separator: ", "))" }
            return message
        case .notADate(let text):
            return "is \"\(text)\", not a calendar date in the form YYYY-MM-DD"
        case .notATimestamp(let text):
            return "is \"\(text)\", not an RFC 3339 timestamp with offset such as 2024-03-29T22:04:47Z"
        }
    }
}
