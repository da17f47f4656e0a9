/// Writes inferred record types and struct types as an external_domain_metadata.json document.
enum MetadataDraft {
    static func document(types: [(name: String, fields: [InferredField])], structs: StructRegistry,
                         identifiers: Set<String>) -> OrderedJSON {
        var recordTypes: [(String, OrderedJSON)] = []
        for (name, fields) in types {
            let declared = fields.map { field in
                (field.key, declaration(field, isIdentifier: identifiers.contains(name + "\u{0}" + field.key)))
            }
            recordTypes.append((name, .object([("name", .string(displayName(name))), ("fields", .object(declared))])))
        }
        var root: [(String, OrderedJSON)] = [("schema_version", .string("v0.2.0")), ("record_types", .object(recordTypes))]
        if !structs.order.isEmpty {
            let structTypes = structs.order.map { name -> (String, OrderedJSON) in
                let fields = (structs.fields[name] ?? []).map { ($0.key, declaration($0, isIdentifier: false)) }
                return (name, .object([("name", .string(displayName(name))), ("fields", .object(fields))]))
            }
            root.append(("struct_types", .object(structTypes)))
        }
        return .object(root)
    }

    static func declaration(_ field: InferredField, isIdentifier: Bool) -> OrderedJSON {
        var members: [(String, OrderedJSON)] = [("type", .string(field.type.rawValue))]
        if field.isRequired { members.append(("is_required", .bool(true))) }
        if isIdentifier || field.isIdentifier { members.append(("is_identifier", .bool(true))) }
        if field.isCollection { members.append(("collection", .object([]))) }
        switch field.type {
        case .enum:
            members.append(("enum", enumBlock(field.enumKeys)))
        case .reference, .typedReference:
            members.append((field.type.rawValue, .object([("refers_to", refersTo(field.targets))])))
        case .struct:
            members.append(("struct", .object([("key", .string(field.structKey ?? field.key))])))
        case .permission:
            members.append(("permission", .object([
                ("member_id", .object([("refers_to", refersTo(field.targets))])),
                ("role", enumBlock(field.roleKeys)),
            ])))
        default:
            break
        }
        return .object(members)
    }

    static func enumBlock(_ keys: [String]) -> OrderedJSON {
        .object([("values", .array(keys.map { .object([("key", .string($0))]) }))])
    }

    static func refersTo(_ targets: [InferredTarget]) -> OrderedJSON {
        .object(targets.map { target in
            ("#record:" + target.recordType, .object(target.byField.map { [("by_field", .string($0))] } ?? []))
        })
    }

    /// "knowledge_page" → "Knowledge page".
    static func displayName(_ key: String) -> String {
        let spaced = key.map { $0 == "_" || $0 == "-" ? " " : String($0) }.joined()
        guard let first = spaced.first else { return key }
        return first.uppercased() + spaced.dropFirst()
    }
}
