/// Dates and timestamps for sample items, drawn from 2021-01-01 to 2025-12-31 by day number.
enum SampleCalendar {
    static let firstYear = 2021
    static let years = 5

    static var dayCount: Int {
        (firstYear..<(firstYear + years)).reduce(0) { $0 + (isLeap($1) ? 366 : 365) }
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Year, month and day of a day number counted from 2021-01-01 (clamped to the range).
    static func civil(_ day: Int) -> (year: Int, month: Int, day: Int) {
        var rest = min(max(day, 0), dayCount - 1)
        var year = firstYear
        while rest >= (isLeap(year) ? 366 : 365) {
            rest -= isLeap(year) ? 366 : 365
            year += 1
        }
        var month = 1
        while rest >= daysIn(month: month, year: year) {
            rest -= daysIn(month: month, year: year)
            month += 1
        }
        return (year, month, rest + 1)
    }

    static func date(_ day: Int) -> String {
        let (y, m, d) = civil(day)
        return "\(y)-\(pad(m))-\(pad(d))"
    }

    /// `YYYY-MM-DDTHH:MM:SS` plus `Z` or the given offset in whole hours.
    static func timestamp(_ day: Int, second: Int, offsetHours: Int = 0) -> String {
        let s = min(max(second, 0), 86_399)
        let zone = offsetHours == 0 ? "Z" : (offsetHours > 0 ? "+" : "-") + pad(abs(offsetHours)) + ":00"
        return date(day) + "T" + pad(s / 3600) + ":" + pad(s / 60 % 60) + ":" + pad(s % 60) + zone
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
