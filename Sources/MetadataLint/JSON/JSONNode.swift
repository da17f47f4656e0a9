import Foundation

/// A JSON value with the place it came from: its byte offset and its JSON pointer. The pointer is
/// kept as a step from its parent's path and spelled out only when asked for: spelled out for
/// every node, long keys nested deep would cost depth × key length bytes per node.
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
    /// Where the value is (nil: the document root).
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

    /// What a message calls this value's JSON type.
    public var kindName: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number(let n): return n.isInteger ? "an integer" : "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
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

/// Where a diagnostic points: a byte offset for line and column, and a JSON pointer (kept as a
/// path until it is read, so the many refs a model holds cost no pointer strings).
public struct SourceRef: Sendable, Equatable {
    public var offset: Int
    private var path: JSONPath?
    private var literal: String?

    public init(offset: Int, pointer: String) {
        self.offset = offset
        self.literal = pointer
    }

    public init(offset: Int, path: JSONPath?) {
        self.offset = offset
        self.path = path
    }

    public var pointer: String {
        get { literal ?? path?.pointer ?? "" }
        set {
            literal = newValue
            path = nil
        }
    }

    public static func == (a: SourceRef, b: SourceRef) -> Bool {
        a.offset == b.offset && a.pointer == b.pointer
    }
}

/// One step of a JSON pointer, linked to its parent's path.
public final class JSONPath: Sendable {
    public enum Step: Sendable {
        /// A whole pointer given as text (a subtree built from a known place).
        case literal(String)
        case key(String)
        case index(Int)
    }

    public let parent: JSONPath?
    public let step: Step

    public init(parent: JSONPath?, step: Step) {
        self.parent = parent
        self.step = step
    }

    /// The RFC 6901 pointer, spelled out.
    public var pointer: String {
        var steps: [Step] = []
        var current: JSONPath? = self
        while let path = current {
            steps.append(path.step)
            current = path.parent
        }
        var text = ""
        for step in steps.reversed() {
            switch step {
            case .literal(let prefix): text += prefix
            case .key(let key): text += "/" + JSONPointer.escape(key)
            case .index(let index): text += "/" + String(index)
            }
        }
        return text
    }
}

public enum JSONPointer {
    /// Escapes one reference token (RFC 6901: `~` → `~0`, `/` → `~1`).
    public static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    public static func appending(_ pointer: String, _ token: String) -> String {
        pointer + "/" + escape(token)
    }
}
