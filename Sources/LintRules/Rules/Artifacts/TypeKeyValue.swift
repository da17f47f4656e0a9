import LintModel
import LintSupport

extension Rules {
    public static let typeKeyValue = RuleInfo(
        id: "type-key-value", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "A type_key value, or a privilege's record type, is not among the record types its field's type_keys allow.",
            why: """
            A type_key field's value is an array of record type names, and the record types a \
            record_type_privilege, field_privilege or conditional_privilege value names are \
            limited the same way: each must be one of the record types of the field's type_keys \
            (#category: entries expanded to their record types). DevRev's permissions example: \
            "if a field-level permission is provided for cases ... it will not be loaded", when \
            cases is not among the field's type_keys.
            """,
            example: """
            {"data": {"field_level_permissions": [{"record_type": "cases", "read_all_fields": true}]}}
            (where the field's type_keys are ["#record:opportunities"])
            """,
            fix: """
            Add the record type (or its category) to the field's type_keys in the metadata, or fix \
            the name in the extractor.
            """))
}

public struct TypeKeyValue: RuleViolation {
    public static var rule: RuleInfo { Rules.typeKeyValue }
    public let field: String
    /// The record type the value names.
    public let name: String
    /// The record types the field's type_keys allow.
    public let allowed: [String]
    /// The name is a record type of the metadata (just not an allowed one).
    public let isDeclared: Bool

    public init(field: String, name: String, allowed: [String], isDeclared: Bool) {
        self.field = field
        self.name = name
        self.allowed = allowed
        self.isDeclared = isDeclared
    }

    public var message: String {
        let allowedList = allowed.isEmpty ? "none" : allowed.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ") + (allowed.count > 8 ? ", …" : "")
        if isDeclared {
            return "\"\(field)\" names record type \"\(name)\", which is not among its type_keys (\(allowedList)): it will not be loaded; add \"#record:\(name)\" to the field's type_keys, or drop it"
        }
        let hint = Suggest.didYouMean(name, in: allowed) ?? "use one of \(allowedList)"
        return "\"\(field)\" names \"\(name)\", which is not a record type of the metadata: \(hint)"
    }
}
