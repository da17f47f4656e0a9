/// The byte range of the JSON token that starts at an offset: a whole string with its quotes, a
/// number or literal, or a single bracket (a container is marked by its opening bracket, not its
/// whole body). Used to turn the library's start offsets into editor ranges.
public enum TokenExtent {
    public static func range(at offset: Int, in bytes: [UInt8]) -> Range<Int> {
        guard offset >= 0, offset < bytes.count else {
            let clamped = min(max(offset, 0), bytes.count)
            return clamped..<clamped
        }
        switch bytes[offset] {
        case UInt8(ascii: "\""):
            return offset..<stringEnd(from: offset, in: bytes)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            var k = offset
            while k < bytes.count, isWordByte(bytes[k]) { k += 1 }
            return offset..<k
        default:
            // One character, however many bytes it takes.
            var k = offset + 1
            while k < bytes.count, bytes[k] & 0xC0 == 0x80 { k += 1 }
            return offset..<k
        }
    }

    /// Just past the closing quote of the string opening at `start`; an unterminated string ends
    /// at the end of its line.
    public static func stringEnd(from start: Int, in bytes: [UInt8]) -> Int {
        var k = start + 1
        while k < bytes.count {
            switch bytes[k] {
            case UInt8(ascii: "\\"): k += 2
            case UInt8(ascii: "\""): return k + 1
            case 0x0A, 0x0D: return k
            default: k += 1
            }
        }
        return min(k, bytes.count)
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }
}
