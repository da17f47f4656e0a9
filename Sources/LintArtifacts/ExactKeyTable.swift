import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

#if canImport(Glibc)
import Glibc
#endif

/// The join of one bucket: an open-addressed table of the bucket's ids and identifier values keyed
/// by (key space, bytes). A hash match is only a candidate: the bytes decide. Reused from bucket
/// to bucket so its storage is allocated once per core (and grown to the largest bucket).
struct ExactKeyTable {
    /// One open-addressed slot: the key (hash mixed with key space) beside the record it came from,
    /// so a probe reads one cache line.
    private struct Slot {
        var key: UInt64
        var record: UnsafeRawPointer?
    }

    /// Slots in raw memory, kept from bucket to bucket (the largest size so far).
    private final class Storage {
        var slots = UnsafeMutablePointer<Slot>.allocate(capacity: 1)
        var capacity = 1
        deinit { slots.deallocate() }
    }

    private let storage = Storage()
    private var slots: UnsafeMutablePointer<Slot> { storage.slots }
    private var mask = 0

    /// `keys`: how many of the records are ids or identifier values.
    mutating func run(_ parts: [UnsafeRawBufferPointer], keys: Int, groups: [[Int]], anyRecord: [Int], reportsDuplicates: [Bool],
                      into findings: ReferenceResolver.Findings) {
        var size = 16
        while size < keys * 2 { size <<= 1 }
        if size > storage.capacity {
            storage.slots.deallocate()
            storage.slots = .allocate(capacity: size)
            storage.capacity = size
        }
        storage.slots.initialize(repeating: Slot(key: 0, record: nil), count: size)
        mask = size - 1
        // Slot of the first occurrence → every occurrence of that key, when it repeats.
        var repeats: [Int: [KeyRecord]] = [:]
        KeyRecord.forEach(in: parts) { record in
            guard !record.isReference else { return }
            if let slot = insert(record) { repeats[slot, default: [KeyRecord(at: slots[slot].record.unsafelyUnwrapped)]].append(record) }
        }
        // Most groups are one key space: those are probed without touching the group's array.
        let single = groups.map { $0.count == 1 ? $0[0] : -1 }
        KeyRecord.forEach(in: parts) { record in
            guard record.isReference else { return }
            let key = record.key
            if key > 0, single[key - 1] >= 0 {
                if contains(record, space: single[key - 1]) { return }
            } else {
                let spaces = key == 0 ? anyRecord : groups[key - 1]
                for space in spaces where contains(record, space: space) { return }
            }
            findings.dangling.append(ReferenceResolver.Dangling(
                at: .init(file: record.file, offset: record.offset), group: Int32(record.key) - 1,
                worker: record.worker, pointer: record.pointer, element: record.element))
        }
        for occurrences in repeats.values {
            let space = occurrences[0].key
            guard reportsDuplicates[space] else { continue }
            let ordered = occurrences.sorted { ($0.file, $0.offset) < ($1.file, $1.offset) }
            let first = ReferenceResolver.Occurrence(file: ordered[0].file, offset: ordered[0].offset)
            for record in ordered.dropFirst() where !record.isSilent {
                findings.duplicates.append(ReferenceResolver.Duplicate(
                    at: .init(file: record.file, offset: record.offset), first: first, space: space,
                    text: String(decoding: record.bytes, as: UTF8.self)))
            }
        }
    }

    @inline(__always) private static func mixed(_ hash: UInt64, _ space: Int) -> UInt64 {
        hash ^ (UInt64(truncatingIfNeeded: space) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Adds an id or identifier value; when the same key is already there, returns its slot.
    private mutating func insert(_ record: KeyRecord) -> Int? {
        let key = Self.mixed(record.hash, record.key)
        var slot = Int(truncatingIfNeeded: key) & mask
        while let existing = slots[slot].record {
            if slots[slot].key == key, Self.same(KeyRecord(at: existing), record.key, record.bytes) { return slot }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(key: key, record: record.at)
        return nil
    }

    private func contains(_ reference: KeyRecord, space: Int) -> Bool {
        let key = Self.mixed(reference.hash, space)
        var slot = Int(truncatingIfNeeded: key) & mask
        while let existing = slots[slot].record {
            if slots[slot].key == key, Self.same(KeyRecord(at: existing), space, reference.bytes) { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    @inline(__always)
    private static func same(_ stored: KeyRecord, _ space: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard stored.key == space, stored.length == bytes.count else { return false }
        guard let a = bytes.baseAddress, let b = stored.bytes.baseAddress, bytes.count > 0 else { return true }
        // Ids are short: compared in place rather than through a call into memcmp.
        return ByteKeyTable.equal(b.assumingMemoryBound(to: UInt8.self), a.assumingMemoryBound(to: UInt8.self), bytes.count)
    }
}
