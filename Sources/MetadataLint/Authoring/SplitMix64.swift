/// A small seeded generator (SplitMix64): the same seed gives the same samples on every machine
/// and every run, which the system generator does not promise.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one named stream of a seed (FNV-1a of the name mixed into the seed), so
    /// what one record type draws does not depend on which other types are generated.
    public init(seed: UInt64, stream name: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        state = seed ^ hash
        _ = next()
    }

    public mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0 ..< bound` (bound > 0; 0 when bound is 0).
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        return Int(next() % UInt64(bound))
    }

    /// A value in `low ... high` (low ≤ high), over the whole Int64 range without overflow.
    public mutating func between(_ low: Int64, _ high: Int64) -> Int64 {
        guard low < high else { return low }
        let span = UInt64(bitPattern: high &- low) &+ 1
        let offset = span == 0 ? next() : next() % span
        return low &+ Int64(bitPattern: offset)
    }

    /// True with probability `percent`/100.
    public mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    public mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[below(items.count)]
    }
}
