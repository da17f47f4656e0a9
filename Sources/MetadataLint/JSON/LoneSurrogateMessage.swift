extension JSONSyntaxError {
    /// The message for `.loneSurrogate` (kept apart for the move of messages into rule files).
    static func loneSurrogateMessage(_ unit: UInt32) -> String {
        let escape = "\\u" + String(String(unit, radix: 16, uppercase: true).suffix(4))
        return unit < 0xDC00
            ? "lone surrogate escape \(escape): a high surrogate must be followed by a low one (\\uDC00-\\uDFFF); write the character itself or its full pair"
            : "lone surrogate escape \(escape): a low surrogate must follow a high one (\\uD800-\\uDBFF); write the character itself or its full pair"
    }
}
