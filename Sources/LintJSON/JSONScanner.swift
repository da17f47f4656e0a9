#if canImport(Glibc)
import Glibc
#endif
import LintSource
import LintSupport

/// A strict RFC 8259 scanner over raw bytes that records every value on a `JSONTape`.
///
/// It validates UTF-8 inside strings, keeps numbers as their exact source text (flagging those a
/// 64-bit consumer would round), limits nesting instead of overflowing the stack, and notes
/// duplicate keys. It never builds Strings on the hot path: values are byte ranges.
public struct JSONScanner {
    public var maxDepth: Int
    /// Off for artifacts, whose checker sees repeated fields itself at no extra cost.
    public var detectsDuplicateKeys = true
    public var tape = JSONTape()
    public var notes: [JSONScanNote] = []
    /// Classify 64 bytes at a time with SIMD lanes (`ByteClassifier`); false scans words and
    /// bytes instead. Both give the same tape, notes and errors (tested on fixtures, the corpus
    /// and random input). METADATA_LINT_SCALAR_SCAN=1 in the environment turns it off (for
    /// measuring one against the other with the same binary).
    public var vectorized = JSONScanner.vectorizedByDefault
    static let vectorizedByDefault = getenv("METADATA_LINT_SCALAR_SCAN") == nil

    private var base: UnsafePointer<UInt8>? = nil
    private var end = 0
    private var i = 0
    /// String stops (`ByteClassifier.stringStops`) of the 64 bytes from `stopsFrom`.
    private var stops: UInt64 = 0
    private var stopsFrom = -64
    /// Bytes classified per step for string scans.
    static let window = 64

    public init(maxDepth: Int = 256) {
        self.maxDepth = maxDepth
    }

    /// Scans one JSON value starting at `offset` (leading whitespace allowed) and returns the offset
    /// just past it. The tape and notes are cleared first.
    public mutating func scanValue(
        in buffer: UnsafeBufferPointer<UInt8>, from offset: Int
    ) throws(JSONSyntaxError) -> Int {
        tape.reset()
        notes.removeAll(keepingCapacity: true)
        guard let start = buffer.baseAddress, offset < buffer.count else {
            throw JSONSyntaxError(.truncated, at: offset)
        }
        base = start
        end = buffer.count
        i = offset
        stopsFrom = -64
        defer { base = nil }
        try value(depth: 0)
        return i
    }

    /// Scans a whole document holding exactly one value.
    public mutating func scanDocument(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            throw JSONSyntaxError(.byteOrderMark, at: 0)
        }
        let afterWhitespace = Self.skipWhitespace(buffer, from: 0)
        if afterWhitespace == buffer.count { throw JSONSyntaxError(.empty, at: afterWhitespace) }
        let stop = try scanValue(in: buffer, from: 0)
        let rest = Self.skipWhitespace(buffer, from: stop)
        if rest < buffer.count { throw JSONSyntaxError(.trailingContent, at: rest) }
    }

    public static func skipWhitespace(_ buffer: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        var k = offset
        while k < buffer.count {
            switch buffer[k] {
            case 0x20, 0x0A, 0x0D, 0x09: k += 1
            default: return k
            }
        }
        return k
    }

    // MARK: - Values

    @inline(__always) private func byte(_ k: Int) -> UInt8 { base.unsafelyUnwrapped[k] }

    @inline(__always) private func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
    }

    @inline(__always) private mutating func skipWhitespace() {
        guard i < end, isWhitespace(byte(i)) else { return }
        i += 1
        guard i < end, isWhitespace(byte(i)) else { return }
        if vectorized { skipWhitespaceRun() }
        while i < end, isWhitespace(byte(i)) { i += 1 }
    }

    /// A run of whitespace (indentation), 64 bytes at a time.
    private mutating func skipWhitespaceRun() {
        while i + 64 <= end {
            let run = (~ByteClassifier.whitespace(UnsafeRawPointer(base.unsafelyUnwrapped + i))).trailingZeroBitCount
            i += run
            if run < 64 { return }
        }
    }

    /// Moves `i` to the next string stop within the buffer's last full 64 bytes; false when the
    /// rest is too short for a window (the scalar scan takes over).
    @inline(__always) private mutating func nextStringStop() -> Bool {
        while true {
            var delta = i - stopsFrom
            if delta < 0 || delta >= Self.window {
                guard i + Self.window <= end else { return false }
                stops = ByteClassifier.stringStops(UnsafeRawPointer(base.unsafelyUnwrapped + i))
                stopsFrom = i
                delta = 0
            }
            let ahead = stops >> UInt64(delta)
            if ahead != 0 {
                i += ahead.trailingZeroBitCount
                return true
            }
            i = stopsFrom + Self.window
        }
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) {
        skipWhitespace()
        guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
        switch byte(i) {
        case UInt8(ascii: "{"): try object(depth: depth + 1)
        case UInt8(ascii: "["): try array(depth: depth + 1)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true", .trueValue)
        case UInt8(ascii: "f"): try literal("false", .falseValue)
        case UInt8(ascii: "n"): try literal("null", .null)
        case let other:
            throw JSONSyntaxError(.unexpectedByte(found: other, expected: .value), at: i)
        }
    }

    private mutating func literal(_ word: StaticString, _ kind: TapeKind) throws(JSONSyntaxError) {
        let start = i
        let length = word.utf8CodeUnitCount
        let expected = word.utf8Start
        for k in 0..<length {
            guard start + k < end else { throw JSONSyntaxError(.truncated, at: start + k) }
            if byte(start + k) != expected[k] {
                throw JSONSyntaxError(
                    .unexpectedByte(found: byte(start + k), expected: .literal("\(word)")), at: start + k)
            }
        }
        i = start + length
        tape.append(TapeEntry(kind: kind, flags: 0, count: 0, start: start, end: i, next: tape.count + 1))
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) {
        if depth > maxDepth { throw JSONSyntaxError(.tooDeep(limit: maxDepth), at: i) }
        let index = tape.count
        let start = i
        tape.append(TapeEntry(kind: .object, flags: 0, count: 0, start: start, end: start, next: 0))
        i += 1
        var members: UInt32 = 0
        skipWhitespace()
        guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
        if byte(i) != UInt8(ascii: "}") {
            while true {
                skipWhitespace()
                guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
                guard byte(i) == UInt8(ascii: "\"") else {
                    if members > 0 && byte(i) == UInt8(ascii: "}") {
                        throw JSONSyntaxError(.trailingComma(closing: "}"), at: i)
                    }
                    let expected = JSONSyntaxError.Expected.key(orClose: members == 0)
                    throw JSONSyntaxError(.unexpectedByte(found: byte(i), expected: expected), at: i)
                }
                try string()
                skipWhitespace()
                guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
                guard byte(i) == UInt8(ascii: ":") else {
                    throw JSONSyntaxError(.unexpectedByte(found: byte(i), expected: .colon), at: i)
                }
                i += 1
                try value(depth: depth)
                members += 1
                if try !moreItems(closing: UInt8(ascii: "}")) { break }
            }
        }
        close(index, count: members)
        if members > 1 && detectsDuplicateKeys { noteDuplicateKeys(objectIndex: index) }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) {
        if depth > maxDepth { throw JSONSyntaxError(.tooDeep(limit: maxDepth), at: i) }
        let index = tape.count
        let start = i
        tape.append(TapeEntry(kind: .array, flags: 0, count: 0, start: start, end: start, next: 0))
        i += 1
        var elements: UInt32 = 0
        skipWhitespace()
        guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
        if byte(i) != UInt8(ascii: "]") {
            while true {
                skipWhitespace()
                if elements > 0, i < end, byte(i) == UInt8(ascii: "]") {
                    throw JSONSyntaxError(.trailingComma(closing: "]"), at: i)
                }
                try value(depth: depth)
                elements += 1
                if try !moreItems(closing: UInt8(ascii: "]")) { break }
            }
        }
        close(index, count: elements)
    }

    /// After a member or element: true after a ',' (more follow), false at the closing bracket.
    @inline(__always)
    private mutating func moreItems(closing: UInt8) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
        let separator = byte(i)
        if separator == UInt8(ascii: ",") {
            i += 1
            return true
        }
        if separator == closing { return false }
        throw JSONSyntaxError(.unexpectedByte(found: separator, expected: .commaOr(Character(Unicode.Scalar(closing)))), at: i)
    }

    /// Steps over the closing bracket and completes the container's tape entry.
    @inline(__always)
    private mutating func close(_ index: Int, count: UInt32) {
        i += 1
        tape.close(index, end: i, count: count)
    }

    // MARK: - Strings

    @inline(__always) private mutating func string() throws(JSONSyntaxError) {
        let start = i
        // Fast path, inlined where strings are read: the current window already shows this plain
        // string's closing quote.
        if vectorized {
            let delta = start + 1 - stopsFrom
            if delta >= 0, delta < Self.window {
                let ahead = stops >> UInt64(delta)
                let stop = start + 1 + ahead.trailingZeroBitCount
                if ahead != 0, byte(stop) == UInt8(ascii: "\"") {
                    i = stop + 1
                    tape.append(TapeEntry(kind: .string, flags: 0, count: 0, start: start, end: i, next: tape.count + 1))
                    return
                }
            }
        }
        try scanString()
    }

    /// Any string: window by window (or word by word), validating escapes and UTF-8 on the way.
    @inline(never) private mutating func scanString() throws(JSONSyntaxError) {
        let start = i
        i += 1
        var flags: UInt8 = 0
        while true {
            if !vectorized || !nextStringStop() { scanToStringStop() }
            guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
            let b = byte(i)
            if b == UInt8(ascii: "\"") {
                i += 1
                break
            } else if b == UInt8(ascii: "\\") {
                flags |= TapeEntry.stringHasEscapes
                try escape()
            } else if b < 0x20 {
                throw JSONSyntaxError(.controlCharacterInString, at: i)
            } else {
                try utf8Sequence(lead: b)
            }
        }
        tape.append(TapeEntry(kind: .string, flags: flags, count: 0, start: start, end: i, next: tape.count + 1))
    }

    /// The scalar scan: eight bytes at a time, then byte by byte, to a quote, backslash, control or
    /// non-ASCII byte (or the end of the buffer).
    @inline(__always) private mutating func scanToStringStop() {
        let raw = UnsafeRawPointer(base.unsafelyUnwrapped)
        while i + 8 <= end {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let quote = w ^ 0x2222_2222_2222_2222
            let backslash = w ^ 0x5C5C_5C5C_5C5C_5C5C
            let special = ((quote &- 0x0101_0101_0101_0101) & ~quote)
                | ((backslash &- 0x0101_0101_0101_0101) & ~backslash)
                | ((w &- 0x2020_2020_2020_2020) & ~w)
                | w
            let hits = special & 0x8080_8080_8080_8080
            if hits != 0 {
                // The lowest flagged byte is always a real hit: borrows only carry upwards.
                i += hits.trailingZeroBitCount >> 3
                break
            }
            i += 8
        }
        // Plain printable ASCII, byte by byte.
        while i < end {
            let b = byte(i)
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b >= 0x80 { break }
            i += 1
        }
    }

    private mutating func escape() throws(JSONSyntaxError) {
        let at = i
        i += 1
        guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
        switch byte(i) {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 1
        case UInt8(ascii: "u"):
            let unit = try hexEscape(at: at)
            guard unit & 0xF800 == 0xD800 else { return }
            // I-JSON (RFC 7493): a surrogate escape must be a high one followed by a low one.
            guard unit < 0xDC00, i + 1 < end, byte(i) == UInt8(ascii: "\\"), byte(i + 1) == UInt8(ascii: "u") else {
                if unit < 0xDC00, i + 1 >= end, i >= end || byte(i) == UInt8(ascii: "\\") {
                    throw JSONSyntaxError(.truncated, at: end)
                }
                throw JSONSyntaxError(.loneSurrogate(unit), at: at)
            }
            let next = i
            i += 1
            let low = try hexEscape(at: next)
            guard low & 0xFC00 == 0xDC00 else { throw JSONSyntaxError(.loneSurrogate(unit), at: at) }
        default:
            throw JSONSyntaxError(.invalidEscape, at: at)
        }
    }

    /// Reads the four hex digits after `\\u` (with `i` on the `u`) and returns their value.
    private mutating func hexEscape(at escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        i += 1
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
            guard let digit = Self.hexValue(byte(i)) else { throw JSONSyntaxError(.invalidEscape, at: escapeStart) }
            unit = unit << 4 | digit
            i += 1
        }
        return unit
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Validates one multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    private mutating func utf8Sequence(lead: UInt8) throws(JSONSyntaxError) {
        let at = i
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
        default: throw JSONSyntaxError(.invalidUTF8, at: at)
        }
        i += 1
        while continuation > 0 {
            guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
            let b = byte(i)
            guard b >= low && b <= high else { throw JSONSyntaxError(.invalidUTF8, at: at) }
            low = 0x80
            high = 0xBF
            i += 1
            continuation -= 1
        }
    }

    // MARK: - Numbers

    private mutating func number() throws(JSONSyntaxError) {
        let start = i
        var isInteger = true
        if byte(i) == UInt8(ascii: "-") { i += 1 }
        guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
        let integerStart = i
        if byte(i) == UInt8(ascii: "0") {
            i += 1
            if i < end, isDigit(byte(i)) { throw JSONSyntaxError(.invalidNumber, at: start) }
        } else if isDigit(byte(i)) {
            while i < end, isDigit(byte(i)) { i += 1 }
        } else {
            throw JSONSyntaxError(.invalidNumber, at: start)
        }
        let integerDigits = i - integerStart
        var exponentDigits = 0
        if i < end, byte(i) == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
            guard isDigit(byte(i)) else { throw JSONSyntaxError(.invalidNumber, at: start) }
            while i < end, isDigit(byte(i)) { i += 1 }
        }
        if i < end, byte(i) == UInt8(ascii: "e") || byte(i) == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
            if byte(i) == UInt8(ascii: "+") || byte(i) == UInt8(ascii: "-") { i += 1 }
            guard i < end else { throw JSONSyntaxError(.truncated, at: i) }
            guard isDigit(byte(i)) else { throw JSONSyntaxError(.invalidNumber, at: start) }
            let exponentStart = i
            while i < end, isDigit(byte(i)) { i += 1 }
            exponentDigits = i - exponentStart
        }
        var flags: UInt8 = isInteger ? TapeEntry.numberIsInteger : 0
        if isInteger ? integerDigits >= 19 : (exponentDigits >= 3 || integerDigits > 300) {
            if numberOutOfRange(start: start, isInteger: isInteger) {
                flags |= TapeEntry.numberOutOfRange
                notes.append(JSONScanNote(kind: .numberOutOfRange(text: text(start, i)), offset: start))
            }
        }
        tape.append(TapeEntry(kind: .number, flags: flags, count: 0, start: start, end: i, next: tape.count + 1))
    }

    @inline(__always) private func isDigit(_ b: UInt8) -> Bool {
        b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }

    private func numberOutOfRange(start: Int, isInteger: Bool) -> Bool {
        let literal = text(start, i)
        if isInteger { return Int64(literal) == nil }
        guard let value = Double(literal) else { return true }
        return !value.isFinite
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base.unsafelyUnwrapped + from, count: to - from), as: UTF8.self)
    }

    // MARK: - Duplicate keys

    /// Notes every key that repeats an earlier key of the same object. Keys are compared by their
    /// raw bytes; a key with escapes is decoded first so `"a"` and `"\u0061"` count as the same.
    private mutating func noteDuplicateKeys(objectIndex: Int) {
        let count = Int(tape[objectIndex].count)
        let p = base.unsafelyUnwrapped
        if count > 24 || hasEscapedKey(objectIndex: objectIndex, count: count) {
            noteDuplicateKeysByDecoding(objectIndex: objectIndex, count: count)
            return
        }
        // Few plain keys: compare each with the ones before it, walking the tape (no allocation).
        var a = tape[objectIndex + 2].next
        for _ in 1..<count {
            let ea = tape[a]
            let la = ea.end - ea.start
            var b = objectIndex + 1
            while b != a {
                let eb = tape[b]
                if eb.end - eb.start == la, p[eb.start + 1] == p[ea.start + 1], memcmp(p + ea.start, p + eb.start, la) == 0 {
                    notes.append(JSONScanNote(
                        kind: .duplicateKey(key: JSONStringDecoder.decode(p, ea), firstOffset: eb.start),
                        offset: ea.start))
                    break
                }
                b = tape[b + 1].next
            }
            a = tape[a + 1].next
        }
    }

    private func hasEscapedKey(objectIndex: Int, count: Int) -> Bool {
        var k = objectIndex + 1
        for _ in 0..<count {
            if tape[k].has(TapeEntry.stringHasEscapes) { return true }
            k = tape[k + 1].next
        }
        return false
    }

    private mutating func noteDuplicateKeysByDecoding(objectIndex: Int, count: Int) {
        var seen: [String: Int] = [:]
        var k = objectIndex + 1
        for _ in 0..<count {
            let entry = tape[k]
            let decoded = JSONStringDecoder.decode(base.unsafelyUnwrapped, entry)
            if let first = seen[decoded] {
                notes.append(JSONScanNote(kind: .duplicateKey(key: decoded, firstOffset: first), offset: entry.start))
            } else {
                seen[decoded] = entry.start
            }
            k = tape[k + 1].next
        }
    }
}

@inline(__always) private func memcmp(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Int32 {
    var k = 0
    while k < n {
        if a[k] != b[k] { return a[k] < b[k] ? -1 : 1 }
        k += 1
    }
    return 0
}
