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
    /// Where the first record with this id is: its file (nil when it is this finding's file) and line.
    public let firstFile: String?
    public let firstLine: Int

    public init(id: String, itemType: String, firstFile: String?, firstLine: Int) {
        self.id = id
        self.itemType = itemType
        self.firstFile = firstFile
        self.firstLine = firstLine
    }

    public var message: String {
        let first = firstFile.map { "\($0):\(firstLine)" } ?? "line \(firstLine)"
        return "id \"\(id)\" of item type \"\(itemType)\" was already used at \(first): records of one type need unique ids; deduplicate in the extractor"
    }
}
