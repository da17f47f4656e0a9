/// Why a byte sequence is not RFC 8259 JSON, and where.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The input ended inside a value. While streaming, this means "read more".
        case truncated
        case unexpectedByte(found: UInt8, expected: String)
        case trailingComma(closing: Character)
        case invalidUTF8
        /// A `\uD800`–`\uDFFF` escape that is not a high surrogate followed by a low one.
        case loneSurrogate(UInt32)
        case controlCharacterInString
        case invalidEscape
        case invalidNumber
        case tooDeep(limit: Int)
        case byteOrderMark
        case trailingContent
        case empty
    }

    public var kind: Kind
    /// Byte offset of the offending byte.
    public var offset: Int

    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var isTruncation: Bool { kind == .truncated }

    /// The rule this error is reported under.
    public var ruleID: String {
        switch kind {
        case .invalidUTF8, .loneSurrogate: return "json-encoding"
        case .tooDeep: return "json-nesting-depth"
        default: return "json-syntax"
        }
    }

    public var message: String {
        switch kind {
        case .truncated:
            return "unexpected end of input inside a JSON value: close every string, object and array"
        case .unexpectedByte(let found, let expected):
            return "unexpected \(Self.describe(found)); expected \(expected)"
        case .trailingComma(let closing):
            return "trailing comma before '\(closing)': JSON allows none, remove the ','"
        case .invalidUTF8:
            return "invalid UTF-8 byte sequence: save the file as UTF-8"
        case .loneSurrogate(let unit):
            return Self.loneSurrogateMessage(unit)
        case .controlCharacterInString:
            return "control character inside a string: escape it (\\n, \\t, \\u00XX)"
        case .invalidEscape:
            return "invalid escape sequence: use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX"
        case .invalidNumber:
            return "malformed number: JSON numbers look like -12, 0.5 or 1e9 (no leading zeros, '+', '.5' or NaN)"
        case .tooDeep(let limit):
            return "nesting deeper than \(limit) levels: flatten the structure"
        case .byteOrderMark:
            return "the file starts with a UTF-8 byte order mark: remove it, JSON must not start with one"
        case .trailingContent:
            return "content after the JSON value: a metadata file holds exactly one object"
        case .empty:
            return "the input is empty: expected a JSON value"
        }
    }

    static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x20...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x0A: return "line break"
        case 0x0D: return "carriage return"
        case 0x09: return "tab"
        default: return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }
}
