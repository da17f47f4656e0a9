/// The declaration `infer` settles on for one field.
struct InferredField: Equatable {
    var key: String
    var type: FieldType
    var isCollection = false
    var isRequired = false
    var isIdentifier = false
    var enumKeys: [String] = []
    /// Reference and typed-reference targets; for a permission, its member's targets.
    var targets: [InferredTarget] = []
    var structKey: String? = nil
    var roleKeys: [String] = []

    init(key: String, type: FieldType) {
        self.key = key
        self.type = type
    }
}

struct InferredTarget: Equatable {
    var recordType: String
    var byField: String?
}

/// Decides each field's type from its statistics, and says on which evidence when a guess could
/// reasonably have gone another way.
struct FieldInference {
    /// A string field is an enum when it has at most this many distinct values…
    static let enumMaxKeys = 20
    /// …and each value occurs this many times on average: values that repeat are a closed set,
    /// values that do not are names, titles or ids.
    static let enumMinRepeats = 2
    static let enumMaxKeyLength = 64

    let references: ReferenceInference
    var structs = StructRegistry()
    var notes: [String] = []
    /// "type\u{0}field" of fields other fields refer to by value.
    var identifiers: Set<String> = []

    init(types: [TypeSamples]) {
        references = ReferenceInference(types: types)
    }

    /// The fields of one record type, in the order the samples first show them.
    mutating func fields(of type: TypeSamples) -> [InferredField] {
        if type.samples == 0 { notes.append("\(type.name): no samples in \(type.files.joined(separator: ", ")): no fields") }
        if !type.reservedInData.isEmpty {
            notes.append("\(type.name): \(type.reservedInData.map { "\"\($0)\"" }.joined(separator: ", ")) left out: id, created_date and modified_date belong to the item envelope and are never declared as fields")
        }
        return fields(of: type.data, owner: type.name, path: type.name, inStruct: false)
    }

    mutating func fields(of object: ObjectStats, owner: String, path: String, inStruct: Bool) -> [InferredField] {
        var result: [InferredField] = []
        for key in object.order {
            guard let stats = object.fields[key] else { continue }
            let fieldPath = path + "." + key
            guard var field = field(key, stats, owner: owner, path: fieldPath, inStruct: inStruct) else { continue }
            field.isRequired = object.fullObjects > 0 && stats.presentInFull >= object.fullObjects
            let missing = object.fullObjects - stats.presentInFull
            if !field.isRequired, stats.presentInFull > 0, missing * 10 <= object.fullObjects {
                notes.append("\(fieldPath): not required: missing or null in \(missing) of \(object.fullObjects) samples")
            }
            result.append(field)
        }
        return result
    }

    /// The declaration of one field, or nil when the values cannot be declared at all.
    mutating func field(_ key: String, _ stats: ValueStats, owner: String, path: String, inStruct: Bool) -> InferredField? {
        guard stats.present > 0 else {
            notes.append("\(path): text: every value is null, nothing to infer from")
            return InferredField(key: key, type: .text)
        }
        let kinds: [(name: String, count: Int)] = [
            ("arrays", stats.arrays), ("objects", stats.objects), ("strings", stats.strings),
            ("numbers", stats.numbers), ("booleans", stats.bools),
        ]
        let most = kinds.map(\.count).max() ?? 0
        let winner = kinds.first { $0.count == most } ?? kinds[0]
        let others = kinds.filter { $0.name != winner.name && $0.count > 0 }
        if !others.isEmpty {
            notes.append("\(path): mixed values (\(winner.count) \(winner.name), \(others.map { "\($0.count) \($0.name)" }.joined(separator: ", "))): declared for the \(winner.name); the others will not pass")
        }
        switch winner.name {
        case "arrays": return collection(key, stats, owner: owner, path: path, inStruct: inStruct)
        case "objects": return object(key, stats, owner: owner, path: path, inStruct: inStruct)
        case "strings": return string(key, stats, owner: owner, path: path, inStruct: inStruct)
        case "numbers": return number(key, stats, path: path, inStruct: inStruct)
        default: return InferredField(key: key, type: .bool)
        }
    }

    // MARK: - Scalars

    private mutating func number(_ key: String, _ stats: ValueStats, path: String, inStruct: Bool) -> InferredField {
        if stats.fractions == 0, !inStruct, let match = references.byID(stats, key: key) {
            var field = InferredField(key: key, type: .reference)
            field.targets = match.targets
            notes.append("\(path): \(describe(match)); the values are numbers: the extractor must send them as strings")
            return field
        }
        return InferredField(key: key, type: stats.fractions > 0 ? .float : .int)
    }

    private mutating func string(_ key: String, _ stats: ValueStats, owner: String, path: String, inStruct: Bool) -> InferredField {
        let filled = stats.strings - stats.empty
        let emptyNote = stats.empty > 0 ? "; \(stats.empty) empty string(s) will not pass: send null instead" : ""
        if filled > 0, stats.dates == filled {
            if !emptyNote.isEmpty { notes.append("\(path): date" + emptyNote) }
            return InferredField(key: key, type: .date)
        }
        if filled > 0, stats.timestamps == filled {
            if !emptyNote.isEmpty { notes.append("\(path): timestamp" + emptyNote) }
            return InferredField(key: key, type: .timestamp)
        }
        if filled > 0, stats.dates > 0, stats.dates + stats.timestamps == filled {
            notes.append("\(path): text: \(stats.dates) dates and \(stats.timestamps) timestamps mixed; pick one format in the extractor")
            return InferredField(key: key, type: .text)
        }
        if !inStruct, let match = references.byID(stats, key: key) ?? references.byField(stats, key: key, owner: owner) {
            var field = InferredField(key: key, type: .reference)
            field.targets = match.targets
            for target in match.targets { if let byField = target.byField { identifiers.insert(target.recordType + "\u{0}" + byField) } }
            notes.append("\(path): \(describe(match))" + emptyNote)
            return field
        }
        if let keys = enumKeys(stats) {
            var field = InferredField(key: key, type: .enum)
            field.enumKeys = keys
            notes.append("\(path): enum of \(Self.count(keys.count, "key")) from \(Self.count(filled, "value")) (at most \(Self.enumMaxKeys) distinct values, each seen \(Self.enumMinRepeats)+ times on average)" + emptyNote)
            return field
        }
        return InferredField(key: key, type: .text)
    }

    private func enumKeys(_ stats: ValueStats) -> [String]? {
        let keys = stats.firstSeen.filter { !$0.isEmpty }
        guard !stats.capped, !keys.isEmpty, keys.count <= Self.enumMaxKeys, stats.integers == 0,
              stats.strings - stats.empty >= Self.enumMinRepeats * keys.count,
              keys.allSatisfy({ $0.unicodeScalars.count <= Self.enumMaxKeyLength && !$0.contains("\n") }) else { return nil }
        return keys
    }

    /// "reference to users (97 of 100 values are users ids in the samples)".
    private func describe(_ match: ReferenceInference.Match) -> String {
        let names = match.targets.map { target in target.byField.map { "\(target.recordType) by \($0)" } ?? target.recordType }
        let sources = match.targets.map { target in target.byField.map { "\(target.recordType).\($0) values" } ?? "\(target.recordType) ids" }
        return "reference to \(names.joined(separator: " or ")) (\(match.matched) of \(match.total) values are \(sources.joined(separator: " or ")) in the samples)"
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    // MARK: - Arrays and objects

    private mutating func collection(_ key: String, _ stats: ValueStats, owner: String, path: String, inStruct: Bool) -> InferredField? {
        if stats.nestedArrays > 0 {
            notes.append("\(path): left out: arrays of arrays cannot be declared")
            return nil
        }
        if stats.richTextArrays > 0 {
            return InferredField(key: key, type: .richText)
        }
        let elements = stats.elements
        guard elements.present > 0 else {
            notes.append("\(path): text collection: every array is empty or holds only nulls, nothing to infer from")
            var field = InferredField(key: key, type: .text)
            field.isCollection = true
            return field
        }
        let notesBefore = notes.count
        guard var element = field(key, elements, owner: owner, path: path, inStruct: inStruct) else { return nil }
        let onlyStrings = elements.strings == elements.present
        if element.type == .text, onlyStrings {
            if stats.longestArray <= 1 {
                notes.removeSubrange(notesBefore...)
                notes.append("\(path): rich_text: arrays of one string each (a text collection would also fit)")
                return InferredField(key: key, type: .richText)
            }
            notes.append("\(path): text collection: arrays of up to \(stats.longestArray) strings (rich_text if they are formatted text)")
        }
        element.isCollection = true
        return element
    }

    private mutating func object(_ key: String, _ stats: ValueStats, owner: String, path: String, inStruct: Bool) -> InferredField? {
        if !inStruct, stats.typedReferences == stats.objects {
            let known = stats.refTypes.filter { name in references.types.contains { $0.name == name } }
            let unknown = stats.refTypes.filter { !known.contains($0) }
            if !unknown.isEmpty {
                notes.append("\(path): ref_type \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")) names no record type in the samples: left out of refers_to")
            }
            if !known.isEmpty {
                var field = InferredField(key: key, type: .typedReference)
                field.targets = known.map { InferredTarget(recordType: $0, byField: nil) }
                return field
            }
        }
        if !inStruct, stats.permissions == stats.objects {
            let roles = stats.roles.firstSeen.filter { !$0.isEmpty }
            if !roles.isEmpty, let match = references.byID(stats.targetIDs, key: "member_id") {
                var field = InferredField(key: key, type: .permission)
                field.targets = match.targets
                field.roleKeys = roles
                notes.append("\(path): permission: member_id \(describe(match)), \(Self.count(roles.count, "role"))")
                return field
            }
        }
        if inStruct {
            notes.append("\(path): left out: an object inside a struct cannot be declared (structs inside structs are not supported)")
            return nil
        }
        let fields = fields(of: stats.members, owner: owner, path: path, inStruct: true)
        var field = InferredField(key: key, type: .struct)
        field.structKey = structs.register(fields, preferred: key, owner: owner)
        return field
    }
}

/// Struct types found while inferring, named after their field; equal shapes share one type.
struct StructRegistry {
    var order: [String] = []
    var fields: [String: [InferredField]] = [:]

    mutating func register(_ structFields: [InferredField], preferred: String, owner: String) -> String {
        var name = preferred
        var attempt = 1
        while let existing = fields[name] {
            if existing == structFields { return name }
            attempt += 1
            name = attempt == 2 ? "\(owner)_\(preferred)" : "\(owner)_\(preferred)_\(attempt - 1)"
        }
        fields[name] = structFields
        order.append(name)
        return name
    }
}
