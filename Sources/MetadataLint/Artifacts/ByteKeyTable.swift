/// FNV-1a over raw bytes: keys, enum values and ids are hashed without building Strings.
public enum ByteHash {
    @inline(__always)
    public static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var k = 0
        while k < n {
            h = (h ^ UInt64(p[k])) &* 0x0000_0100_0000_01B3
            k += 1
        }
        return h
    }

    public static func hash(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { hash($0.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped, $0.count) }
    }
}

/// An immutable map from byte strings to small integers, looked up by hash and verified by bytes.
public struct ByteKeyTable: Sendable {
    private var slots: [UInt64: Int] = [:]
    private var keys: [[UInt8]] = []
    private var collided = false

    public init(_ names: [String]) {
        for (index, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            keys.append(bytes)
            let h = bytes.withUnsafeBufferPointer { ByteHash.hash($0.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped, $0.count) }
            if slots[h] != nil { collided = true } else { slots[h] = index }
        }
    }

    public var count: Int { keys.count }

    @inline(__always)
    public func lookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        if collided { return linearLookup(p, n) }
        guard let index = slots[ByteHash.hash(p, n)] else { return nil }
        let key = keys[index]
        guard key.count == n else { return nil }
        for k in 0..<n where key[k] != p[k] { return nil }
        return index
    }

    public func lookup(_ text: String) -> Int? {
        var copy = text
        return copy.withUTF8 { lookup($0.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped, $0.count) }
    }

    private func linearLookup(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        keys.firstIndex { key in key.count == n && (0..<n).allSatisfy { key[$0] == p[$0] } }
    }
}
