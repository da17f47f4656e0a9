import Foundation
import LintSource
import LintSupport

/// A JSON value with the place it came from: its byte offset and its path, from which its JSON
/// pointer is spelled out when asked for.
public final class JSONNode: Sendable {
    public enum Value: Sendable {
        case null
        case bool(Bool)
        case number(JSONNumber)
        case string(String)
        case array([JSONNode])
        case object([JSONMember])
    }

    public let value: Value
    /// Byte offset of the value's first byte.
    public let offset: Int
    /// Where the value stands (nil: the document root).
    public let path: JSONPath?

    public init(value: Value, offset: Int, pointer: String) {
        self.value = value
        self.offset = offset
        self.path = pointer.isEmpty ? nil : JSONPath(parent: nil, step: .literal(pointer))
    }

    public init(value: Value, offset: Int, path: JSONPath?) {
        self.value = value
        self.offset = offset
        self.path = path
    }

    /// RFC 6901 pointer from the document root.
    public var pointer: String { path?.pointer ?? "" }

    public var ref: SourceRef { SourceRef(offset: offset, path: path) }

    public var members: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    public var elements: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    public var number: JSONNumber? {
        if case .number(let n) = value { return n }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The first member with this key (a duplicate is reported by the scanner, not here).
    public subscript(key: String) -> JSONNode? {
        members?.first { $0.key == key }?.value
    }

    public func member(_ key: String) -> JSONMember? {
        members?.first { $0.key == key }
    }

    /// The pointer of the value that starts, or whose key starts, at `offset`.
    public func pointer(at target: Int) -> String? {
        pointers(at: [target])[target]
    }

    /// The pointers of the values that start, or whose keys start, at each of `targets`, found in
    /// one walk of the tree (a walk per offset would be quadratic in the number of findings).
    public func pointers(at targets: Set<Int>) -> [Int: String] {
        var found: [Int: String] = [:]
        guard !targets.isEmpty else { return found }
        var pending: [JSONNode] = [self]
        while let node = pending.popLast() {
            if targets.contains(node.offset), found[node.offset] == nil { found[node.offset] = node.pointer }
            switch node.value {
            case .array(let elements):
                pending.append(contentsOf: elements.reversed())
            case .object(let members):
                for member in members where targets.contains(member.keyOffset) && found[member.keyOffset] == nil {
                    found[member.keyOffset] = member.value.pointer
                }
                pending.append(contentsOf: members.reversed().map(\.value))
            default:
                break
            }
            if found.count == targets.count { break }
        }
        return found
    }
}

public struct JSONMember: Sendable {
    public let key: String
    public let keyOffset: Int
    public let value: JSONNode

    /// Where a diagnostic about the key itself points.
    public var keyRef: SourceRef { SourceRef(offset: keyOffset, path: value.path) }
}

/// A JSON number kept as its exact source text.
public struct JSONNumber: Sendable, Equatable {
    public let text: String
    public let isInteger: Bool
    /// False when an integer does not fit 64 bits or a number overflows a double.
    public let inRange: Bool

    public var int64: Int64? { isInteger ? Int64(text) : nil }
    public var double: Double? { Double(text) }
}

public enum JSONPointer {
    /// Escapes one reference token (RFC 6901: `~` → `~0`, `/` → `~1`).
    public static func escape(_ token: String) -> String {
        JSONPath.escape(token)
    }

    public static func appending(_ pointer: String, _ token: String) -> String {
        pointer + "/" + escape(token)
    }
}
