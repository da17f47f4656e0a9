import LintJSON

/// JSON tokens read straight from a record's bytes for `CleanRecordPass`: strings, numbers and
/// literals, without a tape. Each read either steps over a token that the strict scanner
/// (`JSONScanner`) accepts too, or returns false; it never accepts what the scanner rejects, and
/// may decline what the scanner accepts (a `\u` escape, a line feed between tokens, a number the
/// scanner would note as out of range), since declining only sends the record the usual way.
///
/// Reads stop at `end`; the byte there and beyond reads as 0, which no token accepts.
struct RecordCursor {
    let p: UnsafePointer<UInt8>
    var i: Int
    let end: Int
    /// String stops (`ByteClassifier.stringStops`) of the 64 bytes from `stopsFrom`.
    private var stops: UInt64 = 0
    private var stopsFrom = Int.min / 2

    init(_ p: UnsafePointer<UInt8>, from start: Int, end: Int) {
        self.p = p
        i = start
        self.end = end
    }

    @inline(__always) var current: UInt8 { i < end ? p[i] : 0 }

    /// Steps over `byte` after any spaces, tabs or carriage returns.
    @inline(__always) mutating func take(_ byte: UInt8) -> Bool {
        skipSpaces()
        guard current == byte else { return false }
        i += 1
        return true
    }

    /// Spaces, tabs and carriage returns; a line feed is left for the caller to decline, so an
    /// accepted record never moves the line count.
    @inline(__always) mutating func skipSpaces() {
        while i < end, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0D { i += 1 }
    }

    /// After a member or element: true past a ',', false past the closing bracket, nil otherwise.
    @inline(__always) mutating func separator(closing: UInt8) -> Bool? {
        skipSpaces()
        let b = current
        i += 1
        if b == UInt8(ascii: ",") { return true }
        if b == closing { return false }
        return nil
    }

    // MARK: - Strings

    /// A string token at `i`: its content's start and length, and whether it holds escapes. Nil
    /// for anything else, and for a string with a `\u` escape or a control character.
    @inline(__always) mutating func string() -> (start: Int, count: Int, escaped: Bool)? {
        if let plain = quickString() { return (plain.start, plain.count, false) }
        return anyString()
    }

    /// A string without escapes: the start and length of its bytes.
    @inline(__always) mutating func plainString() -> (start: Int, count: Int)? {
        if let plain = quickString() { return plain }
        guard let s = anyString(), !s.escaped else { return nil }
        return (s.start, s.count)
    }

    /// The common case, inlined where strings are read: a plain string that ends within the
    /// current window, or within a window classified from its first byte.
    @inline(__always) private mutating func quickString() -> (start: Int, count: Int)? {
        guard current == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        let delta = start - stopsFrom
        var ahead = delta >= 0 && delta < 64 ? stops >> UInt64(delta) : 0
        if ahead == 0 {
            guard start + 64 <= end else { return nil }
            stops = ByteClassifier.stringStops(UnsafeRawPointer(p + start))
            stopsFrom = start
            ahead = stops
            guard ahead != 0 else { return nil }
        }
        let stop = start + ahead.trailingZeroBitCount
        guard p[stop] == UInt8(ascii: "\"") else { return nil }
        i = stop + 1
        return (start, stop - start)
    }

    /// Any string, window by window, validating escapes and UTF-8.
    @inline(never) private mutating func anyString() -> (start: Int, count: Int, escaped: Bool)? {
        guard current == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        var escaped = false
        while true {
            guard nextStop() else { return nil }
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return (start, i - 1 - start, escaped)
            }
            if b == UInt8(ascii: "\\") {
                guard i + 1 < end, Self.isSimpleEscape(p[i + 1]) else { return nil }
                escaped = true
                i += 2
            } else if b >= 0x80 {
                guard utf8Sequence() else { return nil }
            } else {
                return nil
            }
        }
    }

    @inline(__always) static func isSimpleEscape(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): return true
        default: return false
        }
    }

    /// Moves `i` to the next quote, backslash, control or non-ASCII byte; false at `end`.
    @inline(__always) private mutating func nextStop() -> Bool {
        while true {
            var delta = i - stopsFrom
            if delta < 0 || delta >= 64 {
                guard i + 64 <= end else { return scalarStop() }
                stops = ByteClassifier.stringStops(UnsafeRawPointer(p + i))
                stopsFrom = i
                delta = 0
            }
            let ahead = stops >> UInt64(delta)
            if ahead != 0 {
                i += ahead.trailingZeroBitCount
                return true
            }
            i = stopsFrom + 64
        }
    }

    private mutating func scalarStop() -> Bool {
        while i < end {
            let b = p[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x80 { return true }
            i += 1
        }
        return false
    }

    /// One multi-byte UTF-8 sequence at `i` (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    private mutating func utf8Sequence() -> Bool {
        let lead = p[i]
        var continuation: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: continuation = 1
        case 0xE0: continuation = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: continuation = 2
        case 0xED: continuation = 2; high = 0x9F
        case 0xF0: continuation = 3; low = 0x90
        case 0xF1...0xF3: continuation = 3
        case 0xF4: continuation = 3; high = 0x8F
        default: return false
        }
        var k = i + 1
        while continuation > 0 {
            guard k < end, p[k] >= low, p[k] <= high else { return false }
            low = 0x80
            high = 0xBF
            k += 1
            continuation -= 1
        }
        i = k
        return true
    }

    // MARK: - Numbers and literals

    /// A number token at `i`: its start, length and whether it is an integer. Nil for anything
    /// else, and for a number the scanner would look at for range (19 or more integer digits,
    /// three or more exponent digits), which the usual way notes when it overflows.
    @inline(__always) mutating func number() -> (start: Int, count: Int, isInteger: Bool)? {
        let start = i
        if current == UInt8(ascii: "-") { i += 1 }
        let integerStart = i
        if current == UInt8(ascii: "0") {
            i += 1
        } else {
            guard Self.isDigit(current) else { return nil }
            while Self.isDigit(current) { i += 1 }
        }
        guard i - integerStart < 19 else { return nil }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard Self.isDigit(current) else { return nil }
            while Self.isDigit(current) { i += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { i += 1 }
            let exponentStart = i
            while Self.isDigit(current) { i += 1 }
            guard i > exponentStart, i - exponentStart < 3 else { return nil }
        }
        // A digit right after a leading zero ("01") is not JSON; the caller's separator check
        // declines it, as it does any byte that cannot follow a value.
        guard i < end else { return nil }
        return (start, i - start, isInteger)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    /// `null`, `true` or `false` at `i`; which one, or nil.
    @inline(__always) mutating func literal() -> Literal? {
        guard i + 5 <= end else { return nil }
        let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self)
        if word == Self.null {
            i += 4
            return .null
        }
        if word == Self.true {
            i += 4
            return .true
        }
        if word == Self.fals, p[i + 4] == UInt8(ascii: "e") {
            i += 5
            return .false
        }
        return nil
    }

    enum Literal { case null, `true`, `false` }

    private static let null = littleEndianWord("null")
    private static let `true` = littleEndianWord("true")
    private static let fals = littleEndianWord("fals")

    private static func littleEndianWord(_ text: StaticString) -> UInt32 {
        let b = text.utf8Start
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
    }
}
