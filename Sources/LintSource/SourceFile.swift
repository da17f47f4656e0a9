import LintSupport

/// The bytes of one input with a line index, for turning offsets into positions.
public struct SourceFile: Sendable {
    /// The name diagnostics show (the path as given, or `<stdin>`).
    public let path: String
    public let bytes: [UInt8]
    public let lines: LineIndex

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lines = LineIndex(bytes)
    }
}
