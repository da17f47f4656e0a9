import LintModel
import LintSupport

extension Rules {
    public static let invalidDateValue = RuleInfo(
        id: "invalid-date-value", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "A date or timestamp is malformed or not a real calendar day or time.",
            why: """
            Dates are YYYY-MM-DD; timestamps, including created_date and modified_date, are RFC 3339 \
            with a time zone offset (1972-03-29T22:04:47+01:00 or ...Z). Both must be real: no \
            2023-02-29, no 24:00, no missing offset.
            """,
            example: """
            epics.jsonl:
              {"id": "e4", "created_date": "2024-01-01", "modified_date": "2024-01-01T10:00:00Z", "data": {"title": "Launch", "owner": "u1", "due": "2023-02-29"}}
            """,
            fix: """
            Format dates in the extractor with an RFC 3339 formatter in UTC.
            """))
}

public enum InvalidDateValue: RuleViolation {
    public static var rule: RuleInfo { Rules.invalidDateValue }

    /// created_date or modified_date of an item, or of an attachment (`withExample` false).
    case envelope(key: String, raw: String, withExample: Bool)
    case date(field: String, raw: String)
    case timestamp(field: String, raw: String)

    public var message: String {
        switch self {
        case .envelope(let key, let raw, let withExample):
            return "\"\(key)\" is \(raw), not an RFC 3339 timestamp with offset" + (withExample ? " such as 2024-03-29T22:04:47Z" : "")
        case .date(let field, let raw):
            return "\"\(field)\" is \(raw), not a calendar date YYYY-MM-DD"
        case .timestamp(let field, let raw):
            return "\"\(field)\" is \(raw), not an RFC 3339 timestamp with offset such as 2024-03-29T22:04:47Z"
        }
    }
}
