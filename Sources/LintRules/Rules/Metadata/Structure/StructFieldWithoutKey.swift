import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let structFieldWithoutKey = RuleInfo(
        id: "struct-field-without-key", group: .structure, severity: .warning,
        docs: RuleDocs(
            what: "A struct field's struct block names no struct type.",
            why: """
            The 2026-04 SDK schema makes "key" optional in a struct block, so DevRev accepts \
            "struct": {}. But the key is what says which struct type the values hold: without it \
            neither the mapping nor check-artifacts can know the value's fields, and the values \
            are not checked.
            """,
            example: """
            "address": { "type": "struct", "struct": {} }
            """,
            fix: """
            Name the struct type: "struct": { "key": "<entry of struct_types>" }.
            """))
}

public struct StructFieldWithoutKey: RuleViolation {
    public static var rule: RuleInfo { Rules.structFieldWithoutKey }
    public let field: Subject

    public var message: String {
        "the struct block of \(field) has no \"key\", so its values cannot be checked: name the entry of \"struct_types\" it holds, \"key\": \"<struct type>\""
    }
}
