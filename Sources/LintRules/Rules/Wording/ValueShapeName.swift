import JQ

extension ValueShape: CustomStringConvertible {
    /// What a message calls the shape: "a string", "an array of strings".
    public var description: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .integer: return "an integer"
        case .boolean: return "true or false"
        case .object: return "an object"
        case .array(let element): return "an array of \(element.plural)"
        }
    }

    var plural: String {
        switch self {
        case .string: return "strings"
        case .number: return "numbers"
        case .integer: return "integers"
        case .boolean: return "booleans"
        case .object: return "objects"
        case .array: return "arrays"
        }
    }
}

extension JQValue {
    /// What a message calls this value: its kind and, when short, the value itself.
    public var shown: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "\(value)"
        case .number(let value): return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        case .string(let text): return text.count > 40 ? "a string" : "\"\(text)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
