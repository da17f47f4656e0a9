import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Authorization policy values: record_type_privilege, field_privilege and conditional_privilege.
/// They are rare (a few policy records), but like every value they are read off the tape and build
/// nothing unless a finding is reported.
extension RecordChecker {
    func checkPrivilege(_ field: ArtifactSchema.FieldCheck, _ k: Int, pointer: @autoclosure () -> String) {
        let entry = tape[k]
        guard entry.kind == .object else {
            report(PrivilegeValue.notObject(field: field.name, part: .privilege(field.type), actual: Self.kindName(entry)),
                   at: entry.start, pointer: pointer())
            return
        }
        switch field.type {
        case .recordTypePrivilege: checkRecordTypePrivilege(field, k, pointer: pointer())
        case .fieldPrivilege: checkFieldPrivilege(field, k, pointer: pointer())
        default: checkConditionalPrivilege(field, k, pointer: pointer())
        }
    }

    /// {record_types: [record type...], privileges: [create|read|update|delete]}
    private func checkRecordTypePrivilege(_ field: ArtifactSchema.FieldCheck, _ k: Int, pointer: @autoclosure () -> String) {
        let part = PrivilegeValue.Part.privilege(.recordTypePrivilege)
        let found = knownMembers(k, shapes.recordTypePrivilegeKeys, part: part, pointer: pointer())
        if let types = found[0] {
            forEachString(types, key: "record_types", part: part, pointer: pointer() + "/record_types") { name, n in
                checkTypeKeyName(field, name, pointer: pointer() + "/record_types/" + String(n))
            }
        } else {
            report(PrivilegeValue.missingKey("record_types", part: part), at: tape[k].start, pointer: pointer())
        }
        if let privileges = found[1] {
            checkPrivilegeWords(privileges, key: "privileges", part: part, pointer: pointer() + "/privileges")
        } else {
            report(PrivilegeValue.missingKey("privileges", part: part), at: tape[k].start, pointer: pointer())
        }
    }

    /// {record_type, read_all_fields?, write_all_fields?, read_fields?, write_fields?}
    private func checkFieldPrivilege(_ field: ArtifactSchema.FieldCheck, _ k: Int, pointer: @autoclosure () -> String) {
        let part = PrivilegeValue.Part.privilege(.fieldPrivilege)
        let found = knownMembers(k, shapes.fieldPrivilegeKeys, part: part, pointer: pointer())
        let object = privilegeRecordType(field, found[0], in: k, part: part, pointer: pointer())
        checkFieldAccess(readAll: found[1], writeAll: found[2], read: found[3], write: found[4], object: object, part: part,
                         pointer: pointer())
    }

    /// {record_type, object_privileges | field_privileges, scope_to_users_in | field_caveats}
    private func checkConditionalPrivilege(_ field: ArtifactSchema.FieldCheck, _ k: Int, pointer: @autoclosure () -> String) {
        let part = PrivilegeValue.Part.privilege(.conditionalPrivilege)
        let found = knownMembers(k, shapes.conditionalPrivilegeKeys, part: part, pointer: pointer())
        let object = privilegeRecordType(field, found[0], in: k, part: part, pointer: pointer())
        if (found[1] != nil) == (found[2] != nil) {
            report(PrivilegeValue.eitherOr("object_privileges", "field_privileges", both: found[1] != nil), at: tape[k].start,
                   pointer: pointer())
        }
        if (found[3] != nil) == (found[4] != nil) {
            report(PrivilegeValue.eitherOr("scope_to_users_in", "field_caveats", both: found[3] != nil), at: tape[k].start,
                   pointer: pointer())
        }
        if let privileges = found[1] {
            checkPrivilegeWords(privileges, key: "object_privileges", part: part, pointer: pointer() + "/object_privileges")
        }
        if let access = found[2] {
            if tape[access].kind == .object {
                let inner = knownMembers(access, shapes.fieldAccessKeys, part: .fieldPrivileges, pointer: pointer() + "/field_privileges")
                checkFieldAccess(readAll: inner[0], writeAll: inner[1], read: inner[2], write: inner[3], object: object,
                                 part: .fieldPrivileges, pointer: pointer() + "/field_privileges")
            } else if tape[access].kind != .null {
                wrongType(access, key: "field_privileges", part: part, expected: .object, pointer: pointer() + "/field_privileges")
            }
        }
        if let scope = found[3] {
            forEachString(scope, key: "scope_to_users_in", part: part, pointer: pointer() + "/scope_to_users_in") { name, n in
                checkFieldName(name, key: "scope_to_users_in", object: object, pointer: pointer() + "/scope_to_users_in/" + String(n))
            }
        }
        if let caveats = found[4] {
            guard tape[caveats].kind == .array else {
                wrongType(caveats, key: "field_caveats", part: part, expected: .array, pointer: pointer() + "/field_caveats")
                return
            }
            var e = caveats + 1
            for n in 0..<Int(tape[caveats].count) {
                checkCaveat(e, field: field, object: object, pointer: pointer() + "/field_caveats/" + String(n))
                e = tape[e].next
            }
        }
    }

    /// {field, operator: eq|not_eq|in|intersects, value}
    private func checkCaveat(_ k: Int, field: ArtifactSchema.FieldCheck, object: Int?, pointer: @autoclosure () -> String) {
        let entry = tape[k]
        guard entry.kind == .object else {
            report(PrivilegeValue.notObject(field: field.name, part: .caveat, actual: Self.kindName(entry)), at: entry.start,
                   pointer: pointer())
            return
        }
        let found = knownMembers(k, shapes.caveatKeys, part: .caveat, pointer: pointer())
        if found[0] == nil { report(PrivilegeValue.missingKey("field", part: .caveat), at: entry.start, pointer: pointer()) }
        if found[1] == nil { report(PrivilegeValue.missingKey("operator", part: .caveat), at: entry.start, pointer: pointer()) }
        if found[2] == nil { report(PrivilegeValue.missingKey("value", part: .caveat), at: entry.start, pointer: pointer()) }
        var target: ArtifactSchema.FieldCheck? = nil
        if let name = found[0] {
            if tape[name].kind == .string {
                target = checkFieldName(tape[name], key: "field", object: object, pointer: pointer() + "/field")
            } else {
                wrongType(name, key: "field", part: .caveat, expected: .string, pointer: pointer() + "/field")
            }
        }
        if let named = target, !Self.caveatTypes.contains(named.type) {
            report(PrivilegeValue.caveatFieldType(field: named.name, type: named.type, isCollection: named.isCollection),
                   at: tape[found[0] ?? k].start, pointer: pointer() + "/field")
            target = nil
        }
        guard let op = found[1] else { return }
        guard tape[op].kind == .string else {
            wrongType(op, key: "operator", part: .caveat, expected: .string, pointer: pointer() + "/operator")
            return
        }
        let isIn = keyEquals(tape[op], "in"), intersects = keyEquals(tape[op], "intersects")
        guard isIn || intersects || keyEquals(tape[op], "eq") || keyEquals(tape[op], "not_eq") else {
            report(PrivilegeValue.unknownOperator(self.string(self.tape[op])), at: tape[op].start, pointer: pointer() + "/operator")
            return
        }
        guard let target else { return }
        if intersects && !target.isCollection {
            report(PrivilegeValue.intersectsOnScalar(field: target.name), at: tape[op].start, pointer: pointer() + "/operator")
            return
        }
        guard let value = found[2] else { return }
        let list = isIn || intersects || target.isCollection
        if !caveatValueFits(target, value, list: list) {
            let keys = target.enumKeyList
            report(PrivilegeValue.caveatValue(field: target.name, operator: self.string(self.tape[op]),
                                              expected: list ? .list(target.type, keys: keys) : .scalar(target.type, keys: keys),
                                              actual: self.tape[value].kind == .string ? self.rawText(self.tape[value]) : Self.kindName(self.tape[value])),
                   at: tape[value].start, pointer: pointer() + "/value")
        }
    }

    static let caveatTypes: [FieldType] = [.int, .text, .bool, .richText, .enum]

    private func caveatValueFits(_ target: ArtifactSchema.FieldCheck, _ k: Int, list: Bool) -> Bool {
        let entry = tape[k]
        guard list else { return scalarFits(target, entry) }
        guard entry.kind == .array else { return entry.kind == .null }
        var e = k + 1
        for _ in 0..<Int(entry.count) {
            if !scalarFits(target, tape[e]) { return false }
            e = tape[e].next
        }
        return true
    }

    private func scalarFits(_ target: ArtifactSchema.FieldCheck, _ entry: TapeEntry) -> Bool {
        if entry.kind == .null { return true }
        switch target.type {
        case .int: return entry.kind == .number && entry.has(TapeEntry.numberIsInteger)
        case .bool: return entry.kind == .trueValue || entry.kind == .falseValue
        case .richText: return entry.kind == .string || entry.kind == .array
        case .enum: return entry.kind == .string && (target.enumKeys.map { lookup($0, entry) != nil } ?? true)
        default: return entry.kind == .string
        }
    }

    /// The record type a privilege applies to: one of the field's type_keys; returns its object.
    private func privilegeRecordType(_ field: ArtifactSchema.FieldCheck, _ index: Int?, in k: Int, part: PrivilegeValue.Part,
                                     pointer: @autoclosure () -> String) -> Int? {
        guard let index else {
            report(PrivilegeValue.missingKey("record_type", part: part), at: tape[k].start, pointer: pointer())
            return nil
        }
        guard tape[index].kind == .string, tape[index].end - tape[index].start > 2 else {
            wrongType(index, key: "record_type", part: part, expected: .string, pointer: pointer() + "/record_type")
            return nil
        }
        checkTypeKeyName(field, tape[index], pointer: pointer() + "/record_type")
        return recordObject(named: tape[index])
    }

    /// read_all_fields, write_all_fields (booleans), read_fields and write_fields (field names of
    /// the record type; every written field also read, unless read_all_fields).
    private func checkFieldAccess(readAll: Int?, writeAll: Int?, read: Int?, write: Int?, object: Int?, part: PrivilegeValue.Part,
                                  pointer: @autoclosure () -> String) {
        if let readAll { checkBoolean(readAll, key: "read_all_fields", part: part, pointer: pointer() + "/read_all_fields") }
        if let writeAll { checkBoolean(writeAll, key: "write_all_fields", part: part, pointer: pointer() + "/write_all_fields") }
        let readsAll = readAll.map { tape[$0].kind == .trueValue } ?? false
        if let read {
            forEachString(read, key: "read_fields", part: part, pointer: pointer() + "/read_fields") { name, n in
                checkFieldName(name, key: "read_fields", object: object, pointer: pointer() + "/read_fields/" + String(n))
            }
        }
        guard let write else { return }
        forEachString(write, key: "write_fields", part: part, pointer: pointer() + "/write_fields") { name, n in
            guard checkFieldName(name, key: "write_fields", object: object, pointer: pointer() + "/write_fields/" + String(n)) != nil
                    || object == nil else { return }
            if !readsAll && !listContains(read, name) {
                report(PrivilegeValue.writeNotRead(self.string(name)), at: name.start, pointer: pointer() + "/write_fields/" + String(n))
            }
        }
    }

    /// The field of `object` a name gives, reporting a name that is not one of its fields.
    @discardableResult
    private func checkFieldName(_ name: TapeEntry, key: String, object: Int?, pointer: @autoclosure () -> String) -> ArtifactSchema.FieldCheck? {
        guard let object else { return nil }
        let schemaObject = schema.objects[object]
        if let index = lookup(schemaObject.table, name) { return schemaObject.fields[index] }
        report(PrivilegeValue.unknownField(self.string(name), key: key, recordType: schemaObject.name, fields: schemaObject.fields.map(\.name)),
               at: name.start, pointer: pointer())
        return nil
    }

    /// True when the array at `list` holds a string equal to `name`.
    private func listContains(_ list: Int?, _ name: TapeEntry) -> Bool {
        guard let list, tape[list].kind == .array else { return false }
        let hash = valueHash(name)
        var e = list + 1
        for _ in 0..<Int(tape[list].count) {
            if tape[e].kind == .string, valueHash(tape[e]) == hash { return true }
            e = tape[e].next
        }
        return false
    }

    private func checkBoolean(_ k: Int, key: String, part: PrivilegeValue.Part, pointer: @autoclosure () -> String) {
        let kind = tape[k].kind
        if kind != .trueValue && kind != .falseValue && kind != .null {
            wrongType(k, key: key, part: part, expected: .boolean, pointer: pointer())
        }
    }

    private func checkPrivilegeWords(_ k: Int, key: String, part: PrivilegeValue.Part, pointer: @autoclosure () -> String) {
        forEachString(k, key: key, part: part, pointer: pointer()) { word, n in
            if !(keyEquals(word, "create") || keyEquals(word, "read") || keyEquals(word, "update") || keyEquals(word, "delete")) {
                report(PrivilegeValue.unknownPrivilege(self.string(word)), at: word.start, pointer: pointer() + "/" + String(n))
            }
        }
    }

    /// Calls `body` with each string of the array at `k`, reporting a non-array or a non-string.
    private func forEachString(_ k: Int, key: String, part: PrivilegeValue.Part, pointer: @autoclosure () -> String,
                               _ body: (TapeEntry, Int) -> Void) {
        guard tape[k].kind == .array else {
            if tape[k].kind != .null { wrongType(k, key: key, part: part, expected: .stringArray, pointer: pointer()) }
            return
        }
        var e = k + 1
        for n in 0..<Int(tape[k].count) {
            if tape[e].kind == .string { body(tape[e], n) } else {
                wrongType(e, key: key, part: part, expected: .stringArray, pointer: pointer() + "/" + String(n))
            }
            e = tape[e].next
        }
    }

    private func wrongType(_ k: Int, key: String, part: PrivilegeValue.Part, expected: PrivilegeValue.Expected,
                           pointer: @autoclosure () -> String) {
        report(PrivilegeValue.wrongType(key: key, part: part, expected: expected, actual: Self.kindName(self.tape[k])),
               at: tape[k].start, pointer: pointer())
    }

    /// The tape indices of the values of `keys` in the object at `k`, reporting any other key.
    private func knownMembers(_ k: Int, _ keys: [StaticString], part: PrivilegeValue.Part,
                              pointer: @autoclosure () -> String) -> KnownMembers {
        var found = KnownMembers()
        var m = k + 1
        for _ in 0..<Int(tape[k].count) {
            let key = tape[m]
            if let slot = keys.firstIndex(where: { keyEquals(key, $0) }) {
                found[slot] = m + 1
            } else {
                report(PrivilegeValue.unknownKey(self.string(key), part: part, allowed: keys.map { "\($0)" }), at: key.start,
                       pointer: pointer() + "/" + JSONPointer.escape(self.string(key)))
            }
            m = tape[m + 1].next
        }
        return found
    }
}

/// Tape indices of up to five known keys of an object, without allocating.
struct KnownMembers {
    private var slots: (Int, Int, Int, Int, Int) = (-1, -1, -1, -1, -1)

    subscript(_ slot: Int) -> Int? {
        get {
            let value: Int
            switch slot {
            case 0: value = slots.0
            case 1: value = slots.1
            case 2: value = slots.2
            case 3: value = slots.3
            case 4: value = slots.4
            default: value = -1
            }
            return value < 0 ? nil : value
        }
        set {
            let value = newValue ?? -1
            switch slot {
            case 0: slots.0 = value
            case 1: slots.1 = value
            case 2: slots.2 = value
            case 3: slots.3 = value
            case 4: slots.4 = value
            default: break
            }
        }
    }
}
