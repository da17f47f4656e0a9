import LintJSON
import LintSource

/// A value read from the metadata together with where it stands.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let ref: SourceRef

    public init(_ value: Value, at ref: SourceRef) {
        self.value = value
        self.ref = ref
    }
}
