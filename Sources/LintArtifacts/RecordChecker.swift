import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Checks records of one worker's files against the compiled schema, straight off the scanner's
/// tape. Nothing here builds a String unless a diagnostic is reported.
///
/// A checker belongs to one worker thread and its per-record fields are never accessed
/// overlappingly, so they opt out of dynamic exclusivity checks (`@exclusivity(unchecked)`), which
/// cost 16% of the instructions on the hot path.
final class RecordChecker {
    let schema: ArtifactSchema
    let diagnostics: DiagnosticCollector
    let shapes = Shapes()
    let index: ReferenceIndex
    /// Records seen per item type.
    var recordCounts: [String: Int] = [:]

    // Per-record context.
    @exclusivity(unchecked) var file = ""
    @exclusivity(unchecked) var fileNumber: Int32 = 0
    @exclusivity(unchecked) var base: UnsafePointer<UInt8> = UnsafePointer(bitPattern: 1).unsafelyUnwrapped
    @exclusivity(unchecked) var recordStart = 0
    @exclusivity(unchecked) var recordLine = 0
    /// Decompressed bytes of the file before `base[0]`.
    @exclusivity(unchecked) var bufferOffset = 0
    /// By field id: the interned "/data/<field>" pointer of a record type's field (-1 for the
    /// fields of struct types, whose pointers depend on where the struct stands).
    @exclusivity(unchecked) private var dataPointerIDs: [Int32]
    /// Records of the current file.
    @exclusivity(unchecked) var fileRecords = 0
    /// Line feeds in each file chunk this worker read.
    var chunkLines: [Int32: Int] = [:]
    @exclusivity(unchecked) var tape = JSONTape()
    @exclusivity(unchecked) private var requiredEnforced = true
    /// By field id: the generation in which each field was last seen non-null, and as null.
    /// Flat arrays, so a write is one uniqueness check rather than two.
    @exclusivity(unchecked) private var marks: [UInt64]
    @exclusivity(unchecked) private var seenNull: [UInt64]
    /// Interned pointers of the attachment parent references, the same for every record.
    let ssorParentPointer: Int32
    let attachmentParentPointer: Int32
    /// 64 bits: a counter that wrapped could make a mark from long ago look current.
    @exclusivity(unchecked) private var generation: UInt64 = 0
    @exclusivity(unchecked) private var fieldPointers: [[String]]
    private let prediction: FieldPrediction
    /// The one-pass check of clean records, and what it checks the current file's records as
    /// (`cleanObject`: the record type's object, `ssorAttachment` or `none`).
    let cleanPass: CleanRecordPass
    @exclusivity(unchecked) var cleanObject = CleanRecordPass.none
    @exclusivity(unchecked) var cleanIDSpace: Int? = nil
    /// Records the one-pass check accepted.
    var cleanRecords: Int { cleanPass.accepted }

    init(schema: ArtifactSchema, diagnostics: DiagnosticCollector, index: ReferenceIndex = ReferenceIndex()) {
        self.schema = schema
        self.diagnostics = diagnostics
        self.index = index
        marks = Array(repeating: 0, count: schema.fieldCount)
        seenNull = marks
        prediction = FieldPrediction(fieldCount: schema.fieldCount, objectCount: schema.objects.count)
        fieldPointers = schema.objects.map { object in object.fields.map { "/data/" + JSONPointer.escape($0.name) } }
        dataPointerIDs = Array(repeating: -1, count: schema.fieldCount)
        for objectIndex in schema.recordObjects.values {
            for (n, field) in schema.objects[objectIndex].fields.enumerated() {
                dataPointerIDs[field.id] = index.intern(pointer: fieldPointers[objectIndex][n])
            }
        }
        ssorParentPointer = index.intern(pointer: "/parent_id/external")
        attachmentParentPointer = index.intern(pointer: "/parent_id")
        cleanPass = CleanRecordPass(schema: schema, index: index)
    }

    /// Offers the record to the one-pass check; its end when the check took it (and counted it).
    @inline(__always) func acceptClean(_ record: RecordStream.Record, bufferOffset: Int) -> Int? {
        let end: Int?
        if cleanObject >= 0 {
            end = cleanPass.accept(record.base, from: record.start, end: record.end, object: cleanObject,
                                   idSpace: cleanIDSpace, file: fileNumber, bufferOffset: bufferOffset)
        } else if cleanObject == CleanRecordPass.ssorAttachment {
            end = cleanPass.acceptSSORAttachment(record.base, from: record.start, end: record.end, file: fileNumber,
                                                 bufferOffset: bufferOffset, parentPointer: ssorParentPointer)
        } else {
            return nil
        }
        if end != nil { fileRecords += 1 }
        return end
    }

    /// The interned pointer for a pending reference: a record type's field has its own, anything
    /// deeper (struct members, permission members) is interned by string.
    func internedPointer(_ pointer: String, field: ArtifactSchema.FieldCheck?) -> Int32 {
        if let field, dataPointerIDs[field.id] >= 0 { return dataPointerIDs[field.id] }
        return index.intern(pointer: pointer)
    }

    // MARK: - Reporting

    /// Line and column of a byte offset inside the current record.
    func position(of offset: Int) -> (line: Int, column: Int) {
        LineIndex.walk(base, from: recordStart, line: recordLine, lineStart: recordStart, to: offset)
    }

    func report<V: RuleViolation>(_ violation: @autoclosure () -> V, at offset: Int, pointer: @autoclosure () -> String) {
        guard diagnostics.policy.severity(of: V.rule) != nil else { return }
        let (line, column) = position(of: offset)
        diagnostics.add(violation(), file: file, line: line, column: column, pointer: pointer())
    }

    /// Reports a dynamic-rule violation (scanner notes) at `offset`.
    func report(_ violation: any Violation, at offset: Int, pointer: String) {
        let (line, column) = position(of: offset)
        diagnostics.add(violation, file: file, line: line, column: column, pointer: pointer)
    }

    func reportRecord<V: RuleViolation>(_ violation: @autoclosure () -> V, pointer: String = "") {
        diagnostics.add(violation(), file: file, line: recordLine, column: 1, pointer: pointer)
    }

    // MARK: - Tape helpers

    @inline(__always) func contentBytes(_ entry: TapeEntry) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + entry.start + 1, count: entry.end - entry.start - 2)
    }

    func string(_ entry: TapeEntry) -> String { JSONStringDecoder.decode(base, entry) }

    func rawText(_ entry: TapeEntry) -> String {
        String(decoding: UnsafeBufferPointer(start: base + entry.start, count: entry.end - entry.start), as: UTF8.self)
    }

    @inline(__always) func keyEquals(_ entry: TapeEntry, _ literal: StaticString) -> Bool {
        entry.equals(literal, in: base)
    }

    func lookup(_ table: ByteKeyTable, _ entry: TapeEntry) -> Int? {
        if entry.has(TapeEntry.stringHasEscapes) { return table.lookup(string(entry)) }
        let content = contentBytes(entry)
        return table.lookup(content.baseAddress.unsafelyUnwrapped, content.count)
    }

    @inline(__always) func valueHash(_ entry: TapeEntry) -> UInt64 { entry.valueHash(in: base) }

    static func kindName(_ entry: TapeEntry) -> String { entry.kindName }

    // MARK: - Records

    /// Counts the record and returns its top-level object, or reports that it is not one.
    func beginRecord<V: RuleViolation>(notAnObject: (String) -> V) -> TapeEntry? {
        fileRecords += 1
        let root = tape[0]
        guard root.kind == .object else {
            reportRecord(notAnObject(Self.kindName(root)))
            return nil
        }
        return root
    }

    /// Checks one normalized item of a declared record type.
    func checkItem(object objectIndex: Int, idSpace: Int?) {
        guard let root = beginRecord(notAnObject: { ItemEnvelope.notAnObject(actual: $0) }) else { return }
        var dataIndex: Int? = nil
        var sawID = false, sawCreated = false, sawModified = false, sawData = false
        /// Tape indices of well-formed created_date and modified_date values (-1: none).
        var created = -1, modified = -1
        requiredEnforced = true
        var k = 1
        for _ in 0..<Int(root.count) {
            let key = tape[k]
            let valueIndex = k + 1
            let value = tape[valueIndex]
            if keyEquals(key, "id") {
                if sawID { reportDuplicateKey(key) }
                sawID = true
                checkID(value, idSpace: idSpace)
            } else if keyEquals(key, "created_date") {
                if sawCreated { reportDuplicateKey(key) }
                sawCreated = true
                if checkEnvelopeTimestamp(key, value) { created = valueIndex }
            } else if keyEquals(key, "modified_date") {
                if sawModified { reportDuplicateKey(key) }
                sawModified = true
                if checkEnvelopeTimestamp(key, value) { modified = valueIndex }
            } else if keyEquals(key, "data") {
                if sawData { reportDuplicateKey(key) }
                sawData = true
                if value.kind == .object {
                    dataIndex = valueIndex
                } else {
                    report(ItemEnvelope.dataNotObject(actual: Self.kindName(value)), at: value.start, pointer: "/data")
                }
            } else if keyEquals(key, "operation") {
                checkOperation(value)
            } else {
                let name = string(key)
                let isField = schema.objects[objectIndex].table.lookup(name) != nil
                report(ItemEnvelope.unknownTopLevelKey(name, isField: isField), at: key.start, pointer: "/" + JSONPointer.escape(name))
            }
            k = tape[valueIndex].next
        }
        if schema.noIdentifier[objectIndex] {
            // Authorization policies and the like: only data is required.
            if !sawData { reportRecord(ItemEnvelope.missingData) }
        } else if !(sawID && sawCreated && sawModified && sawData) {
            var missing: [String] = []
            if !sawID { missing.append("id") }
            if !sawCreated { missing.append("created_date") }
            if !sawModified { missing.append("modified_date") }
            if !sawData { missing.append("data") }
            reportRecord(ItemEnvelope.missingKeys(missing))
        }
        if created >= 0 || modified >= 0 { checkTimestamps(created: created, modified: modified) }
        // Data is checked after the envelope, wherever its key stands: the id's index entry comes
        // before the data's (CleanRecordPass makes its entries in the same order).
        if let dataIndex {
            checkObject(objectIndex, at: dataIndex, path: "/data")
        }
    }

    /// For records `--where` leaves out: register the id and identifier values others may refer
    /// to, without checking or reporting anything.
    func indexOnly(object objectIndex: Int?, idSpace: Int?) {
        let root = tape[0]
        guard root.kind == .object else { return }
        var k = 1
        for _ in 0..<Int(root.count) {
            let key = tape[k]
            let value = tape[k + 1]
            if keyEquals(key, "id"), value.kind == .string, let idSpace {
                index.addKey(value, in: base, space: idSpace, file: fileNumber, offset: bufferOffset + value.start, silent: true)
            } else if keyEquals(key, "data"), value.kind == .object, let objectIndex {
                let object = schema.objects[objectIndex]
                var m = k + 2
                for _ in 0..<Int(value.count) {
                    if let fieldIndex = lookup(object.table, tape[m]), let space = object.fields[fieldIndex].identifierSpace,
                       tape[m + 1].kind == .string {
                        index.addKey(tape[m + 1], in: base, space: space, file: fileNumber,
                                     offset: bufferOffset + tape[m + 1].start, silent: true)
                    }
                    m = tape[m + 1].next
                }
            }
            k = value.next
        }
    }

    func reportDuplicateKey(_ key: TapeEntry, in path: String = "") {
        let name = string(key)
        report(JSONDuplicateKey(key: name), at: key.start, pointer: path + "/" + JSONPointer.escape(name))
    }

    private func checkID(_ value: TapeEntry, idSpace: Int?) {
        guard value.kind == .string, value.end - value.start > 2 else {
            report(value.kind == .string ? ItemEnvelope.emptyID
                       : .idNotString(actual: Self.kindName(value), isNumber: value.kind == .number),
                   at: value.start, pointer: "/id")
            return
        }
        guard let idSpace else { return }
        // Repeats are found by the reference join, which compares ids exactly.
        index.addKey(value, in: base, space: idSpace, file: fileNumber, offset: bufferOffset + value.start)
    }

    /// True when the value is a well-formed timestamp.
    private func checkEnvelopeTimestamp(_ key: TapeEntry, _ value: TapeEntry) -> Bool {
        guard value.kind == .string else {
            report(ItemEnvelope.timestampNotString(key: self.string(key), actual: Self.kindName(value)),
                   at: value.start, pointer: "/" + string(key))
            return false
        }
        if !DateSyntax.isTimestamp(contentBytes(value)) {
            report(InvalidDateValue.envelope(key: self.string(key), raw: self.rawText(value), withExample: true),
                   at: value.start, pointer: "/" + string(key))
            return false
        }
        return true
    }

    private func checkOperation(_ value: TapeEntry) {
        if value.kind == .string {
            if keyEquals(value, "created") { return }
            if keyEquals(value, "updated") || keyEquals(value, "deleted") {
                requiredEnforced = false
                return
            }
        }
        report(ItemEnvelope.badOperation(raw: self.rawText(value)), at: value.start, pointer: "/operation")
    }

    // MARK: - Objects and fields

    func checkObject(_ objectIndex: Int, at k: Int, path: String) {
        let object = schema.objects[objectIndex]
        let entry = tape[k]
        generation &+= 1
        let current = generation
        var m = k + 1
        var slot = prediction.firstSlot(of: objectIndex)
        for _ in 0..<Int(entry.count) {
            let key = tape[m]
            let valueIndex = m + 1
            let found = key.has(TapeEntry.stringHasEscapes) ? lookup(object.table, key)
                : prediction.lookup(object.table, base + key.start + 1, key.end - key.start - 2, slot: slot)
            if let fieldIndex = found {
                let value = tape[valueIndex]
                let field = object.fields[fieldIndex]
                slot = field.id
                if marks[field.id] == current || seenNull[field.id] == current {
                    reportDuplicateKey(key, in: path)
                }
                if value.kind != .null { marks[field.id] = current } else { seenNull[field.id] = current }
                let pointer = path == "/data" ? fieldPointers[objectIndex][fieldIndex]
                    : path + "/" + JSONPointer.escape(object.fields[fieldIndex].name)
                checkField(field, at: valueIndex, pointer: pointer)
            } else {
                let name = string(key)
                report(UndeclaredDataField(name: name, inStruct: path != "/data", owner: object.name, fields: object.fields.map(\.name)),
                       at: key.start, pointer: path + "/" + JSONPointer.escape(name))
            }
            m = tape[valueIndex].next
        }
        if requiredEnforced {
            for fieldIndex in object.requiredFields where marks[object.fields[fieldIndex].id] != current {
                let name = object.fields[fieldIndex].name
                report(MissingRequiredField(field: name), at: entry.start, pointer: path + "/" + JSONPointer.escape(name))
            }
        }
    }

    func checkField(_ field: ArtifactSchema.FieldCheck, at k: Int, pointer: String) {
        let entry = tape[k]
        if entry.kind == .null { return }
        guard field.isCollection else {
            // A rich_text value and a type_key value are arrays themselves.
            if entry.kind == .array, field.type != .richText, field.type != .typeKey {
                report(FieldValueType.notCollectionButArray(field: field.name), at: entry.start, pointer: pointer)
                return
            }
            checkValue(field, at: k, pointer: pointer)
            return
        }
        guard entry.kind == .array else {
            report(FieldValueType.collectionNotArray(field: field.name), at: entry.start, pointer: pointer)
            return
        }
        let count = Int64(entry.count)
        if let low = field.collectionMin, count < low {
            report(ValueOutOfBounds.tooFewElements(field: field.name, count: count, min: low), at: entry.start, pointer: pointer)
        }
        if let high = field.collectionMax, count > high {
            report(ValueOutOfBounds.tooManyElements(field: field.name, count: count, max: high), at: entry.start, pointer: pointer)
        }
        var e = k + 1
        for n in 0..<Int(entry.count) {
            if tape[e].kind != .null { checkValue(field, at: e, pointer: pointer, element: n) }
            e = tape[e].next
        }
    }
}
