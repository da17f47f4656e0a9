import LintModel
import LintSupport

extension Rules {
    public static let referencesNotChecked = RuleInfo(
        id: "references-not-checked", group: .artifact, severity: .note,
        docs: RuleDocs(
            what: "References to a record type whose artifacts were not given were not checked.",
            why: """
            References are resolved across all the artifacts given in one run. When no artifact of a \
            target type was given, its references cannot be checked, and this note says so once per \
            target type instead of flagging every record.
            """,
            example: """
            epics.jsonl:
              {"id": "e5", "created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-01T10:00:00Z", "data": {"title": "Launch", "owner": "u1"}}
            $ metadata-lint check-artifacts --metadata external_domain_metadata.json epics.jsonl
            """,
            fix: """
            Pass the target type's artifacts too to check them.
            """))
}

public enum ReferencesNotChecked: RuleViolation {
    public static var rule: RuleInfo { Rules.referencesNotChecked }

    case targetNotGiven(recordType: String, example: String)
    case attachmentParents

    public var message: String {
        switch self {
        case .targetNotGiven(let type, let example):
            return "references to record type \"\(type)\" (such as \(example)) were not checked: no \(type) artifact was given"
        case .attachmentParents:
            return "attachment parent ids were not checked: no record artifacts were given"
        }
    }
}
