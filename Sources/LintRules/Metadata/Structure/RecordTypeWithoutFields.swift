import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let recordTypeWithoutFields = RuleInfo(
        id: "record-type-without-fields", group: .structure, severity: .error,
        summary: "A record type or struct type has no \"fields\" object.",
        explanation: """
        The first steps of the metadata guide show record types as {}, but the schema requires every \
        record type to have a fields object, even an empty one. Metadata written from that guide \
        fails validation in a sync. Add "fields": {} and declare the fields found in the data.
        """)
}
