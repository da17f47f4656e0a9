import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// The reserved attachment item types, which have fixed shapes instead of metadata fields.
extension RecordChecker {
    /// `ssor_attachment`: {id: {devrev, external}, parent_id: {external}, actor_id?: {external}, inline?}.
    /// The SDK writes actor_id only when the attachment has an author.
    func checkSSORAttachment() {
        guard let root = beginRecord(notAnObject: { AttachmentShape.notAnObject(.ssorAttachment, actual: $0) }) else { return }
        var found = (id: false, parent: false)
        var k = 1
        for _ in 0..<Int(root.count) {
            let key = tape[k]
            let value = tape[k + 1]
            if keyEquals(key, "id") {
                found.id = true
                if expectObject(value, "id") {
                    checkShape(k + 1, pointer: "/id", what: .ssorPart("id"), shape: shapes.ssorID, as: AttachmentShape.shape)
                    checkDON(k + 1)
                }
            } else if keyEquals(key, "parent_id") {
                found.parent = true
                if expectObject(value, "parent_id") {
                    checkShape(k + 1, pointer: "/parent_id", what: .ssorPart("parent_id"), shape: shapes.external,
                               as: AttachmentShape.shape)
                    if let external = member(of: k + 1, "external"), tape[external].kind == .string {
                        addPendingParent(tape[external], pointer: ssorParentPointer)
                    }
                }
            } else if keyEquals(key, "actor_id") {
                if expectObject(value, "actor_id") {
                    checkShape(k + 1, pointer: "/actor_id", what: .ssorPart("actor_id"), shape: shapes.external,
                               as: AttachmentShape.shape)
                }
            } else if keyEquals(key, "inline") {
                if value.kind != .trueValue && value.kind != .falseValue {
                    report(AttachmentShape.inlineNotBoolean(actual: Self.kindName(value)), at: value.start, pointer: "/inline")
                }
            } else {
                report(AttachmentShape.unknownSSORKey(self.string(key)), at: key.start, pointer: "/" + string(key))
            }
            k = value.next
        }
        if !(found.id && found.parent) {
            let missing = [("id", found.id), ("parent_id", found.parent)].filter { !$0.1 }.map(\.0)
            reportRecord(AttachmentShape.missingSSORKeys(missing))
        }
    }

    /// `attachments`: {url, id, file_name, parent_id, author_id?, inline?, content_type?, ...}.
    func checkAttachment() {
        guard beginRecord(notAnObject: { AttachmentShape.notAnObject(.attachments, actual: $0) }) != nil else { return }
        checkShape(0, pointer: "", what: .attachment, shape: shapes.attachment, as: AttachmentShape.shape)
        for (name, pointer) in [("created_date" as StaticString, "/created_date"), ("modified_date", "/modified_date")] {
            if let index = member(of: 0, name), tape[index].kind == .string, !DateSyntax.isTimestamp(contentBytes(tape[index])) {
                report(InvalidDateValue.envelope(key: "\(name)", raw: self.rawText(self.tape[index]), withExample: false),
                       at: tape[index].start, pointer: pointer)
            }
        }
        if let parent = member(of: 0, "parent_id"), tape[parent].kind == .string, tape[parent].end - tape[parent].start > 2 {
            addPendingParent(tape[parent], pointer: attachmentParentPointer)
        }
        // Inline attachment mentions ("ref_type": "artifact") resolve against these ids.
        if let id = member(of: 0, "id"), tape[id].kind == .string, tape[id].end - tape[id].start > 2 {
            index.addKey(tape[id], in: base, space: schema.attachmentSpace, file: fileNumber,
                         offset: bufferOffset + tape[id].start, silent: true)
        }
    }

    /// An attachment's parent: the id of any extracted record.
    private func addPendingParent(_ entry: TapeEntry, pointer: Int32) {
        index.addReference(entry, in: base, group: ReferenceIndex.anyRecord, file: fileNumber,
                           offset: bufferOffset + entry.start, pointer: pointer, element: -1)
    }

    private func expectObject(_ value: TapeEntry, _ part: String) -> Bool {
        if value.kind == .object { return true }
        report(AttachmentShape.partNotObject(part, actual: Self.kindName(value)), at: value.start, pointer: "/" + part)
        return false
    }

    /// Tape index of the value of `key` in the object at `k`.
    func member(of k: Int, _ key: StaticString) -> Int? {
        var m = k + 1
        for _ in 0..<Int(tape[k].count) {
            if keyEquals(tape[m], key) { return m + 1 }
            m = tape[m + 1].next
        }
        return nil
    }

    /// id.devrev is an artifact DON: don:core:<partition>:devo/<n>:artifact/<n>.
    private func checkDON(_ k: Int) {
        guard let index = member(of: k, "devrev"), tape[index].kind == .string else { return }
        if !Self.isArtifactDON(contentBytes(tape[index])) {
            let text = string(tape[index])
            report(AttachmentShape.notAnArtifactDON(text), at: tape[index].start, pointer: "/id/devrev")
        }
    }
}

extension RecordChecker {
    /// `don:core:<partition>:devo/<id>:artifact/<id>`, checked on bytes.
    static func isArtifactDON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The four colons, found without allocating (this runs for every ssor_attachment item).
        var colons = (0, 0, 0, 0)
        var found = 0
        for k in 0..<bytes.count where bytes[k] == UInt8(ascii: ":") {
            switch found {
            case 0: colons.0 = k
            case 1: colons.1 = k
            case 2: colons.2 = k
            case 3: colons.3 = k
            default: return false
            }
            found += 1
        }
        guard found == 4 else { return false }
        func equals(_ range: Range<Int>, _ text: StaticString, prefix: Bool = false) -> Bool {
            let n = text.utf8CodeUnitCount
            guard prefix ? range.count > n : range.count == n else { return false }
            for i in 0..<n where bytes[range.lowerBound + i] != text.utf8Start[i] { return false }
            return true
        }
        return equals(0..<colons.0, "don") && equals(colons.0 + 1..<colons.1, "core") && colons.2 > colons.1 + 1
            && equals(colons.2 + 1..<colons.3, "devo/", prefix: true)
            && equals(colons.3 + 1..<bytes.count, "artifact/", prefix: true)
    }
}
