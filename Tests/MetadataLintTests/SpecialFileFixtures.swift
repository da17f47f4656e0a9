import Foundation

/// An artifact fixture set may need entries git cannot hold (a named pipe) or should not (a link
/// to a device): its `special-files` lists them, one per line relative to the set's directory,
/// `<path> fifo` or `<path> -> <link target>`. Tests check such a set in a temporary copy laid out
/// like the package (fixtures/artifacts/metadata.json and the set at the same relative paths, so
/// paths in the output read the same), with the entries created; the repository never holds them.
enum SpecialFileFixtures {
    enum Entry: Equatable {
        case fifo(String)
        case link(String, to: String)
    }

    struct ManifestError: Error, CustomStringConvertible {
        let line: String
        var description: String { "special-files: cannot read \"\(line)\"" }
    }

    static func entries(ofSet id: String) throws -> [Entry] {
        let url = TestSupport.fixture("artifacts/\(id)/special-files")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { raw -> Entry? in
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { return nil }
            let link = line.components(separatedBy: " -> ")
            if link.count == 2 { return .link(link[0], to: link[1]) }
            if line.hasSuffix(" fifo") { return .fifo(String(line.dropLast(" fifo".count))) }
            throw ManifestError(line: line)
        }
    }

    /// The directory to run from for the set `id`: the package root when the set lists no special
    /// entries, else a temporary copy holding them (remove it with `release`).
    static func root(forSet id: String) throws -> URL {
        let entries = try entries(ofSet: id)
        guard !entries.isEmpty else { return TestSupport.packageRoot }
        let root = try TestSupport.temporaryDirectory()
        let artifacts = root.appendingPathComponent("fixtures/artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.fixture("artifacts/metadata.json"),
                                         to: artifacts.appendingPathComponent("metadata.json"))
        let set = artifacts.appendingPathComponent(id)
        try FileManager.default.copyItem(at: TestSupport.fixture("artifacts/\(id)"), to: set)
        for entry in entries {
            switch entry {
            case .fifo(let path):
                guard mkfifo(set.appendingPathComponent(path).path, 0o644) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
            case .link(let path, let target):
                try FileManager.default.createSymbolicLink(atPath: set.appendingPathComponent(path).path,
                                                           withDestinationPath: target)
            }
        }
        return root
    }

    static func release(_ root: URL) {
        guard root != TestSupport.packageRoot else { return }
        try? FileManager.default.removeItem(at: root)
    }
}
