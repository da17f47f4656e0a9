import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let missingRequiredKey = RuleInfo(
        id: "missing-required-key", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "A key the format requires is missing.",
            why: """
            The format requires some keys: record_types at the root, type on every field, values in \
            an enum block, key in every enum value, refers_to in a reference block, controlling_field and stages in a stage diagram, name in a state, value, \
            comparator, affected_fields and effect in a condition, link_type_field and \
            link_direction_names in link_naming_data. DevRev rejects the file without them.
            """,
            example: """
            "fields": {
              "email": { "name": "Email" },
              "status": { "type": "enum", "enum": { } }
            }
            """,
            fix: """
            Add the key the message names.
            """))
}

public enum MissingRequiredKey: RuleViolation {
    public static var rule: RuleInfo { Rules.missingRequiredKey }

    public enum Hint: Sendable {
        case displayName, typeKeys, enumValues
    }

    case missing(String, in: Subject, hint: Hint?)
    case recordTypes
    case structTypeFields(Subject)
    case fieldType(Subject)
    case enumKey(Subject)
    case refersTo(Subject)

    public var message: String {
        switch self {
        case .missing(let key, let what, let hint):
            var message = "\(what) is missing the required key \"\(key)\""
            switch hint {
            case .displayName?: message += ": add a display name"
            case .typeKeys?: message += ": list the record types or categories it can target"
            case .enumValues?: message += ": add \"values\": [ { \"key\": \"...\" } ]"
            case nil: break
            }
            return message
        case .recordTypes:
            return "the metadata has no \"record_types\": add \"record_types\": { \"<item_type>\": { \"fields\": {} } }"
        case .structTypeFields(let what):
            return "\(what) has no \"fields\": add \"fields\": {}"
        case .fieldType(let what):
            return "\(what) has no \"type\": add one of \(FieldType.allCases.map(\.rawValue).joined(separator: ", "))"
        case .enumKey(let value):
            return "\(value) has no \"key\": add the string that appears in the data"
        case .refersTo(let what):
            return "\(what) has no \"refers_to\": add \"refers_to\": { \"#record:<record type>\": {} }"
        }
    }
}
