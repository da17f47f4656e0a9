import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let emptyValue = RuleInfo(
        id: "empty-value", group: .structure, severity: .error,
        summary: "A name, key or list that must not be empty is empty.",
        explanation: """
        Some values must not be empty: a reference must refer to at least one record type or \
        category, an enum key must be a non-empty string, a condition must affect at least one \
        field, and controlling_field, starting_stage and link_type_field need a value. An empty one \
        cannot match anything in the data. Fill it in or remove the key.
        """)
}
