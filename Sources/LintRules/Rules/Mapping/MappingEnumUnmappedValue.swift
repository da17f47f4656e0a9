import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported by check-artifacts --mapping.
    public static let mappingEnumUnmappedValue = RuleInfo(
        id: "mapping-enum-unmapped-value", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "An extracted record has an enum value that a map_enum neither maps nor covers with forward_default.",
            why: """
            map_enum translates each external enum key through its forward map; a key it does not \
            list is replaced by forward_default, and without one the DevRev field gets nothing \
            (or the import fails, for a required field such as stage). check-artifacts --mapping \
            finds the values the extractor actually writes that fall through.
            """,
            example: """
            mapping:  "forward": { "open": { "value": "triage" }, "closed": { "value": "completed" } }   (no forward_default)
            record:   { "id": "t7", ..., "data": { "status": "blocked" } }
            """,
            fix: """
            Add the value to forward (and to the metadata's enum, if it is missing there), or add \
            a forward_default.
            """))
}

public struct MappingEnumUnmappedValue: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingEnumUnmappedValue }
    public let value: String
    public let field: String
    public let owner: MappingSubject
    public let mapping: FilePlace

    public init(value: String, field: String, owner: MappingSubject, mapping: FilePlace) {
        self.value = value
        self.field = field
        self.owner = owner
        self.mapping = mapping
    }

    public var message: String {
        "\"\(field)\" is \"\(value)\", which map_enum of \(owner) (\(mapping)) does not map and there is no forward_default: add \"\(value)\" to its forward map, or a forward_default"
    }
}
