/// renamed-key: `are_transitions_possible` → `are_record_type_conversions_possible` (safe).
enum RenamedKeyFix {
    static let renames = ["are_transitions_possible": "are_record_type_conversions_possible"]

    static func fix(_ diagnostic: Diagnostic, _ document: FixDocument) -> Fix? {
        guard let (object, member) = document.member(for: diagnostic),
              let replacement = renames[member.key] else { return nil }
        return KeyMigration.rename(member, in: object, to: replacement, rule: diagnostic.rule, document)
    }
}
