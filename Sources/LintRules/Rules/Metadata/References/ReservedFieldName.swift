import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let reservedFieldName = RuleInfo(
        id: "reserved-field-name", group: .reference, severity: .error,
        docs: RuleDocs(
            what: "A record type declares id, created_date or modified_date as a field.",
            why: """
            Every extracted item carries its primary key, creation and modification time at the top \
            level (id, created_date, modified_date), outside "data". The metadata guide says they \
            must not be declared as fields; declaring them makes the mapping offer fields that never \
            appear in "data". (Several public snap-ins declare them; this is the most common mistake \
            in real files.)
            """,
            example: """
            "fields": {
              "id": { "type": "text" },
              "email": { "type": "text" },
              "created_date": { "type": "timestamp" },
              "modified_date": { "type": "timestamp" }
            }
            """,
            fix: """
            Remove the declaration.
            """))
}

struct ReservedFieldNameCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.reservedFieldName] }

    static let reserved = ReservedFieldName.fieldNames

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for type in metadata.recordTypes {
            for field in type.fields where Self.reserved.contains(field.key) {
                sink.report(ReservedFieldName(recordType: type.key, field: field.key), at: field.keyRef)
            }
        }
    }
}

public struct ReservedFieldName: RuleViolation {
    public static var rule: RuleInfo { Rules.reservedFieldName }
    public let recordType: String
    public let field: String

    /// What every item carries outside "data".
    public static let fieldNames = ["id", "created_date", "modified_date"]

    public var message: String {
        "record type \"\(recordType)\" declares \"\(field)\", which every item carries outside \"data\": remove this field"
    }
}
