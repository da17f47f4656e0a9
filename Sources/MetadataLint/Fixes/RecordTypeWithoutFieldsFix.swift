/// record-type-without-fields: add `"fields": {}` to a record type that has none (safe).
enum RecordTypeWithoutFieldsFix {
    static func fix(_ diagnostic: Diagnostic, _ document: FixDocument) -> Fix? {
        guard let (_, member) = document.member(for: diagnostic), member.value.members != nil,
              member.value["fields"] == nil,
              let edit = document.append(key: "fields", value: "{}", to: member.value,
                                          emptyColon: document.colon(of: member)) else { return nil }
        return Fix(rule: diagnostic.rule, applicability: .safe, description: "add \"fields\": {}", edits: [edit])
    }
}
