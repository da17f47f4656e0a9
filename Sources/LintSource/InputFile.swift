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
        // A device never ends (/dev/zero) and a socket cannot be read as a file; a pipe named on
        // the command line is read (process substitution), as a file is.
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFCHR: throw InputError(path: path, reason: "is a character device, not a file (use - for standard input)")
            case S_IFBLK: throw InputError(path: path, reason: "is a block device, not a file")
            case S_IFSOCK: throw InputError(path: path, reason: "is a socket, not a file")
            default: break
            }
        }
    }
}
