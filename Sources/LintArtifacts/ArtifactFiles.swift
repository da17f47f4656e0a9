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

    static let suffixes = [".jsonl", ".jsonl.gz", ".json", ".json.gz"]

    /// Files as given; directories contribute their `*.jsonl`, `*.jsonl.gz` and `*.json` files,
    /// recursively and sorted. The metadata file itself is skipped.
    static func expand(_ paths: [String], excluding metadataPath: String?) throws(InputError) -> [File] {
        let excluded = metadataPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var files: [File] = []
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
                let artifacts = found.sorted().filter { URL(fileURLWithPath: $0).standardizedFileURL.path != excluded }
                // An empty directory is most likely the wrong one: say so rather than pass.
                guard !artifacts.isEmpty else {
                    throw InputError(path: path, reason: "no *.jsonl, *.jsonl.gz or *.json artifacts in this directory")
                }
                for file in artifacts { files.append(File(path: file, size: size(file))) }
            } else {
                try InputFile.checkReadable(path)
                files.append(File(path: path, size: size(path)))
            }
        }
        return files
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

extension ArtifactFiles {
    /// The artifact files the paths stand for, as check-artifacts expands them (for `infer`).
    public static func paths(_ paths: [String]) throws(InputError) -> [String] {
        try expand(paths, excluding: "/").map(\.path)
    }
}
