import Foundation
import LintSupport

/// A problem reading an input: exit code 2, one clear line.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

public enum InputFile {
    /// Reads a whole file (or standard input for "-") into a SourceFile.
    public static func read(_ path: String) throws(InputError) -> SourceFile {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return SourceFile(path: "<stdin>", bytes: [UInt8](data))
        }
        try checkReadable(path)
        // A pipe (`<(git show main:file)` is /dev/fd/N) has no size: read it to the end instead.
        guard let data = FileManager.default.contents(atPath: path)
                ?? FileHandle(forReadingAtPath: path).map({ $0.readDataToEndOfFile() }) else {
            throw InputError(path: path, reason: "cannot read the file (permission denied?)")
        }
        return SourceFile(path: path, bytes: [UInt8](data))
    }

    /// Throws unless `path` is an existing, readable regular file.
    public static func checkReadable(_ path: String) throws(InputError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw InputError(path: path, reason: "is a directory, expected a file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(path: path, reason: "permission denied")
        }
    }
}
