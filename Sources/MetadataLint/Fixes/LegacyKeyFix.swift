/// legacy-key: migrate a pre-v0.2.0 key to what replaced it.
///
/// Safe, meaning preserved: `role` → `reference_type`; `no_transitions_defined` →
/// `all_transitions_allowed`; `loading: {...}` → `is_loadable: true`; `is_system` → `is_read_only`;
/// `is_dynamic_typed: true` → a `typed_reference` field (false: removed); a stage's `stage_name` and
/// `is_deprecated` move to the controlling enum's value (removed when that value already says the
/// same). Unsafe, information dropped or reinterpreted: `is_sortable` / `is_groupable` →
/// `is_indexed`; removing `extraction`, `is_pii`, a field's `is_deprecated`, a stage's `ordinal`,
/// a `stage_name` that differs from the enum value's name. No fix: `is_required_on_create`
/// (required always, or on a condition? a person decides).
enum LegacyKeyFix {
    enum Place { case recordType, field, reference, stageDiagram, stage }

    static func fix(_ diagnostic: Diagnostic, _ document: FixDocument) -> Fix? {
        let tokens = JSONPointerPath.tokens(diagnostic.pointer)
        guard let place = place(of: tokens), let (object, member) = document.member(for: diagnostic) else { return nil }
        let rule = diagnostic.rule
        switch (place, member.key) {
        case (.recordType, "loading"):
            if object["is_loadable"] == nil {
                return Fix(rule: rule, applicability: .safe, description: "replace \"loading\" with \"is_loadable\": true",
                           edits: [document.replaceMember(member, key: "is_loadable", value: "true")])
            }
            guard object["is_loadable"]?.bool == true else { return nil }
            return KeyMigration.remove(member, from: object, rule: rule, document, applicability: .safe,
                                       why: "\"is_loadable\" is already true")
        case (.recordType, "extraction"):
            return KeyMigration.remove(member, from: object, rule: rule, document, applicability: .unsafe,
                                       why: "record types no longer carry extraction settings")
        case (.field, "is_system"):
            return KeyMigration.rename(member, in: object, to: "is_read_only", rule: rule, document)
        case (.field, "is_sortable"), (.field, "is_groupable"):
            if object["is_indexed"] != nil {
                return KeyMigration.remove(member, from: object, rule: rule, document, applicability: .unsafe,
                                           why: "the field already says \"is_indexed\"")
            }
            return KeyMigration.rename(member, in: object, to: "is_indexed", rule: rule, document, applicability: .unsafe)
        case (.field, "is_pii"), (.field, "is_deprecated"):
            return KeyMigration.remove(member, from: object, rule: rule, document, applicability: .unsafe,
                                       why: "it has no replacement")
        case (.reference, "role"):
            guard let role = member.value.string, ReferenceSpec.Role(rawValue: role) != nil else { return nil }
            return KeyMigration.rename(member, in: object, to: "reference_type", rule: rule, document)
        case (.reference, "is_dynamic_typed"):
            return dynamicTyped(member, in: object, tokens: tokens, rule: rule, document)
        case (.stageDiagram, "no_transitions_defined"):
            return KeyMigration.rename(member, in: object, to: "all_transitions_allowed", rule: rule, document)
        case (.stage, "stage_name"), (.stage, "is_deprecated"):
            return LegacyStageKeyFix.fix(member, in: object, tokens: tokens, rule: rule, document)
        case (.stage, "ordinal"):
            return KeyMigration.remove(member, from: object, rule: rule, document, applicability: .unsafe,
                                       why: "stages are ordered by the controlling enum's values")
        default:
            return nil
        }
    }

    /// Where a legacy key stands, from its pointer's shape.
    static func place(of tokens: [String]) -> Place? {
        let n = tokens.count
        if n == 3, tokens[0] == "record_types" { return .recordType }
        if n == 4, tokens[0] == "record_types", tokens[2] == "stage_diagram" { return .stageDiagram }
        if n == 6, tokens[0] == "record_types", tokens[2] == "stage_diagram", tokens[3] == "stages" { return .stage }
        guard tokens.first == "record_types" || tokens.first == "struct_types", n >= 5, tokens[2] == "fields" else {
            return nil
        }
        if n == 5 { return .field }
        if n == 6, ["reference", "typed_reference"].contains(tokens[4]) { return .reference }
        if n == 7, tokens[4] == "permission", tokens[5] == "member_id" { return .reference }
        return nil
    }

    /// `is_dynamic_typed: true` on a reference field becomes a `typed_reference` field.
    static func dynamicTyped(_ member: JSONMember, in block: JSONNode, tokens: [String], rule: String,
                             _ document: FixDocument) -> Fix? {
        if member.value.bool == false || member.value.isNull {
            return KeyMigration.remove(member, from: block, rule: rule, document, applicability: .safe,
                                       why: "false is the default")
        }
        guard member.value.bool == true, tokens.count == 6, tokens[4] == "reference",
              let field = document.root.descendant(tokens.prefix(4)),
              let type = field["type"], type.string == "reference", field["typed_reference"] == nil,
              let blockMember = field.member("reference"),
              let removal = document.remove(member, from: block) else { return nil }
        return Fix(rule: rule, applicability: .safe,
                   description: "make the field a \"typed_reference\" instead of \"is_dynamic_typed\": true",
                   edits: [document.replaceValue(type, with: "\"typed_reference\""),
                           document.rename(blockMember, to: "typed_reference"), removal])
    }
}
