/// A set of 64-bit hashes with open addressing. The keys are already well-mixed FNV hashes, so
/// they index the table directly instead of being hashed again (Swift's Set rehashes with SipHash).
public struct HashSet64: Sendable {
    private var slots: [UInt64]
    private var mask: Int
    public private(set) var count = 0
    /// Zero marks an empty slot; a real zero hash is tracked on the side.
    private var hasZero = false

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Inserts `key`; false when it was already present.
    @discardableResult
    public mutating func insert(_ key: UInt64) -> Bool {
        if key == 0 {
            defer { hasZero = true }
            if hasZero { return false }
            count += 1
            return true
        }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let slot = slots[i]
            if slot == 0 {
                slots[i] = key
                count += 1
                return true
            }
            if slot == key { return false }
            i = (i + 1) & mask
        }
    }

    public func contains(_ key: UInt64) -> Bool {
        if key == 0 { return hasZero }
        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return false }
            if slot == key { return true }
            i = (i + 1) & mask
        }
    }

    public func forEach(_ body: (UInt64) -> Void) {
        if hasZero { body(0) }
        for key in slots where key != 0 { body(key) }
    }

    /// Bytes held by the table, for the memory figures in the benchmark.
    public var memoryBytes: Int { slots.count * 8 }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        let zero = hasZero
        count = zero ? 1 : 0
        for key in old where key != 0 {
            var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = key
            count += 1
        }
    }
}
