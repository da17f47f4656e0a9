/// Where two JSON documents first differ in value: key order, whitespace and the spelling of
/// numbers (1.0 and 1) do not count.
public struct JSONDifference: Sendable {
    /// Pointer of the first difference.
    public let pointer: String
    /// The node of the first document at (or, for a key only the other has, containing) the difference.
    public let node: JSONNode
}

extension JSONNode {
    /// The first place where this document and `other` hold different values, or nil when equal.
    public func firstDifference(from other: JSONNode) -> JSONDifference? {
        switch (value, other.value) {
        case (.null, .null):
            return nil
        case (.bool(let a), .bool(let b)):
            return a == b ? nil : here
        case (.string(let a), .string(let b)):
            return a == b ? nil : here
        case (.number(let a), .number(let b)):
            if a.text == b.text { return nil }
            if let x = a.double, let y = b.double, a.inRange, b.inRange, x == y { return nil }
            return here
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return here }
            for (x, y) in zip(a, b) {
                if let found = x.firstDifference(from: y) { return found }
            }
            return nil
        case (.object(let a), .object(let b)):
            for member in a {
                guard let counterpart = b.first(where: { $0.key == member.key }) else {
                    return JSONDifference(pointer: member.value.pointer, node: member.value)
                }
                if let found = member.value.firstDifference(from: counterpart.value) { return found }
            }
            for member in b where !a.contains(where: { $0.key == member.key }) {
                return JSONDifference(pointer: JSONPointer.appending(pointer, member.key), node: self)
            }
            return nil
        default:
            return here
        }
    }

    private var here: JSONDifference { JSONDifference(pointer: pointer, node: self) }
}
