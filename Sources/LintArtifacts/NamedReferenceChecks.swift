import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Values that name the record type they point to: typed references and mentions ({id,
/// ref_type}), whose id is then resolved like any reference in that type; type_key values.
extension RecordChecker {
    /// Checks the ref_type of the object at `k` against `targets` and queues its id. `mention` is
    /// the mention's index in its rich text, nil for a typed reference.
    func resolveNamedReference(_ k: Int, targets: NamedTargets, field: ArtifactSchema.FieldCheck, pointer: String,
                               element: Int?, mention: Int?) {
        guard let refType = member(of: k, "ref_type"), tape[refType].kind == .string,
              tape[refType].end - tape[refType].start > 2 else { return }  // the shape check reported it
        guard let n = lookup(targets.table, tape[refType]) else {
            let name = field.name
            report(mention == nil ? InvalidRefType.typedReference(field: name, refType: self.string(self.tape[refType]), allowed: targets.names)
                                  : .mention(field: name, refType: self.string(self.tape[refType]), declared: targets.names.dropLast().map { $0 }),
                   at: tape[refType].start, pointer: Self.at(pointer, element) + (mention.map { "/" + String($0) } ?? "") + "/ref_type")
            return
        }
        let group = targets.groups[n]
        guard group >= 0, let id = member(of: k, "id"), tape[id].kind == .string, tape[id].end - tape[id].start > 2 else { return }
        if let mention {
            // A mention in a collection of rich texts is rare: its pointer is interned by string.
            if let element {
                addPending(tape[id], group: group, pointer: Self.at(pointer, element), element: mention)
            } else {
                addPending(tape[id], group: group, pointer: pointer, element: mention, field: field)
            }
        } else {
            addPending(tape[id], group: group, pointer: pointer, element: element ?? -1, field: field)
        }
    }

    /// A type_key value: an array of record type names (one name per element in a collection).
    func checkTypeKeyValue(_ field: ArtifactSchema.FieldCheck, _ k: Int, pointer: @autoclosure () -> String) {
        let entry = tape[k]
        switch entry.kind {
        case .string:
            checkTypeKeyName(field, entry, pointer: pointer())
        case .array:
            var e = k + 1
            for n in 0..<Int(entry.count) {
                let name = tape[e]
                if name.kind == .string {
                    checkTypeKeyName(field, name, pointer: pointer() + "/" + String(n))
                } else if name.kind != .null {
                    typeError(field, name, pointer: pointer() + "/" + String(n), expected: .typeKeyNames)
                }
                e = name.next
            }
        default:
            typeError(field, entry, pointer: pointer(), expected: .typeKeyNames)
        }
    }

    /// A record type name in a type_key or privilege value: one of the field's type_keys.
    func checkTypeKeyName(_ field: ArtifactSchema.FieldCheck, _ entry: TapeEntry, pointer: @autoclosure () -> String) {
        guard let targets = schema.typeKeyTargets[field.id], lookup(targets.table, entry) == nil else { return }
        report(TypeKeyValue(field: field.name, name: self.string(entry), allowed: targets.names,
                            isDeclared: self.recordObject(named: entry) != nil),
               at: entry.start, pointer: pointer())
    }

    /// The index into `schema.objects` of the record type a string names, if it names one.
    func recordObject(named entry: TapeEntry) -> Int? {
        guard let n = lookup(schema.mentionTargets.table, entry), schema.mentionObjects[n] >= 0 else { return nil }
        return schema.mentionObjects[n]
    }
}
