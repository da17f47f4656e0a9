import Foundation

/// Which `.metadata-lint.yml` governs a file: the nearest one in its directory or above, but never
/// above the repository it lies in. The repository root is the directory holding `.git` (a
/// directory, or a file in worktrees and submodules): a config outside it is not the repository's
/// to apply (it could ignore every file or bring its own rules). Outside any repository the walk
/// goes up to the filesystem root.
public enum ConfigDiscovery {
    /// The config in `directory` or the nearest directory above it, stopping at the repository root.
    public static func config(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL
        while true {
            for name in ConfigLoader.fileNames {
                let candidate = url.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            if isRepositoryRoot(url.path) { return nil }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// The config that governs `path` (a file or directory given on the command line; `-` is
    /// standard input, governed by the working directory's).
    public static func config(for path: String) -> String? {
        config(from: startDirectory(for: path))
    }

    /// Where the walk for `path` starts: a directory itself, a file's directory.
    static func startDirectory(for path: String) -> String {
        if path == "-" { return FileManager.default.currentDirectoryPath }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return path }
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    static func isRepositoryRoot(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(".git"))
    }

    /// `paths` in groups that share a config (nil: none), each group in the order given and the
    /// groups in the order of their first path.
    public static func group(_ paths: [String]) -> [(config: String?, paths: [String])] {
        var groups: [(config: String?, paths: [String])] = []
        for path in paths {
            let found = config(for: path)
            if let k = groups.firstIndex(where: { $0.config == found }) {
                groups[k].paths.append(path)
            } else {
                groups.append((found, [path]))
            }
        }
        return groups
    }
}
