import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader.checkKeys).
    public static let legacyKey = RuleInfo(
        id: "legacy-key", group: .legacy, severity: .error,
        docs: RuleDocs(
            what: "A key from the pre-v0.2.0 format that the current schema rejects.",
            why: """
            Metadata written before v0.2.0 used keys the current schema rejects: "role" and \
            "is_dynamic_typed" on references (now "reference_type" and the typed_reference field \
            type), "extraction" and "loading" on record types (now "is_loadable"), "stage_name" on \
            stages, "no_transitions_defined" (now "all_transitions_allowed"), and the field flags \
            is_system, is_pii, is_sortable, is_groupable, is_required_on_create and is_deprecated.
            """,
            example: """
            "comments": {
              "loading": {},
              "fields": {
                "body": { "type": "text", "is_pii": true },
                "author": { "type": "reference", "reference": { "refers_to": { "#record:users": {} }, "role": "parent" } }
              }
            }
            """,
            fix: """
            Migrate each key to its replacement (the message says what replaced it) and add \
            "schema_version": "v0.2.0".
            """),
        fixer: RuleFixer(offers: [.safe, .unsafe], LegacyKey.fix))

    /// Reported while reading the model (MetadataReader.checkKeys).
    public static let renamedKey = RuleInfo(
        id: "renamed-key", group: .legacy, severity: .warning,
        docs: RuleDocs(
            what: "A key under its pre-v0.2.0 name, still accepted here.",
            why: """
            The metadata guide still writes "are_transitions_possible" on categories, while the \
            schema names it "are_record_type_conversions_possible". metadata-lint accepts both and \
            reads the value, but the old name may stop working.
            """,
            example: """
            "record_type_categories": {
              "tickets": { "are_transitions_possible": true }
            },
            "record_types": {
              "bugs": { "category": "tickets", "fields": {} }
            }
            """,
            fix: """
            Rename the key to the name the message gives (validate --fix does it).
            """),
        fixer: RuleFixer(offers: [.safe], RenamedKey.fix))
}

/// A pre-v0.2.0 key; the message says what replaced it.
public struct LegacyKey: RuleViolation {
    public static var rule: RuleInfo { Rules.legacyKey }
    public let key: String
    public let subject: Subject

    public init(key: String, in subject: Subject) {
        self.key = key
        self.subject = subject
    }

    package static let recordType = [
        "extraction": "record types no longer carry \"extraction\" settings since v0.2.0: remove it",
        "loading": "\"loading\" was replaced by \"is_loadable\": true in v0.2.0",
    ]
    package static let field = [
        "is_system": "use \"is_read_only\": true for values the system fills in",
        "is_pii": "it has no replacement in v0.2.0: remove it",
        "is_sortable": "use \"is_indexed\": true for fields used to search, sort or filter",
        "is_groupable": "use \"is_indexed\": true for fields used to search, sort or filter",
        "is_required_on_create": "use \"is_required\", or a condition with \"effect\": \"require\"",
        "is_deprecated": "fields are no longer deprecated in metadata: remove it (enum values keep \"is_deprecated\")",
    ]
    package static let reference = [
        "role": "renamed to \"reference_type\" (\"parent\" or \"child\")",
        "is_dynamic_typed": "use a field of type \"typed_reference\" instead",
    ]
    package static let stageDiagram = ["no_transitions_defined": "renamed to \"all_transitions_allowed\""]
    package static let stage = [
        "stage_name": "a stage's display name now comes from the \"name\" of the controlling enum's value: remove it",
        "is_deprecated": "mark the controlling enum's value \"is_deprecated\": true instead",
        "ordinal": "stages are ordered by the controlling enum's values; states keep \"ordinal\"",
    ]

    /// The legacy keys of the kind of object `subject` is.
    static func table(for subject: Subject) -> [String: String] {
        switch subject {
        case .recordType: return recordType
        case .field: return field
        case .block(let key, _) where ["reference", "typed_reference", "participation"].contains(key): return reference
        case .permissionPart("member_id", _): return reference
        case .stageDiagram: return stageDiagram
        case .stage: return stage
        default: return [:]
        }
    }

    public static func isLegacy(_ key: String, in subject: Subject) -> Bool { table(for: subject)[key] != nil }

    /// The key that replaced this one, where the replacement is a plain rename.
    public var replacement: String? {
        switch (subject, key) {
        case (.stageDiagram, "no_transitions_defined"): return "all_transitions_allowed"
        case (.block, "role"), (.permissionPart, "role"): return "reference_type"
        default: return nil
        }
    }

    public var message: String {
        "\"\(key)\" in \(subject) is a pre-v0.2.0 key: \(Self.table(for: subject)[key] ?? "remove it")"
    }
}

/// A key under its pre-v0.2.0 name that is still read.
public struct RenamedKey: RuleViolation {
    public static var rule: RuleInfo { Rules.renamedKey }
    public let key: String
    public let subject: Subject

    public init(key: String, in subject: Subject) {
        self.key = key
        self.subject = subject
    }

    /// The keys of a category that have a new name, with that name.
    package static let categoryRenames = ["are_transitions_possible": "are_record_type_conversions_possible"]

    public static func newName(of key: String, in subject: Subject) -> String? {
        if case .category = subject { return categoryRenames[key] }
        return nil
    }

    public var message: String {
        "\"\(key)\" in \(subject) is the pre-v0.2.0 name: rename it to \"\(Self.newName(of: key, in: subject) ?? key)\""
    }
}

// MARK: - Fixes

extension RenamedKey {
    /// Safe: renames the key (or removes it when the new name already says the same).
    static func fix(_ diagnostic: Diagnostic, _ document: FixDocument) -> Fix? {
        let tokens = JSONPointer.tokens(diagnostic.pointer)
        guard tokens.count == 3, tokens[0] == "record_type_categories",
              let (object, member) = document.member(for: diagnostic),
              let replacement = categoryRenames[member.key] else { return nil }
        return KeyMigration.rename(member, in: object, to: replacement, rule: diagnostic.rule, document)
    }
}

/// legacy-key's fix: migrate a pre-v0.2.0 key to what replaced it.
///
/// Safe, meaning preserved: `role` → `reference_type`; `no_transitions_defined` →
/// `all_transitions_allowed`; `loading: {...}` → `is_loadable: true`; `is_system` → `is_read_only`;
/// `is_dynamic_typed: true` → a `typed_reference` field (false: removed); a stage's `stage_name` and
/// `is_deprecated` move to the controlling enum's value (removed when that value already says the
/// same). Unsafe, information dropped or reinterpreted: `is_sortable` / `is_groupable` →
/// `is_indexed`; removing `extraction`, `is_pii`, a field's `is_deprecated`, a stage's `ordinal`,
/// a `stage_name` that differs from the enum value's name. No fix: `is_required_on_create`
/// (required always, or on a condition? a person decides).
extension LegacyKey {
    enum Place { case recordType, field, reference, stageDiagram, stage }

    static func fix(_ diagnostic: Diagnostic, _ document: FixDocument) -> Fix? {
        let tokens = JSONPointer.tokens(diagnostic.pointer)
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
            return stageKey(member, in: object, tokens: tokens, rule: rule, document)
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

    /// A stage's `stage_name` and `is_deprecated` now live on the controlling enum's value whose
    /// key is the stage's key.
    static func stageKey(_ member: JSONMember, in stage: JSONNode, tokens: [String], rule: String,
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
