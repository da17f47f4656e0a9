import LintJSON

extension TapeEntry {
    /// What a message calls this value's JSON type.
    public var kindName: String {
        switch kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return has(TapeEntry.numberIsInteger) ? "an integer" : "a fractional number"
        case .trueValue, .falseValue: return "a boolean"
        case .null: return "null"
        }
    }
}
