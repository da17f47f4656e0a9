import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let invalidValueType = RuleInfo(
        id: "invalid-value-type", group: .structure, severity: .error,
        summary: "A key's value has the wrong JSON type.",
        explanation: """
        Each key of the format takes one JSON type: names and descriptions are strings, flags such as \
        is_required are booleans (the field flags is_identifier, is_indexed, is_read_only, \
        is_write_only and is_filterable also accept null), maps such as fields and refers_to are \
        objects, lists such as enum values are arrays. A quoted "true" or "5" is a string, not a \
        boolean or number. The message names the expected type; write the value in that type.
        """)
}
