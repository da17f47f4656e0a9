/// reserved-field-name: remove the `id` / `created_date` / `modified_date` field (safe). No fix
/// when something in the metadata names that field (a `by_field`, a condition, the stage
/// diagram, link naming): removing it would break those, so a person decides.
enum ReservedFieldNameFix {
    static func fix(_ diagnostic: Diagnostic, _ document: FixDocument) -> Fix? {
        let tokens = JSONPointerPath.tokens(diagnostic.pointer)
        guard tokens.count == 4, tokens[0] == "record_types", tokens[2] == "fields",
              let recordType = document.metadata.recordType(tokens[1]),
              !isNamed(tokens[3], in: recordType, document.metadata),
              let (object, member) = document.member(for: diagnostic) else { return nil }
        return KeyMigration.remove(member, from: object, rule: diagnostic.rule, document, applicability: .safe,
                                   why: "every item carries it outside \"data\"")
    }

    /// True when a reference's `by_field`, a condition, the stage diagram or link naming of
    /// `recordType` names the field `key`.
    static func isNamed(_ key: String, in recordType: RecordType, _ metadata: Metadata) -> Bool {
        if recordType.stageDiagram?.controllingField?.value == key { return true }
        if recordType.linkNaming?.linkTypeField?.value == key { return true }
        for group in recordType.conditions {
            if group.controllingField == key { return true }
            if group.conditions.contains(where: { $0.affectedFields.contains { $0.value == key } }) { return true }
        }
        for (_, field) in metadata.allFields {
            for spec in [field.reference, field.permissionMember].compactMap({ $0 }) {
                for target in spec.targets where target.byField?.value == key {
                    if metadata.recordTypes(targetedBy: target).contains(where: { $0.key == recordType.key }) {
                        return true
                    }
                }
            }
        }
        return false
    }
}
