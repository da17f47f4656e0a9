import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let emptyValue = RuleInfo(
        id: "empty-value", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "A name, key or list that must not be empty is empty.",
            why: """
            Some values must not be empty: a reference must refer to at least one record type or \
            category, an enum key must be a non-empty string, a condition must affect at least one \
            field, and controlling_field, starting_stage and link_type_field need a value. An empty \
            one cannot match anything in the data.
            """,
            example: """
            "fields": {
              "owner": { "type": "reference", "reference": { "refers_to": {} } },
              "kind": { "type": "enum", "enum": { "values": [ { "key": "" } ] } }
            }
            """,
            fix: """
            Fill it in or remove the key.
            """))
}

public enum EmptyValue: RuleViolation {
    public static var rule: RuleInfo { Rules.emptyValue }

    case string(key: String, in: Subject)
    case refersTo(Subject)
    case affectedFields(Subject)
    case enumKey(in: EnumOwner)

    public var message: String {
        switch self {
        case .string(let key, let what):
            return "\"\(key)\" in \(what) is empty: give it a value or remove it"
        case .refersTo(let what):
            return "\"refers_to\" in \(what) is empty: name at least one \"#record:<record type>\" or \"#category:<category>\""
        case .affectedFields(let what):
            return "\"affected_fields\" in \(what) is empty: name at least one field"
        case .enumKey(let what):
            return "an enum key in \(what) is empty: use the string that appears in the data"
        }
    }
}
