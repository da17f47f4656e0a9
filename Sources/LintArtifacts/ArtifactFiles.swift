import Foundation
import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Turns the paths given on the command line into the artifact files to read.
public enum ArtifactFiles {
    struct File {
        var path: String
        var size: Int
    }

    /// A path that is not a regular file, skipped unopened (reported as not-a-regular-file).
    struct Skipped {
        var path: String
        var why: NotARegularFile
        /// Named on the command line (not found in a directory).
        var named: Bool
    }

    struct Expansion {
        var files: [File] = []
        var skipped: [Skipped] = []
    }

    static let suffixes = [".jsonl", ".jsonl.gz", ".json", ".json.gz"]

    /// Files as given; directories contribute their `*.jsonl`, `*.jsonl.gz` and `*.json` regular
    /// files (or links to regular files), recursively and sorted. Pipes, devices, sockets and links
    /// to them or to nothing are skipped unopened (opening a pipe waits for a writer, a device never
    /// ends) and listed; so is a device or socket named on the command line, while a named pipe
    /// named there is read (process substitution). The metadata file itself is skipped.
    static func expand(_ paths: [String], excluding metadataPath: String?) throws(InputError) -> Expansion {
        let excluded = metadataPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
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
                let skippedBefore = expansion.skipped.count
                for file in found.sorted() where URL(fileURLWithPath: file).standardizedFileURL.path != excluded {
                    switch FileKind(of: file) {
                    case .regular: artifacts.append(file)
                    case .directory: continue
                    case .special(let why): expansion.skipped.append(Skipped(path: file, why: why, named: false))
                    }
                }
                // An empty directory is most likely the wrong one: say so rather than pass.
                guard !artifacts.isEmpty || expansion.skipped.count > skippedBefore else {
                    throw InputError(path: path, reason: "no *.jsonl, *.jsonl.gz or *.json artifacts in this directory")
                }
                for file in artifacts { expansion.files.append(File(path: file, size: size(file))) }
            } else {
                if case .special(let why) = FileKind(of: path), why.kind != .namedPipe {
                    expansion.skipped.append(Skipped(path: path, why: why, named: true))
                    continue
                }
                try InputFile.checkReadable(path)
                expansion.files.append(File(path: path, size: size(path)))
            }
        }
        return expansion
    }

    /// What a path is, following a symbolic link (whose target a special file names).
    enum FileKind {
        case regular, directory
        case special(NotARegularFile)

        init(of path: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                self = .regular  // vanished: reading it reports why
                return
            }
            var target: String? = nil
            if info.st_mode & S_IFMT == S_IFLNK {
                target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                guard stat(path, &info) == 0 else {
                    self = .special(NotARegularFile(kind: .brokenLink, linkTarget: target))
                    return
                }
            }
            let kind: NotARegularFile.Kind
            switch info.st_mode & S_IFMT {
            case S_IFREG: self = .regular; return
            case S_IFDIR: self = .directory; return
            case S_IFIFO: kind = .namedPipe
            case S_IFCHR: kind = .characterDevice
            case S_IFBLK: kind = .blockDevice
            case S_IFSOCK: kind = .socket
            default: kind = .other
            }
            self = .special(NotARegularFile(kind: kind, linkTarget: target))
        }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

extension ArtifactFiles {
    /// The artifact files the paths stand for, as check-artifacts expands them (for `infer`):
    /// special files found in directories are left out, one named on the command line is refused.
    public static func paths(_ paths: [String]) throws(InputError) -> [String] {
        let expansion = try expand(paths, excluding: "/")
        for skipped in expansion.skipped where skipped.named { try InputFile.checkReadable(skipped.path) }
        return expansion.files.map(\.path)
    }
}
