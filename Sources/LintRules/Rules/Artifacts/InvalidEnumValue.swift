import LintModel
import LintSupport

extension Rules {
    public static let invalidEnumValue = RuleInfo(
        id: "invalid-enum-value", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "An enum field's value is not one of its declared keys.",
            why: """
            An enum value in the data must be one of the keys declared in the field's enum block \
            (keys are compared exactly, case included). An undeclared value cannot be mapped. \
            Values are often configurable in the external system.
            """,
            example: """
            external_domain_metadata.json:
              "priority": { "type": "enum", "enum": { "values": [ { "key": "P0" }, { "key": "P1" } ] } }
            epics.jsonl:
              {"id": "e4", "created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-01T10:00:00Z", "data": {"title": "Launch", "owner": "u1", "priority": "p0"}}
            """,
            fix: """
            Fetch the values from the external system's API when building the metadata on each \
            sync, or add the missing key.
            """))
}

public struct InvalidEnumValue: RuleViolation {
    public static var rule: RuleInfo { Rules.invalidEnumValue }
    public let field: String
    /// The value as written in the record (quoted, escapes as written).
    public let raw: String
    public let value: String
    public let keys: [String]

    public init(field: String, raw: String, value: String, keys: [String]) {
        self.field = field
        self.raw = raw
        self.value = value
        self.keys = keys
    }

    public var message: String {
        "\"\(field)\" is \(raw), which is not one of its enum keys: "
            + (Suggest.didYouMean(value, in: keys)
                ?? "use one of \(keys.prefix(10).map { "\"\($0)\"" }.joined(separator: ", "))\(keys.count > 10 ? ", …" : "") or declare the key")
    }
}
