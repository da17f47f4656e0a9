import LintModel
import LintSupport

extension Rules {
    public static let itemsNotChecked = RuleInfo(
        id: "items-not-checked", group: .artifact, severity: .note,
        docs: RuleDocs(
            what: "Items of a reserved type whose shape the format does not document were counted, not checked.",
            why: """
            The reserved item types external_sync_units and external_domain_metadata are uploaded as \
            artifacts too, but the format documents no record shape for them, so check-artifacts \
            only counts their records (and reports malformed JSON). This note says so once per file, \
            so a clean result is not mistaken for a checked one.
            """,
            example: """
            external_sync_units.jsonl:
              {"id": "unit-1", "name": "Board 1"}
            """,
            fix: """
            Check the metadata file itself with `metadata-lint validate`.
            """))
}

public struct ItemsNotChecked: RuleViolation {
    public static var rule: RuleInfo { Rules.itemsNotChecked }
    public let itemType: String

    public init(itemType: String) { self.itemType = itemType }

    public var message: String {
        "items of the reserved type \"\(itemType)\" were counted but not checked: the format documents no shape for them"
    }
}
