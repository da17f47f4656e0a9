import CByteScan

/// Classifies 64 bytes at a time with SIMD16 lanes into bit masks (bit k = byte k): the bytes a
/// string scan must stop at (quote, backslash, control, non-ASCII), JSON whitespace and line
/// feeds. Escapes are not resolved here: the scanner validates each one where a backslash stops
/// it, so an escaped quote never needs finding by mask.
///
/// On x86-64 the masks come from SSE2 (CByteScan). Elsewhere, lane comparisons are written as wrapping arithmetic (`x == c` is the top bit of
/// `(x ^ c) &- 1 & ~(x ^ c)`), which the compiler lowers to SSE2 byte operations; Swift's `.==`
/// on SIMD16<UInt8> is lowered lane by lane. The top bits of 8 lanes are gathered with one multiply.
public enum ByteClassifier {
    @usableFromInline typealias Lanes = SIMD16<UInt8>

    /// Top bit set in each lane equal to `c`.
    @inlinable @inline(__always) static func equal(_ v: Lanes, _ c: UInt8) -> Lanes {
        let x = v ^ Lanes(repeating: c)
        return (x &- 1) & ~x
    }

    /// Top bit set in each lane below `c` (for `c` ≤ 0x80).
    @inlinable @inline(__always) static func below(_ v: Lanes, _ c: UInt8) -> Lanes {
        (v &- Lanes(repeating: c)) & ~v
    }

    /// The lanes' top bits as a 16-bit mask.
    @inlinable @inline(__always) static func bits(_ lanes: Lanes) -> UInt64 {
        let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        let gather: UInt64 = 0x0002_0408_1020_4081
        let low = ((words[0] & 0x8080_8080_8080_8080) &* gather) >> 56
        let high = ((words[1] & 0x8080_8080_8080_8080) &* gather) >> 56
        return low | high << 8
    }

    /// Quote, backslash, control character or non-ASCII byte: where a string scan stops.
    @inlinable @inline(__always) public static func stringStops(_ p: UnsafeRawPointer) -> UInt64 {
        #if arch(x86_64)
        return ml_string_stops(p)
        #else
        return portableStringStops(p)
        #endif
    }

    /// Space, tab, line feed or carriage return.
    @inline(__always) static func whitespace(_ p: UnsafeRawPointer) -> UInt64 {
        #if arch(x86_64)
        return ml_whitespace(p)
        #else
        return portableWhitespace(p)
        #endif
    }

    /// Line feeds.
    @inline(__always) static func lineFeeds(_ p: UnsafeRawPointer) -> UInt64 {
        #if arch(x86_64)
        return ml_line_feeds(p)
        #else
        return portableLineFeeds(p)
        #endif
    }

    // The same in Swift's generic SIMD types, for other architectures (and compared with the
    // SSE2 versions in the tests).

    @inlinable @inline(__always) static func portableStringStops(_ p: UnsafeRawPointer) -> UInt64 {
        var mask: UInt64 = 0
        for lane in 0..<4 {
            let v = p.loadUnaligned(fromByteOffset: lane * 16, as: Lanes.self)
            mask |= bits(equal(v, 0x22) | equal(v, 0x5C) | below(v, 0x20) | v) << UInt64(lane * 16)
        }
        return mask
    }

    @inline(__always) static func portableWhitespace(_ p: UnsafeRawPointer) -> UInt64 {
        var mask: UInt64 = 0
        for lane in 0..<4 {
            let v = p.loadUnaligned(fromByteOffset: lane * 16, as: Lanes.self)
            mask |= bits(equal(v, 0x20) | equal(v, 0x0A) | equal(v, 0x0D) | equal(v, 0x09)) << UInt64(lane * 16)
        }
        return mask
    }

    @inline(__always) static func portableLineFeeds(_ p: UnsafeRawPointer) -> UInt64 {
        var mask: UInt64 = 0
        for lane in 0..<4 {
            mask |= bits(equal(p.loadUnaligned(fromByteOffset: lane * 16, as: Lanes.self), 0x0A)) << UInt64(lane * 16)
        }
        return mask
    }
}
