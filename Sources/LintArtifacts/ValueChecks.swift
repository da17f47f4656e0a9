import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

#if canImport(Glibc)
import Glibc
#endif

/// Checks of one value against its field's declared type.
extension RecordChecker {
    func typeError(_ field: ArtifactSchema.FieldCheck, _ entry: TapeEntry, pointer: @autoclosure () -> String,
                   expected: FieldValueType.Expected) {
        report(FieldValueType.wrongKind(field: field.name, type: field.type, expected: expected, actual: Self.kindName(entry),
                                        valueIsString: entry.kind == .string, valueIsNumber: entry.kind == .number),
               at: entry.start, pointer: pointer())
    }

    func checkValue(_ field: ArtifactSchema.FieldCheck, at k: Int, pointer: String, element: Int? = nil) {
        let entry = tape[k]
        switch field.type {
        case .bool:
            if entry.kind != .trueValue && entry.kind != .falseValue { typeError(field, entry, pointer: Self.at(pointer, element), expected: .trueOrFalse) }
        case .int:
            guard entry.kind == .number, entry.has(TapeEntry.numberIsInteger) else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: .integer)
                return
            }
            if field.numberMin != nil || field.numberMax != nil { checkNumberBounds(field, entry, pointer: Self.at(pointer, element)) }
        case .float:
            guard entry.kind == .number else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: .number)
                return
            }
            if field.numberMin != nil || field.numberMax != nil { checkNumberBounds(field, entry, pointer: Self.at(pointer, element)) }
        case .text:
            guard entry.kind == .string else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: .string)
                return
            }
            if field.lengthMin != nil || field.lengthMax != nil { checkTextLength(field, entry, pointer: Self.at(pointer, element)) }
            noteIdentifier(field, entry)
        case .enum:
            guard entry.kind == .string else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: .enumKey)
                return
            }
            checkEnumKey(field, entry, pointer: Self.at(pointer, element))
        case .date, .timestamp:
            guard entry.kind == .string else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: field.type == .date ? .dateString : .timestampString)
                return
            }
            let bytes = contentBytes(entry)
            let valid = field.type == .date ? DateSyntax.isDate(bytes) : DateSyntax.isTimestamp(bytes)
            if !valid {
                let raw = rawText(entry)
                report(field.type == .date ? InvalidDateValue.date(field: field.name, raw: raw) : .timestamp(field: field.name, raw: raw),
                       at: entry.start, pointer: Self.at(pointer, element))
            }
        case .reference:
            guard entry.kind == .string, entry.end - entry.start > 2 else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: .reference)
                return
            }
            noteIdentifier(field, entry)
            if let group = field.referenceGroup { addPending(entry, group: Int32(group), pointer: pointer, element: element ?? -1, field: field) }
        case .typedReference:
            checkTypedReference(field, k, pointer: pointer, element: element)
        case .richText:
            checkRichText(field, k, pointer: pointer, element: element)
        case .struct:
            guard entry.kind == .object else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: .object)
                return
            }
            if let object = field.structObject { checkObject(object, at: k, path: Self.at(pointer, element)) }
        case .permission:
            checkPermission(field, k, pointer: Self.at(pointer, element))
        case .typeKey:
            checkTypeKeyValue(field, k, pointer: Self.at(pointer, element))
        case .recordTypePrivilege, .fieldPrivilege, .conditionalPrivilege:
            checkPrivilege(field, k, pointer: Self.at(pointer, element))
        case .participation:
            break
        }
    }

    /// The pointer of a value, or of one element of a collection (built only when reporting).
    static func at(_ pointer: String, _ element: Int?) -> String {
        element.map { pointer + "/" + String($0) } ?? pointer
    }

    private func noteIdentifier(_ field: ArtifactSchema.FieldCheck, _ entry: TapeEntry) {
        if let space = field.identifierSpace {
            index.addKey(entry, in: base, space: space, file: fileNumber, offset: bufferOffset + entry.start)
        }
    }

    func addPending(_ entry: TapeEntry, group: Int32, pointer: String, element: Int = -1,
                    field: ArtifactSchema.FieldCheck? = nil) {
        index.addReference(entry, in: base, group: group, file: fileNumber, offset: bufferOffset + entry.start,
                           pointer: internedPointer(pointer, field: field), element: Int32(truncatingIfNeeded: element))
    }

    /// A number's value, parsed from its bytes: integers directly, others through strtod on a
    /// stack copy (no String is built).
    func numberValue(_ entry: TapeEntry) -> Double? {
        Self.numberValue(base + entry.start, entry.end - entry.start, isInteger: entry.has(TapeEntry.numberIsInteger))
    }

    /// The value of the well-formed JSON number `p[0..<count]`.
    static func numberValue(_ p: UnsafePointer<UInt8>, _ count: Int, isInteger: Bool) -> Double? {
        if isInteger, count <= 18 {
            var k = p[0] == UInt8(ascii: "-") ? 1 : 0
            var value: Int64 = 0
            while k < count {
                value = value &* 10 &+ Int64(p[k] &- 48)
                k += 1
            }
            return Double(p[0] == UInt8(ascii: "-") ? -value : value)
        }
        if let value = shortDecimal(p, count) { return value }
        guard count < 64 else { return Double(String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)) }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Double? in
            guard let start = buffer.baseAddress else { return nil }
            p.withMemoryRebound(to: CChar.self, capacity: count) { start.update(from: $0, count: count) }
            start[count] = 0
            return strtod(start, nil)
        }
    }

    /// Powers of ten a double holds exactly.
    static let exactPowersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// A decimal without exponent and with at most 15 digits (`-0.25`, `12.5`): its digits as an
    /// integer divided by a power of ten, both exact in a double, so the one rounding is the
    /// correct one (as strtod gives). Nil for anything else.
    static func shortDecimal(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        var k = p[0] == UInt8(ascii: "-") ? 1 : 0
        var mantissa: Int64 = 0
        var digits = 0
        var fraction = -1
        while k < count {
            let b = p[k]
            if b == UInt8(ascii: ".") {
                fraction = 0
            } else if b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                digits += 1
                if digits > 15 { return nil }
                mantissa = mantissa * 10 + Int64(b - UInt8(ascii: "0"))
                if fraction >= 0 { fraction += 1 }
            } else {
                return nil
            }
            k += 1
        }
        guard fraction >= 0 else { return nil }
        let value = Double(mantissa) / exactPowersOfTen[fraction]
        return p[0] == UInt8(ascii: "-") ? -value : value
    }

    private func checkNumberBounds(_ field: ArtifactSchema.FieldCheck, _ entry: TapeEntry, pointer: @autoclosure () -> String) {
        guard !entry.has(TapeEntry.numberOutOfRange), let value = numberValue(entry) else { return }
        if let low = field.numberMin, value < low {
            report(ValueOutOfBounds.belowMin(field: field.name, raw: self.rawText(entry), min: low), at: entry.start, pointer: pointer())
        } else if let high = field.numberMax, value > high {
            report(ValueOutOfBounds.aboveMax(field: field.name, raw: self.rawText(entry), max: high), at: entry.start, pointer: pointer())
        }
    }

    private func checkTextLength(_ field: ArtifactSchema.FieldCheck, _ entry: TapeEntry, pointer: @autoclosure () -> String) {
        let length: Int
        if entry.has(TapeEntry.stringHasEscapes) {
            length = string(entry).unicodeScalars.count
        } else {
            length = contentBytes(entry).reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        }
        if let low = field.lengthMin, length < low {
            report(ValueOutOfBounds.tooShort(field: field.name, length: length, min: low), at: entry.start, pointer: pointer())
        } else if let high = field.lengthMax, length > high {
            report(ValueOutOfBounds.tooLong(field: field.name, length: length, max: high), at: entry.start, pointer: pointer())
        }
    }

    private func checkEnumKey(_ field: ArtifactSchema.FieldCheck, _ entry: TapeEntry, pointer: @autoclosure () -> String) {
        guard let keys = field.enumKeys, lookup(keys, entry) == nil else { return }
        report(InvalidEnumValue(field: field.name, raw: self.rawText(entry), value: self.string(entry), keys: field.enumKeyList),
               at: entry.start, pointer: pointer())
    }

    /// `pointer` and `element` locate the value as in `checkValue`.
    private func checkTypedReference(_ field: ArtifactSchema.FieldCheck, _ k: Int, pointer: String, element: Int?) {
        let entry = tape[k]
        guard entry.kind == .object else {
            typeError(field, entry, pointer: Self.at(pointer, element), expected: .typedReference)
            return
        }
        checkShape(k, pointer: Self.at(pointer, element), what: .typedReference(field: field.name), shape: shapes.typedReference,
                   as: FieldValueType.shape)
        if let targets = schema.refTypes[field.id] {
            resolveNamedReference(k, targets: targets, field: field, pointer: pointer, element: element, mention: nil)
        }
    }

    private func checkRichText(_ field: ArtifactSchema.FieldCheck, _ k: Int, pointer: String, element: Int?) {
        let entry = tape[k]
        guard entry.kind == .array else {
            typeError(field, entry, pointer: Self.at(pointer, element), expected: .richText(stringGiven: entry.kind == .string))
            return
        }
        var e = k + 1
        for n in 0..<Int(entry.count) {
            let part = tape[e]
            if part.kind == .object {
                checkShape(e, pointer: Self.at(pointer, element) + "/" + String(n), what: .mention(field: field.name),
                           shape: shapes.mention, as: FieldValueType.shape)
                resolveNamedReference(e, targets: schema.mentionTargets, field: field, pointer: pointer, element: element, mention: n)
            } else if part.kind != .string {
                report(FieldValueType.richTextPart(field: field.name, actual: Self.kindName(part)), at: part.start,
                       pointer: Self.at(pointer, element) + "/" + String(n))
            }
            e = part.next
        }
    }

    private func checkPermission(_ field: ArtifactSchema.FieldCheck, _ k: Int, pointer: @autoclosure () -> String) {
        let entry = tape[k]
        guard entry.kind == .object else {
            typeError(field, entry, pointer: pointer(), expected: .permission)
            return
        }
        checkShape(k, pointer: pointer(), what: .permission(field: field.name), shape: shapes.permission,
                   as: FieldValueType.shape)
        var m = k + 1
        for _ in 0..<Int(entry.count) {
            let key = tape[m]
            let value = tape[m + 1]
            if keyEquals(key, "role"), value.kind == .string {
                checkEnumKey(field, value, pointer: pointer() + "/role")
            } else if keyEquals(key, "member_id"), value.kind == .string, let group = field.referenceGroup {
                addPending(value, group: Int32(group), pointer: pointer() + "/member_id")
            }
            m = value.next
        }
    }

    /// Checks that the object at `k` has the shape's required string keys and nothing else.
    func checkShape<V: RuleViolation>(_ k: Int, pointer: @autoclosure () -> String, what: ShapedObject, shape: Shape,
                                      as violation: (ShapeProblem) -> V) {
        let entry = tape[k]
        var found: UInt32 = 0
        var m = k + 1
        for _ in 0..<Int(entry.count) {
            let key = tape[m]
            let value = tape[m + 1]
            if let r = shape.required.firstIndex(where: { keyEquals(key, $0) }) {
                found |= 1 << UInt32(r)
                if value.kind != .string || value.end - value.start <= 2 {
                    report(violation(.requiredNotString(key: self.string(key), in: what, actual: Self.kindName(value))),
                           at: value.start, pointer: pointer() + "/" + string(key))
                }
            } else if shape.optional.contains(where: { keyEquals(key, $0) }) {
                if value.kind != .string && value.kind != .null {
                    report(violation(.optionalNotString(key: self.string(key), in: what, actual: Self.kindName(value))),
                           at: value.start, pointer: pointer() + "/" + string(key))
                }
            } else if shape.stringsOrNumbers.contains(where: { keyEquals(key, $0) }) {
                if value.kind != .string && value.kind != .number && value.kind != .null {
                    report(violation(.notStringOrNumber(key: self.string(key), in: what, actual: Self.kindName(value))),
                           at: value.start, pointer: pointer() + "/" + string(key))
                }
            } else if shape.booleans.contains(where: { keyEquals(key, $0) }) {
                if value.kind != .trueValue && value.kind != .falseValue && value.kind != .null {
                    report(violation(.notBoolean(key: self.string(key), in: what, actual: Self.kindName(value))),
                           at: value.start, pointer: pointer() + "/" + string(key))
                }
            } else {
                report(violation(.unknownKey(self.string(key), in: what,
                                             allowed: (shape.required + shape.optional + shape.booleans + shape.stringsOrNumbers).map { "\($0)" })),
                       at: key.start, pointer: pointer() + "/" + string(key))
            }
            m = value.next
        }
        for r in shape.required.indices where found & (1 << UInt32(r)) == 0 {
            report(violation(.missingKey("\(shape.required[r])", in: what)), at: entry.start, pointer: pointer())
        }
    }
}

/// The keys of an object with a fixed shape: required non-empty strings, optional strings, booleans.
struct Shape: Sendable {
    let required: [StaticString]
    let optional: [StaticString]
    var booleans: [StaticString] = []
    var stringsOrNumbers: [StaticString] = []
}

/// The fixed shapes, one set per checker (not static: see ArtifactCheck.runWorkers on sharing).
struct Shapes {
    let typedReference = Shape(required: ["id", "ref_type"], optional: ["fallback_record_name"])
    let mention = Shape(required: ["ref_type", "id"], optional: ["fallback_record_name"])
    let permission = Shape(required: ["member_id", "role"], optional: [])
    let ssorID = Shape(required: ["devrev", "external"], optional: [])
    let external = Shape(required: ["external"], optional: [])
    let attachment = Shape(
        required: ["url", "id", "file_name", "parent_id"],
        optional: ["author_id", "content_type", "created_date", "modified_date"],
        booleans: ["inline"],
        // A string; older SDK versions wrote a number, and the SDK still accepts one.
        stringsOrNumbers: ["grand_parent_id"])
    let recordTypePrivilegeKeys: [StaticString] = ["record_types", "privileges"]
    let fieldPrivilegeKeys: [StaticString] = ["record_type", "read_all_fields", "write_all_fields", "read_fields", "write_fields"]
    let fieldAccessKeys: [StaticString] = ["read_all_fields", "write_all_fields", "read_fields", "write_fields"]
    let conditionalPrivilegeKeys: [StaticString] = ["record_type", "object_privileges", "field_privileges", "scope_to_users_in", "field_caveats"]
    let caveatKeys: [StaticString] = ["field", "operator", "value"]
}
