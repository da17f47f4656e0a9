import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let invalidValueType = RuleInfo(
        id: "invalid-value-type", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "A key's value has the wrong JSON type.",
            why: """
            Each key of the format takes one JSON type: names and descriptions are strings, flags \
            such as is_required are booleans (the field flags is_identifier, is_indexed, \
            is_read_only, is_write_only and is_filterable also accept null), maps such as fields and \
            refers_to are objects, lists such as enum values are arrays. A quoted "true" or "5" is a \
            string, not a boolean or number.
            """,
            example: """
            "users": {
              "name": 42,
              "fields": {
                "email": { "type": "text", "is_required": "true" }
              }
            }
            """,
            fix: """
            Write the value in the expected type, which the message names.
            """))
}

public enum InvalidValueType: RuleViolation {
    public static var rule: RuleInfo { Rules.invalidValueType }

    public enum Expected: String, Sendable {
        case string = "a string", boolean = "a boolean", booleanOrNull = "a boolean or null"
        case object = "an object", array = "an array", integer = "an integer", number = "a number"
    }

    public enum Hint: Sendable {
        case quoteIt
        case unquote(String)
        case removeQuotes
    }

    case rootNotObject(actual: String)
    case notObject(Subject, actual: String)
    case wrongType(key: String, in: Subject, expected: Expected, actual: String, hint: Hint?)
    case entryNotString(key: String, in: Subject, actual: String)
    case conditionsNotArray(Subject, actual: String)

    public var message: String {
        switch self {
        case .rootNotObject(let actual):
            return "the metadata must be a JSON object with a \"record_types\" key, not \(actual)"
        case .notObject(let what, let actual):
            return "\(what) must be an object, not \(actual)"
        case .wrongType(let key, let what, let expected, let actual, let hint):
            var message = "\"\(key)\" in \(what) must be \(expected.rawValue), not \(actual)"
            switch hint {
            case .quoteIt?: message += ": quote it"
            case .unquote(let word)?: message += ": write \(word) without quotes"
            case .removeQuotes?: message += ": remove the quotes"
            case nil: break
            }
            return message
        case .entryNotString(let key, let what, let actual):
            return "each entry of \"\(key)\" in \(what) must be a string, not \(actual)"
        case .conditionsNotArray(let what, let actual):
            return "\(what) must be an array of conditions, not \(actual)"
        }
    }
}
