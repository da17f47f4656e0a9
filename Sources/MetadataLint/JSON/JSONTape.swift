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

    @inline(__always) public func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
}

public struct JSONTape: Sendable {
    public var entries: [TapeEntry] = []

    public init() { entries.reserveCapacity(256) }

    public var count: Int { entries.count }

    @inline(__always) public subscript(index: Int) -> TapeEntry { entries[index] }

    public mutating func reset() { entries.removeAll(keepingCapacity: true) }
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
