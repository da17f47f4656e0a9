import CJQ

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

    /// Deepest value copied out: deeper ones are an error rather than a deep Swift recursion.
    public static let maxDepth = 512

    /// Copies a borrowed `jv`.
    init(_ value: jv, depth: Int = 0) throws(JQError) {
        guard depth < Self.maxDepth else {
            throw JQError(kind: .runtime, message: "a result is nested deeper than \(Self.maxDepth) levels")
        }
        switch jv_get_kind(value) {
        case JV_KIND_TRUE: self = .bool(true)
        case JV_KIND_FALSE: self = .bool(false)
        case JV_KIND_NUMBER: self = .number(jv_number_value(value))
        case JV_KIND_STRING: self = .string(JQFilter.string(value))
        case JV_KIND_ARRAY:
            let count = jv_array_length(jv_copy(value))
            var elements: [JQValue] = []
            elements.reserveCapacity(Int(max(count, 0)))
            for index in 0..<max(count, 0) {
                let element = jv_array_get(jv_copy(value), index)
                defer { jv_free(element) }
                elements.append(try JQValue(element, depth: depth + 1))
            }
            self = .array(elements)
        case JV_KIND_OBJECT:
            let keys = jv_keys(jv_copy(value))
            defer { jv_free(keys) }
            var members: [String: JQValue] = [:]
            for index in 0..<max(jv_array_length(jv_copy(keys)), 0) {
                let key = jv_array_get(jv_copy(keys), index)
                let name = JQFilter.string(key)
                let member = jv_object_get(jv_copy(value), key)
                defer { jv_free(member) }
                members[name] = try JQValue(member, depth: depth + 1)
            }
            self = .object(members)
        default:
            self = .null
        }
    }

    /// An array index exactly: nil for fractions, NaN, infinities and values beyond `Int`.
    public static func index(_ number: Double) -> Int? {
        Int(exactly: number)
    }
}

public struct JQError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case compile, runtime, input, halt
        /// The run passed its time budget and was stopped.
        case timeBudget
        /// The process grew past the run's memory budget and the run was stopped.
        case memoryBudget
        /// libjq could not allocate memory; the run was abandoned.
        case outOfMemory
        /// libjq asserted right after being halted; the run was abandoned.
        case aborted
    }
    public var kind: Kind
    /// jq's own message(s).
    public var message: String
    /// For `halt` / `halt_error`: the exit code jq would use.
    public var exitCode: Int32 = 5

    /// A budget or libjq's memory, not the filter's logic, ended the run.
    public var isLimit: Bool {
        switch kind {
        case .timeBudget, .memoryBudget, .outOfMemory, .aborted: return true
        default: return false
        }
    }

    public var description: String { message }
}
