import LintModel
import LintJSON
import LintSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks an item in one pass over its bytes, with no tape: most records are clean, and for a
/// clean one the scan and the field-by-field check of `RecordChecker` do twice the work needed.
///
/// The pass accepts a record only when the usual way would report nothing about it, and then
/// makes the same index entries, in the same order. Anything it does not handle (struct, typed
/// reference, permission and privilege fields, an escape where a value's text matters, a line
/// feed inside the record, a number near the edge of its range) and anything the usual way would
/// report makes it decline; the record then goes the usual way, so declining costs one partial
/// pass and never changes a finding. METADATA_LINT_NO_CLEAN_PASS=1 turns it off.
final class CleanRecordPass {
    static let enabledByDefault = getenv("METADATA_LINT_NO_CLEAN_PASS") == nil
    /// What a file's records are checked as, besides a record type's object index: nothing, or
    /// the reserved `ssor_attachment` shape.
    static let none = -1
    static let ssorAttachment = -2

    /// An index entry to make once the record is accepted: a key (id or identifier value) or a
    /// reference, by where its bytes stand in the record's buffer.
    private struct Entry {
        var start: Int
        var count: Int
        /// The key space of a key, the group of a reference.
        var target: Int32
        /// The interned pointer of a reference; `isKey` for a key.
        var pointer: Int32
        var element: Int32
        static let isKey = Int32.min
    }

    /// Kept alive for the plan, which borrows its memory.
    private let schema: ArtifactSchema
    private let plan: CleanRecordPlan
    let index: ReferenceIndex
    /// By field id: the index of the field that followed it last time (-1: none); from
    /// `schema.fieldCount` on, each object's first field. One byte comparison confirms a guess.
    private let predicted: UnsafeMutablePointer<Int32>
    /// By field id: the generation in which the field was last met, and last met non-null.
    private let met: UnsafeMutablePointer<UInt64>
    private let metNonNull: UnsafeMutablePointer<UInt64>
    /// 64 bits: a counter that wrapped could make a mark from long ago look current.
    @exclusivity(unchecked) private var generation: UInt64 = 0
    /// The entries of the record being read (raw memory: an Array here costs a retain and a
    /// release per record, and a uniqueness check per append).
    @exclusivity(unchecked) private var entries: UnsafeMutablePointer<Entry>
    @exclusivity(unchecked) private var entryCount = 0
    @exclusivity(unchecked) private var entryCapacity = 16
    /// Records accepted, for tests and the benchmark's figures.
    @exclusivity(unchecked) private(set) var accepted = 0

    init(schema: ArtifactSchema, index: ReferenceIndex) {
        self.schema = schema
        self.index = index
        plan = CleanRecordPlan(schema: schema, index: index)
        entries = .allocate(capacity: entryCapacity)
        let count = max(schema.fieldCount, 1)
        predicted = .allocate(capacity: count + schema.objects.count)
        predicted.initialize(repeating: -1, count: count + schema.objects.count)
        met = .allocate(capacity: count)
        met.initialize(repeating: 0, count: count)
        metNonNull = .allocate(capacity: count)
        metNonNull.initialize(repeating: 0, count: count)
    }

    deinit {
        entries.deallocate()
        plan.deallocate()
        predicted.deallocate()
        met.deallocate()
        metNonNull.deallocate()
    }

    /// Checks the item whose `{` stands at `base[start]`, reading no further than `end`. Returns
    /// the offset just past the item when it is clean (its index entries made), else nil.
    func accept(_ base: UnsafePointer<UInt8>, from start: Int, end: Int, object objectIndex: Int, idSpace: Int?,
                file: Int32, bufferOffset: Int) -> Int? {
        var cursor = RecordCursor(base, from: start, end: end)
        entryCount = 0
        guard let envelope = readEnvelope(&cursor, object: objectIndex) else { return nil }
        let created = UnsafeBufferPointer(start: base + envelope.created.start, count: envelope.created.count)
        let modified = UnsafeBufferPointer(start: base + envelope.modified.start, count: envelope.modified.count)
        guard !RecordChecker.isEpoch(created), !RecordChecker.isEpoch(modified),
              !RecordChecker.isEarlier(modified, than: created) else { return nil }
        if let idSpace {
            index.addKey(bytes: base + envelope.id.start, count: envelope.id.count, space: idSpace, file: file,
                         offset: bufferOffset + envelope.id.start - 1)
        }
        for k in 0..<entryCount {
            let entry = entries[k]
            if entry.pointer == Entry.isKey {
                index.addKey(bytes: base + entry.start, count: entry.count, space: Int(entry.target), file: file,
                             offset: bufferOffset + entry.start - 1)
            } else {
                index.addReference(bytes: base + entry.start, count: entry.count, group: entry.target, file: file,
                                   offset: bufferOffset + entry.start - 1, pointer: entry.pointer, element: entry.element)
            }
        }
        countAccepted()
        return cursor.i
    }

    @inline(__always) func countAccepted() { accepted += 1 }

    @inline(__always) private func append(_ entry: Entry) {
        if entryCount == entryCapacity {
            let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: entryCapacity * 2)
            bigger.moveInitialize(from: entries, count: entryCount)
            entries.deallocate()
            entries = bigger
            entryCapacity *= 2
        }
        (entries + entryCount).initialize(to: entry)
        entryCount += 1
    }

    private struct Envelope {
        var id = (start: 0, count: 0)
        var created = (start: 0, count: 0)
        var modified = (start: 0, count: 0)
    }

    /// The item's top-level keys: id, created_date, modified_date and data exactly once each, an
    /// optional operation, nothing else.
    @inline(__always) private func readEnvelope(_ c: inout RecordCursor, object objectIndex: Int) -> Envelope? {
        var envelope = Envelope()
        var seen: UInt8 = 0
        var requiredEnforced = true
        var requiredPresent = true
        guard c.take(UInt8(ascii: "{")) else { return nil }
        while true {
            c.skipSpaces()
            guard let key = c.plainString(), c.take(UInt8(ascii: ":")) else { return nil }
            c.skipSpaces()
            let which = Self.envelopeKey(c.p + key.start, key.count)
            guard which != 0, seen & which == 0 else { return nil }
            seen |= which
            switch which {
            case Self.idKey:
                guard let id = c.plainString(), id.count > 0 else { return nil }
                envelope.id = id
            case Self.createdKey, Self.modifiedKey:
                guard let stamp = c.plainString(),
                      DateSyntax.isTimestamp(UnsafeBufferPointer(start: c.p + stamp.start, count: stamp.count)) else { return nil }
                if which == Self.createdKey { envelope.created = stamp } else { envelope.modified = stamp }
            case Self.dataKey:
                guard let present = readData(&c, object: objectIndex) else { return nil }
                requiredPresent = present
            default:
                guard let operation = c.plainString() else { return nil }
                switch Self.operation(c.p + operation.start, operation.count) {
                case 1: break
                case 2: requiredEnforced = false
                default: return nil
                }
            }
            guard let more = c.separator(closing: UInt8(ascii: "}")) else { return nil }
            if !more { break }
        }
        guard seen & Self.requiredKeys == Self.requiredKeys, requiredPresent || !requiredEnforced else { return nil }
        return envelope
    }

    private static let idKey: UInt8 = 1, createdKey: UInt8 = 2, modifiedKey: UInt8 = 4, dataKey: UInt8 = 8, operationKey: UInt8 = 16
    private static let requiredKeys: UInt8 = 15

    private static func envelopeKey(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt8 {
        switch n {
        case 2: return matches(p, n, "id") ? idKey : 0
        case 4: return matches(p, n, "data") ? dataKey : 0
        case 9: return matches(p, n, "operation") ? operationKey : 0
        case 12: return matches(p, n, "created_date") ? createdKey : 0
        case 13: return matches(p, n, "modified_date") ? modifiedKey : 0
        default: return 0
        }
    }

    /// 1 for "created", 2 for "updated" or "deleted" (required fields not enforced), else 0.
    private static func operation(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        if matches(p, n, "created") { return 1 }
        return matches(p, n, "updated") || matches(p, n, "deleted") ? 2 : 0
    }

    @inline(__always) static func matches(_ p: UnsafePointer<UInt8>, _ n: Int, _ literal: StaticString) -> Bool {
        n == literal.utf8CodeUnitCount && ByteKeyTable.equal(p, literal.utf8Start, n)
    }

    // MARK: - Data

    /// The data object of a record type: true when every required field has a non-null value,
    /// false when one does not (reported unless the operation is an update), nil to decline.
    @inline(__always) private func readData(_ c: inout RecordCursor, object objectIndex: Int) -> Bool? {
        let object = plan.objects[objectIndex]
        generation &+= 1
        let current = generation
        guard c.take(UInt8(ascii: "{")) else { return nil }
        c.skipSpaces()
        if c.current == UInt8(ascii: "}") {
            c.i += 1
        } else {
            var slot = schema.fieldCount + objectIndex
            while true {
                c.skipSpaces()
                guard let key = c.plainString(),
                      let fieldIndex = field(named: c.p + key.start, key.count, in: object, slot: slot),
                      c.take(UInt8(ascii: ":")) else { return nil }
                let field = object.fields + fieldIndex
                let id = field.pointee.id
                slot = id
                guard met[id] != current else { return nil }
                met[id] = current
                c.skipSpaces()
                if c.current == UInt8(ascii: "n") {
                    guard c.literal() == .null else { return nil }
                } else {
                    guard readField(&c, field) else { return nil }
                    metNonNull[id] = current
                }
                guard let more = c.separator(closing: UInt8(ascii: "}")) else { return nil }
                if !more { break }
            }
        }
        for k in 0..<object.requiredCount where metNonNull[object.required[k]] != current { return false }
        return true
    }

    /// The index of the field named `p[0..<n]`, guessed from `slot` first and learnt for next time.
    @inline(__always)
    private func field(named p: UnsafePointer<UInt8>, _ n: Int, in object: CleanRecordPlan.Object, slot: Int) -> Int? {
        let guess = Int(predicted[slot])
        if guess >= 0, object.table.key(guess, is: p, n) { return guess }
        let found = object.table.lookup(p, n)
        predicted[slot] = Int32(found ?? -1)
        return found
    }

    /// A non-null field value.
    @inline(__always) private func readField(_ c: inout RecordCursor, _ field: UnsafeMutablePointer<CleanRecordPlan.Field>) -> Bool {
        // An array where one value belongs is declined by every kind but rich_text, whose value
        // is an array itself.
        guard field.pointee.isCollection else { return readValue(&c, field, element: -1) }
        guard c.take(UInt8(ascii: "[")) else { return false }
        var count: Int64 = 0
        c.skipSpaces()
        if c.current == UInt8(ascii: "]") {
            c.i += 1
        } else {
            while true {
                c.skipSpaces()
                if c.current == UInt8(ascii: "n") {
                    guard c.literal() == .null else { return false }
                } else {
                    guard readValue(&c, field, element: Int32(truncatingIfNeeded: count)) else { return false }
                }
                count += 1
                guard let more = c.separator(closing: UInt8(ascii: "]")) else { return false }
                if !more { break }
            }
        }
        return count >= field.pointee.collectionMin && count <= field.pointee.collectionMax
    }

    /// One non-null value of `field` (an element of a collection when `element` ≥ 0).
    @inline(__always) private func readValue(_ c: inout RecordCursor, _ fieldPointer: UnsafeMutablePointer<CleanRecordPlan.Field>,
                           element: Int32) -> Bool {
        let field = fieldPointer.pointee
        switch field.kind {
        case .text:
            guard let text = c.string() else { return false }
            if field.hasLengthBounds {
                guard !text.escaped else { return false }
                var length: Int64 = 0
                for k in text.start..<(text.start + text.count) where c.p[k] & 0xC0 != 0x80 { length += 1 }
                guard length >= field.lengthMin, length <= field.lengthMax else { return false }
            }
            if field.identifierSpace >= 0 {
                guard !text.escaped else { return false }
                append(Entry(start: text.start, count: text.count, target: field.identifierSpace,
                                     pointer: Entry.isKey, element: 0))
            }
            return true
        case .enumKey:
            guard let key = c.plainString() else { return false }
            guard let keys = field.enumKeys else { return true }
            return keys.lookup(c.p + key.start, key.count) != nil
        case .reference:
            guard let id = c.plainString(), id.count > 0 else { return false }
            if field.identifierSpace >= 0 {
                append(Entry(start: id.start, count: id.count, target: field.identifierSpace,
                                     pointer: Entry.isKey, element: 0))
            }
            if field.referenceGroup >= 0 {
                append(Entry(start: id.start, count: id.count, target: field.referenceGroup,
                                     pointer: field.dataPointer, element: element))
            }
            return true
        case .bool:
            guard let literal = c.literal() else { return false }
            return literal != .null
        case .int, .float:
            guard let number = c.number(), number.isInteger || field.kind == .float else { return false }
            guard field.hasNumberBounds,
                  let value = RecordChecker.numberValue(c.p + number.start, number.count, isInteger: number.isInteger) else {
                return true
            }
            return value >= field.numberMin && value <= field.numberMax
        case .date, .timestamp:
            guard let text = c.plainString() else { return false }
            let bytes = UnsafeBufferPointer(start: c.p + text.start, count: text.count)
            return field.kind == .date ? DateSyntax.isDate(bytes) : DateSyntax.isTimestamp(bytes)
        case .richText:
            // Mentions in a collection of rich texts are interned by string: declined (rare).
            return element < 0 && readRichText(&c, dataPointer: field.dataPointer)
        case .other:
            return false
        }
    }

    /// A rich_text value: an array of strings and mentions.
    private func readRichText(_ c: inout RecordCursor, dataPointer: Int32) -> Bool {
        guard c.take(UInt8(ascii: "[")) else { return false }
        c.skipSpaces()
        if c.current == UInt8(ascii: "]") {
            c.i += 1
            return true
        }
        var part: Int32 = 0
        while true {
            c.skipSpaces()
            if c.current == UInt8(ascii: "{") {
                guard readMention(&c, dataPointer: dataPointer, part: part) else { return false }
            } else if c.string() == nil {
                return false
            }
            part += 1
            guard let more = c.separator(closing: UInt8(ascii: "]")) else { return false }
            if !more { break }
        }
        return true
    }

    /// A mention: a non-empty ref_type naming a record type (or "artifact") and a non-empty id,
    /// an optional fallback_record_name, nothing else.
    private func readMention(_ c: inout RecordCursor, dataPointer: Int32, part: Int32) -> Bool {
        guard c.take(UInt8(ascii: "{")) else { return false }
        var refType = (start: 0, count: 0), id = (start: 0, count: 0)
        var seen: UInt8 = 0
        while true {
            c.skipSpaces()
            guard let key = c.plainString(), c.take(UInt8(ascii: ":")) else { return false }
            c.skipSpaces()
            let p = c.p + key.start
            let which: UInt8 = Self.matches(p, key.count, "ref_type") ? 1 : Self.matches(p, key.count, "id") ? 2
                : Self.matches(p, key.count, "fallback_record_name") ? 4 : 0
            guard which != 0, seen & which == 0 else { return false }
            seen |= which
            if which == 4 {
                if c.current == UInt8(ascii: "n") {
                    guard c.literal() == .null else { return false }
                } else {
                    guard c.string() != nil else { return false }
                }
            } else {
                guard let value = c.plainString(), value.count > 0 else { return false }
                if which == 1 { refType = value } else { id = value }
            }
            guard let more = c.separator(closing: UInt8(ascii: "}")) else { return false }
            if !more { break }
        }
        guard seen & 3 == 3 else { return false }
        guard let n = plan.mentionTable.lookup(c.p + refType.start, refType.count) else { return false }
        let group = plan.mentionGroups[n]
        if group >= 0 {
            append(Entry(start: id.start, count: id.count, target: group, pointer: dataPointer, element: part))
        }
        return true
    }
}
