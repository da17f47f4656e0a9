/// The instant a timestamp stands for, for comparing timestamps written with different offsets.
public struct TimestampInstant: Sendable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// Fraction of the second, in nanoseconds (digits beyond the ninth are ignored).
    public let nanoseconds: Int64

    public static let epoch = TimestampInstant(seconds: 0, nanoseconds: 0)

    public init(seconds: Int64, nanoseconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    public static func < (a: TimestampInstant, b: TimestampInstant) -> Bool {
        a.seconds != b.seconds ? a.seconds < b.seconds : a.nanoseconds < b.nanoseconds
    }

    /// The instant of bytes that `DateSyntax.isTimestamp` accepted; nil for anything else.
    public init?(_ b: UnsafeBufferPointer<UInt8>) {
        guard DateSyntax.isTimestamp(b) else { return nil }
        func number(_ at: Int, _ count: Int) -> Int64 {
            var value: Int64 = 0
            for k in at..<(at + count) { value = value * 10 + Int64(b[k] &- 48) }
            return value
        }
        let days = Self.daysFromCivil(year: number(0, 4), month: number(5, 2), day: number(8, 2))
        var seconds = days * 86_400 + number(11, 2) * 3_600 + number(14, 2) * 60 + number(17, 2)
        var nanoseconds: Int64 = 0
        var k = 19
        if b[k] == UInt8(ascii: ".") {
            k += 1
            var scale: Int64 = 100_000_000
            while k < b.count, b[k] >= 48, b[k] <= 57 {
                nanoseconds += Int64(b[k] - 48) * scale
                scale /= 10
                k += 1
            }
        }
        if b[k] == UInt8(ascii: "+") || b[k] == UInt8(ascii: "-") {
            let offset = number(k + 1, 2) * 3_600 + number(k + 4, 2) * 60
            seconds += b[k] == UInt8(ascii: "+") ? -offset : offset
        }
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
