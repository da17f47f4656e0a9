import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let missingTypeBlock = RuleInfo(
        id: "missing-type-block", group: .structure, severity: .error,
        summary: "An enum, reference, typed_reference or struct field has no type block.",
        explanation: """
        Enum fields need their values ("enum": {"values": [...]}), reference and typed_reference \
        fields need what they can refer to ("reference": {"refers_to": {...}}), and struct fields \
        need the struct type they hold ("struct": {"key": ...}). Without the block the field cannot \
        be mapped. Add the block the message shows.
        """)
}
