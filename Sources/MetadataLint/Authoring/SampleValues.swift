/// One value of a field's type, within its bounds.
extension SampleGenerator {
    mutating func element(_ field: Field, depth: Int) -> OrderedJSON {
        guard let type = field.type else { return .null }
        switch type {
        case .bool:
            return .bool(rng.chance(50))
        case .int:
            return .int(integer(field.intBounds))
        case .float:
            return .number(decimal(field.floatBounds))
        case .text:
            return .string(SampleText.text(&rng, min: field.textBounds?.minInt, max: field.textBounds?.maxInt))
        case .richText:
            return richText()
        case .enum:
            return enumKey(field.enumValues).map(OrderedJSON.string) ?? .null
        case .date:
            return .string(SampleCalendar.date(rng.below(SampleCalendar.dayCount)))
        case .timestamp:
            return .string(SampleCalendar.timestamp(rng.below(SampleCalendar.dayCount), second: rng.below(86_400),
                                                    offsetHours: rng.chance(70) ? 0 : rng.below(25) - 12))
        case .reference, .participation:
            return field.reference.flatMap { referenceValue($0, field: field) }.map(OrderedJSON.string) ?? .null
        case .typedReference:
            guard let spec = field.reference, let (target, id) = referenceTarget(spec, field: field) else { return .null }
            return .object([("id", .string(id)), ("ref_type", .string(target))])
        case .struct:
            guard let key = field.structKey?.value, let structType = metadata.structType(key) else { return .object([]) }
            guard depth < 4 else { return .object([]) }
            return object(structType.fields, owner: nil, record: 0, alwaysPresent: [], depth: depth + 1)
        case .permission:
            guard let spec = field.permissionMember, let member = referenceValue(spec, field: field) else { return .null }
            guard let role = enumKey(field.permissionRoles) else { return .null }
            return .object([("member_id", .string(member)), ("role", .string(role))])
        case .typeKey:
            return .array(typeKeyNames(field).prefix(1).map(OrderedJSON.string))
        case .recordTypePrivilege:
            return .object([("record_types", .array(typeKeyNames(field).prefix(1).map(OrderedJSON.string))),
                            ("privileges", .array([.string("read")]))])
        case .fieldPrivilege:
            return .object([("record_type", .string(typeKeyNames(field).first ?? "")), ("read_all_fields", .bool(true))])
        case .conditionalPrivilege:
            return .object([("record_type", .string(typeKeyNames(field).first ?? "")),
                            ("object_privileges", .array([.string("read")])), ("scope_to_users_in", .array([]))])
        }
    }

    mutating func integer(_ bounds: Bounds?) -> Int64 {
        switch (bounds?.minInt, bounds?.maxInt) {
        case let (low?, high?): return rng.between(low, high)
        case let (low?, nil): return rng.between(low, low > Int64.max - 1000 ? Int64.max : low + 1000)
        case let (nil, high?): return rng.between(high < Int64.min + 1000 ? Int64.min : high - 1000, high)
        case (nil, nil): return rng.between(0, 1000)
        }
    }

    /// A number with two decimals within the bounds (the lower bound itself when no such number exists).
    mutating func decimal(_ bounds: Bounds?) -> String {
        let low = bounds?.min?.value ?? (bounds?.max?.value).map { $0 - 1000 } ?? 0
        let high = bounds?.max?.value ?? low + 1000
        guard abs(low) < 1e12, abs(high) < 1e12 else { return Self.numberText(low) }
        let first = (low * 100).rounded(.up)
        let last = (high * 100).rounded(.down)
        guard first <= last else { return Self.numberText(low) }
        let cents = rng.between(Int64(first), Int64(last))
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// JSON text of a double (Swift's shortest round-trip form is valid JSON for finite values).
    static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// A declared key, preferring those not deprecated; any text when the block has no values list.
    mutating func enumKey(_ values: [EnumValue]?) -> String? {
        guard let values else { return SampleText.words.first }
        let keys = values.filter { !$0.isDeprecated }.compactMap { $0.key?.value }
        return rng.pick(keys.isEmpty ? values.compactMap { $0.key?.value } : keys)
    }

    /// Strings with, half the time, a mention of a record of any record type (the same ids
    /// `--all` generates).
    mutating func richText() -> OrderedJSON {
        var parts: [OrderedJSON] = [.string(SampleText.text(&rng, min: nil, max: nil))]
        if rng.chance(50), let type = rng.pick(metadata.recordTypes.map(\.key)) {
            parts.append(.object([("ref_type", .string(type)), ("id", .string(Self.recordID(type, rng.below(options.count))))]))
            parts.append(.string(SampleText.text(&rng, min: 1, max: 20)))
        }
        return .array(parts)
    }

    mutating func referenceValue(_ spec: ReferenceSpec, field: Field) -> String? {
        referenceTarget(spec, field: field)?.id
    }

    /// A target record type of the reference and the value naming one of its generated records:
    /// its id, or its identifier value for by_field targets.
    mutating func referenceTarget(_ spec: ReferenceSpec, field: Field) -> (type: String, id: String)? {
        var choices: [(type: RecordType, byField: String?)] = []
        for target in spec.targets {
            for type in metadata.recordTypes(targetedBy: target) { choices.append((type, target.byField?.value)) }
        }
        guard let choice = rng.pick(choices) else {
            report("field \"\(field.key)\" refers to no record type that exists: its values cannot resolve")
            return nil
        }
        let k = rng.below(options.count)
        guard let byField = choice.byField else { return (choice.type.key, Self.recordID(choice.type.key, k)) }
        guard let identifier = choice.type.field(byField), identifier.type == .text else {
            report("field \"\(field.key)\" refers to \(choice.type.key) by \"\(byField)\", which is not a text field: check-artifacts resolves by_field values only among text identifiers")
            return (choice.type.key, Self.recordID(choice.type.key, k))
        }
        return (choice.type.key, Self.identifier(choice.type.key, identifier, k))
    }

    /// The record types a type_key or privilege field may name (categories expanded).
    func typeKeyNames(_ field: Field) -> [String] {
        field.typeKeys.flatMap { key in
            metadata.recordTypes(targetedBy: ReferenceTarget(raw: key.value, keyRef: key.ref, byField: nil)).map(\.key)
        }
    }
}
