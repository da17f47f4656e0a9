import JSONRPC
import MetadataLint

/// The text shown when hovering a key or value: what the format says about it and, for names,
/// what the document declares under them.
struct MetadataHover {
    let names: Metadata?

    func describe(_ cursor: JSONCursor) -> String? {
        let place = MetadataPlace.of(cursor.containerPath)
        let key = cursor.memberKey ?? ""
        let value = cursor.string?.text
        switch cursor.role {
        case .key:
            if let declared = declaration(key, in: place) { return declared }
            if let target = value.flatMap(describeTarget) { return target }
            return FormatDocs.doc(forKey: key, in: place).map { "**`\(key)`**\n\n\($0)" }
        case .value:
            if let value {
                if let target = describeTarget(value) { return target }
                if let named = describeName(value, key: key, in: place) { return named }
            }
            return FormatDocs.doc(forKey: key, in: place).map { "**`\(key)`**\n\n\($0)" }
        }
    }

    /// A key that declares a name: a record type, category, struct type, field or stage.
    private func declaration(_ key: String, in place: MetadataPlace) -> String? {
        switch place {
        case .recordTypes: return describeRecordType(key)
        case .categories: return describeCategory(key)
        case .structTypes: return describeStruct(key)
        case .fields(let owner): return describeField(owner, key)
        case .conditions(let type): return describeField(.recordType(type), key).map { "Condition on\n\n" + $0 }
        case .stages(let type):
            let control = names?.recordType(type)?.stageDiagram?.controllingField?.value
            return "**stage `\(key)`**" + (control.map { "\n\nA key of the controlling enum field `\($0)`." } ?? "")
        default: return nil
        }
    }

    private func describeName(_ value: String, key: String, in place: MetadataPlace) -> String? {
        switch (place, key) {
        case (.recordType, "category"): return describeCategory(value)
        case (.field, "type"):
            return FormatDocs.fieldTypes[value].map { "**field type `\(value)`**\n\n\($0)" }
        case (.referenceTarget(_, _, let target), "by_field"):
            let types = names?.recordTypes(targetedBy: target) ?? []
            let described = types.compactMap { describeField(.recordType($0.key), value) }
            return described.isEmpty ? nil : described.joined(separator: "\n\n---\n\n")
        case (.typeBlock(_, _, "struct"), "key"): return describeStruct(value)
        case (.stageDiagram(let type), "controlling_field"), (.linkNaming(let type), "link_type_field"),
            (.affectedFields(let type, _), _):
            return describeField(.recordType(type), value)
        case (.field(let owner, let field), "default_value"):
            return names?.field(owner, field).map { "Default of **`\(field)`** (\($0.summary))" }
        default: return nil
        }
    }

    private func describeTarget(_ raw: String) -> String? {
        if raw.hasPrefix("#record:") { return describeRecordType(String(raw.dropFirst("#record:".count))) }
        if raw.hasPrefix("#category:") { return describeCategory(String(raw.dropFirst("#category:".count))) }
        return nil
    }

    private func describeRecordType(_ key: String) -> String? {
        guard let type = names?.recordType(key) else { return "**record type `\(key)`**\n\nNot declared in `record_types`." }
        var lines = ["**record type `\(key)`**" + (type.name.map { ": \($0)" } ?? "")]
        if let category = type.category?.value { lines.append("Category: `\(category)`") }
        let identifiers = type.fields.filter(\.isIdentifier).map { "`\($0.key)`" }
        lines.append("\(type.fields.count) field\(type.fields.count == 1 ? "" : "s")"
                     + (identifiers.isEmpty ? "" : "; identifier fields: " + identifiers.joined(separator: ", ")))
        return lines.joined(separator: "\n\n")
    }

    private func describeCategory(_ key: String) -> String? {
        guard let category = names?.category(key) else {
            return "**category `\(key)`**\n\nNot declared in `record_type_categories`."
        }
        let members = names?.members(ofCategory: key).map { "`\($0.key)`" } ?? []
        return "**category `\(key)`**" + (category.name.map { ": \($0)" } ?? "")
            + "\n\nRecord types: " + (members.isEmpty ? "none" : members.joined(separator: ", "))
    }

    private func describeStruct(_ key: String) -> String? {
        guard let type = names?.structType(key) else { return "**struct type `\(key)`**\n\nNot declared in `struct_types`." }
        return "**struct type `\(key)`**" + (type.name.map { ": \($0)" } ?? "")
            + "\n\nFields: " + (type.fields.isEmpty ? "none" : type.fields.map { "`\($0.key)`" }.joined(separator: ", "))
    }

    private func describeField(_ owner: FieldOwner, _ key: String) -> String? {
        let ownerText: String
        switch owner {
        case .recordType(let type): ownerText = "record type `\(type)`"
        case .structType(let type): ownerText = "struct type `\(type)`"
        }
        guard let field = names?.field(owner, key) else { return "**field `\(key)`** of \(ownerText)\n\nNot declared." }
        return "**field `\(key)`** of \(ownerText)" + (field.name.map { ": \($0)" } ?? "") + "\n\n" + field.summary
    }
}
