import Foundation

/// Which inputs of a run the config's `ignore` patterns skip. Ruff's rule: a file named on the
/// command line is checked even when a pattern matches it (`--force-exclude` skips it too); a
/// file found by walking a directory, or beside a file named (the mapping beside a metadata file),
/// is skipped when a pattern matches it or a directory between the path named and it.
public struct InputExclusion: Sendable {
    public enum Mode: Sendable {
        /// Named paths are checked whatever the patterns say.
        case exceptNamed
        /// The patterns apply to every path (`--force-exclude`, or inputs the user did not name).
        case all
    }

    let patterns: IgnorePatterns
    public let mode: Mode
    /// Named files, standardized.
    let namedFiles: Set<String>
    /// What found files are found under: the named directories and the named files' directories.
    let roots: [String]

    public init(config: Config, named: [String], mode: Mode) {
        patterns = IgnorePatterns(config)
        self.mode = mode
        var files: Set<String> = []
        var roots: [String] = []
        for path in named where path != "-" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                roots.append(IgnorePatterns.standardized(path))
            } else {
                files.insert(IgnorePatterns.standardized(path))
                roots.append(IgnorePatterns.standardized((path as NSString).deletingLastPathComponent))
            }
        }
        namedFiles = files
        // The longest root first: what lies below a named directory is judged from the named
        // directory closest to it (`data/raw` named beside `data` is not itself ignored).
        self.roots = roots.sorted { $0.count > $1.count }
    }

    /// True when an ignore pattern matches `path`, a file named on the command line; it is skipped
    /// only under `.all`.
    public func matchesNamed(_ path: String) -> Bool {
        path != "-" && patterns.matches(path)
    }

    /// True when `path` (named, or found under or beside a named path) is to be skipped.
    public func skips(_ path: String) -> Bool {
        guard path != "-", !patterns.isEmpty else { return false }
        if mode == .all { return patterns.matches(path) }
        let standardized = IgnorePatterns.standardized(path)
        if namedFiles.contains(standardized) { return false }
        let root = roots.first { standardized.hasPrefix($0 == "/" ? "/" : $0 + "/") }
        return patterns.matches(path, below: root)
    }

    /// The named files an ignore pattern matches that are checked anyway (`.exceptNamed`).
    public func checkedAnyway(_ named: [String]) -> [String] {
        guard mode == .exceptNamed, !patterns.isEmpty else { return [] }
        return named.filter { namedFiles.contains(IgnorePatterns.standardized($0)) && matchesNamed($0) }
    }
}
