/// A file a run rewrote (`validate --fix`, `fmt`), or would rewrite in a dry run (`--diff`,
/// `--check`): its bytes before and after.
public struct FileRewrite: Sendable {
    /// The name shown (the path as given, or `<stdin>`).
    public var path: String
    public var before: [UInt8]
    public var after: [UInt8]

    public init(path: String, before: [UInt8], after: [UInt8]) {
        self.path = path
        self.before = before
        self.after = after
    }

    /// The change as a unified diff that `patch` and `git apply` read.
    public var unifiedDiff: String {
        UnifiedDiff.render(old: before, new: after, oldPath: path, newPath: path)
    }
}

/// What `validate --fix` did; the text format prints it above the summary line ("3 fixed,
/// 1 remaining"), the other formats on standard error.
public struct FixSummary: Sendable, Equatable {
    /// Findings the applied fixes resolved.
    public var fixed: Int
    /// Remaining findings whose fix needs `--unsafe-fixes`.
    public var unsafeFixable: Int
    /// `--diff`: nothing was written, the fixes are shown instead.
    public var dryRun: Bool

    public init(fixed: Int, unsafeFixable: Int, dryRun: Bool) {
        self.fixed = fixed
        self.unsafeFixable = unsafeFixable
        self.dryRun = dryRun
    }

    /// The line, given how many findings remain (after any baseline).
    public func line(remaining: Int) -> String {
        var text = dryRun ? "\(fixed) fixable, \(remaining) would remain" : "\(fixed) fixed, \(remaining) remaining"
        if unsafeFixable > 0 {
            text += " (\(unsafeFixable) more fixable with --unsafe-fixes)"
        }
        return text
    }
}

/// What `fmt` did: the text format prints it in place of the summary line, the other formats on
/// standard error.
public struct FormatSummary: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        /// Rewrite the files.
        case write
        /// Write nothing; list the files that would change.
        case check
        /// Write nothing; show the changes as a unified diff.
        case diff
    }

    public var mode: Mode
    /// Files reformatted, or that would be.
    public var reformatted: [String]
    public var unchanged: Int
    /// Files left alone because they are not valid JSON or have duplicate keys.
    public var refused: Int

    public init(mode: Mode, reformatted: [String], unchanged: Int, refused: Int) {
        self.mode = mode
        self.reformatted = reformatted
        self.unchanged = unchanged
        self.refused = refused
    }

    /// `--check` and `--diff` fail when a file would change.
    public var failsRun: Bool { mode != .write && !reformatted.isEmpty }

    /// One line per reformatted file (the diff shows them itself), then the counts.
    public var lines: [String] {
        let files: [String]
        switch mode {
        case .write: files = reformatted.map { "reformatted: \($0)" }
        case .check: files = reformatted.map { "would reformat: \($0)" }
        case .diff: files = []
        }
        return files + [counts]
    }

    public var counts: String {
        func files(_ n: Int) -> String { "\(n) file\(n == 1 ? "" : "s")" }
        var parts = [files(reformatted.count) + (mode == .write ? " reformatted" : " would be reformatted"),
                     "\(files(unchanged)) already formatted"]
        if refused > 0 { parts.append("\(files(refused)) not formatted (not valid JSON or duplicate keys)") }
        return parts.joined(separator: ", ")
    }
}
