import JSONRPC
import MetadataLint

/// Lookups by name that hover and completion share.
extension Metadata {
    func fields(of owner: FieldOwner) -> [Field] {
        switch owner {
        case .recordType(let key): return recordType(key)?.fields ?? []
        case .structType(let key): return structType(key)?.fields ?? []
        }
    }

    func field(_ owner: FieldOwner, _ name: String) -> Field? {
        fields(of: owner).first { $0.key == name }
    }

    func enumFields(ofRecordType key: String) -> [Field] {
        fields(of: .recordType(key)).filter { $0.type == .enum }
    }

    /// The stage keys of a record type's diagram: the stages written, else the controlling
    /// field's enum keys.
    func stageKeys(ofRecordType key: String) -> [String] {
        guard let diagram = recordType(key)?.stageDiagram else { return [] }
        if !diagram.stages.isEmpty { return diagram.stages.map(\.key) }
        guard let control = diagram.controllingField?.value else { return [] }
        return field(.recordType(key), control)?.enumKeys ?? []
    }

    /// The record types a `#record:` / `#category:` string stands for.
    func recordTypes(targetedBy raw: String) -> [RecordType] {
        recordTypes(targetedBy: ReferenceTarget(raw: raw, keyRef: SourceRef(offset: 0, pointer: ""), byField: nil))
    }

    func members(ofCategory key: String) -> [RecordType] {
        recordTypes.filter { $0.category?.value == key }
    }
}

extension Field {
    /// "text, required, identifier, collection".
    var summary: String {
        var parts = [type?.rawValue ?? "unknown type"]
        if isRequired { parts.append("required") }
        if isIdentifier { parts.append("identifier") }
        if isCollection { parts.append("collection") }
        if let key = structKey?.value { parts.append("struct `\(key)`") }
        if let targets = reference?.targets, !targets.isEmpty {
            parts.append("refers to " + targets.map { "`\($0.raw)`" }.joined(separator: ", "))
        }
        if type == .enum { parts.append("keys: " + enumKeys.map { "`\($0)`" }.joined(separator: ", ")) }
        return parts.joined(separator: ", ")
    }
}
