import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Record type names a value may give, looked up by bytes: the ref_type of a typed reference or
/// a mention, the names in a type_key or privilege value.
public struct NamedTargets: Sendable {
    public let table: ByteKeyTable
    public let names: [String]
    /// By name index: the reference group an id of that record type resolves in (-1: none).
    public let groups: [Int32]

    init(names: [String], groups: [Int32]) {
        table = ByteKeyTable(names)
        self.names = names
        self.groups = groups
    }
}

extension ArtifactSchema.Builder {
    /// A group of one key space, shared by every value that resolves there.
    mutating func singletonGroup(_ space: Int) -> Int32 {
        if let group = singletonGroups[space] { return group }
        groups.append([space])
        let group = Int32(groups.count - 1)
        singletonGroups[space] = group
        return group
    }

    /// Typed references: the record types refers_to names (categories expanded), each resolving
    /// in its ids or its by_field values. Type keys: the record types type_keys names.
    mutating func noteNamedTargets(_ field: Field, type: FieldType, id: Int) {
        if type == .typedReference, let spec = field.reference {
            var names: [String] = []
            var groupOf: [Int32] = []
            for target in spec.targets {
                for recordType in metadata.recordTypes(targetedBy: target) where !names.contains(recordType.key) {
                    names.append(recordType.key)
                    let space = keySpace(ArtifactSchema.KeySpace(recordType: recordType.key, byField: target.byField?.value))
                    groupOf.append(singletonGroup(space))
                }
            }
            refTypes[id] = NamedTargets(names: names, groups: groupOf)
        }
        if [.typeKey, .recordTypePrivilege, .fieldPrivilege, .conditionalPrivilege].contains(type) {
            let names = metadata.recordTypes(targetedBy: field.typeKeyTargets).map(\.key)
            typeKeys[id] = NamedTargets(names: names, groups: names.map { _ in -1 })
        }
    }

    /// Every record type, resolving in its ids, then "artifact", resolving in attachment ids.
    mutating func mentionTargets(recordObjects: [String: Int], attachmentSpace: Int) -> (NamedTargets, [Int]) {
        var names: [String] = []
        var groupOf: [Int32] = []
        var objectOf: [Int] = []
        for type in metadata.recordTypes where !names.contains(type.key) {
            names.append(type.key)
            groupOf.append(idSpaces[type.key].map { singletonGroup($0) } ?? -1)
            objectOf.append(recordObjects[type.key] ?? -1)
        }
        names.append("artifact")
        groupOf.append(singletonGroup(attachmentSpace))
        objectOf.append(-1)
        return (NamedTargets(names: names, groups: groupOf), objectOf)
    }
}
