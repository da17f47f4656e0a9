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
    /// Open-addressed (hash, index + 1) pairs; index 0 marks an empty slot.
    private var hashes: [UInt64]
    private var indexes: [Int32]
    private var mask: Int
    /// All keys back to back, for verifying a hash hit with one memcmp.
    private var packed: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var collided = false

    public init(_ names: [String]) {
        var size = 8
        while size < names.count * 2 { size <<= 1 }
        hashes = Array(repeating: 0, count: size)
        indexes = Array(repeating: 0, count: size)
        mask = size - 1
        var seen: Set<UInt64> = []
        for (index, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            starts.append(packed.count)
            lengths.append(bytes.count)
            packed.append(contentsOf: bytes)
            let h = bytes.withUnsafeBufferPointer { ByteHash.hash($0.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped, $0.count) }
            if !seen.insert(h).inserted { collided = true }
            var slot = Int(truncatingIfNeeded: h) & mask
            while indexes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = h
            indexes[slot] = Int32(index + 1)
        }
    }

    public var count: Int { starts.count }

    @inline(__always)
    public func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        if collided { return linearLookup(p, n) }
        let h = ByteHash.hash(p, n)
        var slot = Int(truncatingIfNeeded: h) & mask
        var found = 0
        while true {
            let stored = Int(indexes[slot])
            if stored == 0 { return nil }
            if hashes[slot] == h {
                found = stored - 1
                break
            }
            slot = (slot + 1) & mask
        }
        let index = found
        return matches(index, p, n) ? index : nil
    }

    public func lookup(_ text: String) -> Int? {
        var copy = text
        return copy.withUTF8 { lookup($0.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped, $0.count) }
    }

    private func linearLookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        starts.indices.first { matches($0, p, n) }
    }

    @inline(__always)
    private func matches(_ index: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard lengths[index] == n else { return false }
        if n == 0 { return true }
        return packed.withUnsafeBufferPointer { memcmp($0.baseAddress.unsafelyUnwrapped + starts[index], p, n) == 0 }
    }
}
