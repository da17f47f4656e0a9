import LintReport

/// A JSON value whose object members keep the order they were built in, written with 2-space
/// indentation (arrays of scalars on one line), so generated files are stable and diffable.
enum OrderedJSON {
    case object([(String, OrderedJSON)])
    case array([OrderedJSON])
    case string(String)
    case integer(Int)
    case bool(Bool)

    func rendered(depth: Int = 0) -> String {
        let pad = String(repeating: "  ", count: depth + 1), end = String(repeating: "  ", count: depth)
        switch self {
        case .object(let members):
            if members.isEmpty { return "{}" }
            let lines = members.map { pad + JSONWriter.quote($0.0) + ": " + $0.1.rendered(depth: depth + 1) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + end + "}"
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            if elements.allSatisfy(\.isScalar) {
                return "[" + elements.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            return "[\n" + elements.map { pad + $0.rendered(depth: depth + 1) }.joined(separator: ",\n") + "\n" + end + "]"
        case .string(let text): return JSONWriter.quote(text)
        case .integer(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        }
    }

    var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }
}
