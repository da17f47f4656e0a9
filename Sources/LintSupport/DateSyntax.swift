/// Calendar-checked syntax of the format's `date` (YYYY-MM-DD) and `timestamp` (RFC 3339 with an
/// offset) values, on raw bytes so the artifact checker can call it without building Strings.
public enum DateSyntax {
    public static func isDate(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { isDate($0) }
    }

    public static func isTimestamp(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { isTimestamp($0) }
    }

    public static func isDate(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count == 10 && datePart(b, 0)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`; `T` and `Z` may be lower case.
    public static func isTimestamp(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 20, datePart(b, 0) else { return false }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") else { return false }
        guard let hour = digits(b, 11, 2), b[13] == UInt8(ascii: ":"),
              let minute = digits(b, 14, 2), b[16] == UInt8(ascii: ":"),
              let second = digits(b, 17, 2),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var k = 19
        if b[k] == UInt8(ascii: ".") {
            k += 1
            let fractionStart = k
            while k < b.count, isDigit(b[k]) { k += 1 }
            if k == fractionStart { return false }
        }
        guard k < b.count else { return false }
        if b[k] == UInt8(ascii: "Z") || b[k] == UInt8(ascii: "z") { return k + 1 == b.count }
        guard b[k] == UInt8(ascii: "+") || b[k] == UInt8(ascii: "-"), k + 6 == b.count,
              let offsetHour = digits(b, k + 1, 2), b[k + 3] == UInt8(ascii: ":"),
              let offsetMinute = digits(b, k + 4, 2) else { return false }
        return offsetHour <= 23 && offsetMinute <= 59
    }

    private static func datePart(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        guard b.count >= at + 10, let year = digits(b, at, 4), b[at + 4] == UInt8(ascii: "-"),
              let month = digits(b, at + 5, 2), b[at + 7] == UInt8(ascii: "-"),
              let day = digits(b, at + 8, 2) else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    @inline(__always) private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    @inline(__always)
    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> Int? {
        var value = 0
        var k = at
        let end = at + count
        while k < end {
            let d = b[k] &- 48
            if d > 9 { return nil }
            value = value &* 10 &+ Int(d)
            k += 1
        }
        return value
    }
}
