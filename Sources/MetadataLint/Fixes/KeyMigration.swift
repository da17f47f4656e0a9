/// Moving a key to its new name without ever writing the same key twice.
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

extension JSONNode {
    /// Equal JSON values (numbers by their text, objects by their members in order).
    func sameValue(as other: JSONNode) -> Bool {
        switch (value, other.value) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a.text == b.text
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameValue(as: $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value.sameValue(as: $1.value) }
        default: return false
        }
    }
}
