import LintModel
import LintSupport

extension Rules {
    public static let notARegularFile = RuleInfo(
        id: "not-a-regular-file", group: .artifact, severity: .warning,
        docs: RuleDocs(
            what: "A named pipe, device, socket, or a link to one (or to nothing), was given or found as an artifact and skipped.",
            why: """
            check-artifacts reads regular files only. Reading a named pipe (FIFO) waits for a writer \
            forever, and a device such as /dev/zero never ends, so a check that opened them would \
            hang CI. Such entries of an artifact directory, and symbolic links to them or to nothing, \
            are reported and skipped without being opened; so is a device named on the command \
            line. The check goes on with the other files and says what it did not read. A named \
            pipe named on the command line is read (process substitution: <(zcat users.jsonl.gz)).
            """,
            example: """
            $ mkfifo artifacts/epics.jsonl
            $ ln -s /dev/zero artifacts/comments.jsonl
            $ metadata-lint check-artifacts --metadata external_domain_metadata.json artifacts
            """,
            fix: """
            Remove the entry from the artifact directory (or point the link at the real file). To \
            read a pipe on purpose, name it on the command line.
            """))
}

/// An artifact path that is not a regular file (nor a link to one); it was skipped unopened.
public struct NotARegularFile: RuleViolation, Equatable {
    public static var rule: RuleInfo { Rules.notARegularFile }

    public enum Kind: Sendable, Equatable {
        case namedPipe, characterDevice, blockDevice, socket
        /// A symbolic link whose target does not exist (or that loops).
        case brokenLink
        case other
    }

    public let kind: Kind
    /// The link's target, when the path is a symbolic link.
    public let linkTarget: String?

    public init(kind: Kind, linkTarget: String?) {
        self.kind = kind
        self.linkTarget = linkTarget
    }

    public var message: String {
        let what: String
        switch kind {
        case .namedPipe: what = "a named pipe (FIFO)"
        case .characterDevice: what = "a character device"
        case .blockDevice: what = "a block device"
        case .socket: what = "a socket"
        case .brokenLink: what = "which does not exist (or the link loops)"
        case .other: what = "not a file"
        }
        let subject = linkTarget.map { "a symbolic link to \($0), \(what)," } ?? "\(what),"
        let why: String
        switch kind {
        case .namedPipe: why = "reading it would wait for a writer; name the pipe on the command line to read it"
        case .characterDevice, .blockDevice: why = "a device is not an artifact and may never end"
        case .brokenLink: why = "there is nothing to read; point the link at the artifact or remove it"
        case .socket, .other: why = "only regular files are artifacts"
        }
        return "\(subject) not a regular file: skipped without being opened (\(why))"
    }
}
