import LintModel
import LintJSON
import LintSource
import LintSupport

/// Reading fields: the common keys, the `type`, and the one type block that belongs to it.
extension MetadataReader {
    package static let fieldKeys: Set<String> = Set([
        "type", "name", "description", "is_required", "is_identifier", "is_indexed", "is_read_only",
        "is_write_only", "is_filterable", "default_value", "collection", "field_reference",
    ]).union(FieldType.blockKeys)

    /// Field keys plus the privilege block names the docs misspell (reported by their own rule).
    static let fieldKeysAndSpellings = fieldKeys.union(PrivilegeTypeSpelling.spellings.keys)

    package static let nullableFlags = ["is_identifier", "is_indexed", "is_read_only", "is_write_only", "is_filterable"]

    func readField(_ member: JSONMember, owner: Subject) -> Field? {
        let what = Subject.field(member.key, of: owner)
        let node = member.value
        guard expectObject(node, what: what) else { return nil }
        checkKeys(node, known: Self.fieldKeysAndSpellings, what: what)
        for block in node.members ?? [] {
            if let schemaType = PrivilegeTypeSpelling.spellings[block.key] {
                report(PrivilegeTypeSpelling.block(block.key, field: what, schemaType: schemaType), block.keyRef)
            }
        }
        // "Reserved for future use" in the SDK's schema, which writes it as {}: accepted.
        if let reference = node["field_reference"], !reference.isNull {
            _ = expectObject(reference, what: .block("field_reference", of: what))
        }
        var field = Field(key: member.key, keyRef: member.keyRef, ref: node.ref)
        field.name = string(node, "name", what: what)?.value
        _ = string(node, "description", what: what)
        field.isRequired = bool(node, "is_required", what: what)?.value ?? false
        for flag in Self.nullableFlags {
            let value = bool(node, flag, what: what, nullable: true)
            if flag == "is_identifier" { field.isIdentifier = value?.value ?? false }
            if flag == "is_read_only" { field.isReadOnly = value?.value ?? false }
        }
        field.defaultValue = node["default_value"]
        if let collection = node["collection"], !collection.isNull {
            field.collection = readBounds(collection, "min_length", "max_length", kind: .length,
                                          what: .block("collection", of: what))
        }
        readType(&field, node, what: what)
        if let type = field.type { readBlocks(&field, node, type: type, what: what) }
        return field
    }

    private func readType(_ field: inout Field, _ node: JSONNode, what: Subject) {
        guard let typeNode = node["type"] else {
            report(MissingRequiredKey.fieldType(what), field.keyRef)
            return
        }
        guard let raw = typeNode.string else {
            wrongType(typeNode, key: "type", what: what, expected: .string)
            return
        }
        field.typeRef = typeNode.ref
        if let schemaType = PrivilegeTypeSpelling.spellings[raw] {
            report(PrivilegeTypeSpelling.type(raw, field: what, schemaType: schemaType), typeNode.ref)
            field.type = schemaType
            return
        }
        guard let type = FieldType(rawValue: raw) else {
            report(UnknownFieldType(type: raw, field: what, element: Self.arrayElement(of: node, typeName: raw)), typeNode.ref)
            return
        }
        field.type = type
    }

    private func readBlocks(_ field: inout Field, _ node: JSONNode, type: FieldType, what: Subject) {
        for member in node.members ?? [] where FieldType.blockKeys.contains(member.key) && !member.value.isNull {
            if member.key != type.blockKey {
                report(TypeBlockMismatch(block: member.key, field: what, type: type), member.keyRef)
            }
        }
        guard let blockKey = type.blockKey else { return }
        guard let block = node[blockKey] ?? misspelledBlock(node, of: type), !block.isNull else {
            if type == .enum, let block = node[blockKey] {
                // The 2026-04 schema allows "enum": null: an enum with no values (empty-enum warns).
                field.enumValues = []
                field.enumRef = block.ref
                return
            }
            if type.requiresBlock {
                report(MissingTypeBlock(field: what, type: type), field.typeRef ?? field.ref)
            }
            return
        }
        let blockWhat = Subject.block(blockKey, of: what)
        guard expectObject(block, what: blockWhat) else { return }
        switch type {
        case .text:
            field.textBounds = readBounds(block, "min_length", "max_length", kind: .length, what: blockWhat)
        case .int:
            field.intBounds = readBounds(block, "min", "max", kind: .integer, what: blockWhat)
        case .float:
            field.floatBounds = readBounds(block, "min", "max", kind: .number, what: blockWhat)
        case .enum:
            field.enumRef = block.ref
            let values = readEnumBlock(block, what: blockWhat)
            field.enumValues = block["values"] == nil ? nil : values
        case .reference, .typedReference, .participation:
            field.reference = readReferenceBlock(block, what: blockWhat, allowRole: type != .participation)
        case .struct:
            checkKeys(block, known: ["key"], what: blockWhat)
            if let key = string(block, "key", what: blockWhat) {
                field.structKey = key
            } else if block["key"] == nil {
                // Optional in the SDK's schema, but then nothing says what the values hold.
                report(StructFieldWithoutKey(field: what), block.ref)
            }
        case .permission:
            checkKeys(block, known: ["member_id", "role"], what: blockWhat)
            if let member = block["member_id"], expectObject(member, what: .permissionPart("member_id", of: what)) {
                field.permissionMember = readReferenceBlock(member, what: .permissionPart("member_id", of: what), allowRole: true)
            }
            // Both parts are optional, and role may be null (EnumData is nullable): then roles are not checked.
            if let role = block["role"], !role.isNull, expectObject(role, what: .permissionPart("role", of: what)) {
                let roles = readEnumBlock(role, what: .permissionPart("role", of: what))
                field.permissionRoles = role["values"] == nil ? nil : roles
            }
        case .typeKey, .recordTypePrivilege, .fieldPrivilege, .conditionalPrivilege:
            checkKeys(block, known: ["type_keys"], what: blockWhat)
            require(block, ["type_keys"], what: blockWhat, hint: .typeKeys)
            field.typeKeys = stringArray(block, "type_keys", what: blockWhat) ?? []
        case .bool, .richText, .date, .timestamp:
            break
        }
    }

    /// The block of a privilege type written under a spelling from the docs (`field_privileges`).
    private func misspelledBlock(_ node: JSONNode, of type: FieldType) -> JSONNode? {
        node.members?.first { PrivilegeTypeSpelling.spellings[$0.key] == type }?.value
    }

    /// What the elements of a `"type": "array"` field are, from its `items` or `array` block.
    static func arrayElement(of node: JSONNode, typeName: String) -> UnknownFieldType.ArrayElement? {
        guard ["array", "list"].contains(typeName.lowercased()),
              let element = node["items"] ?? node[typeName] ?? node["array"], element.members != nil else { return nil }
        let type = element["type"]?.string
        if element["properties"] != nil || element["fields"] != nil || type == "object" || type == "struct" {
            return .objects
        }
        return type.map { .typed($0) }
    }

    func readEnumBlock(_ block: JSONNode, what: Subject) -> [EnumValue] {
        checkKeys(block, known: ["values"], what: what)
        require(block, ["values"], what: what, hint: .enumValues)
        var values: [EnumValue] = []
        for element in array(block, "values", what: what) ?? [] {
            let valueWhat = Subject.enumValue(of: what)
            guard expectObject(element, what: valueWhat) else { continue }
            checkKeys(element, known: ["key", "name", "description", "is_deprecated"], what: valueWhat)
            var value = EnumValue(ref: element.ref)
            value.key = string(element, "key", what: valueWhat)
            if element["key"] == nil {
                report(MissingRequiredKey.enumKey(valueWhat), element.ref)
            }
            value.name = string(element, "name", what: valueWhat)?.value
            _ = string(element, "description", what: valueWhat)
            value.isDeprecated = bool(element, "is_deprecated", what: valueWhat)?.value ?? false
            values.append(value)
        }
        return values
    }

    func readReferenceBlock(_ block: JSONNode, what: Subject, allowRole: Bool) -> ReferenceSpec {
        checkKeys(block, known: allowRole ? ["refers_to", "reference_type"] : ["refers_to"], what: what)
        var spec = ReferenceSpec(ref: block.ref)
        if let role = string(block, "reference_type", what: what) {
            if let parsed = ReferenceSpec.Role(rawValue: role.value) {
                spec.role = parsed
            } else {
                report(ValueNotAllowed.referenceType(role.value), role.ref)
            }
        }
        guard let targets = mapMembers(block, "refers_to", what: what) else {
            if block["refers_to"] == nil {
                report(MissingRequiredKey.refersTo(what), block.ref)
            }
            return spec
        }
        if targets.isEmpty, let refersTo = block["refers_to"] {
            report(EmptyValue.refersTo(what), refersTo.ref)
        }
        for target in targets {
            let targetWhat = Subject.referenceTarget(target.key)
            var byField: Located<String>? = nil
            if expectObject(target.value, what: targetWhat) {
                checkKeys(target.value, known: ["by_field"], what: targetWhat)
                byField = string(target.value, "by_field", what: targetWhat)
            }
            spec.targets.append(ReferenceTarget(raw: target.key, keyRef: target.keyRef, byField: byField))
        }
        return spec
    }

    enum BoundKind { case length, integer, number }

    func readBounds(_ node: JSONNode, _ minKey: String, _ maxKey: String, kind: BoundKind, what: Subject) -> Bounds? {
        guard expectObject(node, what: what) else { return nil }
        checkKeys(node, known: [minKey, maxKey], what: what)
        var bounds = Bounds(ref: node.ref)
        for key in [minKey, maxKey] {
            guard let valueNode = node[key] else { continue }
            guard let number = valueNode.number else {
                wrongType(valueNode, key: key, what: what, expected: kind == .number ? .number : .integer,
                          hint: valueNode.string != nil ? .removeQuotes : nil)
                continue
            }
            guard number.inRange, let double = number.double else { continue }
            if kind != .number {
                guard let integer = number.int64 else {
                    report(InvalidBounds.notWhole(key: key, in: what, text: number.text), valueNode.ref)
                    continue
                }
                if kind == .length, integer < 0 {
                    report(InvalidBounds.negative(key: key, in: what, value: integer), valueNode.ref)
                    continue
                }
                if key == minKey { bounds.minInt = integer } else { bounds.maxInt = integer }
            }
            let located = Located(double, at: valueNode.ref)
            if key == minKey { bounds.min = located } else { bounds.max = located }
        }
        if let low = bounds.min, let high = bounds.max, low.value > high.value {
            report(InvalidBounds.minAboveMax(what, minKey: minKey, min: low.value, maxKey: maxKey, max: high.value), high.ref)
        }
        return bounds
    }
}
