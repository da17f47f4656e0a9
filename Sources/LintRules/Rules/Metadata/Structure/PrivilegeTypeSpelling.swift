import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let privilegeTypeSpelling = RuleInfo(
        id: "privilege-type-spelling", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "A privilege field type or block is spelled as some DevRev docs spell it, not as the schema does.",
            why: """
            The schema's privilege types are record_type_privilege, field_privilege and \
            conditional_privilege, each with a block of the same name holding type_keys. DevRev's \
            pages also write field_type_privilege, object_privilege and the plurals \
            field_privileges and conditional_privileges; the schema rejects those names, so the \
            metadata fails as a whole. metadata-lint reads such a field as the schema's type, so \
            the rest of the file and the data are still checked.
            """,
            example: """
            "field_access": {
              "type": "field_privileges",
              "collection": {},
              "field_privileges": { "type_keys": ["#record:tickets"] }
            }
            """,
            fix: """
            Use the schema's name for both the type and its block, as the message says.
            """))
}

public enum PrivilegeTypeSpelling: RuleViolation {
    public static var rule: RuleInfo { Rules.privilegeTypeSpelling }

    /// The field's "type" is a docs spelling.
    case type(String, field: Subject, schemaType: FieldType)
    /// A block is named with a docs spelling.
    case block(String, field: Subject, schemaType: FieldType)

    /// Spellings of the privilege types seen in DevRev's docs, with the schema's type.
    public static let spellings: [String: FieldType] = [
        "field_type_privilege": .fieldPrivilege, "field_type_privileges": .fieldPrivilege,
        "field_privileges": .fieldPrivilege, "conditional_privileges": .conditionalPrivilege,
        "object_privilege": .recordTypePrivilege, "object_privileges": .recordTypePrivilege,
        "record_type_privileges": .recordTypePrivilege,
    ]

    public var message: String {
        switch self {
        case .type(let name, let field, let schemaType):
            return "\(field) has type \"\(name)\", a spelling from the docs that the schema rejects: write \"type\": \"\(schemaType.rawValue)\""
        case .block(let name, let field, let schemaType):
            return "the \"\(name)\" block of \(field) is a spelling from the docs that the schema rejects: rename it to \"\(schemaType.rawValue)\""
        }
    }
}
