/// What a text that is not JSON most likely is, so the message can name the real problem instead
/// of the first unexpected byte.
public enum InputGuess: Sendable, Equatable {
    case utf16
    case yaml
    /// A `//` or `/* */` comment at the error.
    case comment

    public static func guess(_ bytes: [UInt8], error: JSONSyntaxError) -> InputGuess? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return .utf16
        }
        // ASCII text in UTF-16 has a zero in every other byte.
        if bytes.count >= 4, (bytes[0] == 0 && bytes[1] != 0) || (bytes[0] != 0 && bytes[1] == 0),
           bytes[2] == 0 || bytes[3] == 0 {
            return .utf16
        }
        let at = error.offset
        if at + 1 < bytes.count, bytes[at] == UInt8(ascii: "/"), bytes[at + 1] == UInt8(ascii: "/") || bytes[at + 1] == UInt8(ascii: "*") {
            return .comment
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "#") { return .comment }
        return looksLikeYAML(bytes) ? .yaml : nil
    }

    /// `---` or `key: value` on the first line that is not blank or a `#` comment.
    static func looksLikeYAML(_ bytes: [UInt8]) -> Bool {
        var lineStart = 0
        while lineStart < bytes.count {
            var end = lineStart
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let line = bytes[lineStart..<end].drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if let first = line.first, first != UInt8(ascii: "#") {
                if line.starts(with: Array("---".utf8)) { return true }
                guard first.isLetterOrUnderscore else { return false }
                let key = line.prefix { $0.isLetterOrUnderscore || $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) }
                return line.dropFirst(key.count).first == UInt8(ascii: ":")
            }
            lineStart = end + 1
        }
        return false
    }
}

private extension UInt8 {
    var isLetterOrUnderscore: Bool {
        (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) || self == UInt8(ascii: "_")
    }
}
