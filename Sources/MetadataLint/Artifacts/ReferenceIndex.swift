/// What a worker learns about references while streaming: the ids (and identifier values) each key
/// space holds, and the references still to resolve once every file has been read. Values are kept
/// as 64-bit hashes, so 10 million ids take about 160 MB.
public struct ReferenceIndex {
    public struct Pending {
        public var hash: UInt64
        /// Index into the schema's reference groups; `anyRecord` for attachment parents.
        public var group: Int32
        public var file: Int32
        /// Byte offset of the value in the decompressed file: its line and column are worked out
        /// only for references that do not resolve (`PositionFinder`).
        public var offset: Int64
        public var pointer: Int32
        /// Array index under `pointer`, or -1.
        public var element: Int32
        public var textOffset: Int32
        public var textLength: Int16
    }

    public static let anyRecord: Int32 = -1
    static let maxStoredText = 120

    public var spaces: [HashSet64]
    public var pending: [Pending] = []
    /// Reference values, truncated, for messages.
    public var text: [UInt8] = []
    public var pointers: [String] = []
    private var pointerIndex: [String: Int32] = [:]

    public init(spaceCount: Int) {
        spaces = Array(repeating: HashSet64(), count: spaceCount)
    }

    public mutating func intern(pointer: String) -> Int32 {
        if let index = pointerIndex[pointer] { return index }
        pointers.append(pointer)
        pointerIndex[pointer] = Int32(pointers.count - 1)
        return Int32(pointers.count - 1)
    }

    public mutating func addPending(hash: UInt64, group: Int32, file: Int32, offset: Int, pointer: Int32,
                                    element: Int, value: UnsafeBufferPointer<UInt8>) {
        let length = min(value.count, Self.maxStoredText)
        let textOffset = Int32(truncatingIfNeeded: text.count)
        if let base = value.baseAddress { text.append(contentsOf: UnsafeBufferPointer(start: base, count: length)) }
        pending.append(Pending(hash: hash, group: group, file: file, offset: Int64(offset), pointer: pointer,
                               element: Int32(truncatingIfNeeded: element), textOffset: textOffset,
                               textLength: Int16(length)))
    }

    public func pointer(of reference: Pending) -> String {
        let base = pointers[Int(reference.pointer)]
        return reference.element < 0 ? base : base + "/" + String(reference.element)
    }

    public func value(of reference: Pending) -> String {
        let start = Int(reference.textOffset)
        let text = String(decoding: text[start..<(start + Int(reference.textLength))], as: UTF8.self)
        return Int(reference.textLength) == Self.maxStoredText ? text + "…" : text
    }
}
