import LintModel
import LintJSON
import LintSource
import LintSupport

/// Reading fields: the common keys, the `type`, and the one type block that belongs to it.
extension MetadataReader {
    static let fieldKeys: Set<String> = Set([
        "type", "name", "description", "is_required", "is_identifier", "is_indexed", "is_read_only",
        "is_write_only", "is_filterable", "default_value", "collection",
    ]).union(FieldType.blockKeys)

    static let nullableFlags = ["is_identifier", "is_indexed", "is_read_only", "is_write_only", "is_filterable"]

    static let fieldLegacy = [
        "is_system": "use \"is_read_only\": true for values the system fills in",
        "is_pii": "it has no replacement in v0.2.0: remove it",
        "is_sortable": "use \"is_indexed\": true for fields used to search, sort or filter",
        "is_groupable": "use \"is_indexed\": true for fields used to search, sort or filter",
        "is_required_on_create": "use \"is_required\", or a condition with \"effect\": \"require\"",
        "is_deprecated": "fields are no longer deprecated in metadata: remove it (enum values keep \"is_deprecated\")",
    ]

    static let fieldKeyHints = [
        "array": "a list is declared by its element type plus a \"collection\" block: set \"type\" to the element type and rename \"array\" to \"collection\": {}",
        "items": "a list is declared by its element type plus a \"collection\" block",
        "required": "did you mean \"is_required\"?",
        "values": "enum values go inside an \"enum\" block: \"enum\": { \"values\": [...] }",
        "refers_to": "\"refers_to\" goes inside a \"reference\" block: \"reference\": { \"refers_to\": {...} }",
    ]

    /// Common mistakes for `type`, with the fix.
    static let typeHints = [
        "string": "use \"text\"", "str": "use \"text\"", "boolean": "use \"bool\"", "integer": "use \"int\"",
        "number": "use \"float\" (or \"int\" for whole numbers)", "double": "use \"float\"",
        "datetime": "use \"timestamp\"", "date_time": "use \"timestamp\"",
        "array": "declare the element's type and add a \"collection\": {} block",
        "list": "declare the element's type and add a \"collection\": {} block",
        "object": "declare a struct type under \"struct_types\" and use \"type\": \"struct\"",
        "field_privileges": "use \"field_privilege\"", "conditional_privileges": "use \"conditional_privilege\"",
    ]

    func readField(_ member: JSONMember, owner: String) -> Field? {
        let what = "field \"\(member.key)\" of \(owner)"
        let node = member.value
        guard expectObject(node, what: what) else { return nil }
        checkKeys(node, known: Self.fieldKeys, what: what, legacy: Self.fieldLegacy, hints: Self.fieldKeyHints)
        var field = Field(key: member.key, keyRef: member.keyRef, ref: node.ref)
        field.name = string(node, "name", what: what)?.value
        _ = string(node, "description", what: what)
        field.isRequired = bool(node, "is_required", what: what)?.value ?? false
        for flag in Self.nullableFlags {
            let value = bool(node, flag, what: what, nullable: true)
            if flag == "is_identifier" { field.isIdentifier = value?.value ?? false }
        }
        field.defaultValue = node["default_value"]
        if let collection = node["collection"], !collection.isNull {
            field.collection = readBounds(collection, "min_length", "max_length", kind: .length,
                                          what: "the collection block of \(what)")
        }
        readType(&field, node, what: what)
        if let type = field.type { readBlocks(&field, node, type: type, what: what) }
        return field
    }

    private func readType(_ field: inout Field, _ node: JSONNode, what: String) {
        guard let typeNode = node["type"] else {
            report(Rules.missingRequiredKey, field.keyRef,
                   "\(what) has no \"type\": add one of \(FieldType.allCases.map(\.rawValue).joined(separator: ", "))")
            return
        }
        guard let raw = typeNode.string else {
            wrongType(typeNode, key: "type", what: what, expected: "a string")
            return
        }
        field.typeRef = typeNode.ref
        guard let type = FieldType(rawValue: raw) else {
            var message = "unknown field type \"\(raw)\" in \(what)"
            if let hint = Self.typeHints[raw.lowercased()] {
                message += ": \(hint)"
            } else if let suggestion = Suggest.didYouMean(raw, in: FieldType.allCases.map(\.rawValue)) {
                message += ": " + suggestion
            } else {
                message += ": use one of \(FieldType.allCases.map(\.rawValue).joined(separator: ", "))"
            }
            report(Rules.unknownFieldType, typeNode.ref, message)
            return
        }
        field.type = type
    }

    private func readBlocks(_ field: inout Field, _ node: JSONNode, type: FieldType, what: String) {
        for member in node.members ?? [] where FieldType.blockKeys.contains(member.key) && !member.value.isNull {
            if member.key != type.blockKey {
                let fix = type.blockKey.map { "a \(type.rawValue) field takes a \"\($0)\" block" }
                    ?? "a \(type.rawValue) field takes no type block"
                report(Rules.typeBlockMismatch, member.keyRef,
                       "the \"\(member.key)\" block belongs to \(member.key) fields, but \(what) has type \"\(type.rawValue)\": remove the block or change the type (\(fix))")
            }
        }
        guard let blockKey = type.blockKey else { return }
        guard let block = node[blockKey], !block.isNull else {
            if type.requiresBlock {
                report(Rules.missingTypeBlock, field.typeRef ?? field.ref,
                       "\(what) has type \"\(type.rawValue)\" but no \"\(blockKey)\" block: add \(Self.blockTemplate(type))")
            }
            return
        }
        let blockWhat = "the \(blockKey) block of \(what)"
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
                report(Rules.missingRequiredKey, block.ref,
                       "\(blockWhat) has no \"key\": name the entry of \"struct_types\" this field holds")
            }
        case .permission:
            checkKeys(block, known: ["member_id", "role"], what: blockWhat)
            if let member = block["member_id"], expectObject(member, what: "member_id of \(what)") {
                field.permissionMember = readReferenceBlock(member, what: "member_id of \(what)", allowRole: true)
            }
            if let role = block["role"], expectObject(role, what: "role of \(what)") {
                let roles = readEnumBlock(role, what: "role of \(what)")
                field.permissionRoles = role["values"] == nil ? nil : roles
            }
        case .typeKey, .recordTypePrivilege, .fieldPrivilege, .conditionalPrivilege:
            checkKeys(block, known: ["type_keys"], what: blockWhat)
            require(block, ["type_keys"], what: blockWhat, hint: "list the record types or categories it can target")
            field.typeKeys = stringArray(block, "type_keys", what: blockWhat) ?? []
        case .bool, .richText, .date, .timestamp:
            break
        }
    }

    static func blockTemplate(_ type: FieldType) -> String {
        switch type {
        case .enum: return "\"enum\": { \"values\": [ { \"key\": \"...\" } ] }"
        case .reference, .typedReference:
            return "\"\(type.rawValue)\": { \"refers_to\": { \"#record:<record type>\": {} } }"
        case .struct: return "\"struct\": { \"key\": \"<struct type>\" }"
        default: return "\"\(type.rawValue)\": {}"
        }
    }

    func readEnumBlock(_ block: JSONNode, what: String) -> [EnumValue] {
        checkKeys(block, known: ["values"], what: what)
        require(block, ["values"], what: what, hint: "add \"values\": [ { \"key\": \"...\" } ]")
        var values: [EnumValue] = []
        for element in array(block, "values", what: what) ?? [] {
            let valueWhat = "an enum value of \(what)"
            guard expectObject(element, what: valueWhat) else { continue }
            checkKeys(element, known: ["key", "name", "description", "is_deprecated"], what: valueWhat)
            var value = EnumValue(ref: element.ref)
            value.key = string(element, "key", what: valueWhat)
            if element["key"] == nil {
                report(Rules.missingRequiredKey, element.ref,
                       "\(valueWhat) has no \"key\": add the string that appears in the data")
            }
            value.name = string(element, "name", what: valueWhat)?.value
            _ = string(element, "description", what: valueWhat)
            value.isDeprecated = bool(element, "is_deprecated", what: valueWhat)?.value ?? false
            values.append(value)
        }
        return values
    }

    static let referenceLegacy = [
        "role": "renamed to \"reference_type\" (\"parent\" or \"child\")",
        "is_dynamic_typed": "use a field of type \"typed_reference\" instead",
    ]

    func readReferenceBlock(_ block: JSONNode, what: String, allowRole: Bool) -> ReferenceSpec {
        checkKeys(block, known: allowRole ? ["refers_to", "reference_type"] : ["refers_to"], what: what,
                  legacy: Self.referenceLegacy)
        var spec = ReferenceSpec(ref: block.ref)
        if let role = string(block, "reference_type", what: what) {
            if let parsed = ReferenceSpec.Role(rawValue: role.value) {
                spec.role = parsed
            } else {
                report(Rules.valueNotAllowed, role.ref,
                       "reference_type \"\(role.value)\" is not allowed: use \"parent\" or \"child\"")
            }
        }
        guard let targets = mapMembers(block, "refers_to", what: what) else {
            if block["refers_to"] == nil {
                report(Rules.missingRequiredKey, block.ref,
                       "\(what) has no \"refers_to\": add \"refers_to\": { \"#record:<record type>\": {} }")
            }
            return spec
        }
        if targets.isEmpty, let refersTo = block["refers_to"] {
            report(Rules.emptyValue, refersTo.ref,
                   "\"refers_to\" in \(what) is empty: name at least one \"#record:<record type>\" or \"#category:<category>\"")
        }
        for target in targets {
            let targetWhat = "reference target \"\(target.key)\""
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

    func readBounds(_ node: JSONNode, _ minKey: String, _ maxKey: String, kind: BoundKind, what: String) -> Bounds? {
        guard expectObject(node, what: what) else { return nil }
        checkKeys(node, known: [minKey, maxKey], what: what)
        var bounds = Bounds(ref: node.ref)
        for key in [minKey, maxKey] {
            guard let valueNode = node[key] else { continue }
            guard let number = valueNode.number else {
                wrongType(valueNode, key: key, what: what, expected: kind == .number ? "a number" : "an integer",
                          hint: valueNode.string != nil ? "remove the quotes" : "")
                continue
            }
            guard number.inRange, let double = number.double else { continue }
            if kind != .number {
                guard let integer = number.int64 else {
                    report(Rules.invalidBounds, valueNode.ref,
                           "\"\(key)\" in \(what) must be a whole number, not \(number.text)")
                    continue
                }
                if kind == .length, integer < 0 {
                    report(Rules.invalidBounds, valueNode.ref,
                           "\"\(key)\" in \(what) is negative (\(integer)): a length is 0 or more")
                    continue
                }
                if key == minKey { bounds.minInt = integer } else { bounds.maxInt = integer }
            }
            let located = Located(double, at: valueNode.ref)
            if key == minKey { bounds.min = located } else { bounds.max = located }
        }
        if let low = bounds.min, let high = bounds.max, low.value > high.value {
            report(Rules.invalidBounds, high.ref,
                   "\(what) has \(minKey) \(Self.format(low.value)) greater than \(maxKey) \(Self.format(high.value)): no value can satisfy both; swap or fix them")
        }
        return bounds
    }

    package static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
