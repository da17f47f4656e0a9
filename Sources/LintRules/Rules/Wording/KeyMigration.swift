import LintJSON

/// The fixes that move a key to its new name (without ever writing the same key twice) or remove
/// it, and how they are worded: shared by legacy-key, renamed-key and reserved-field-name.
enum KeyMigration {
    /// Renames `member` to `replacement`. When the object already has `replacement` with the
    /// same value, the old member is just removed; with a different value there is no fix.
    static func rename(_ member: JSONMember, in object: JSONNode, to replacement: String, rule: String,
                       _ document: FixDocument, applicability: Fix.Applicability = .safe) -> Fix? {
        if let existing = object[replacement] {
            guard existing.sameValue(as: member.value),
                  let edit = document.remove(member, from: object) else { return nil }
            return Fix(rule: rule, applicability: applicability,
                       description: "remove \"\(member.key)\" (\"\(replacement)\" already says the same)", edits: [edit])
        }
        return Fix(rule: rule, applicability: applicability,
                   description: "rename \"\(member.key)\" to \"\(replacement)\"",
                   edits: [document.rename(member, to: replacement)])
    }

    static func remove(_ member: JSONMember, from object: JSONNode, rule: String, _ document: FixDocument,
                       applicability: Fix.Applicability, why: String = "") -> Fix? {
        guard let edit = document.remove(member, from: object) else { return nil }
        return Fix(rule: rule, applicability: applicability,
                   description: "remove \"\(member.key)\"" + (why.isEmpty ? "" : " (\(why))"), edits: [edit])
    }
}
