#if canImport(Glibc)
import Glibc
#endif

/// Checks of one value against its field's declared type.
extension RecordChecker {
    func typeError(_ field: ArtifactSchema.FieldCheck, _ entry: TapeEntry, pointer: @autoclosure () -> String, expected: String) {
        let hint: String
        if entry.kind == .string, [.int, .float].contains(field.type) {
            hint = ": remove the quotes"
        } else if entry.kind == .string, field.type == .bool {
            hint = ": write true or false without quotes"
        } else if entry.kind == .number, [.text, .reference, .enum].contains(field.type) {
            hint = ": quote it"
        } else {
            hint = ""
        }
        report(ArtifactRules.fieldValueType, at: entry.start, pointer: pointer(),
               "\"\(field.name)\" is \(field.type.rawValue), so its value must be \(expected), not \(Self.kindName(entry))\(hint)")
    }

    func checkValue(_ field: ArtifactSchema.FieldCheck, at k: Int, pointer: String, element: Int? = nil) {
        let entry = tape[k]
        switch field.type {
        case .bool:
            if entry.kind != .trueValue && entry.kind != .falseValue { typeError(field, entry, pointer: Self.at(pointer, element), expected: "true or false") }
        case .int:
            guard entry.kind == .number, entry.has(TapeEntry.numberIsInteger) else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: "a JSON integer")
                return
            }
            if field.numberMin != nil || field.numberMax != nil { checkNumberBounds(field, entry, pointer: Self.at(pointer, element)) }
        case .float:
            guard entry.kind == .number else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: "a JSON number")
                return
            }
            if field.numberMin != nil || field.numberMax != nil { checkNumberBounds(field, entry, pointer: Self.at(pointer, element)) }
        case .text:
            guard entry.kind == .string else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: "a string")
                return
            }
            if field.lengthMin != nil || field.lengthMax != nil { checkTextLength(field, entry, pointer: Self.at(pointer, element)) }
            noteIdentifier(field, entry)
        case .enum:
            guard entry.kind == .string else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: "one of its enum keys (a string)")
                return
            }
            checkEnumKey(field, entry, pointer: Self.at(pointer, element))
        case .date, .timestamp:
            guard entry.kind == .string else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: field.type == .date ? "a YYYY-MM-DD string" : "an RFC 3339 string")
                return
            }
            let bytes = contentBytes(entry)
            let valid = field.type == .date ? DateSyntax.isDate(bytes) : DateSyntax.isTimestamp(bytes)
            if !valid {
                report(ArtifactRules.invalidDateValue, at: entry.start, pointer: Self.at(pointer, element),
                       "\"\(field.name)\" is \(self.rawText(entry)), not " + (field.type == .date
                           ? "a calendar date YYYY-MM-DD" : "an RFC 3339 timestamp with offset such as 2024-03-29T22:04:47Z"))
            }
        case .reference:
            guard entry.kind == .string, entry.end - entry.start > 2 else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: "a non-empty string (the target's id)")
                return
            }
            noteIdentifier(field, entry)
            if let group = field.referenceGroup { addPending(entry, group: Int32(group), pointer: pointer, element: element ?? -1, field: field) }
        case .typedReference:
            checkTypedReference(field, k, pointer: Self.at(pointer, element))
        case .richText:
            checkRichText(field, k, pointer: Self.at(pointer, element))
        case .struct:
            guard entry.kind == .object else {
                typeError(field, entry, pointer: Self.at(pointer, element), expected: "an object")
                return
            }
            if let object = field.structObject { checkObject(object, at: k, path: Self.at(pointer, element)) }
        case .permission:
            checkPermission(field, k, pointer: Self.at(pointer, element))
        case .typeKey, .recordTypePrivilege, .fieldPrivilege, .conditionalPrivilege, .participation:
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
        let count = entry.end - entry.start
        let p = base + entry.start
        if entry.has(TapeEntry.numberIsInteger), count <= 18 {
            var k = p[0] == UInt8(ascii: "-") ? 1 : 0
            var value: Int64 = 0
            while k < count {
                value = value &* 10 &+ Int64(p[k] &- 48)
                k += 1
            }
            return Double(p[0] == UInt8(ascii: "-") ? -value : value)
        }
        if let value = Self.shortDecimal(p, count) { return value }
        guard count < 64 else { return Double(rawText(entry)) }
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
            report(ArtifactRules.valueOutOfBounds, at: entry.start, pointer: pointer(),
                   "\"\(field.name)\" is \(self.rawText(entry)), below its min \(MetadataReader.format(low)): fix the value, or lower \"min\" in the metadata")
        } else if let high = field.numberMax, value > high {
            report(ArtifactRules.valueOutOfBounds, at: entry.start, pointer: pointer(),
                   "\"\(field.name)\" is \(self.rawText(entry)), above its max \(MetadataReader.format(high)): fix the value, or raise \"max\" in the metadata")
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
            report(ArtifactRules.valueOutOfBounds, at: entry.start, pointer: pointer(),
                   "\"\(field.name)\" is \(length) character(s) long, shorter than its min_length \(low): fix the value, or lower \"min_length\"")
        } else if let high = field.lengthMax, length > high {
            report(ArtifactRules.valueOutOfBounds, at: entry.start, pointer: pointer(),
                   "\"\(field.name)\" is \(length) characters long, longer than its max_length \(high): truncate it in the extractor, or raise \"max_length\"")
        }
    }

    private func checkEnumKey(_ field: ArtifactSchema.FieldCheck, _ entry: TapeEntry, pointer: @autoclosure () -> String) {
        guard let keys = field.enumKeys, lookup(keys, entry) == nil else { return }
        report(ArtifactRules.invalidEnumValue, at: entry.start, pointer: pointer(),
               "\"\(field.name)\" is \(self.rawText(entry)), which is not one of its enum keys: "
                   + (Suggest.didYouMean(self.string(entry), in: field.enumKeyList)
                       ?? "use one of \(field.enumKeyList.prefix(10).map { "\"\($0)\"" }.joined(separator: ", "))\(field.enumKeyList.count > 10 ? ", …" : "") or declare the key"))
    }

    private func checkTypedReference(_ field: ArtifactSchema.FieldCheck, _ k: Int, pointer: @autoclosure () -> String) {
        let entry = tape[k]
        guard entry.kind == .object else {
            typeError(field, entry, pointer: pointer(), expected: "an object {id, ref_type}")
            return
        }
        checkShape(k, pointer: pointer(), rule: ArtifactRules.fieldValueType, what: "typed reference \"\(field.name)\"",
                   shape: shapes.typedReference)
    }

    private func checkRichText(_ field: ArtifactSchema.FieldCheck, _ k: Int, pointer: @autoclosure () -> String) {
        let entry = tape[k]
        guard entry.kind == .array else {
            typeError(field, entry, pointer: pointer(), expected: "an array of strings and mentions" + (entry.kind == .string ? " (wrap the string in [ ])" : ""))
            return
        }
        var e = k + 1
        for n in 0..<Int(entry.count) {
            let part = tape[e]
            if part.kind == .object {
                checkShape(e, pointer: pointer() + "/" + String(n), rule: ArtifactRules.fieldValueType,
                           what: "a mention in \"\(field.name)\"", shape: shapes.mention)
            } else if part.kind != .string {
                report(ArtifactRules.fieldValueType, at: part.start, pointer: pointer() + "/" + String(n),
                       "rich_text \"\(field.name)\" holds \(Self.kindName(part)): its parts are strings or mention objects {ref_type, id}")
            }
            e = part.next
        }
    }

    private func checkPermission(_ field: ArtifactSchema.FieldCheck, _ k: Int, pointer: @autoclosure () -> String) {
        let entry = tape[k]
        guard entry.kind == .object else {
            typeError(field, entry, pointer: pointer(), expected: "an object {member_id, role}")
            return
        }
        checkShape(k, pointer: pointer(), rule: ArtifactRules.fieldValueType, what: "permission \"\(field.name)\"",
                   shape: shapes.permission)
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
    func checkShape(_ k: Int, pointer: @autoclosure () -> String, rule: RuleInfo, what: @autoclosure () -> String, shape: Shape) {
        let entry = tape[k]
        var found: UInt32 = 0
        var m = k + 1
        for _ in 0..<Int(entry.count) {
            let key = tape[m]
            let value = tape[m + 1]
            if let r = shape.required.firstIndex(where: { keyEquals(key, $0) }) {
                found |= 1 << UInt32(r)
                if value.kind != .string || value.end - value.start <= 2 {
                    report(rule, at: value.start, pointer: pointer() + "/" + string(key),
                           "\"\(self.string(key))\" of \(what()) must be a non-empty string, not \(Self.kindName(value))")
                }
            } else if shape.optional.contains(where: { keyEquals(key, $0) }) {
                if value.kind != .string && value.kind != .null {
                    report(rule, at: value.start, pointer: pointer() + "/" + string(key),
                           "\"\(self.string(key))\" of \(what()) must be a string, not \(Self.kindName(value))")
                }
            } else if shape.booleans.contains(where: { keyEquals(key, $0) }) {
                if value.kind != .trueValue && value.kind != .falseValue && value.kind != .null {
                    report(rule, at: value.start, pointer: pointer() + "/" + string(key),
                           "\"\(self.string(key))\" of \(what()) must be true or false, not \(Self.kindName(value))")
                }
            } else {
                report(rule, at: key.start, pointer: pointer() + "/" + string(key),
                       "\(what()) has an unknown key \"\(self.string(key))\": allowed are \((shape.required + shape.optional + shape.booleans).map { "\($0)" }.joined(separator: ", "))")
            }
            m = value.next
        }
        for r in shape.required.indices where found & (1 << UInt32(r)) == 0 {
            report(rule, at: entry.start, pointer: pointer(), "\(what()) has no \"\(shape.required[r])\": add it")
        }
    }
}

/// The keys of an object with a fixed shape: required non-empty strings, optional strings, booleans.
struct Shape: Sendable {
    let required: [StaticString]
    let optional: [StaticString]
    var booleans: [StaticString] = []
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
        optional: ["author_id", "content_type", "grand_parent_id", "created_date", "modified_date"],
        booleans: ["inline"])
}
