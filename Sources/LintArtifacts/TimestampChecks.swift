import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

#if canImport(Glibc)
import Glibc
#endif

/// Fake envelope timestamps that make AirSync skip updates (warnings): a modified_date before
/// the created_date, and the Unix epoch.
extension RecordChecker {
    /// `created` and `modified` are tape indices of well-formed timestamps, or -1.
    func checkTimestamps(created: Int, modified: Int) {
        let createdAtEpoch = created >= 0 && Self.isEpoch(contentBytes(tape[created]))
        let modifiedAtEpoch = modified >= 0 && Self.isEpoch(contentBytes(tape[modified]))
        if createdAtEpoch {
            report(SuspiciousTimestamp.epoch(key: "created_date"), at: tape[created].start, pointer: "/created_date")
        }
        if modifiedAtEpoch {
            report(SuspiciousTimestamp.epoch(key: "modified_date"), at: tape[modified].start, pointer: "/modified_date")
        }
        guard created >= 0, modified >= 0, !createdAtEpoch, !modifiedAtEpoch else { return }
        if Self.isEarlier(contentBytes(tape[modified]), than: contentBytes(tape[created])) {
            report(SuspiciousTimestamp.modifiedBeforeCreated(modified: self.rawText(self.tape[modified]), created: self.rawText(self.tape[created])),
                   at: tape[modified].start, pointer: "/modified_date")
        }
    }

    /// True when well-formed timestamp `m` is an earlier instant than well-formed timestamp `c`.
    static func isEarlier(_ m: UnsafeBufferPointer<UInt8>, than c: UnsafeBufferPointer<UInt8>) -> Bool {
        if sameUTCLayout(c, m) {
            // Same length, both in UTC with the same separators: byte order is time order.
            return memcmp(m.baseAddress.unsafelyUnwrapped, c.baseAddress.unsafelyUnwrapped, c.count) < 0
        }
        if let createdAt = TimestampInstant(c), let modifiedAt = TimestampInstant(m) { return modifiedAt < createdAt }
        return false
    }

    /// True for 1970-01-01T00:00:00Z however it is written (only 1969 and 1970 dates can be).
    static func isEpoch(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 20, b[0] == UInt8(ascii: "1"), b[1] == UInt8(ascii: "9"),
              (b[2] == UInt8(ascii: "7") && b[3] == UInt8(ascii: "0")) || (b[2] == UInt8(ascii: "6") && b[3] == UInt8(ascii: "9")) else {
            return false
        }
        return TimestampInstant(b) == TimestampInstant.epoch
    }

    private static func sameUTCLayout(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count, a.count >= 20, a[10] == b[10] else { return false }
        let last = a.count - 1
        return (a[last] == UInt8(ascii: "Z") || a[last] == UInt8(ascii: "z")) && (b[last] == UInt8(ascii: "Z") || b[last] == UInt8(ascii: "z"))
    }
}
