/// Where a cursor stands in a JSON text, found by a tolerant scan from the start up to the cursor:
/// it works on a text that is being typed and does not parse yet (an unclosed string, a missing
/// comma, a dangling key), which is exactly when completion is asked for.
public struct JSONCursor: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        /// On a member key, or where a key is expected.
        case key
        /// On a value, or where a value is expected.
        case value
    }

    /// A string token under the cursor.
    public struct StringToken: Sendable, Equatable {
        /// The token with its quotes (up to where it breaks off when unterminated).
        public var range: Range<Int>
        /// Between the quotes.
        public var contentRange: Range<Int>
        /// The decoded content.
        public var text: String
        /// The decoded content before the cursor.
        public var prefix: String
    }

    /// Keys and array indices from the root to the container holding the cursor.
    public var containerPath: [String]
    public var containerIsArray: Bool
    public var role: Role
    /// For a value: its member key in an object, or its index in an array. For a key: the key.
    public var memberKey: String?
    public var string: StringToken?
    /// A number or literal under the cursor.
    public var scalar: Range<Int>?

    /// The path of the value (or key) under the cursor.
    public var path: [String] { memberKey.map { containerPath + [$0] } ?? containerPath }
}

public enum JSONCursorScanner {
    private struct Frame {
        var isArray: Bool
        /// The key or index under which this container sits in its parent.
        var pathElement: String?
        var key: String? = nil
        var index = 0
        var expectingKey = true
    }

    /// The cursor at `offset`, or nil when it is outside every container (before the root value).
    public static func locate(_ offset: Int, in bytes: [UInt8]) -> JSONCursor? {
        var frames: [Frame] = []
        var k = 0
        func cursor(role: JSONCursor.Role, memberKey: String?, string: JSONCursor.StringToken? = nil,
                    scalar: Range<Int>? = nil) -> JSONCursor? {
            guard let top = frames.last else { return nil }
            return JSONCursor(containerPath: frames.dropFirst().map { $0.pathElement ?? "" }, containerIsArray: top.isArray,
                              role: role, memberKey: memberKey, string: string, scalar: scalar)
        }
        func currentElement() -> String? {
            guard let top = frames.last else { return nil }
            return top.isArray ? String(top.index) : top.key
        }
        while k < bytes.count {
            let byte = bytes[k]
            if k >= offset && byte != UInt8(ascii: "\"") && !TokenExtent.isWordByte(byte) { break }
            if k > offset { break }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                frames.append(Frame(isArray: byte == UInt8(ascii: "["), pathElement: currentElement()))
                k += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !frames.isEmpty { frames.removeLast() }
                k += 1
            case UInt8(ascii: ":"):
                if let top = frames.indices.last { frames[top].expectingKey = false }
                k += 1
            case UInt8(ascii: ","):
                if let top = frames.indices.last {
                    if frames[top].isArray {
                        frames[top].index += 1
                    } else {
                        frames[top].expectingKey = true
                        frames[top].key = nil
                    }
                }
                k += 1
            case UInt8(ascii: "\""):
                let end = TokenExtent.stringEnd(from: k, in: bytes)
                let terminated = end > k + 1 && bytes[end - 1] == UInt8(ascii: "\"")
                let contentEnd = terminated ? end - 1 : end
                let isKey = frames.last.map { !$0.isArray && $0.expectingKey } ?? false
                if k <= offset && offset <= contentEnd {
                    // An unterminated string is being typed: it ends at the cursor, not at the
                    // end of the line (whose rest is other tokens).
                    let stop = terminated ? contentEnd : max(offset, k + 1)
                    let content = (k + 1)..<max(k + 1, stop)
                    let prefixEnd = min(max(offset, k + 1), stop)
                    let token = JSONCursor.StringToken(
                        range: k..<(terminated ? end : stop), contentRange: content, text: decode(bytes, content),
                        prefix: decode(bytes, (k + 1)..<max(k + 1, prefixEnd)))
                    return cursor(role: isKey ? .key : .value, memberKey: isKey ? token.text : currentElement(), string: token)
                }
                if isKey, let top = frames.indices.last { frames[top].key = decode(bytes, (k + 1)..<contentEnd) }
                k = end
            case let other where TokenExtent.isWordByte(other):
                var end = k
                while end < bytes.count, TokenExtent.isWordByte(bytes[end]) { end += 1 }
                if k <= offset && offset <= end {
                    return cursor(role: .value, memberKey: currentElement(), scalar: k..<end)
                }
                k = end
            default:
                k += 1
            }
        }
        guard let top = frames.last else { return nil }
        if !top.isArray && top.expectingKey { return cursor(role: .key, memberKey: nil) }
        return cursor(role: .value, memberKey: currentElement())
    }

    /// Decodes the content of a JSON string, tolerating bad escapes (kept as written).
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        guard range.lowerBound < range.upperBound, range.upperBound <= bytes.count else { return "" }
        if !bytes[range].contains(UInt8(ascii: "\\")) { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        var k = range.lowerBound
        while k < range.upperBound {
            let byte = bytes[k]
            guard byte == UInt8(ascii: "\\"), k + 1 < range.upperBound else {
                out.append(byte)
                k += 1
                continue
            }
            let escape = bytes[k + 1]
            switch escape {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                if let (scalar, length) = unicodeEscape(bytes, at: k, end: range.upperBound) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    k += length
                    continue
                }
                out.append(contentsOf: [byte, escape])
            default: out.append(escape)
            }
            k += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A `\uXXXX` escape at `k` (with its low surrogate, if any): the scalar and the bytes it took.
    private static func unicodeEscape(_ bytes: [UInt8], at k: Int, end: Int) -> (Unicode.Scalar, Int)? {
        func hex(_ at: Int) -> UInt32? {
            guard at + 6 <= end, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else { return nil }
            return UInt32(String(decoding: bytes[(at + 2)..<(at + 6)], as: UTF8.self), radix: 16)
        }
        guard let high = hex(k) else { return nil }
        if (0xD800..<0xDC00).contains(high), let low = hex(k + 6), (0xDC00..<0xE000).contains(low) {
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            return Unicode.Scalar(value).map { ($0, 12) }
        }
        return Unicode.Scalar(high).map { ($0, 6) }
    }
}
