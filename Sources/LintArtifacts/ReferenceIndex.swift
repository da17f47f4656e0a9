import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// What a worker learns about references while streaming: the ids (and identifier values) each key
/// space holds, and the references to resolve once every file has been read. Each value is kept
/// with its bytes, so the join (`ReferenceJoin`) compares ids exactly: two different ids with the
/// same hash stay different. The records live in hash buckets that spill to temporary files past
/// a memory budget, so memory stays flat for any number of records.
public final class ReferenceIndex: @unchecked Sendable {
    public static let anyRecord: Int32 = -1
    /// Memory the buckets of one worker may hold before spilling.
    public static let defaultBudget = 48 << 20

    let buckets: KeyBuckets
    let worker: Int32
    /// Groups whose targets were all given (else their references are only noted as unchecked),
    /// and whether attachment parents can be checked.
    var checkable: [Bool] = []
    var anyRecordCheckable = true
    /// Test hook: hashes are masked with this, so tests can make different values collide.
    var hashMask: UInt64 = ~0
    // One index belongs to one worker thread; its fields written per value opt out of dynamic
    // exclusivity checks.

    public private(set) var pointers: [String] = []
    private var pointerIndex: [String: Int32] = [:]
    /// The first reference of each group that cannot be checked, in the order they were met.
    @exclusivity(unchecked) private(set) var firstUnchecked: [(group: Int32, pointer: Int32, element: Int32)] = []
    @exclusivity(unchecked) private var uncheckedSeen: Set<Int32> = []
    @exclusivity(unchecked) public private(set) var pendingCount = 0
    @exclusivity(unchecked) private var decoded: [UInt8] = []

    public init(worker: Int = 0, budget: Int = ReferenceIndex.defaultBudget) {
        self.worker = Int32(truncatingIfNeeded: worker)
        buckets = KeyBuckets(budget: budget)
    }

    public func intern(pointer: String) -> Int32 {
        if let index = pointerIndex[pointer] { return index }
        pointers.append(pointer)
        pointerIndex[pointer] = Int32(pointers.count - 1)
        return Int32(pointers.count - 1)
    }

    func pointer(_ pointer: Int32, element: Int32) -> String {
        let base = pointers[Int(pointer)]
        return element < 0 ? base : base + "/" + String(element)
    }

    /// An id (`space` is the record type's id space) or identifier value.
    @inline(__always)
    func addKey(_ entry: TapeEntry, in base: UnsafePointer<UInt8>, space: Int, file: Int32, offset: Int, silent: Bool = false) {
        let tag = UInt32(truncatingIfNeeded: space) | (silent ? KeyBuckets.silentTag : 0)
        add(entry, in: base, tag: tag, header: KeyBuckets.idHeader, file: file, offset: offset) { _ in }
    }

    /// An id or identifier value given as its decoded bytes (a string without escapes).
    @inline(__always)
    func addKey(bytes p: UnsafePointer<UInt8>, count n: Int, space: Int, file: Int32, offset: Int) {
        write(p, n, tag: UInt32(truncatingIfNeeded: space), header: KeyBuckets.idHeader, file: file, offset: offset) { _ in }
    }

    /// A reference of `group` (or `anyRecord`) to resolve after streaming.
    @inline(__always)
    func addReference(_ entry: TapeEntry, in base: UnsafePointer<UInt8>, group: Int32, file: Int32, offset: Int,
                      pointer: Int32, element: Int32) {
        guard let tag = referenceTag(group: group, pointer: pointer, element: element) else { return }
        let worker = self.worker
        add(entry, in: base, tag: tag, header: KeyBuckets.referenceHeader, file: file, offset: offset) { at in
            Self.writeReferenceHeader(at, pointer: pointer, element: element, worker: worker)
        }
    }

    /// A reference given as its decoded bytes (a string without escapes).
    @inline(__always)
    func addReference(bytes p: UnsafePointer<UInt8>, count n: Int, group: Int32, file: Int32, offset: Int,
                      pointer: Int32, element: Int32) {
        guard let tag = referenceTag(group: group, pointer: pointer, element: element) else { return }
        let worker = self.worker
        write(p, n, tag: tag, header: KeyBuckets.referenceHeader, file: file, offset: offset) { at in
            Self.writeReferenceHeader(at, pointer: pointer, element: element, worker: worker)
        }
    }

    /// Counts a reference; nil when its group cannot be checked (the first such is remembered).
    @inline(__always)
    private func referenceTag(group: Int32, pointer: Int32, element: Int32) -> UInt32? {
        pendingCount += 1
        let isCheckable = group == Self.anyRecord ? anyRecordCheckable : checkable[Int(group)]
        guard isCheckable else {
            if uncheckedSeen.insert(group).inserted { firstUnchecked.append((group, pointer, element)) }
            return nil
        }
        return KeyBuckets.referenceTag | UInt32(truncatingIfNeeded: group + 1)
    }

    @inline(__always)
    private static func writeReferenceHeader(_ at: UnsafeMutableRawPointer, pointer: Int32, element: Int32, worker: Int32) {
        at.storeBytes(of: pointer, toByteOffset: 28, as: Int32.self)
        at.storeBytes(of: element, toByteOffset: 32, as: Int32.self)
        at.storeBytes(of: worker, toByteOffset: 36, as: Int32.self)
    }

    @inline(__always)
    private func add(_ entry: TapeEntry, in base: UnsafePointer<UInt8>, tag: UInt32, header: Int, file: Int32, offset: Int,
                     extra: (UnsafeMutableRawPointer) -> Void) {
        if entry.kind == .string, entry.has(TapeEntry.stringHasEscapes) {
            decoded.removeAll(keepingCapacity: true)
            decoded.append(contentsOf: JSONStringDecoder.decode(base, entry).utf8)
            decoded.withUnsafeBufferPointer { bytes in
                write(bytes.baseAddress ?? base, bytes.count, tag: tag, header: header, file: file, offset: offset, extra: extra)
            }
        } else if entry.kind == .string {
            write(base + entry.start + 1, entry.end - entry.start - 2, tag: tag, header: header, file: file, offset: offset, extra: extra)
        } else {
            write(base + entry.start, entry.end - entry.start, tag: tag, header: header, file: file, offset: offset, extra: extra)
        }
    }

    @inline(__always)
    private func write(_ p: UnsafePointer<UInt8>, _ n: Int, tag: UInt32, header: Int, file: Int32, offset: Int,
                       extra: (UnsafeMutableRawPointer) -> Void) {
        let hash = ByteHash.hash(p, n) & hashMask
        let at = buckets.reserve(header + n, in: Int(truncatingIfNeeded: hash >> UInt64(64 - KeyBuckets.bucketBits)),
                                 isKey: header == KeyBuckets.idHeader)
        at.storeBytes(of: hash, as: UInt64.self)
        at.storeBytes(of: Int64(offset), toByteOffset: 8, as: Int64.self)
        at.storeBytes(of: file, toByteOffset: 16, as: Int32.self)
        at.storeBytes(of: tag, toByteOffset: 20, as: UInt32.self)
        at.storeBytes(of: UInt32(truncatingIfNeeded: n), toByteOffset: 24, as: UInt32.self)
        extra(at)
        (at + header).copyMemory(from: p, byteCount: n)
    }

    /// Bytes held in memory at the peak, for the benchmark's memory figures.
    public var memoryBytes: Int { buckets.peakBytes }
    public var spilledBytes: Int { buckets.spilledBytes }
}
