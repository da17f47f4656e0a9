/// The reserved attachment item types, which have fixed shapes instead of metadata fields.
extension RecordChecker {
    /// `ssor_attachment`: {id: {devrev, external}, parent_id: {external}, actor_id: {external}, inline?}.
    func checkSSORAttachment() {
        guard let root = beginRecord(ArtifactRules.attachmentShape,
                                     shape: "an ssor_attachment item must be an object {id, parent_id, actor_id}") else { return }
        var found = (id: false, parent: false, actor: false)
        var k = 1
        for _ in 0..<Int(root.count) {
            let key = tape[k]
            let value = tape[k + 1]
            if keyEquals(key, "id") {
                found.id = true
                if expectObject(value, "/id", "\"id\" must be an object {devrev, external}") {
                    checkShape(k + 1, pointer: "/id", rule: ArtifactRules.attachmentShape, what: "\"id\"",
                               shape: shapes.ssorID)
                    checkDON(k + 1)
                }
            } else if keyEquals(key, "parent_id") {
                found.parent = true
                if expectObject(value, "/parent_id", "\"parent_id\" must be an object {external}") {
                    checkShape(k + 1, pointer: "/parent_id", rule: ArtifactRules.attachmentShape, what: "\"parent_id\"",
                               shape: shapes.external)
                    if let external = member(of: k + 1, "external"), tape[external].kind == .string {
                        addPendingParent(tape[external], pointer: ssorParentPointer)
                    }
                }
            } else if keyEquals(key, "actor_id") {
                found.actor = true
                if expectObject(value, "/actor_id", "\"actor_id\" must be an object {external}") {
                    checkShape(k + 1, pointer: "/actor_id", rule: ArtifactRules.attachmentShape, what: "\"actor_id\"",
                               shape: shapes.external)
                }
            } else if keyEquals(key, "inline") {
                if value.kind != .trueValue && value.kind != .falseValue {
                    report(ArtifactRules.attachmentShape, at: value.start, pointer: "/inline",
                           "\"inline\" must be true or false, not \(Self.kindName(value))")
                }
            } else {
                report(ArtifactRules.attachmentShape, at: key.start, pointer: "/" + string(key),
                       "unknown key \"\(self.string(key))\" in an ssor_attachment item: allowed are id, parent_id, actor_id, inline")
            }
            k = value.next
        }
        if !(found.id && found.parent && found.actor) {
            let missing = [("id", found.id), ("parent_id", found.parent), ("actor_id", found.actor)].filter { !$0.1 }.map(\.0)
            reportRecord(ArtifactRules.attachmentShape, "the ssor_attachment item has no \(missing.map { "\"\($0)\"" }.joined(separator: ", ")): add it")
        }
    }

    /// `attachments`: {url, id, file_name, parent_id, author_id?, inline?, content_type?, ...}.
    func checkAttachment() {
        guard beginRecord(ArtifactRules.attachmentShape,
                          shape: "an attachments item must be an object {url, id, file_name, parent_id}") != nil else { return }
        checkShape(0, pointer: "", rule: ArtifactRules.attachmentShape, what: "the attachment", shape: shapes.attachment)
        for (name, pointer) in [("created_date" as StaticString, "/created_date"), ("modified_date", "/modified_date")] {
            if let index = member(of: 0, name), tape[index].kind == .string, !DateSyntax.isTimestamp(contentBytes(tape[index])) {
                report(ArtifactRules.invalidDateValue, at: tape[index].start, pointer: pointer,
                       "\"\(name)\" is \(self.rawText(self.tape[index])), not an RFC 3339 timestamp with offset")
            }
        }
        if let parent = member(of: 0, "parent_id"), tape[parent].kind == .string, tape[parent].end - tape[parent].start > 2 {
            addPendingParent(tape[parent], pointer: attachmentParentPointer)
        }
    }

    /// An attachment's parent: the id of any extracted record.
    private func addPendingParent(_ entry: TapeEntry, pointer: Int32) {
        index.addReference(entry, in: base, group: ReferenceIndex.anyRecord, file: fileNumber,
                           offset: bufferOffset + entry.start, pointer: pointer, element: -1)
    }

    private func expectObject(_ value: TapeEntry, _ pointer: String, _ message: String) -> Bool {
        if value.kind == .object { return true }
        report(ArtifactRules.attachmentShape, at: value.start, pointer: pointer, message + ", not \(Self.kindName(value))")
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
            report(ArtifactRules.attachmentShape, at: tape[index].start, pointer: "/id/devrev",
                   "\"id.devrev\" is \"\(text)\", not an artifact DON such as don:core:dvrv-us-1:devo/1:artifact/1: use the id S3Interact returned for the upload")
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
