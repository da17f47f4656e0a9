import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let emptyEnum = RuleInfo(
        id: "empty-enum", group: .structure, severity: .warning,
        docs: RuleDocs(
            what: "An enum declares no values.",
            why: """
            An enum with an empty values list accepts no value at all, so every record with that \
            field set fails. This is legitimate only when the values are discovered at run time and \
            the external system has none yet.
            """,
            example: """
            "fields": {
              "kind": { "type": "enum", "enum": { "values": [] } }
            }
            """,
            fix: """
            Declare the values, ideally fetched from the external system's API on each sync.
            """))
}

public struct EmptyEnum: RuleViolation {
    public static var rule: RuleInfo { Rules.emptyEnum }
    public let owner: EnumOwner

    public var message: String { "\(owner) declares no values: add the keys that appear in the data" }
}
