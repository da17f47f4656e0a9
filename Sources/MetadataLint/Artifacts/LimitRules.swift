import JQ

/// Findings for inputs and filters that pass a limit: the run goes on and says what was left out,
/// instead of exhausting memory or time. Each rule's message wording is the function beside it.
public enum LimitRules {
    public static let recordTooLarge = RuleInfo(
        id: "record-too-large", group: .artifact, severity: .error,
        summary: "A record is larger than the record size or value-count limit and was skipped.",
        explanation: """
        check-artifacts holds one record in memory at a time, so a single record must fit the \
        limits: 16 MiB and a million JSON values by default. A larger record (a runaway array, \
        a whole table written as one line, a decompression bomb) is reported at its first line and \
        skipped without reading more of it than the limit; the records after it are checked as \
        usual. Real Airdrop items are far smaller: split the data into items, or, if such records \
        are expected, raise max-record-bytes or max-record-values under limits in \
        .metadata-lint.yml (or pass --max-record-bytes / --max-record-values).
        """)

    static func bytesMessage(limit: Int) -> String {
        "this record is larger than \(JQLimitText.bytes(limit)), the max-record-bytes limit: it was skipped unread; "
            + "if such records are expected, raise it with --max-record-bytes or limits: max-record-bytes in .metadata-lint.yml"
    }

    static func valuesMessage(count: Int, limit: Int) -> String {
        "this record has more than \(limit) JSON values (\(count) read before stopping), the max-record-values limit: it was skipped; "
            + "if such records are expected, raise it with --max-record-values or limits: max-record-values in .metadata-lint.yml"
    }

    public static let notARegularFile = RuleInfo(
        id: "not-a-regular-file", group: .artifact, severity: .warning,
        summary: "A named pipe, device, socket or link to one was found among the artifacts and skipped.",
        explanation: """
        Only regular files are read from a directory: reading a named pipe waits for a writer \
        forever, and a device such as /dev/zero never ends. Such entries (and symbolic links to \
        them, or links that lead nowhere) are reported and skipped, so the check ends and says \
        what it did not read. Remove them from the artifact directory; to read a pipe on purpose \
        (process substitution, for example), name it on the command line.
        """)

    static func notRegularMessage(_ kind: String, linkTarget: String?, isPipe: Bool = false) -> String {
        let what = linkTarget.map { "a symbolic link to \($0), \(kind)," } ?? kind + ","
        let advice = isPipe ? "only regular files are read from a directory; name the pipe on the command line to read it"
                            : "only regular files are read"
        return "\(what) not a regular file: skipped (\(advice))"
    }

    public static let filterLimit = RuleInfo(
        id: "filter-limit", group: .custom, severity: .error,
        summary: "A custom rule or --where filter passed its time or memory budget and was stopped.",
        explanation: """
        Custom rules and --where filters are jq programs, and a jq program can run forever \
        (repeat, until, recursion) or build values without end. Each run (one record, or the \
        metadata file) gets a time budget (10 s by default) and a memory budget (1 GiB of growth \
        by default); a run past either is stopped between two jq instructions and reported here, \
        the filter is not run again for the rest of the check, and the check goes on. libjq \
        running out of memory is reported the same way. Make the filter end sooner, or raise \
        filter-time or filter-memory under limits in .metadata-lint.yml (or pass --filter-time / \
        --filter-memory).
        """)

    static func filterMessage(_ who: String, _ error: JQError, scope: String) -> String {
        "\(who) was stopped \(scope): \(error.message); it is not run again in this check. "
            + "Make the filter end sooner, or raise limits: filter-time / filter-memory in .metadata-lint.yml (or --filter-time / --filter-memory)"
    }
}
