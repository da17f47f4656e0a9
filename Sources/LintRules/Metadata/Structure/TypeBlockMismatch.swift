import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let typeBlockMismatch = RuleInfo(
        id: "type-block-mismatch", group: .structure, severity: .error,
        summary: "A field carries the type block of another type.",
        explanation: """
        Each field type has at most one type block named after it (an enum field has "enum", a \
        reference field "reference", a text field "text", and so on), and the schema rejects any \
        other type block. A text field with an enum block usually means the type was changed and \
        the block forgotten, or the type is wrong. Remove the block, or change the type to match it.
        """)
}
