import LintSource

extension Field {
    /// The `type_keys` entries of a type_key or privilege field, read like `refers_to` keys.
    public var typeKeyTargets: [ReferenceTarget] {
        typeKeys.map { ReferenceTarget(raw: $0.value, keyRef: $0.ref, byField: nil) }
    }

    /// The field types that hold authorization privileges.
    public var holdsPrivileges: Bool {
        switch type {
        case .recordTypePrivilege?, .fieldPrivilege?, .conditionalPrivilege?: return true
        default: return false
        }
    }
}

extension Metadata {
    /// The record types a list of `#record:` / `#category:` targets stands for, categories
    /// expanded, each once, in declaration order.
    public func recordTypes(targetedBy targets: [ReferenceTarget]) -> [RecordType] {
        var seen: Set<String> = []
        return targets.flatMap { recordTypes(targetedBy: $0) }.filter { seen.insert($0.key).inserted }
    }
}
