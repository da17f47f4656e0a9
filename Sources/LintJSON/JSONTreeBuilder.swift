import LintSource
import LintSupport

/// Builds a `JSONNode` tree from a scanned tape. Used for metadata, where a tree is convenient and
/// files are small; the artifact checker reads the tape directly instead.
public enum JSONTreeBuilder {
    public static func build(_ tape: JSONTape, _ base: UnsafePointer<UInt8>, from index: Int = 0,
                             pointer: String = "") -> JSONNode {
        node(tape, base, index, pointer.isEmpty ? nil : JSONPath(parent: nil, step: .literal(pointer)))
    }

    /// Each value gets a one-step path below its parent's: pointers are spelled out only when a
    /// diagnostic needs one.
    private static func node(_ tape: JSONTape, _ base: UnsafePointer<UInt8>, _ index: Int,
                             _ path: JSONPath?) -> JSONNode {
        let entry = tape[index]
        let value: JSONNode.Value
        switch entry.kind {
        case .null: value = .null
        case .trueValue: value = .bool(true)
        case .falseValue: value = .bool(false)
        case .string: value = .string(JSONStringDecoder.decode(base, entry))
        case .number:
            let text = String(decoding: UnsafeBufferPointer(start: base + entry.start, count: entry.end - entry.start),
                              as: UTF8.self)
            value = .number(JSONNumber(text: text, isInteger: entry.has(TapeEntry.numberIsInteger),
                                       inRange: !entry.has(TapeEntry.numberOutOfRange)))
        case .array:
            var elements: [JSONNode] = []
            elements.reserveCapacity(Int(entry.count))
            var k = index + 1
            for n in 0..<Int(entry.count) {
                elements.append(node(tape, base, k, JSONPath(parent: path, step: .index(n))))
                k = tape[k].next
            }
            value = .array(elements)
        case .object:
            var members: [JSONMember] = []
            members.reserveCapacity(Int(entry.count))
            var k = index + 1
            for _ in 0..<Int(entry.count) {
                let keyEntry = tape[k]
                let key = JSONStringDecoder.decode(base, keyEntry)
                let child = node(tape, base, k + 1, JSONPath(parent: path, step: .key(key)))
                members.append(JSONMember(key: key, keyOffset: keyEntry.start, value: child))
                k = tape[k + 1].next
            }
            value = .object(members)
        }
        return JSONNode(value: value, offset: entry.start, path: path)
    }
}
