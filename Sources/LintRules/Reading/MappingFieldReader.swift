import LintModel
import LintJSON
import LintSource
import LintSupport

/// Reading field mappings, their transformation methods and constructed custom fields.
extension MappingReader {
    static let fieldMappingKeys = [
        "forward", "reverse", "primary_external_field", "transformation_method_for_set", "fallback",
    ]

    func readFieldMapping(_ node: JSONNode, name: String, keyRef: SourceRef, what: MappingSubject) -> FieldMapping? {
        guard object(node, what: what) != nil else { return nil }
        checkKeys(node, known: Self.fieldMappingKeys, legacy: ["transformation_method"], what: what)
        var field = FieldMapping(field: name, keyRef: keyRef, ref: node.ref)
        require(node, ["forward", "reverse"], what: what, at: keyRef)
        field.forward = bool(node, "forward", what: what)
        field.reverse = bool(node, "reverse", what: what)
        field.primaryField = string(node, "primary_external_field", what: what)
        if let method = node.member("transformation_method_for_set") ?? node.member("transformation_method") {
            if method.key == "transformation_method" { legacy(.fieldLevelMethod, at: method.keyRef) }
            field.method = readMethod(method.value, what: .method(of: what), owner: what)
        } else {
            report(MappingMissingKey.missing("transformation_method_for_set", in: what), keyRef)
        }
        if let fallback = node["fallback"] {
            field.fallback = readFallback(fallback, what: .fallback(of: what))
        }
        return field
    }

    func readFallback(_ node: JSONNode, what: MappingSubject) -> MappingFallback? {
        guard object(node, what: what) != nil else { return nil }
        checkKeys(node, known: ["type", "value"], what: what)
        require(node, ["type", "value"], what: what)
        var fallback = MappingFallback(ref: node.ref)
        fallback.type = allowed(string(node, "type", what: what), key: "type", MappingFallback.types, what: what)
        fallback.value = node["value"]
        if let type = fallback.type?.value, let value = fallback.value, !value.isNull,
           let expected = Self.fallbackValueTypes[type], !Self.fits(value, expected) {
            wrongType(value, "value", what, expected)
        }
        return fallback
    }

    /// The JSON type of a fallback's value for each fallback type (the schema leaves `value` untyped).
    static let fallbackValueTypes: [String: MappingValueType.Expected] = [
        "bool": .boolean, "int": .integer, "float": .number, "text": .string, "rich_text": .string, "enum": .string,
        "date": .string, "timestamp": .string,
    ]

    static func fits(_ node: JSONNode, _ expected: MappingValueType.Expected) -> Bool {
        switch expected {
        case .boolean: return node.bool != nil
        case .integer: return node.number?.isInteger == true
        case .number: return node.number != nil
        case .string: return node.string != nil
        case .object: return node.members != nil
        case .array: return node.elements != nil
        }
    }

    /// Known parameter keys of each method (those that take none are closed; docs-only methods open).
    static let methodKeys: [MethodKind: [String]] = [
        .mapEnum: ["forward", "reverse", "forward_default", "is_array"],
        .useFixedValue: ["value", "bool", "enum"],
        .useDevRevRecord: ["leaf_type", "id", "is_array"],
        .makeCustomStages: ["stages"],
        .mapRoles: ["forward", "forward_default", "is_array"],
        .filterTypedReference: ["allowed_types", "is_collection"],
        .makeCustomLinks: ["reverse_stock_types"],
        .makeStruct: ["field_mappings"],
        .useFirstNonNull: ["alternatives"],
        .useRawJQ: ["forward_jq", "reverse_jq", "use_primary_input", "can_apply_to_null", "custom_field_type"],
    ]

    func readMethod(_ node: JSONNode, what: MappingSubject, owner: MappingSubject) -> TransformationMethod? {
        guard object(node, what: what) != nil else { return nil }
        guard let name = string(node, "transformation_method", what: what) else {
            if node["transformation_method"] == nil {
                report(MappingMissingKey.missing("transformation_method", in: what), node.ref)
            }
            return nil
        }
        let kind = MethodKind(rawValue: name.value)
        var method = TransformationMethod(ref: node.ref, name: name, kind: kind)
        guard let kind else {
            report(MappingUnknownMethod(name: name.value, subject: owner), name.ref)
            return method
        }
        if !kind.isDocsOnly {
            let known = ["transformation_method"] + (Self.methodKeys[kind] ?? [])
            let legacyKeys: Set<String> = kind == .makeCustomLinks ? ["link_type_names", "source_types", "target_types"] : []
            for member in node.members ?? [] where legacyKeys.contains(member.key) { legacy(.customLinkKeys, at: member.keyRef) }
            checkKeys(node, known: known, legacy: legacyKeys, what: what,
                      context: kind.takesNoParameters ? .parameterless(kind.rawValue) : .object)
        }
        method.parameters = readParameters(node, kind: kind, what: what, owner: owner)
        return method
    }

    func readParameters(_ node: JSONNode, kind: MethodKind, what: MappingSubject, owner: MappingSubject) -> MethodParameters {
        switch kind {
        case .mapEnum, .mapRoles:
            return kind == .mapEnum ? .mapEnum(readEnumMapping(node, what: what, roles: false))
                : .mapRoles(readEnumMapping(node, what: what, roles: true))
        case .useFixedValue:
            return .fixedValue(readFixedValue(node, what: what))
        case .useDevRevRecord:
            var choice = DevRevRecordChoice(ref: node.ref)
            if let leafType = node["leaf_type"] { choice.leafType = readLeafType(leafType, what: what) }
            choice.id = string(node, "id", what: what)
            choice.isArray = bool(node, "is_array", what: what)
            return .devrevRecord(choice)
        case .makeCustomStages:
            require(node, ["stages"], what: what)
            var stages: [Located<String>] = []
            for member in map(node, "stages", what: what) ?? [] {
                let stageWhat = MappingSubject.stage(member.key, of: owner)
                guard object(member.value, what: stageWhat) != nil else { continue }
                checkKeys(member.value, known: ["is_deprecated", "ordinal", "stage_name", "transition_to"], what: stageWhat)
                require(member.value, ["is_deprecated", "ordinal", "stage_name", "transition_to"], what: stageWhat, at: member.keyRef)
                _ = bool(member.value, "is_deprecated", what: stageWhat)
                if let ordinal = member.value["ordinal"], ordinal.number?.isInteger != true {
                    wrongType(ordinal, "ordinal", stageWhat, .integer)
                }
                _ = string(member.value, "stage_name", what: stageWhat)
                _ = strings(member.value, "transition_to", what: stageWhat)
                stages.append(Located(member.key, at: member.keyRef))
            }
            return .customStages(stages)
        case .filterTypedReference:
            require(node, ["allowed_types"], what: what)
            var filter = TypedReferenceFilter()
            for (index, element) in (array(node, "allowed_types", what: what) ?? []).enumerated() {
                if let leafType = readLeafType(element, what: .allowedType(index, of: owner)) { filter.allowedTypes.append(leafType) }
            }
            filter.isCollection = bool(node, "is_collection", what: what)
            return .filterTypedReference(filter)
        case .makeCustomLinks:
            require(node, ["reverse_stock_types"], what: what)
            for member in map(node, "reverse_stock_types", what: what) ?? [] where member.value.string == nil {
                wrongType(member.value, member.key, what, .string)
            }
            return .none
        case .makeStruct:
            require(node, ["field_mappings"], what: what)
            let fields = (map(node, "field_mappings", what: what) ?? []).compactMap { member in
                readFieldMapping(member.value, name: member.key, keyRef: member.keyRef, what: .structField(member.key, of: owner))
            }
            return .makeStruct(fields)
        case .useFirstNonNull:
            require(node, ["alternatives"], what: what)
            var alternatives: [FieldMapping] = []
            for (index, element) in (array(node, "alternatives", what: what) ?? []).enumerated() {
                let alternativeWhat = MappingSubject.alternative(index, of: owner)
                guard object(element, what: alternativeWhat) != nil else { continue }
                checkKeys(element, known: ["field_mapping", "is_default_in_reverse"], what: alternativeWhat)
                require(element, ["field_mapping", "is_default_in_reverse"], what: alternativeWhat)
                _ = bool(element, "is_default_in_reverse", what: alternativeWhat)
                if let inner = element["field_mapping"],
                   let field = readFieldMapping(inner, name: "", keyRef: inner.ref, what: alternativeWhat) {
                    alternatives.append(field)
                }
            }
            return .firstNonNull(alternatives)
        case .useRawJQ:
            var jq = RawJQ()
            jq.forwardJQ = string(node, "forward_jq", what: what)
            jq.reverseJQ = string(node, "reverse_jq", what: what)
            jq.usePrimaryInput = bool(node, "use_primary_input", what: what)
            jq.canApplyToNull = bool(node, "can_apply_to_null", what: what)
            if let type = node["custom_field_type"] {
                jq.customFieldType = readDescriptor(type, what: what)
            }
            return .rawJQ(jq)
        default:
            return .none
        }
    }

    func readEnumMapping(_ node: JSONNode, what: MappingSubject, roles: Bool) -> EnumMapping {
        var mapping = EnumMapping()
        for member in map(node, "forward", what: what) ?? [] {
            mapping.forward.append(MappedPair(key: member.key, keyRef: member.keyRef,
                                              value: roles ? plainValue(member, what: what) : targetValue(member, what: .forwardEntry(member.key, of: what))))
        }
        if !roles {
            for member in map(node, "reverse", what: what) ?? [] {
                mapping.reverse.append(MappedPair(key: member.key, keyRef: member.keyRef,
                                                  value: targetValue(member, what: .reverseEntry(member.key, of: what))))
            }
        }
        mapping.forwardDefault = string(node, "forward_default", what: what)
        mapping.isArray = bool(node, "is_array", what: what)
        return mapping
    }

    /// `{value: "..."}` of a map_enum entry.
    func targetValue(_ member: JSONMember, what: MappingSubject) -> Located<String>? {
        guard object(member.value, what: what) != nil else { return nil }
        checkKeys(member.value, known: ["value"], what: what)
        require(member.value, ["value"], what: what, at: member.keyRef)
        return string(member.value, "value", what: what)
    }

    func plainValue(_ member: JSONMember, what: MappingSubject) -> Located<String>? {
        guard let value = member.value.string else {
            wrongType(member.value, member.key, what, .string)
            return nil
        }
        return Located(value, at: member.value.ref)
    }

    static let fixedValueKinds = ["bool", "enum_value", "none"]

    func readFixedValue(_ node: JSONNode, what: MappingSubject) -> FixedValue {
        var fixed = FixedValue()
        require(node, ["value"], what: what)
        fixed.kind = allowed(string(node, "value", what: what), key: "value", Self.fixedValueKinds, what: what)
        fixed.bool = bool(node, "bool", what: what)
        fixed.enumValue = string(node, "enum", what: what)
        switch fixed.kind?.value {
        case "bool"?: require(node, ["bool"], what: what)
        case "enum_value"?: require(node, ["enum"], what: what)
        default: break
        }
        return fixed
    }

    func readConstructedField(_ member: JSONMember, owner: MappingSubject) -> ConstructedField? {
        let what = MappingSubject.constructedField(member.key, of: owner)
        guard object(member.value, what: what) != nil else { return nil }
        checkKeys(member.value, known: ["field_descriptor", "transformation_method"], what: what)
        var field = ConstructedField(name: member.key, keyRef: member.keyRef, ref: member.value.ref)
        if let descriptor = member.value["field_descriptor"] {
            field.descriptor = readDescriptor(descriptor, what: .descriptor(of: what))
        }
        if let method = member.value["transformation_method"] {
            field.method = readMethod(method, what: .method(of: what), owner: what)
        }
        return field
    }

    /// A custom field description; beyond the keys read here its contents are DevRev's own.
    func readDescriptor(_ node: JSONNode, what: MappingSubject) -> FieldDescriptor? {
        guard object(node, what: what) != nil else { return nil }
        var descriptor = FieldDescriptor(ref: node.ref)
        descriptor.fieldType = string(node, "field_type", what: what)
        descriptor.allowedValues = strings(node, "allowed_values", what: what)
        descriptor.defaultValue = node["default_value"]
        return descriptor
    }
}
