import Foundation

extension JSONPointer {
    /// A pointer split into its unescaped reference tokens (`/a~1b/0` → `["a/b", "0"]`).
    public static func tokens(_ pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        return pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { token in
            token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}

extension JSONNode {
    /// The value at a path of tokens below this one (object keys, array indices).
    public func descendant<Path: Collection>(_ tokens: Path) -> JSONNode? where Path.Element == String {
        var node = self
        for token in tokens {
            switch node.value {
            case .object:
                guard let child = node[token] else { return nil }
                node = child
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                node = elements[index]
            default:
                return nil
            }
        }
        return node
    }

    /// The value a JSON pointer names, from this node.
    public func descendant(at pointer: String) -> JSONNode? {
        descendant(JSONPointer.tokens(pointer))
    }

    /// Equal JSON values (numbers by their text, objects by their members in order).
    public func sameValue(as other: JSONNode) -> Bool {
        switch (value, other.value) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a.text == b.text
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameValue(as: $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value.sameValue(as: $1.value) }
        default: return false
        }
    }
}
