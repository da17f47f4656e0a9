import LintModel
import LintSupport

extension Rules {
    public static let duplicateItemID = RuleInfo(
        id: "duplicate-item-id", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "Two records of the same item type have the same id.",
            why: """
            id is the record's primary key in the external system, so it is unique within an item \
            type across all of its artifacts. A repeated id usually means overlapping pagination or \
            a batch uploaded twice, and the later record silently replaces the earlier one.
            """,
            example: """
            users.jsonl:
              {"id": "u7", "created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-01T10:00:00Z", "data": {"email": "eve@example.com"}}
              {"id": "u7", "created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-01T10:00:00Z", "data": {"email": "eve.smith@example.com"}}
            """,
            fix: """
            Deduplicate in the extractor.
            """))
}

public struct DuplicateItemID: RuleViolation {
    public static var rule: RuleInfo { Rules.duplicateItemID }
    public let id: String
    public let itemType: String

    public init(id: String, itemType: String) {
        self.id = id
        self.itemType = itemType
    }

    public var message: String {
        "id \"\(id)\" appears more than once for item type \"\(itemType)\": records of one type need unique ids"
    }
}
