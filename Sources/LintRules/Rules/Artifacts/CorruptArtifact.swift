import LintModel
import LintSupport

extension Rules {
    public static let corruptArtifact = RuleInfo(
        id: "corrupt-artifact", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "An artifact cannot be read to its end (truncated or corrupt gzip, or unreadable), or has data after its gzip stream.",
            why: """
            Artifacts are uploaded as gzip files of at most 2 GiB. A gzip stream that ends early (an \
            interrupted upload or a writer that was not closed) or is corrupt loses every record \
            after the damage. The diagnostic gives the last line that could be read. Bytes after the end \
            of the gzip stream are reported too: gzip readers disagree on them. (A record over the size \
            or value-count limit is record-too-large.)
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
        case .unreadableSpill:
            return "the temporary file holding ids and references could not be read back: references and duplicate ids were not all checked"
        }
    }
}
