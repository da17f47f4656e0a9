import LintSource
import LintSupport

/// The flat output of `JSONScanner`: one entry per JSON value or object key, in document order.
///
/// A tape is reused from record to record, so scanning allocates nothing once it has grown to the
/// size of the largest record. Containers know where their subtree ends (`next`), so a reader can
/// skip a value without visiting it.
public enum TapeKind: UInt8, Sendable {
    case object, array, string, number, trueValue, falseValue, null
}

public struct TapeEntry: Sendable {
    public static let stringHasEscapes: UInt8 = 1
    public static let numberIsInteger: UInt8 = 2
    public static let numberOutOfRange: UInt8 = 4

    public var kind: TapeKind
    public var flags: UInt8
    /// Members of an object or elements of an array.
    public var count: UInt32
    /// Byte offset of the value's first byte (the opening quote of a string).
    public var start: Int
    /// Byte offset just past the value's last byte.
    public var end: Int
    /// Tape index of the entry after this value's subtree.
    public var next: Int

    @inlinable @inline(__always) public func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
}

/// Storage for a tape: one buffer, grown by doubling and reused across records. Appending and
/// reading skip Array's uniqueness and capacity checks, which cost ~5% of checking artifacts.
public final class TapeStorage: @unchecked Sendable {
    // Visible to other modules' inlined reads: the checker reads the tape in its hot loop. A tape
    // is written by one scanner and read by one checker, never overlappingly; being visible across
    // modules, these fields would otherwise get a dynamic exclusivity check on every read (40% of
    // check-artifacts' instructions under callgrind).
    @usableFromInline @exclusivity(unchecked) var base: UnsafeMutablePointer<TapeEntry>
    @usableFromInline @exclusivity(unchecked) var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer<TapeEntry>.allocate(capacity: capacity)
    }

    fileprivate func grow() {
        let bigger = UnsafeMutablePointer<TapeEntry>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: capacity)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    deinit { base.deallocate() }
}

/// A tape is owned by one scanner (or handed to one checker by `swap`); copies share storage
/// and are only read.
public struct JSONTape: Sendable {
    @usableFromInline let storage: TapeStorage
    public private(set) var count = 0

    public init() { storage = TapeStorage(capacity: 256) }

    @inlinable @inline(__always) public subscript(index: Int) -> TapeEntry {
        precondition(index >= 0 && index < count, "tape index out of range")
        return storage.base[index]
    }

    @inline(__always) public mutating func append(_ entry: TapeEntry) {
        if count == storage.capacity { storage.grow() }
        (storage.base + count).initialize(to: entry)
        count += 1
    }

    /// Completes a container's entry once its closing bracket has been read.
    @inline(__always) mutating func close(_ index: Int, end: Int, count members: UInt32) {
        precondition(index >= 0 && index < count, "tape index out of range")
        storage.base[index].end = end
        storage.base[index].count = members
        storage.base[index].next = count
    }

    public mutating func reset() { count = 0 }
}

/// A non-fatal finding made while scanning: the document is still well-formed JSON.
public struct JSONScanNote: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The same key twice in one object; `firstOffset` is where the first one stands.
        case duplicateKey(key: String, firstOffset: Int)
        /// An integer outside the 64-bit range, or a number that overflows a double.
        case numberOutOfRange(text: String)
    }
    public var kind: Kind
    public var offset: Int
}
