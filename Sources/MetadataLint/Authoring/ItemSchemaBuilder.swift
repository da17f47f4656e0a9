/// `json-schema`: a JSON Schema (draft 2020-12) of one item of a record type, with the
/// per-record rules of check-artifacts: the envelope, each field's type, keys and bounds, dates
/// and timestamps, collections, struct values (via `$defs`), no undeclared keys, and required
/// fields when `operation` is absent or `created`. What needs other records (references,
/// duplicate ids) or the raw text (duplicate keys, integers written as 1.0) is left to
/// check-artifacts.
public struct ItemSchemaBuilder {
    public static let datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    public static let timestampPattern =
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"

    let metadata: Metadata
    private var defs: [(String, OrderedJSON)] = []
    private var structDefs: [String: (base: String, required: String)] = [:]

    public init(metadata: Metadata) {
        self.metadata = metadata
    }

    public static func schema(for type: RecordType, in metadata: Metadata) -> OrderedJSON {
        var builder = ItemSchemaBuilder(metadata: metadata)
        return builder.item(type)
    }

    mutating func item(_ type: RecordType) -> OrderedJSON {
        define("timestamp", .object([
            ("type", .string("string")), ("format", .string("date-time")), ("pattern", .string(Self.timestampPattern)),
        ]))
        let data = define("data", object(type.fields))
        let required = define("data.required", requiredOverlay(type.fields))
        let nonEmpty = OrderedJSON.object([("type", .string("string")), ("minLength", .int(1))])
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("An item of record type \"\(type.key)\"")),
            ("description", .string("One normalized item {id, created_date, modified_date, data, operation?} of record type \"\(type.key)\", as metadata-lint check-artifacts checks it record by record. References, duplicate ids and duplicate keys need check-artifacts.")),
            ("type", .string("object")),
            ("required", .array(["id", "created_date", "modified_date", "data"].map(OrderedJSON.string))),
            ("additionalProperties", .bool(false)),
            ("properties", .object([
                ("id", nonEmpty),
                ("created_date", Self.ref("timestamp")),
                ("modified_date", Self.ref("timestamp")),
                ("operation", .object([("enum", .array(["created", "updated", "deleted"].map(OrderedJSON.string)))])),
                ("data", Self.ref(data)),
            ])),
            // Required fields are enforced only on full records: no operation, or "created".
            ("if", .object([("properties", .object([("operation", .object([("const", .string("created"))]))]))])),
            ("then", .object([("properties", .object([("data", Self.ref(required))]))])),
            ("$defs", .object(defs)),
        ])
    }

    // MARK: - Objects

    /// Data or a struct value: declared fields only, each nullable.
    mutating func object(_ fields: [Field]) -> OrderedJSON {
        var properties: [(String, OrderedJSON)] = []
        for field in fields where field.type != nil {
            properties.append((field.key, fieldSchema(field)))
        }
        return .object([("type", .string("object")), ("additionalProperties", .bool(false)), ("properties", .object(properties))])
    }

    /// What a full record adds: required fields present and not null, and the required fields of
    /// the struct values it holds.
    mutating func requiredOverlay(_ fields: [Field]) -> OrderedJSON {
        var properties: [(String, OrderedJSON)] = []
        for field in fields where field.type != nil {
            var parts: [(String, OrderedJSON)] = []
            if field.isRequired { parts.append(("not", .object([("type", .string("null"))]))) }
            if field.type == .struct, let key = field.structKey?.value, metadata.structType(key) != nil {
                let overlay = Self.ref(structDefinitions(key).required)
                parts.append(field.isCollection ? ("items", overlay) : ("allOf", .array([overlay])))
            }
            if !parts.isEmpty { properties.append((field.key, .object(parts))) }
        }
        let required = fields.filter { $0.isRequired && $0.type != nil }.map { OrderedJSON.string($0.key) }
        var overlay: [(String, OrderedJSON)] = []
        if !required.isEmpty { overlay.append(("required", .array(required))) }
        if !properties.isEmpty { overlay.append(("properties", .object(properties))) }
        return .object(overlay)
    }

    mutating func structDefinitions(_ key: String) -> (base: String, required: String) {
        if let known = structDefs[key] { return known }
        let base = uniqueName("struct." + key)
        let required = uniqueName("struct." + key + ".required")
        structDefs[key] = (base, required)
        // Reserve both names before filling them, so a struct that holds itself terminates.
        defs.append((base, .object([])))
        defs.append((required, .object([])))
        let fields = metadata.structType(key)?.fields ?? []
        let baseSchema = object(fields)
        let requiredSchema = requiredOverlay(fields)
        for n in defs.indices {
            if defs[n].0 == base { defs[n].1 = baseSchema }
            if defs[n].0 == required { defs[n].1 = requiredSchema }
        }
        return (base, required)
    }

    // MARK: - Fields

    mutating func fieldSchema(_ field: Field) -> OrderedJSON {
        var schema: OrderedJSON
        if let collection = field.collection {
            var members: [(String, OrderedJSON)] = [
                ("type", .array([.string("array"), .string("null")])),
                ("items", Self.nullable(element(field))),
            ]
            if let low = collection.minInt { members.append(("minItems", .int(low))) }
            if let high = collection.maxInt { members.append(("maxItems", .int(high))) }
            schema = .object(members)
        } else {
            schema = Self.nullable(element(field))
        }
        if let name = field.name, case .object(var members) = schema {
            members.insert(("title", .string(name)), at: 0)
            schema = .object(members)
        }
        return schema
    }

    /// One value of the field's type (not null).
    mutating func element(_ field: Field) -> OrderedJSON {
        guard let type = field.type else { return .object([]) }
        switch type {
        case .bool:
            return .object([("type", .string("boolean"))])
        case .int:
            return Self.bounded("integer", field.intBounds, integers: true)
        case .float:
            return Self.bounded("number", field.floatBounds, integers: false)
        case .text:
            var members: [(String, OrderedJSON)] = [("type", .string("string"))]
            if let low = field.textBounds?.minInt { members.append(("minLength", .int(low))) }
            if let high = field.textBounds?.maxInt { members.append(("maxLength", .int(high))) }
            return .object(members)
        case .richText:
            return Self.ref(richText())
        case .enum:
            guard let values = field.enumValues else { return .object([("type", .string("string"))]) }
            return .object([("enum", .array(values.compactMap { $0.key?.value }.map(OrderedJSON.string)))])
        case .date:
            return Self.ref(define("date", .object([
                ("type", .string("string")), ("format", .string("date")), ("pattern", .string(Self.datePattern)),
            ])))
        case .timestamp:
            return Self.ref("timestamp")
        case .reference:
            return Self.nonEmptyString
        case .typedReference:
            let types = (field.reference?.targets ?? []).flatMap { metadata.recordTypes(targetedBy: $0).map(\.key) }
            let refType: OrderedJSON = types.isEmpty ? Self.nonEmptyString : .object([("enum", .array(Self.unique(types).map(OrderedJSON.string)))])
            return Self.shape([("id", Self.nonEmptyString), ("ref_type", refType)], optional: [("fallback_record_name", Self.optionalString)])
        case .struct:
            guard let key = field.structKey?.value, metadata.structType(key) != nil else { return .object([("type", .string("object"))]) }
            return Self.ref(structDefinitions(key).base)
        case .permission:
            let role: OrderedJSON = field.permissionRoles.map { roles in
                .object([("enum", .array(roles.compactMap { $0.key?.value }.map(OrderedJSON.string)))])
            } ?? Self.nonEmptyString
            return Self.shape([("member_id", Self.nonEmptyString), ("role", role)], optional: [])
        case .typeKey, .recordTypePrivilege, .fieldPrivilege, .conditionalPrivilege, .participation:
            // Values check-artifacts does not check yet: anything.
            return .object([])
        }
    }

    mutating func richText() -> String {
        let mention = define("mention", Self.shape([("ref_type", Self.nonEmptyString), ("id", Self.nonEmptyString)],
                                                   optional: [("fallback_record_name", Self.optionalString)]))
        return define("rich_text", .object([
            ("type", .string("array")),
            ("items", .object([("anyOf", .array([.object([("type", .string("string"))]), Self.ref(mention)]))])),
        ]))
    }

    // MARK: - Helpers

    static let nonEmptyString = OrderedJSON.object([("type", .string("string")), ("minLength", .int(1))])
    static let optionalString = OrderedJSON.object([("type", .array([.string("string"), .string("null")]))])

    /// An object with exactly these keys (the first group required).
    static func shape(_ required: [(String, OrderedJSON)], optional: [(String, OrderedJSON)]) -> OrderedJSON {
        .object([
            ("type", .string("object")),
            ("required", .array(required.map { .string($0.0) })),
            ("additionalProperties", .bool(false)),
            ("properties", .object(required + optional)),
        ])
    }

    static func bounded(_ type: String, _ bounds: Bounds?, integers: Bool) -> OrderedJSON {
        var members: [(String, OrderedJSON)] = [("type", .string(type))]
        if let low = bounds?.min?.value {
            members.append(("minimum", integers ? .int(bounds?.minInt ?? Int64(low)) : .number(SampleGenerator.numberText(low))))
        }
        if let high = bounds?.max?.value {
            members.append(("maximum", integers ? .int(bounds?.maxInt ?? Int64(high)) : .number(SampleGenerator.numberText(high))))
        }
        return .object(members)
    }

    /// The schema, or null: `"type": [T, "null"]` where that reads the same, else `anyOf`.
    static func nullable(_ schema: OrderedJSON) -> OrderedJSON {
        guard case .object(var members) = schema, !members.isEmpty else { return schema }
        if let n = members.firstIndex(where: { $0.0 == "type" }), case .string(let type) = members[n].1,
           !members.contains(where: { $0.0 == "$ref" }) {
            members[n].1 = .array([.string(type), .string("null")])
            return .object(members)
        }
        if members.count == 1, case .array(let keys) = members[0].1, members[0].0 == "enum" {
            return .object([("enum", .array(keys + [.null]))])
        }
        return .object([("anyOf", .array([.object([("type", .string("null"))]), schema]))])
    }

    static func ref(_ name: String) -> OrderedJSON {
        .object([("$ref", .string("#/$defs/" + name))])
    }

    /// Adds a definition once (a second call with the same name returns the existing one).
    @discardableResult
    mutating func define(_ name: String, _ schema: OrderedJSON) -> String {
        if !defs.contains(where: { $0.0 == name }) { defs.append((name, schema)) }
        return name
    }

    /// A `$defs` name that needs no escaping in a `$ref` and is not taken yet.
    mutating func uniqueName(_ wanted: String) -> String {
        let safe = String(wanted.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") ? $0 : "_" })
        var name = safe
        var n = 2
        while defs.contains(where: { $0.0 == name }) {
            name = "\(safe)_\(n)"
            n += 1
        }
        return name
    }

    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
