import LintModel
import LintSupport

extension Rules {
    public static let corruptArtifact = RuleInfo(
        id: "corrupt-artifact", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "An artifact cannot be read to its end (truncated or corrupt gzip, or unreadable), has data after its gzip stream, or holds a record over the size or value-count limit.",
            why: """
            Artifacts are uploaded as gzip files of at most 2 GiB. A gzip stream that ends early (an \
            interrupted upload or a writer that was not closed) or is corrupt loses every record \
            after the damage. The diagnostic gives the last line that could be read. Bytes after the end \
            of the gzip stream are reported too: gzip readers disagree on them. check-artifacts holds \
            one record in memory at a time, so a record larger than 16 MiB or with more than a million \
            JSON values (a runaway array, a whole table on one line, a decompression bomb) is reported \
            at its first line and skipped without reading more of it than the limit.
            """,
            example: """
            $ gzip -t users.jsonl.gz
            gzip: users.jsonl.gz: unexpected end of file
            """,
            fix: """
            Regenerate the artifact, and make sure the extractor closes the gzip stream before \
            uploading it.
            """))
}

public enum CorruptArtifact: RuleViolation {
    public static var rule: RuleInfo { Rules.corruptArtifact }

    /// The artifact cannot be opened or read at all.
    case unreadable(reason: String)
    /// Reading stopped after `lastLine`.
    case truncated(reason: String, lastLine: Int)
    /// A second read, to place findings made from hashes, failed.
    case rereadFailed(reason: String, purpose: RereadPurpose)
    /// Bytes follow the end of the gzip stream.
    case trailingData(offset: Int, bytes: Int, allZero: Bool)
    /// A record larger than `limit` bytes was skipped unread.
    case recordTooLarge(limit: Int)
    /// A record with more than `limit` JSON values (`count` read before stopping) was skipped.
    case tooManyValues(count: Int, limit: Int)
    /// The temporary file a worker's ids and references spilled to could not be read back.
    case unreadableSpill

    public enum RereadPurpose: Sendable { case danglingReferences, duplicateIDs }

    public var message: String {
        switch self {
        case .unreadable(let reason): return reason
        case .truncated(let reason, let lastLine): return "\(reason); records after line \(lastLine) could not be read"
        case .rereadFailed(let reason, let purpose):
            let what = purpose == .danglingReferences ? "the dangling references found in it" : "its repeated ids"
            return "\(reason) when reading the file again to locate \(what): their positions are unknown; check that the file did not change during the run"
        case .trailingData(let offset, let bytes, let allZero):
            let what = allZero ? "\(bytes) zero bytes" : "\(bytes) bytes that are not gzip data"
            return "\(what) follow the end of the gzip stream (at byte \(offset) of the file): "
                + "the file was appended to or damaged, and gzip readers disagree on such data; rewrite it as one clean gzip stream"
        case .recordTooLarge(let limit):
            return "this record is larger than \(Self.byteText(limit)), the record size limit: it was skipped unread; "
                + "split the data into smaller items"
        case .tooManyValues(let count, let limit):
            return "this record has more than \(limit) JSON values (\(count) read before stopping), the record value-count limit: it was skipped; "
                + "split the data into smaller items"
        case .unreadableSpill:
            return "the temporary file holding ids and references could not be read back: references and duplicate ids were not all checked"
        }
    }
}

extension CorruptArtifact {
    static func byteText(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
