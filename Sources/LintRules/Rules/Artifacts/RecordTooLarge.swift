import LintModel
import LintSupport

extension Rules {
    public static let recordTooLarge = RuleInfo(
        id: "record-too-large", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "A record is larger than the record size limit or holds more JSON values than the value-count limit, and was skipped.",
            why: """
            check-artifacts holds one record in memory at a time, so each record must fit two \
            limits: 16 MiB (max-record-bytes) and a million JSON values (max-record-values) by \
            default. A larger record (a runaway array, a whole table written on one line, a \
            decompression bomb: a 1 MB .jsonl.gz can hold a 1 GB line) is reported at its first \
            line and skipped without reading more of it into memory than the limit; reading goes \
            on at the next line, so the records after it are checked as usual. Real Airdrop items \
            are far smaller, and the platform would have to load such a record whole too.
            """,
            example: """
            users.jsonl (one line):
              {"id": "u1", "data": {"name": "A", "tags": [0, 0, 0, … a million more …]}}
            """,
            fix: """
            Split the data into items of a sensible size. If such records are expected, raise the \
            limits: on the command line with --max-record-bytes 64MiB or --max-record-values \
            5000000, or under limits: in .metadata-lint.yml (max-record-bytes: 64MiB, \
            max-record-values: 5000000).
            """))
}

/// A record over one of the record limits; it was skipped.
public enum RecordTooLarge: RuleViolation {
    public static var rule: RuleInfo { Rules.recordTooLarge }

    /// Larger than `limit` bytes: skipped without being read to its end.
    case bytes(limit: Int)
    /// More than `limit` JSON values (`count` read before stopping).
    case values(count: Int, limit: Int)
    /// `count` more records over a limit, from this line on, were not listed one by one: the
    /// first `listed` of the file were.
    case unlisted(count: Int, listed: Int)

    public var message: String {
        switch self {
        case .bytes(let limit):
            return "this record is larger than \(Self.byteText(limit)) (max-record-bytes): it was skipped unread; "
                + "split the data into smaller items, or raise the limit (--max-record-bytes, or limits: max-record-bytes in .metadata-lint.yml)"
        case .values(let count, let limit):
            return "this record has more than \(limit) JSON values (\(count) read before stopping; max-record-values): it was skipped; "
                + "split the data into smaller items, or raise the limit (--max-record-values, or limits: max-record-values in .metadata-lint.yml)"
        case .unlisted(let count, let listed):
            return "\(count) more records over a limit from this line on are not listed one by one "
                + "(the first \(listed) of this file are): check how this file was written"
        }
    }

    /// A size as written in the docs: 16 MiB, 512 KiB, else bytes.
    static func byteText(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
