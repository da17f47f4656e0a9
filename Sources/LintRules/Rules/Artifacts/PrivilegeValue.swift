import LintModel
import LintSupport

extension Rules {
    public static let privilegeValue = RuleInfo(
        id: "privilege-value", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "A record_type_privilege, field_privilege or conditional_privilege value breaks the rules of authorization policies.",
            why: """
            DevRev's permissions docs give each privilege a fixed shape. record_type_privilege: \
            {record_types, privileges}, privileges among create, read, update, delete. \
            field_privilege: {record_type, read_all_fields?, write_all_fields?, read_fields?, \
            write_fields?}, where the fields are fields of that record type and every field in \
            write_fields is also in read_fields (unless read_all_fields). conditional_privilege: \
            {record_type, object_privileges or field_privileges, scope_to_users_in or \
            field_caveats} (one of each pair); a caveat is {field, operator, value} with operator \
            eq, not_eq, in or intersects, on an int, text, bool, rich_text or enum field (or a \
            collection of them), a value of the field's type (a list for in), and intersects only \
            on collections. A privilege that breaks them is not imported, and the users it should \
            restrict or grant keep the wrong access.
            """,
            example: """
            {"data": {"field_level_permissions": [{"record_type": "opportunities", "read_fields": ["title"], "write_fields": ["title", "stage"]}]}}
            """,
            fix: """
            Fix the extractor's translation of the external permissions as the message says.
            """))
}

public enum PrivilegeValue: RuleViolation {
    public static var rule: RuleInfo { Rules.privilegeValue }

    /// Which object of a privilege value a finding is about.
    public enum Part: Sendable, CustomStringConvertible {
        case privilege(FieldType)
        /// A conditional privilege's field_privileges.
        case fieldPrivileges
        case caveat

        public var description: String {
            switch self {
            case .privilege(let type): return "a \(type.rawValue) value"
            case .fieldPrivileges: return "field_privileges of a conditional_privilege"
            case .caveat: return "a field caveat"
            }
        }
    }

    public enum Expected: Sendable {
        case object, stringArray, boolean, string, array

        var words: String {
            switch self {
            case .object: return "an object"
            case .stringArray: return "an array of strings"
            case .boolean: return "true or false"
            case .string: return "a non-empty string"
            case .array: return "an array"
            }
        }
    }

    /// What a caveat's value must be.
    public enum CaveatValue: Sendable {
        case scalar(FieldType, keys: [String])
        case list(FieldType, keys: [String])

        var words: String {
            func one(_ type: FieldType, _ keys: [String]) -> String {
                switch type {
                case .int: return "an integer"
                case .bool: return "true or false"
                case .enum: return keys.isEmpty ? "an enum key" : "one of its enum keys (\(keys.prefix(6).map { "\"\($0)\"" }.joined(separator: ", "))\(keys.count > 6 ? ", …" : ""))"
                case .richText: return "a string or a rich text array"
                default: return "a string"
                }
            }
            switch self {
            case .scalar(let type, let keys): return one(type, keys)
            case .list(let type, let keys): return "an array whose elements are each " + one(type, keys)
            }
        }
    }

    case notObject(field: String, part: Part, actual: String)
    case unknownKey(String, part: Part, allowed: [String])
    case missingKey(String, part: Part)
    case wrongType(key: String, part: Part, expected: Expected, actual: String)
    /// An entry of privileges or object_privileges that is not create, read, update or delete.
    case unknownPrivilege(String)
    /// An entry of read_fields, write_fields or scope_to_users_in, or a caveat's field, that the record type does not have.
    case unknownField(String, key: String, recordType: String, fields: [String])
    /// A field in write_fields that read_fields does not list.
    case writeNotRead(String)
    /// One of a pair is needed: `both` when both were given, else neither was.
    case eitherOr(String, String, both: Bool)
    case unknownOperator(String)
    /// A caveat on a field whose type caveats do not support.
    case caveatFieldType(field: String, type: FieldType, isCollection: Bool)
    case caveatValue(field: String, operator: String, expected: CaveatValue, actual: String)
    case intersectsOnScalar(field: String)

    public var message: String {
        switch self {
        case .notObject(let field, let part, let actual):
            return "\"\(field)\" holds \(actual), but \(part) is an object: see `metadata-lint explain privilege-value` for its keys"
        case .unknownKey(let key, let part, let allowed):
            return "\(part) has an unknown key \"\(key)\": " + (Suggest.didYouMean(key, in: allowed) ?? "allowed are \(allowed.joined(separator: ", "))")
        case .missingKey(let key, let part):
            return "\(part) has no \"\(key)\": add it"
        case .wrongType(let key, let part, let expected, let actual):
            return "\"\(key)\" of \(part) must be \(expected.words), not \(actual)"
        case .unknownPrivilege(let word):
            let words = ["create", "read", "update", "delete"]
            return "privilege \"\(word)\" is not one of create, read, update, delete: " + (Suggest.didYouMean(word, in: words) ?? "normalize the external permission to its closest CRUD privileges")
        case .unknownField(let name, let key, let recordType, let fields):
            return "\(key) names \"\(name)\", which is not a field of record type \"\(recordType)\"\(ConditionField.hint(name, fields))"
        case .writeNotRead(let name):
            return "\"\(name)\" is in write_fields but not in read_fields: a writable field must also be readable; add it to read_fields (or set read_all_fields)"
        case .eitherOr(let a, let b, let both):
            return both ? "a conditional_privilege has both \"\(a)\" and \"\(b)\": give one of them"
                        : "a conditional_privilege needs \"\(a)\" or \"\(b)\": add one of them"
        case .unknownOperator(let op):
            let operators = ["eq", "not_eq", "in", "intersects"]
            return "caveat operator \"\(op)\" is not one of eq, not_eq, in, intersects" + (Suggest.didYouMean(op, in: operators).map { ": " + $0 } ?? "")
        case .caveatFieldType(let field, let type, let isCollection):
            return "caveat field \"\(field)\" is \(isCollection ? "a collection of " : "")\(type.rawValue), but caveats work on int, text, bool, rich_text and enum fields (or collections of them): use another field, or scope_to_users_in for references"
        case .caveatValue(let field, let op, let expected, let actual):
            return "the value of the caveat on \"\(field)\" (operator \(op)) must be \(expected.words), not \(actual)"
        case .intersectsOnScalar(let field):
            return "operator intersects works only on collection fields, and \"\(field)\" is not one: use eq, not_eq or in"
        }
    }
}
