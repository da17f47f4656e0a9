import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// What a worker learns about references while streaming: the ids (and identifier values) each key
/// space holds, and the references still to resolve once every file has been read. Values are kept
/// as 64-bit hashes and references as 32-byte entries in fixed-size chunks, so 10 million records
/// with 14 million references need about 450 MB for the references and 134 MB for the ids.
public struct ReferenceIndex {
    public struct Pending {
        public var hash: UInt64
        /// Byte offset of the value in the decompressed file. Its line, column and text are read
        /// back only for references that do not resolve (`PositionFinder`).
        public var offset: Int64
        /// Index into the schema's reference groups; `anyRecord` for attachment parents.
        public var group: Int32
        public var file: Int32
        public var pointer: Int32
        /// Array index under `pointer`, or -1.
        public var element: Int32
    }

    public static let anyRecord: Int32 = -1
    static let chunkSize = 1 << 16

    public var spaces: [HashSet64]
    /// Pending references in chunks, so growing never copies (or doubles) the whole list.
    public private(set) var chunks: [[Pending]] = []
    public var pointers: [String] = []
    private var pointerIndex: [String: Int32] = [:]

    public init(spaceCount: Int) {
        spaces = Array(repeating: HashSet64(), count: spaceCount)
    }

    public var pendingCount: Int { chunks.reduce(0) { $0 + $1.count } }

    public mutating func intern(pointer: String) -> Int32 {
        if let index = pointerIndex[pointer] { return index }
        pointers.append(pointer)
        pointerIndex[pointer] = Int32(pointers.count - 1)
        return Int32(pointers.count - 1)
    }

    public mutating func addPending(hash: UInt64, group: Int32, file: Int32, offset: Int, pointer: Int32, element: Int) {
        if chunks.isEmpty || chunks[chunks.count - 1].count == Self.chunkSize {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        chunks[chunks.count - 1].append(Pending(hash: hash, offset: Int64(offset), group: group, file: file,
                                                pointer: pointer, element: Int32(truncatingIfNeeded: element)))
    }

    public func pointer(of reference: Pending) -> String {
        let base = pointers[Int(reference.pointer)]
        return reference.element < 0 ? base : base + "/" + String(reference.element)
    }

    /// Bytes held, for the benchmark's memory figures.
    public var memoryBytes: Int {
        spaces.reduce(0) { $0 + $1.memoryBytes } + chunks.count * Self.chunkSize * MemoryLayout<Pending>.stride
    }
}
