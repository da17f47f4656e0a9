import LintModel
import LintSupport

extension Rules {
    public static let itemEnvelope = RuleInfo(
        id: "item-envelope", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "A record is not a normalized item {id, created_date, modified_date, data, operation?}.",
            why: """
            Every extracted record is an object with exactly the keys id (a non-empty string), \
            created_date and modified_date (RFC 3339 strings), data (an object of the record type's \
            fields) and optionally operation (created, updated or deleted). Anything else at the top \
            level, such as a field that belongs inside data, is rejected. Items of a record type \
            marked "no_identifier": true (authorization policies) carry only data.
            """,
            example: """
            comments.jsonl:
              {"id": "c3", "data": {"text": "hi", "epic": "e1"}, "author": "ada@example.com"}
            """,
            fix: """
            Move fields into data and fill in the missing keys.
            """))
}

public enum ItemEnvelope: RuleViolation {
    public static var rule: RuleInfo { Rules.itemEnvelope }

    case notAnObject(actual: String)
    case dataNotObject(actual: String)
    case unknownTopLevelKey(String, isField: Bool)
    case missingKeys([String])
    /// An item of a no_identifier record type without "data".
    case missingData
    case emptyID
    case idNotString(actual: String, isNumber: Bool)
    case timestampNotString(key: String, actual: String)
    case badOperation(raw: String)

    public var message: String {
        switch self {
        case .notAnObject(let actual):
            return "a record must be a JSON object {id, created_date, modified_date, data}, not \(actual)"
        case .dataNotObject(let actual):
            return "\"data\" must be an object of the record type's fields, not \(actual)"
        case .unknownTopLevelKey(let name, let isField):
            return "unknown top-level key \"\(name)\": " + (isField ? "fields belong inside \"data\"; move it there"
                                                           : "an item has only id, created_date, modified_date, data and operation")
        case .missingKeys(let keys):
            return "the item has no \(keys.map { "\"\($0)\"" }.joined(separator: ", ")): every item carries id, created_date, modified_date and data"
        case .missingData:
            return "the item has no \"data\": items of a no_identifier record type carry their fields in \"data\" (id and dates may be left out)"
        case .emptyID:
            return "\"id\" is empty: use the record's primary key in the external system"
        case .idNotString(let actual, let isNumber):
            return "\"id\" must be a string, not \(actual)" + (isNumber ? ": quote it" : "")
        case .timestampNotString(let key, let actual):
            return "\"\(key)\" must be an RFC 3339 timestamp string, not \(actual)"
        case .badOperation(let raw):
            return "\"operation\" is \(raw): use \"created\", \"updated\" or \"deleted\", or omit it"
        }
    }
}
