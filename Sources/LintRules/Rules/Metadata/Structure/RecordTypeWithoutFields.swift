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
            """),
        fixer: RuleFixer(offers: [.safe], RecordTypeWithoutFields.fix))
}

public struct RecordTypeWithoutFields: RuleViolation {
    public static var rule: RuleInfo { Rules.recordTypeWithoutFields }
    public let recordType: Subject

    public var message: String {
        "\(recordType) has no \"fields\": add \"fields\": {} (the schema requires it, even when empty)"
    }
}

extension RecordTypeWithoutFields {
    /// Safe: adds `"fields": {}` as the object's last member, in the object's own layout.
    static func fix(_ diagnostic: Diagnostic, _ document: FixDocument) -> Fix? {
        guard let (_, member) = document.member(for: diagnostic), member.value.members != nil,
              member.value["fields"] == nil,
              let edit = document.append(key: "fields", value: "{}", to: member.value,
                                          emptyColon: document.colon(of: member)) else { return nil }
        return Fix(rule: diagnostic.rule, applicability: .safe, description: "add \"fields\": {}", edits: [edit])
    }
}
