import LintModel
import LintSupport

extension Rules {
    public static let suspiciousTimestamp = RuleInfo(
        id: "suspicious-timestamp", group: .artifact, severity: .warning,
        docs: RuleDocs(
            what: "An item's modified_date is earlier than its created_date, or a date is the Unix epoch.",
            why: """
            AirSync decides from modified_date whether a record changed since the last sync. Real \
            snap-ins shipped fake timestamps: a reused creation time, a modification time earlier \
            than the creation time, or the Unix epoch (1970-01-01T00:00:00Z) where the external \
            system gave no date. Such records look unchanged, and their updates are skipped.
            """,
            example: """
            {"id": "t1", "created_date": "2024-05-02T10:00:00Z", "modified_date": "1970-01-01T00:00:00Z", "data": {...}}
            """,
            fix: """
            Send the record's real creation and modification times; when the system has no \
            modification time, use the latest change you can see (a comment, a status change) \
            rather than a constant.
            """))
}

public enum SuspiciousTimestamp: RuleViolation {
    public static var rule: RuleInfo { Rules.suspiciousTimestamp }

    /// The raw values, as written.
    case modifiedBeforeCreated(modified: String, created: String)
    case epoch(key: String)

    public var message: String {
        switch self {
        case .modifiedBeforeCreated(let modified, let created):
            return "modified_date \(modified) is earlier than created_date \(created): AirSync skips updates whose modified_date does not advance; send the real modification time"
        case .epoch(let key):
            return "\"\(key)\" is the Unix epoch (1970-01-01T00:00:00Z), a placeholder rather than a real time: AirSync skips updates it cannot date; send the record's real time"
        }
    }
}
