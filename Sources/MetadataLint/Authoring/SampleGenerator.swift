/// `sample`: items that pass check-artifacts for a metadata file, as the SDK writes them: the
/// envelope `{id, created_date, modified_date, data}`, every field filled within its type and
/// bounds (optional ones sometimes null or absent), and references that resolve among the items
/// generated with the same count. Deterministic: per record type, a generator seeded from the
/// seed and the type's name.
public struct SampleGenerator {
    public struct Options: Sendable {
        public var count = 10
        public var seed: UInt64 = 1

        public init(count: Int = 10, seed: UInt64 = 1) {
            self.count = count
            self.seed = seed
        }
    }

    public let metadata: Metadata
    public let options: Options
    /// Record types generated in this run: attachment parents point among them.
    public let generated: [String]
    /// What no valid item can satisfy (a required enum without keys…), one line each.
    public internal(set) var problems: [String] = []
    var rng = SplitMix64(seed: 0)

    public init(metadata: Metadata, options: Options, generating types: [String]) {
        self.metadata = metadata
        self.options = options
        generated = types
    }

    mutating func report(_ problem: String) {
        if !problems.contains(problem) { problems.append(problem) }
    }

    /// `<type>.jsonl`, the name check-artifacts reads the type from; a type whose name cannot be a
    /// file name is an error rather than a file written somewhere else.
    public static func fileName(_ type: String) throws(InputError) -> String {
        guard !type.isEmpty, !type.contains("/"), type != ".", type != "..", !type.contains("\u{0}") else {
            throw InputError(path: type, reason: "this record type name cannot be a file name: generate it with --record-type and no --output")
        }
        return type + ".jsonl"
    }

    /// The id of the `k`th generated record of a type.
    public static func recordID(_ type: String, _ k: Int) -> String { "\(type)-\(k)" }

    public mutating func items(of type: RecordType) -> [OrderedJSON] {
        var items: [OrderedJSON] = []
        generate(type) { items.append($0) }
        return items
    }

    /// Hands the items of a type to `each` one at a time, so large counts stream to disk.
    public mutating func generate<E: Error>(_ type: RecordType, each: (OrderedJSON) throws(E) -> Void) throws(E) {
        rng = SplitMix64(seed: options.seed, stream: type.key)
        let alwaysPresent = Set(type.conditions.flatMap { group in group.conditions.flatMap { $0.affectedFields.map(\.value) } })
        for k in 0..<options.count {
            let (created, modified) = envelopeDates()
            var item: [(String, OrderedJSON)] = [
                ("id", .string(Self.recordID(type.key, k))),
                ("created_date", .string(created)),
                ("modified_date", .string(modified)),
            ]
            let roll = rng.below(100)
            if roll < 20 { item.append(("operation", .string("created"))) } else if roll < 30 { item.append(("operation", .string("updated"))) }
            let data = object(type.fields, owner: type.key, record: k, alwaysPresent: alwaysPresent, depth: 0)
            item.append(("data", data))
            try each(.object(item))
        }
    }

    /// `attachments` items whose parents are generated records.
    public mutating func attachments() -> [OrderedJSON] {
        var items: [OrderedJSON] = []
        generateAttachments { items.append($0) }
        return items
    }

    /// Hands out `attachments` items one at a time; none when no record type is generated (an
    /// attachment needs a parent).
    public mutating func generateAttachments<E: Error>(each: (OrderedJSON) throws(E) -> Void) throws(E) {
        guard !generated.isEmpty else { return }
        rng = SplitMix64(seed: options.seed, stream: "attachments")
        let author = generated.first { $0.lowercased().contains("user") }
        for k in 0..<options.count {
            let (created, modified) = envelopeDates()
            let parent = rng.pick(generated) ?? generated[0]
            var item: [(String, OrderedJSON)] = [
                ("url", .string("https://files.example.com/attachments/attachment-\(k).txt")),
                ("id", .string("attachment-\(k)")),
                ("file_name", .string("attachment-\(k).txt")),
                ("parent_id", .string(Self.recordID(parent, rng.below(options.count)))),
            ]
            if let author { item.append(("author_id", .string(Self.recordID(author, rng.below(options.count))))) }
            item += [
                ("content_type", .string("text/plain")),
                ("inline", .bool(false)),
                ("created_date", .string(created)),
                ("modified_date", .string(modified)),
            ]
            try each(.object(item))
        }
    }

    /// A creation time, and a modification time on the same day or up to 59 days later.
    mutating func envelopeDates() -> (String, String) {
        let day = rng.below(SampleCalendar.dayCount - 60)
        let second = rng.below(86_400)
        let later = rng.below(60)
        let laterSecond = later == 0 ? second + rng.below(86_400 - second) : rng.below(86_400)
        return (SampleCalendar.timestamp(day, second: second), SampleCalendar.timestamp(day + later, second: laterSecond))
    }

    // MARK: - Objects

    /// The fields of a record's data or of a struct value. Required fields, identifiers and the
    /// fields conditions name are always filled; the others are filled three times in four, else
    /// null or left out.
    mutating func object(_ fields: [Field], owner: String?, record k: Int, alwaysPresent: Set<String>, depth: Int) -> OrderedJSON {
        var members: [(String, OrderedJSON)] = []
        for field in fields {
            guard field.type != nil else { continue }
            let always = field.isRequired || (owner != nil && field.isIdentifier) || alwaysPresent.contains(field.key)
            if !always {
                let roll = rng.below(100)
                if roll >= 88 { continue }
                if roll >= 76 {
                    members.append((field.key, .null))
                    continue
                }
            }
            let value = self.value(field, owner: owner, record: k, depth: depth)
            if case .null = value, field.isRequired {
                report("field \"\(field.key)\"\(owner.map { " of record type \"\($0)\"" } ?? " of a struct type") is required but no valid value exists for it")
            }
            members.append((field.key, value))
        }
        return .object(members)
    }

    mutating func value(_ field: Field, owner: String?, record k: Int, depth: Int) -> OrderedJSON {
        if let owner, field.isIdentifier, field.type == .text {
            let first = Self.identifier(owner, field, k)
            guard let collection = field.collection else { return .string(first) }
            let length = max(1, Int(collection.minInt ?? 1))
            return .array((0..<length).map { $0 == 0 ? .string(first) : .string(first + "-\($0)") })
        }
        guard let collection = field.collection else { return element(field, depth: depth) }
        // Mostly one to three elements; the lower bound itself (often empty) one time in seven.
        let low = collection.minInt ?? 0
        let high = max(low, min(collection.maxInt ?? low + 3, low + 3))
        let length = Int(rng.chance(15) ? low : rng.between(max(low, min(1, high)), high))
        return .array((0..<length).map { _ in element(field, depth: depth) })
    }

    /// The value of an identifier field of the `k`th record: unique, and the same every time it
    /// is asked for, so by_field references can name it. E-mail-like for fields named so.
    public static func identifier(_ type: String, _ field: Field, _ k: Int) -> String {
        let slug = String(type.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
        var text = field.key.lowercased().contains("mail") ? "\(slug.isEmpty ? "user" : slug)\(k)@example.com" : "\(type)-\(field.key)-\(k)"
        let low = Int(clamping: field.textBounds?.minInt ?? 0)
        if let high = field.textBounds?.maxInt, text.unicodeScalars.count > high { text = String(k) }
        if text.unicodeScalars.count < low { text = String(repeating: "0", count: low - text.unicodeScalars.count) + text }
        return text
    }
}
