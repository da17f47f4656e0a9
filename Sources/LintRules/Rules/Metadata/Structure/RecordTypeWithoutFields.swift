import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let recordTypeWithoutFields = RuleInfo(
        id: "record-type-without-fields", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "A record type or struct type has no \"fields\" object.",
            why: """
            The first steps of the metadata guide show record types as {}, but the schema requires \
            every record type to have a fields object, even an empty one. Metadata written from that \
            guide fails validation in a sync.
            """,
            example: """
            "record_types": {
              "issues": {},
              "comments": { "name": "Comment" }
            }
            """,
            fix: """
            Add "fields": {} and declare the fields found in the data.
            """))
}

public struct RecordTypeWithoutFields: RuleViolation {
    public static var rule: RuleInfo { Rules.recordTypeWithoutFields }
    public let recordType: Subject

    public var message: String {
        "\(recordType) has no \"fields\": add \"fields\": {} (the schema requires it, even when empty)"
    }
}
