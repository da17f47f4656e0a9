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
            """))

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
            """))
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

    static let recordType = [
        "extraction": "record types no longer carry \"extraction\" settings since v0.2.0: remove it",
        "loading": "\"loading\" was replaced by \"is_loadable\": true in v0.2.0",
    ]
    static let field = [
        "is_system": "use \"is_read_only\": true for values the system fills in",
        "is_pii": "it has no replacement in v0.2.0: remove it",
        "is_sortable": "use \"is_indexed\": true for fields used to search, sort or filter",
        "is_groupable": "use \"is_indexed\": true for fields used to search, sort or filter",
        "is_required_on_create": "use \"is_required\", or a condition with \"effect\": \"require\"",
        "is_deprecated": "fields are no longer deprecated in metadata: remove it (enum values keep \"is_deprecated\")",
    ]
    static let reference = [
        "role": "renamed to \"reference_type\" (\"parent\" or \"child\")",
        "is_dynamic_typed": "use a field of type \"typed_reference\" instead",
    ]
    static let stageDiagram = ["no_transitions_defined": "renamed to \"all_transitions_allowed\""]
    static let stage = [
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

    public static func newName(of key: String, in subject: Subject) -> String? {
        if case .category = subject, key == "are_transitions_possible" { return "are_record_type_conversions_possible" }
        return nil
    }

    public var message: String {
        "\"\(key)\" in \(subject) is the pre-v0.2.0 name: rename it to \"\(Self.newName(of: key, in: subject) ?? key)\""
    }
}
