import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let valueNotAllowed = RuleInfo(
        id: "value-not-allowed", group: .structure, severity: .error,
        summary: "A string is outside the set of values its key allows.",
        explanation: """
        Some keys take one of a fixed set of strings: schema_version ("v0.2.0"), reference_type \
        ("parent", "child"), scope ("metadata_is_system_scoped", "data_is_system_scoped"), a \
        condition's comparator (eq, ne, lt, lte, gt, gte) and effect (require, show). Any other \
        value is rejected by the schema. The message lists the allowed values.
        """)
}
