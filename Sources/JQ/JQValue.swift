/// A jq value copied out of libjq, so no `jv` ever leaves the wrapper.
public indirect enum JQValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JQValue])
    case object([String: JQValue])

    /// jq's truthiness: everything but false and null.
    public var isTruthy: Bool {
        switch self {
        case .null, .bool(false): return false
        default: return true
        }
    }
}

public struct JQError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case compile, runtime, input, halt }
    public var kind: Kind
    /// jq's own message(s).
    public var message: String
    /// For `halt` / `halt_error`: the exit code jq would use.
    public var exitCode: Int32 = 5

    public var description: String { message }
}
