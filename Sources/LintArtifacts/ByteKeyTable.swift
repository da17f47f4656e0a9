import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

#if canImport(Glibc)
import Glibc
#endif

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

    /// The index of the key whose bytes are `p[0..<n]`.
    @inline(__always)
    public func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? { raw.lookup(p, n) }

    /// True when key `index` is exactly `p[0..<n]`.
    @inline(__always)
    public func key(_ index: Int, is p: UnsafePointer<UInt8>, _ n: Int) -> Bool { raw.key(index, is: p, n) }

    /// The table's memory, valid while the table lives: lookups through it retain nothing.
    var raw: Raw { Raw(slots: storage.slots, packed: storage.packed, byIndex: storage.byIndex, mask: storage.mask) }

    struct Raw {
        let slots: UnsafeMutablePointer<Slot>
        let packed: UnsafeMutablePointer<UInt8>
        let byIndex: UnsafeMutablePointer<Slot>
        let mask: Int

        /// Keys that share a hash are told apart by their bytes: probing goes on past a slot whose
        /// hash matches but whose bytes do not.
        @inline(__always)
        func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
            let h = ByteHash.hash(p, n)
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let candidate = slots[slot]
                if candidate.index == 0 { return nil }
                if candidate.hash == h, Int(candidate.length) == n, ByteKeyTable.equal(packed + Int(candidate.start), p, n) {
                    return Int(candidate.index) - 1
                }
                slot = (slot + 1) & mask
            }
        }

        @inline(__always)
        func key(_ index: Int, is p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
            let slot = byIndex[index]
            return Int(slot.length) == n && ByteKeyTable.equal(packed + Int(slot.start), p, n)
        }
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
