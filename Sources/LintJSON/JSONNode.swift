import Foundation
import LintSource
import LintSupport

/// A JSON value with the place it came from: its byte offset and its JSON pointer.
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
    /// RFC 6901 pointer from the document root.
    public let pointer: String

    public init(value: Value, offset: Int, pointer: String) {
        self.value = value
        self.offset = offset
        self.pointer = pointer
    }

    public var ref: SourceRef { SourceRef(offset: offset, pointer: pointer) }

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
        if offset == target { return pointer }
        switch value {
        case .array(let elements):
            for element in elements { if let found = element.pointer(at: target) { return found } }
        case .object(let members):
            for member in members {
                if member.keyOffset == target { return member.value.pointer }
                if let found = member.value.pointer(at: target) { return found }
            }
        default:
            break
        }
        return nil
    }
}

public struct JSONMember: Sendable {
    public let key: String
    public let keyOffset: Int
    public let value: JSONNode

    /// Where a diagnostic about the key itself points.
    public var keyRef: SourceRef { SourceRef(offset: keyOffset, pointer: value.pointer) }
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
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    public static func appending(_ pointer: String, _ token: String) -> String {
        pointer + "/" + escape(token)
    }
}
