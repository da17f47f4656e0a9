/// What `infer` learns from the samples of one record type: its ids and, per field, the kinds of
/// values seen. Only counts and distinct values are kept, so large sample files stream through.
final class TypeSamples {
    let name: String
    var files: [String]
    var samples = 0
    var normalized = 0
    /// Record ids (strings, or the text of numeric ids in raw objects).
    var ids: Set<String> = []
    /// Keys that are never declared as fields, seen among the fields (an `id` of a raw object is
    /// its id, not one of these).
    var reservedInData: [String] = []
    let data = ObjectStats()

    static let envelopeKeys: Set<String> = ["id", "created_date", "modified_date", "data", "operation"]
    static let reservedFields: Set<String> = ["id", "created_date", "modified_date"]

    init(name: String, file: String) {
        self.name = name
        files = [file]
    }

    /// One sample: a normalized item `{id, created_date, modified_date, data, operation?}` or a
    /// raw object whose keys are the fields.
    func observe(_ item: [(String, OrderedJSON)]) {
        samples += 1
        let isNormalized = item.contains { $0.0 == "data" && Self.isObject($0.1) }
            && item.allSatisfy { Self.envelopeKeys.contains($0.0) }
        var fields = item
        var full = true
        if isNormalized {
            normalized += 1
            for (key, value) in item {
                if key == "operation", case .string(let operation) = value, operation != "created" { full = false }
                if key == "data", case .object(let members) = value { fields = members }
            }
        }
        for (key, _) in fields where Self.reservedFields.contains(key) && !(key == "id" && !isNormalized)
            && !reservedInData.contains(key) {
            reservedInData.append(key)
        }
        if let id = item.first(where: { $0.0 == "id" })?.1 {
            switch id {
            case .string(let text) where !text.isEmpty: ids.insert(text)
            case .number(let text): ids.insert(text)
            default: break
            }
        }
        data.observe(fields.filter { !Self.reservedFields.contains($0.0) }, full: full)
    }

    static func isObject(_ value: OrderedJSON) -> Bool {
        if case .object = value { return true }
        return false
    }
}

/// The fields of the objects seen at one place (a record type's data, or a struct).
final class ObjectStats {
    var order: [String] = []
    var fields: [String: ValueStats] = [:]
    var objects = 0
    /// Objects inside full items (no operation, or "created"), where required fields count.
    var fullObjects = 0

    func observe(_ members: [(String, OrderedJSON)], full: Bool) {
        objects += 1
        if full { fullObjects += 1 }
        var seen: Set<String> = []
        for (key, value) in members where seen.insert(key).inserted {
            stats(key).observe(value, full: full)
        }
    }

    func stats(_ key: String) -> ValueStats {
        if let existing = fields[key] { return existing }
        let created = ValueStats()
        fields[key] = created
        order.append(key)
        return created
    }
}

/// The values seen for one field (or for the elements of its arrays).
final class ValueStats {
    /// Distinct string values kept for enums and reference matching; beyond it only counts grow.
    static let distinctCap = 200_000

    var present = 0
    var presentInFull = 0
    var nulls = 0
    var bools = 0
    var integers = 0
    var fractions = 0
    var strings = 0
    var arrays = 0
    var objects = 0

    // Strings (and the text of integers, which may be numeric ids), in first-seen order.
    var counts: [String: Int] = [:]
    var firstSeen: [String] = []
    var capped = false
    var dates = 0
    var timestamps = 0
    var empty = 0
    var multiline = 0
    var longest = 0

    // Arrays.
    var longestArray = 0
    /// Arrays holding both strings and mention objects {ref_type, id}: rich text for sure.
    var richTextArrays = 0
    var mentions = 0
    var nestedArrays = 0
    private(set) lazy var elements = ValueStats()

    // Objects.
    /// `{id, ref_type, fallback_record_name?}`: typed references (and rich-text mentions).
    var typedReferences = 0
    var refTypes: [String] = []
    /// `{member_id, role}`: permissions.
    var permissions = 0
    /// The `id` of typed references and the `member_id` of permissions.
    private(set) lazy var targetIDs = ValueStats()
    private(set) lazy var roles = ValueStats()
    private(set) lazy var members = ObjectStats()

    init() {}

    func observe(_ value: OrderedJSON, full: Bool) {
        if case .null = value {
            nulls += 1
            return
        }
        present += 1
        if full { presentInFull += 1 }
        switch value {
        case .null: break
        case .bool: bools += 1
        case .number(let text):
            if text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                fractions += 1
            } else {
                integers += 1
                remember(text)
            }
        case .string(let text): observeString(text)
        case .array(let elements): observeArray(elements, full: full)
        case .object(let fields): observeObject(fields, full: full)
        }
    }

    private func observeString(_ text: String) {
        strings += 1
        if text.isEmpty {
            empty += 1
            return
        }
        var copy = text
        copy.withUTF8 { bytes in
            if DateSyntax.isDate(bytes) { dates += 1 } else if DateSyntax.isTimestamp(bytes) { timestamps += 1 }
        }
        if text.contains("\n") { multiline += 1 }
        longest = max(longest, text.unicodeScalars.count)
        remember(text)
    }

    private func remember(_ text: String) {
        if let count = counts[text] {
            counts[text] = count + 1
        } else if counts.count < Self.distinctCap {
            counts[text] = 1
            firstSeen.append(text)
        } else {
            capped = true
        }
    }

    private func observeArray(_ values: [OrderedJSON], full: Bool) {
        arrays += 1
        longestArray = max(longestArray, values.count)
        var hasString = false
        var mentionCount = 0
        var onlyTextParts = true
        for value in values {
            switch value {
            case .string: hasString = true
            case .object(let fields) where Self.isTypedReference(fields): mentionCount += 1
            case .array: nestedArrays += 1
            default: onlyTextParts = false
            }
            elements.observe(value, full: full)
        }
        if onlyTextParts, hasString, mentionCount > 0 {
            richTextArrays += 1
            mentions += mentionCount
        }
    }

    private func observeObject(_ fields: [(String, OrderedJSON)], full: Bool) {
        objects += 1
        if Self.isTypedReference(fields) {
            typedReferences += 1
            if case .string(let type)? = fields.first(where: { $0.0 == "ref_type" })?.1, !refTypes.contains(type) {
                refTypes.append(type)
            }
            if let id = fields.first(where: { $0.0 == "id" })?.1 { targetIDs.observe(id, full: full) }
        } else if Set(fields.map(\.0)) == ["member_id", "role"] {
            permissions += 1
            for (key, value) in fields {
                if key == "member_id" { targetIDs.observe(value, full: full) } else { roles.observe(value, full: full) }
            }
        }
        members.observe(fields, full: full)
    }

    /// `{id, ref_type}` with string values, optionally `fallback_record_name`.
    static func isTypedReference(_ fields: [(String, OrderedJSON)]) -> Bool {
        let keys = Set(fields.map(\.0))
        guard keys.isSuperset(of: ["id", "ref_type"]), keys.isSubset(of: ["id", "ref_type", "fallback_record_name"]) else {
            return false
        }
        return fields.allSatisfy { key, value in
            if case .string = value { return true }
            if case .null = value { return key == "fallback_record_name" }
            return false
        }
    }

    /// Non-null values that are numbers.
    var numbers: Int { integers + fractions }
}
