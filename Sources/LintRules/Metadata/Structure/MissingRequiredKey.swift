import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let missingRequiredKey = RuleInfo(
        id: "missing-required-key", group: .structure, severity: .error,
        summary: "A key the format requires is missing.",
        explanation: """
        The format requires some keys: record_types at the root, type on every field, values in an \
        enum block, key in every enum value, refers_to in a reference block, key in a struct block, \
        controlling_field and stages in a stage diagram, name in a state, value, comparator, \
        affected_fields and effect in a condition, link_type_field and link_direction_names in \
        link_naming_data. DevRev rejects the file without them. Add the key the message names.
        """)
}
