import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let emptyEnum = RuleInfo(
        id: "empty-enum", group: .structure, severity: .warning,
        summary: "An enum declares no values.",
        explanation: """
        An enum with an empty values list accepts no value at all, so every record with that field \
        set fails. This is legitimate only when the values are discovered at run time and the \
        external system has none yet; otherwise declare the values, ideally fetched from the \
        external system's API on each sync.
        """)
}
