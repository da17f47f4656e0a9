import JSONRPC
import MetadataLint

/// Completion where the format allows only names the document declares (record types,
/// categories, identifier fields, struct types, enum keys, fields), plus field types and keys.
struct MetadataCompletion {
    let names: Metadata?

    typealias Option = (label: String, kind: CompletionCandidate.Kind, detail: String?)

    func candidates(for cursor: JSONCursor, at offset: Int) -> [CompletionCandidate] {
        let options = self.options(for: cursor)
        let replace: Range<Int>
        let quote: Bool
        if let string = cursor.string {
            replace = string.contentRange
            quote = false
        } else if let scalar = cursor.scalar {
            replace = scalar
            quote = true
        } else {
            replace = offset..<offset
            quote = true
        }
        let docs = cursor.role == .key ? FormatDocs.keys(in: MetadataPlace.of(cursor.containerPath)) : []
        return options.map { option in
            let escaped = Self.escape(option.label)
            return CompletionCandidate(
                label: option.label, kind: option.kind, detail: option.detail,
                documentation: docs.first { $0.key == option.label }?.doc,
                insertText: quote ? "\"\(escaped)\"" : escaped, replace: replace)
        }
    }

    func options(for cursor: JSONCursor) -> [Option] {
        let place = MetadataPlace.of(cursor.containerPath)
        if let prefix = cursor.string?.prefix {
            if prefix.hasPrefix("#record:") { return recordTargets() }
            if prefix.hasPrefix("#category:") { return categoryTargets() }
        }
        switch cursor.role {
        case .key: return keyOptions(place)
        case .value: return valueOptions(place, key: cursor.memberKey ?? "")
        }
    }

    private func keyOptions(_ place: MetadataPlace) -> [Option] {
        switch place {
        case .refersTo: return recordTargets() + categoryTargets()
        case .stages(let type):
            guard let control = names?.recordType(type)?.stageDiagram?.controllingField?.value else { return [] }
            return enumKeys(.recordType(type), control)
        case .conditions(let type): return fieldNames(.recordType(type))
        case .linkDirectionNames(let type):
            guard let link = names?.recordType(type)?.linkNaming?.linkTypeField?.value else { return [] }
            return enumKeys(.recordType(type), link)
        case .field(let owner, let field):
            // The block that belongs to the field's type first, then the other keys.
            let own = names?.field(owner, field)?.type?.blockKey
            let keys = FormatDocs.keys(in: place).map(\.key)
            let ordered = (own.map { [$0] } ?? []) + keys.filter { $0 != own }
            return ordered.map { ($0, .property, FormatDocs.blocks[$0] == nil ? nil : "type block") }
        default:
            return FormatDocs.keys(in: place).map { ($0.key, .property, nil) }
        }
    }

    private func valueOptions(_ place: MetadataPlace, key: String) -> [Option] {
        switch (place, key) {
        case (.root, "schema_version"): return [("v0.2.0", .value, "the only version")]
        case (.recordType, "category"): return categories()
        case (.recordType, "scope"):
            return [("metadata_is_system_scoped", .enumMember, nil), ("data_is_system_scoped", .enumMember, nil)]
        case (.field, "type"):
            return FieldType.allCases.map { ($0.rawValue, .typeParameter, FormatDocs.fieldTypes[$0.rawValue]) }
        case (.field(let owner, let field), "default_value"):
            return enumKeys(owner, field)
        case (.referenceTarget(_, _, let target), "by_field"):
            let types = names?.recordTypes(targetedBy: target) ?? []
            var seen: Set<String> = []
            return types.flatMap { type in
                type.fields.filter { $0.isIdentifier && seen.insert($0.key).inserted }
                    .map { ($0.key, CompletionCandidate.Kind.field, "identifier field of \(type.key)") }
            }
        case (.typeBlock(_, _, "struct"), "key"):
            return (names?.structTypes ?? []).map { ($0.key, .struct, $0.name) }
        case (.typeBlock(_, _, "reference"), "reference_type"), (.typeBlock(_, _, "typed_reference"), "reference_type"):
            return [("parent", .enumMember, nil), ("child", .enumMember, nil)]
        case (.typeKeys, _): return recordTargets() + categoryTargets()
        case (.stageDiagram(let type), "controlling_field"), (.linkNaming(let type), "link_type_field"):
            return (names?.enumFields(ofRecordType: type) ?? []).map { ($0.key, .field, "enum field") }
        case (.stageDiagram(let type), "starting_stage"), (.transitions(let type, _), _):
            return (names?.stageKeys(ofRecordType: type) ?? []).map { ($0, .enumMember, "stage") }
        case (.stage(let type, _), "state"):
            let declared = names?.recordType(type)?.stageDiagram?.states.map(\.key) ?? []
            let defaults = ["open", "in_progress", "closed"].filter { !declared.contains($0) }
            return declared.map { ($0, .enumMember, "declared state") } + defaults.map { ($0, .enumMember, "default state") }
        case (.condition(let type, let field), "value"): return enumKeys(.recordType(type), field)
        case (.condition, "comparator"): return ["eq", "ne", "lt", "lte", "gt", "gte"].map { ($0, .enumMember, nil) }
        case (.condition, "effect"): return [("require", .enumMember, nil), ("show", .enumMember, nil)]
        case (.affectedFields(let type, _), _): return fieldNames(.recordType(type))
        default: return []
        }
    }

    private func recordTargets() -> [Option] {
        (names?.recordTypes ?? []).map { ("#record:\($0.key)", .class, $0.name ?? "record type") }
    }

    private func categoryTargets() -> [Option] {
        (names?.categories ?? []).map { ("#category:\($0.key)", .module, $0.name ?? "category") }
    }

    private func categories() -> [Option] {
        (names?.categories ?? []).map { ($0.key, .module, $0.name) }
    }

    private func fieldNames(_ owner: FieldOwner) -> [Option] {
        (names?.fields(of: owner) ?? []).map { ($0.key, .field, $0.type?.rawValue) }
    }

    private func enumKeys(_ owner: FieldOwner, _ field: String) -> [Option] {
        (names?.field(owner, field)?.enumKeys ?? []).map { ($0, .enumMember, "key of \(field)") }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
