import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the mapping file (MappingReader).
    public static let mappingValueType = RuleInfo(
        id: "mapping-value-type", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A value in the mapping file has the wrong JSON type.",
            why: """
            DevRev's install endpoint decodes initial_domain_mapping.json into typed objects: \
            "forward" and "reverse" are booleans, leaf types are objects in a shard but strings in a \
            possible mapping, field mappings are objects. A quoted "true" or a list where an object \
            belongs makes the whole install fail with a 400 Bad Request, at install time.
            """,
            example: """
            "title": {
              "forward": "true",
              "reverse": false,
              "transformation_method_for_set": { "transformation_method": "use_directly" }
            }
            """,
            fix: """
            Write the value with the type the message names (remove the quotes around true, false \
            and numbers).
            """))
}

public enum MappingValueType: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingValueType }

    public enum Expected: Sendable {
        case object, array, string, boolean, integer, number

        var phrase: String {
            switch self {
            case .object: return "an object"
            case .array: return "an array"
            case .string: return "a string"
            case .boolean: return "true or false"
            case .integer: return "an integer"
            case .number: return "a number"
            }
        }
    }

    case wrongType(key: String, in: MappingSubject, expected: Expected, actual: String)
    case notObject(MappingSubject, actual: String)
    case elementNotString(key: String, in: MappingSubject, actual: String)

    public var message: String {
        switch self {
        case .wrongType(let key, let subject, let expected, let actual):
            var message = "\"\(key)\" of \(subject) must be \(expected.phrase), not \(actual)"
            if expected == .boolean, actual == "a string" { message += ": remove the quotes" }
            if expected == .string, actual == "an object" { message += ": here it is a plain string, not {object_type: ...}" }
            if expected == .object, actual == "a string", key == "devrev_leaf_type" || key == "leaf_type" {
                message += ": write { \"object_type\": \"<leaf type>\", \"object_category\": \"stock\" }"
            }
            return message
        case .notObject(let subject, let actual):
            return "\(subject) must be an object, not \(actual)"
        case .elementNotString(let key, let subject, let actual):
            return "each entry of \"\(key)\" of \(subject) must be a string, not \(actual)"
        }
    }
}
