import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

#if canImport(Glibc)
import Glibc
#endif

/// One worker's ids, identifier values and references, written as byte records into buckets by
/// the top bits of their hash, so that after streaming each bucket can be joined on its own
/// (`ReferenceResolver`). A bucket is a list of chunks (never copied to grow) kept in memory until
/// the worker's budget is spent; after that each chunk that fills is written to the bucket's
/// unlinked temporary file and reused, so memory stays flat however many records there are.
///
/// Record layout (little endian, unaligned): hash u64, offset i64, file i32, tag u32, length u32,
/// then for references pointer i32, element i32, worker i32; then the value's decoded bytes.
final class KeyBuckets: @unchecked Sendable {
    static let bucketBits = 6
    static let bucketCount = 1 << bucketBits
    static let idHeader = 28
    static let referenceHeader = 40
    /// Tag bits: a reference (else an id or identifier value), and an id that must not be reported
    /// as a duplicate (a record `--where` left out).
    static let referenceTag: UInt32 = 1 << 31
    static let silentTag: UInt32 = 1 << 30
    static let keyMask: UInt32 = (1 << 30) - 1

    static let firstChunk = 16 << 10
    static let largestChunk = 1 << 20

    struct Bucket {
        /// The chunk being filled.
        var base: UnsafeMutableRawPointer?
        var used = 0
        var capacity = 0
        /// Filled chunks kept in memory.
        var full: [UnsafeRawBufferPointer] = []
        var spill: UnsafeMutablePointer<FILE>?
        var spilled = 0
        /// The spilled records once read back for the join.
        var readBack: UnsafeMutableRawPointer?
    }

    let buckets: UnsafeMutablePointer<Bucket>
    /// Bytes of memory the buckets may hold before they spill to temporary files.
    let budget: Int
    private let counters: UnsafeMutablePointer<Int>   // [held, peak, spilled, spillFailed]
    /// Ids and identifier values written to each bucket (the join sizes its table from them
    /// without a pass over the records).
    private let keyCounts: UnsafeMutablePointer<Int>

    init(budget: Int) {
        self.budget = budget
        buckets = .allocate(capacity: Self.bucketCount)
        buckets.initialize(repeating: Bucket(), count: Self.bucketCount)
        counters = .allocate(capacity: 4)
        counters.initialize(repeating: 0, count: 4)
        keyCounts = .allocate(capacity: Self.bucketCount)
        keyCounts.initialize(repeating: 0, count: Self.bucketCount)
    }

    deinit {
        for b in 0..<Self.bucketCount { release(b) }
        buckets.deallocate()
        counters.deallocate()
        keyCounts.deallocate()
    }

    /// Bytes held in memory at the peak.
    var peakBytes: Int { counters[1] }
    var spilledBytes: Int { counters[2] }

    /// Ids and identifier values written to bucket `b`.
    func keyCount(of b: Int) -> Int { keyCounts[b] }

    /// Room for one record of `size` bytes in bucket `b` (`isKey`: an id or identifier value); the
    /// caller writes it at the returned address.
    @inline(__always)
    func reserve(_ size: Int, in b: Int, isKey: Bool) -> UnsafeMutableRawPointer {
        if isKey { keyCounts[b] += 1 }
        let bucket = buckets + b
        if bucket.pointee.used + size > bucket.pointee.capacity { makeRoom(size, in: bucket) }
        let at = bucket.pointee.base.unsafelyUnwrapped + bucket.pointee.used
        bucket.pointee.used += size
        return at
    }

    private func makeRoom(_ size: Int, in bucket: UnsafeMutablePointer<Bucket>) {
        if let base = bucket.pointee.base, bucket.pointee.used > 0 {
            // Past the budget, a filled chunk goes to disk and is filled again.
            let next = min(max(bucket.pointee.capacity * 2, Self.firstChunk), Self.largestChunk)
            if counters[0] + next > budget, size <= bucket.pointee.capacity, flush(bucket) { return }
            bucket.pointee.full.append(UnsafeRawBufferPointer(start: base, count: bucket.pointee.used))
        } else {
            bucket.pointee.base?.deallocate()
            counters[0] -= bucket.pointee.capacity
        }
        let capacity = max(min(max(bucket.pointee.capacity * 2, Self.firstChunk), Self.largestChunk), size)
        bucket.pointee.base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        bucket.pointee.used = 0
        bucket.pointee.capacity = capacity
        counters[0] += capacity
        counters[1] = max(counters[1], counters[0])
    }

    /// Writes the bucket's records to its temporary file; false when no file could be written
    /// (the records then stay in memory).
    private func flush(_ bucket: UnsafeMutablePointer<Bucket>) -> Bool {
        if bucket.pointee.spill == nil { bucket.pointee.spill = tmpfile() }
        guard let file = bucket.pointee.spill, let base = bucket.pointee.base else { return false }
        let count = bucket.pointee.used
        guard fwrite(base, 1, count, file) == count else {
            // Later records overwrite the partial write; these stay in memory.
            fseek(file, bucket.pointee.spilled, SEEK_SET)
            return false
        }
        bucket.pointee.spilled += count
        counters[2] += count
        bucket.pointee.used = 0
        return true
    }

    /// The bucket's records: what was spilled (read back into one buffer) followed by what is in
    /// memory. Nil when the spill cannot be read back.
    func contents(of b: Int) -> [UnsafeRawBufferPointer]? {
        let bucket = buckets[b]
        var parts: [UnsafeRawBufferPointer] = []
        if let file = bucket.spill, bucket.spilled > 0 {
            fflush(file)
            rewind(file)
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: bucket.spilled, alignment: 8)
            guard fread(buffer, 1, bucket.spilled, file) == bucket.spilled else {
                buffer.deallocate()
                return nil
            }
            buckets[b].readBack = buffer
            parts.append(UnsafeRawBufferPointer(start: buffer, count: bucket.spilled))
        }
        parts += bucket.full
        if let base = bucket.base, bucket.used > 0 {
            parts.append(UnsafeRawBufferPointer(start: base, count: bucket.used))
        }
        return parts
    }

    /// Frees a bucket once it has been joined.
    func release(_ b: Int) {
        let bucket = buckets + b
        bucket.pointee.base?.deallocate()
        for chunk in bucket.pointee.full { chunk.deallocate() }
        bucket.pointee.readBack?.deallocate()
        if let file = bucket.pointee.spill { fclose(file) }
        bucket.pointee = Bucket()
    }
}

/// Reading the records of a bucket back.
struct KeyRecord {
    let at: UnsafeRawPointer

    var hash: UInt64 { at.loadUnaligned(as: UInt64.self) }
    var offset: Int64 { at.loadUnaligned(fromByteOffset: 8, as: Int64.self) }
    var file: Int32 { at.loadUnaligned(fromByteOffset: 16, as: Int32.self) }
    var tag: UInt32 { at.loadUnaligned(fromByteOffset: 20, as: UInt32.self) }
    var length: Int { Int(at.loadUnaligned(fromByteOffset: 24, as: UInt32.self)) }
    var isReference: Bool { tag & KeyBuckets.referenceTag != 0 }
    var isSilent: Bool { tag & KeyBuckets.silentTag != 0 }
    /// Key space of an id or identifier value; group + 1 of a reference (0: any record).
    var key: Int { Int(tag & KeyBuckets.keyMask) }
    var pointer: Int32 { at.loadUnaligned(fromByteOffset: 28, as: Int32.self) }
    var element: Int32 { at.loadUnaligned(fromByteOffset: 32, as: Int32.self) }
    var worker: Int32 { at.loadUnaligned(fromByteOffset: 36, as: Int32.self) }
    var headerSize: Int { isReference ? KeyBuckets.referenceHeader : KeyBuckets.idHeader }
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: at + headerSize, count: length) }
    var size: Int { headerSize + length }

    /// Calls `body` for each record of `parts`.
    static func forEach(in parts: [UnsafeRawBufferPointer], _ body: (KeyRecord) -> Void) {
        for part in parts {
            guard let start = part.baseAddress else { continue }
            var k = 0
            while k < part.count {
                let record = KeyRecord(at: start + k)
                body(record)
                k += record.size
            }
        }
    }
}
