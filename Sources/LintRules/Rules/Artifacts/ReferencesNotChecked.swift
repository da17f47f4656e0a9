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
            target type instead of flagging every record; likewise for mentions of inline \
            attachments ("ref_type": "artifact") when no attachments artifact was given.
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
    /// Mentions of inline attachments ("ref_type": "artifact") when no attachments artifact was given.
    case inlineAttachments(example: String)

    public var message: String {
        switch self {
        case .targetNotGiven(let type, let example):
            return "references to record type \"\(type)\" (such as \(example)) were not checked: no \(type) artifact was given"
        case .attachmentParents:
            return "attachment parent ids were not checked: no record artifacts were given"
        case .inlineAttachments(let example):
            return "mentions of inline attachments (such as \(example)) were not checked: no attachments artifact was given"
        }
    }
}
