import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let unknownFieldType = RuleInfo(
        id: "unknown-field-type", group: .structure, severity: .error,
        summary: "A field's type is not one of the format's types.",
        explanation: """
        A field type is one of bool, int, float, text, rich_text, reference, typed_reference, enum, \
        date, timestamp, struct, permission, type_key, record_type_privilege, field_privilege, \
        conditional_privilege or participation. Names from other systems (string, integer, boolean, \
        datetime, array) are not types here: an array is its element type plus a collection block, \
        an object is a struct type. The message names the type to use.
        """)
}
