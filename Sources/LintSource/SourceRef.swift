import LintSupport

/// Where a diagnostic points: a byte offset for line and column, and a JSON pointer.
public struct SourceRef: Sendable, Equatable {
    public var offset: Int
    public var pointer: String

    public init(offset: Int, pointer: String) {
        self.offset = offset
        self.pointer = pointer
    }
}
