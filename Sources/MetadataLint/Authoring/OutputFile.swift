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

/// A file written in pieces (large sample sets), under a temporary name in the same directory,
/// renamed into place only when complete: an interrupted run leaves no half-written file.
public final class OutputStream {
    public let path: String
    private let temporary: String
    private var file: UnsafeMutablePointer<FILE>?

    public init(path: String, force: Bool) throws(InputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw InputError(path: path, reason: "is a directory, expected a file name") }
            if !force { throw InputError(path: path, reason: "already exists: pass --force to overwrite it") }
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty { try OutputFile.makeDirectory(parent) }
        self.path = path
        let name = (path as NSString).lastPathComponent
        temporary = ((parent.isEmpty ? "." : parent) as NSString).appendingPathComponent(".\(name).\(getpid()).tmp")
        guard let opened = fopen(temporary, "wb") else {
            throw InputError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        file = opened
    }

    public func write(_ bytes: [UInt8]) throws(InputError) {
        guard let file else { return }
        if fwrite(bytes, 1, bytes.count, file) != bytes.count {
            throw InputError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
    }

    /// Closes the file and moves it into place.
    public func commit() throws(InputError) {
        guard let file else { return }
        self.file = nil
        let closed = fclose(file) == 0
        guard closed, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw InputError(path: path, reason: "cannot write: \(reason)")
        }
    }

    deinit {
        if let file {
            fclose(file)
            unlink(temporary)
        }
    }
}
