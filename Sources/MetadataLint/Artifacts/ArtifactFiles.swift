import Foundation

/// Turns the paths given on the command line into the artifact files to read.
enum ArtifactFiles {
    struct File {
        var path: String
        var size: Int
        /// Named on the command line (not found in a directory): checked even when an ignore
        /// pattern matches it, unless --force-exclude.
        var named: Bool
    }

    /// A directory entry that is not a regular file, and why it was skipped.
    struct Skipped {
        var path: String
        var message: String
    }

    struct Expansion {
        var files: [File] = []
        var skipped: [Skipped] = []
    }

    static let suffixes = [".jsonl", ".jsonl.gz", ".json", ".json.gz"]

    /// Files as given; directories contribute their `*.jsonl`, `*.jsonl.gz` and `*.json` regular
    /// files (or links to regular files), recursively and sorted; pipes, devices, sockets and
    /// links to them or to nothing are skipped and listed. A device named on the command line is
    /// skipped too (it never ends); a named pipe given by name is read (process substitution).
    /// The metadata file itself is skipped.
    static func expand(_ paths: [String], excluding metadataPath: String) throws(InputError) -> Expansion {
        let excluded = URL(fileURLWithPath: metadataPath).standardizedFileURL.path
        var expansion = Expansion()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, reason: "no such file or directory")
            }
            if isDirectory.boolValue {
                guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                    throw InputError(path: path, reason: "cannot list the directory")
                }
                var found: [String] = []
                while let entry = enumerator.nextObject() as? String {
                    if suffixes.contains(where: { entry.hasSuffix($0) }) {
                        found.append((path as NSString).appendingPathComponent(entry))
                    }
                }
                var artifacts: [String] = []
                for file in found.sorted() where URL(fileURLWithPath: file).standardizedFileURL.path != excluded {
                    if let reason = notRegular(file, allowPipe: false) {
                        expansion.skipped.append(Skipped(path: file, message: reason))
                    } else {
                        artifacts.append(file)
                    }
                }
                // An empty directory is most likely the wrong one: say so rather than pass.
                guard !artifacts.isEmpty || !expansion.skipped.isEmpty else {
                    throw InputError(path: path, reason: "no *.jsonl, *.jsonl.gz or *.json artifacts in this directory")
                }
                for file in artifacts { expansion.files.append(File(path: file, size: size(file), named: false)) }
            } else {
                if let reason = notRegular(path, allowPipe: true) {
                    expansion.skipped.append(Skipped(path: path, message: reason))
                    continue
                }
                try InputFile.checkReadable(path)
                expansion.files.append(File(path: path, size: size(path), named: true))
            }
        }
        return expansion
    }

    /// Why `path` is not read (nil: it is a regular file, or a link to one).
    static func notRegular(_ path: String, allowPipe: Bool) -> String? {
        var link = stat()
        guard lstat(path, &link) == 0 else { return nil }
        var target: String? = nil
        var info = link
        if link.st_mode & S_IFMT == S_IFLNK {
            target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            guard stat(path, &info) == 0 else {
                return LimitRules.notRegularMessage("which leads nowhere (or loops)", linkTarget: target)
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: return allowPipe ? nil : LimitRules.notRegularMessage("a named pipe (FIFO)", linkTarget: target, isPipe: true)
        case S_IFCHR: return LimitRules.notRegularMessage("a character device", linkTarget: target)
        case S_IFBLK: return LimitRules.notRegularMessage("a block device", linkTarget: target)
        case S_IFSOCK: return LimitRules.notRegularMessage("a socket", linkTarget: target)
        default: return LimitRules.notRegularMessage("not a file", linkTarget: target)
        }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
