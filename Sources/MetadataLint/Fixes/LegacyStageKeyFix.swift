/// legacy-key on a stage: `stage_name` and `is_deprecated` now live on the controlling enum's
/// value whose key is the stage's key.
enum LegacyStageKeyFix {
    static func fix(_ member: JSONMember, in stage: JSONNode, tokens: [String], rule: String,
                    _ document: FixDocument) -> Fix? {
        guard tokens.count == 6 else { return nil }
        let value = enumValue(recordType: tokens[1], stage: tokens[4], document)
        switch member.key {
        case "stage_name":
            guard let name = member.value.string else { return nil }
            if let value, value["name"] == nil, let add = document.append(
                key: "name", value: document.text(document.range(of: member.value)), to: value),
                let removal = document.remove(member, from: stage) {
                return Fix(rule: rule, applicability: .safe,
                           description: "move \"stage_name\" to the \"name\" of enum value \"\(tokens[4])\"",
                           edits: [add, removal])
            }
            if value?["name"]?.string == name {
                return KeyMigration.remove(member, from: stage, rule: rule, document, applicability: .safe,
                                           why: "the enum value has the same name")
            }
            return KeyMigration.remove(member, from: stage, rule: rule, document, applicability: .unsafe,
                                       why: "the controlling enum's value names the stage")
        case "is_deprecated":
            if member.value.bool == false || member.value.isNull || value?["is_deprecated"]?.bool == true {
                return KeyMigration.remove(member, from: stage, rule: rule, document, applicability: .safe,
                                           why: "nothing to move")
            }
            guard member.value.bool == true, let value, value["is_deprecated"] == nil,
                  let add = document.append(key: "is_deprecated", value: "true", to: value),
                  let removal = document.remove(member, from: stage) else { return nil }
            return Fix(rule: rule, applicability: .safe,
                       description: "mark enum value \"\(tokens[4])\" \"is_deprecated\": true instead of the stage",
                       edits: [add, removal])
        default:
            return nil
        }
    }

    /// The controlling enum's value object for a stage, if the diagram and the enum are readable.
    static func enumValue(recordType: String, stage: String, _ document: FixDocument) -> JSONNode? {
        guard let type = document.root.descendant(["record_types", recordType]),
              let controlling = type.descendant(["stage_diagram", "controlling_field"])?.string,
              let values = type.descendant(["fields", controlling, "enum", "values"])?.elements else { return nil }
        let matches = values.filter { $0["key"]?.string == stage }
        return matches.count == 1 ? matches[0] : nil
    }
}
