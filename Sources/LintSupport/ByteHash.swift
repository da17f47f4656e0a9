/// A 64-bit hash over raw bytes, eight at a time: keys, enum values and ids are hashed without
/// building Strings. Not cryptographic; ids are compared by hash, so it must mix well.
public enum ByteHash {
    @inlinable @inline(__always)
    public static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        var k = 0
        while k + 8 <= n {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
            k += 8
        }
        if k < n {
            // The last 1-7 bytes as one little-endian word, read in at most three loads.
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            if n - k >= 4 {
                tail = UInt64(raw.loadUnaligned(fromByteOffset: k, as: UInt32.self))
                shift = 32
                k += 4
            }
            if n - k >= 2 {
                tail |= UInt64(raw.loadUnaligned(fromByteOffset: k, as: UInt16.self)) << shift
                shift += 16
                k += 2
            }
            if k < n { tail |= UInt64(p[k]) << shift }
            h = mix(h ^ tail)
        }
        return finish(h)
    }

    @inlinable @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        let m = x.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
        return m.high ^ m.low
    }

    /// splitmix64's finaliser, so every input bit reaches every output bit.
    @inlinable @inline(__always) static func finish(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public static func hash(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { hash($0.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped, $0.count) }
    }
}
