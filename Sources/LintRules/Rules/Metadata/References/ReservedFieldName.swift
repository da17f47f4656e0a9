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
            """),
        fixer: RuleFixer(offers: [.safe], ReservedFieldName.fix))
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

extension ReservedFieldName {
    /// Safe: removes the field. No fix when something in the metadata names that field (a
    /// `by_field`, a condition, the stage diagram, link naming): removing it would break those, so
    /// a person decides.
    static func fix(_ diagnostic: Diagnostic, _ document: FixDocument) -> Fix? {
        let tokens = JSONPointer.tokens(diagnostic.pointer)
        guard tokens.count == 4, tokens[0] == "record_types", tokens[2] == "fields",
              let recordType = document.metadata.recordType(tokens[1]),
              !isNamed(tokens[3], in: recordType, document.metadata),
              let (object, member) = document.member(for: diagnostic) else { return nil }
        return KeyMigration.remove(member, from: object, rule: diagnostic.rule, document, applicability: .safe,
                                   why: "every item carries it outside \"data\"")
    }

    /// True when a reference's `by_field`, a condition, the stage diagram or link naming of
    /// `recordType` names the field `key`.
    static func isNamed(_ key: String, in recordType: RecordType, _ metadata: Metadata) -> Bool {
        if recordType.stageDiagram?.controllingField?.value == key { return true }
        if recordType.linkNaming?.linkTypeField?.value == key { return true }
        for group in recordType.conditions {
            if group.controllingField == key { return true }
            if group.conditions.contains(where: { $0.affectedFields.contains { $0.value == key } }) { return true }
        }
        for (_, field) in metadata.allFields {
            for spec in [field.reference, field.permissionMember].compactMap({ $0 }) {
                for target in spec.targets where target.byField?.value == key {
                    if metadata.recordTypes(targetedBy: target).contains(where: { $0.key == recordType.key }) {
                        return true
                    }
                }
            }
        }
        return false
    }
}
