import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader.checkKeys).
    public static let legacyKey = RuleInfo(
        id: "legacy-key", group: .legacy, severity: .error,
        summary: "A key from the pre-v0.2.0 format that the current schema rejects.",
        explanation: """
        Metadata written before v0.2.0 used keys the current schema rejects: "role" and \
        "is_dynamic_typed" on references (now "reference_type" and the typed_reference field type), \
        "extraction" and "loading" on record types (now "is_loadable"), "stage_name" on stages, \
        "no_transitions_defined" (now "all_transitions_allowed"), and the field flags is_system, \
        is_pii, is_sortable, is_groupable, is_required_on_create and is_deprecated. The message says \
        what replaced each one; migrate the key and add "schema_version": "v0.2.0".
        """)

    /// Reported while reading the model (MetadataReader.checkKeys).
    public static let renamedKey = RuleInfo(
        id: "renamed-key", group: .legacy, severity: .warning,
        summary: "A key under its pre-v0.2.0 name, still accepted here.",
        explanation: """
        The metadata guide still writes "are_transitions_possible" on categories, while the schema \
        names it "are_record_type_conversions_possible". metadata-lint accepts both and reads the \
        value, but the old name may stop working; rename the key.
        """)
}
