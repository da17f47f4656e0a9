#if canImport(Glibc)
import Glibc
#endif

/// A 64-bit hash over raw bytes, eight at a time: keys, enum values and ids are hashed without
/// building Strings. Not cryptographic; ids are compared by hash, so it must mix well.
public enum ByteHash {
    @inline(__always)
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

    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        let m = x.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
        return m.high ^ m.low
    }

    /// splitmix64's finaliser, so every input bit reaches every output bit.
    @inline(__always) static func finish(_ x: UInt64) -> UInt64 {
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

/// An immutable map from byte strings to small integers, looked up by hash and verified by bytes.
public struct ByteKeyTable: Sendable {
    /// One open-addressed slot: the key's hash, where its bytes start in `packed`, its length, and
    /// its index + 1 (0 marks an empty slot).
    struct Slot {
        var hash: UInt64 = 0
        var start: Int32 = 0
        var length: Int32 = 0
        var index: Int32 = 0
    }

    /// Slots and key bytes in raw memory: a lookup does no bounds or uniqueness checks.
    final class Storage: @unchecked Sendable {
        let slots: UnsafeMutablePointer<Slot>
        let packed: UnsafeMutablePointer<UInt8>
        /// Per key index: its slot (for checking a predicted key without hashing).
        let byIndex: UnsafeMutablePointer<Slot>
        let mask: Int

        init(size: Int, bytes: Int, keys: Int) {
            slots = .allocate(capacity: size)
            slots.initialize(repeating: Slot(), count: size)
            packed = .allocate(capacity: max(bytes, 1))
            byIndex = .allocate(capacity: max(keys, 1))
            mask = size - 1
        }

        deinit {
            slots.deallocate()
            packed.deallocate()
            byIndex.deallocate()
        }
    }

    private let storage: Storage
    public let count: Int

    public init(_ names: [String]) {
        var size = 8
        while size < names.count * 2 { size <<= 1 }
        let keys = names.map { Array($0.utf8) }
        storage = Storage(size: size, bytes: keys.reduce(0) { $0 + $1.count }, keys: keys.count)
        count = names.count
        var offset = 0
        for (index, bytes) in keys.enumerated() {
            bytes.withUnsafeBufferPointer { buffer in
                if let source = buffer.baseAddress { (storage.packed + offset).update(from: source, count: buffer.count) }
            }
            let h = ByteHash.hash(storage.packed + offset, bytes.count)
            var slot = Int(truncatingIfNeeded: h) & storage.mask
            while storage.slots[slot].index != 0 { slot = (slot + 1) & storage.mask }
            storage.slots[slot] = Slot(hash: h, start: Int32(offset), length: Int32(bytes.count), index: Int32(index + 1))
            storage.byIndex[index] = storage.slots[slot]
            offset += bytes.count
        }
    }

    /// The index of the key whose bytes are `p[0..<n]`. Keys that share a hash are told apart
    /// by their bytes: probing goes on past a slot whose hash matches but whose bytes do not.
    @inline(__always)
    public func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        let h = ByteHash.hash(p, n)
        let slots = storage.slots
        var slot = Int(truncatingIfNeeded: h) & storage.mask
        while true {
            let candidate = slots[slot]
            if candidate.index == 0 { return nil }
            if candidate.hash == h, Int(candidate.length) == n, Self.equal(storage.packed + Int(candidate.start), p, n) {
                return Int(candidate.index) - 1
            }
            slot = (slot + 1) & storage.mask
        }
    }

    /// True when key `index` is exactly `p[0..<n]`.
    @inline(__always)
    public func key(_ index: Int, is p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let slot = storage.byIndex[index]
        return Int(slot.length) == n && Self.equal(storage.packed + Int(slot.start), p, n)
    }

    public func lookup(_ text: String) -> Int? {
        var copy = text
        return copy.withUTF8 { lookup($0.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped, $0.count) }
    }

    /// Byte equality, eight bytes at a time (keys are short: no call into memcmp).
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        var k = 0
        while k + 8 <= n {
            if ra.loadUnaligned(fromByteOffset: k, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
            k += 8
        }
        while k < n {
            if a[k] != b[k] { return false }
            k += 1
        }
        return true
    }
}
