import LintSource
import LintSupport

/// Why a byte sequence is not RFC 8259 JSON, and where.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The input ended inside a value. While streaming, this means "read more".
        case truncated
        case unexpectedByte(found: UInt8, expected: Expected)
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

    /// What the grammar allows where an unexpected byte stands.
    public enum Expected: Sendable, Equatable {
        case value
        case literal(String)
        case key(orClose: Bool)
        case colon
        case commaOr(Character)
        /// After a malformed record: the next line must start one.
        case recordStart
    }

    public var kind: Kind
    /// Byte offset of the offending byte.
    public var offset: Int

    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var isTruncation: Bool { kind == .truncated }
}
