import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let reservedFieldName = RuleInfo(
        id: "reserved-field-name", group: .reference, severity: .error,
        summary: "A record type declares id, created_date or modified_date as a field.",
        explanation: """
        Every extracted item carries its primary key, creation and modification time at the top \
        level (id, created_date, modified_date), outside "data". The metadata guide says they must \
        not be declared as fields; declaring them makes the mapping offer fields that never appear \
        in "data". Remove the declaration. (Several public snap-ins declare them; this is the most \
        common mistake in real files.)
        """)
}

struct ReservedFieldNameCheck: MetadataCheck {
    static let reserved = ["id", "created_date", "modified_date"]

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for type in metadata.recordTypes {
            for field in type.fields where Self.reserved.contains(field.key) {
                sink.report(Rules.reservedFieldName, at: field.keyRef,
                            "record type \"\(type.key)\" declares \"\(field.key)\", which every item carries outside \"data\": remove this field")
            }
        }
    }
}
