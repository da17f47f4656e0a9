import Foundation

/// Writes what the authoring commands produce: whole files, atomically (missing parent
/// directories are created), and never over an existing file unless the user passed `--force`.
public enum OutputFile {
    public static func write(_ text: String, to path: String, force: Bool) throws(InputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw InputError(path: path, reason: "is a directory, expected a file name") }
            if !force { throw InputError(path: path, reason: "already exists: pass --force to overwrite it") }
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty { try makeDirectory(parent) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw InputError(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Creates the directory (and its parents) unless it exists.
    public static func makeDirectory(_ path: String) throws(InputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw InputError(path: path, reason: "exists and is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError(path: path, reason: "cannot create the directory: \(error.localizedDescription)")
        }
    }
}
