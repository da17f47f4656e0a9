/// A line in another file, as a cross-file message cites it: `external_domain_metadata.json:4`.
public struct FilePlace: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

extension Optional where Wrapped == FilePlace {
    /// ` (file:line)` when known, for appending after a name.
    var cited: String { map { " (\($0))" } ?? "" }
}
