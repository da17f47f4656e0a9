import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let linkNamingField = RuleInfo(
        id: "link-naming-field", group: .reference, severity: .error,
        docs: RuleDocs(
            what: "link_naming_data's link_type_field is not a field of the record type.",
            why: """
            link_naming_data names the field that holds each link's type (link_type_field) and the \
            forward and backward names of each link type. The field must be declared on the same \
            record type, or links cannot be named.
            """,
            example: """
            "fields": {
              "link_type": { "type": "enum", "enum": { "values": [ { "key": "blocks" } ] } }
            },
            "link_naming_data": {
              "link_type_field": "linktype",
              "link_direction_names": { "blocks": { "forward_name": "blocks", "backward_name": "is blocked by" } }
            }
            """,
            fix: """
            Declare the field or fix its name.
            """))
}

struct LinkNamingFieldCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.linkNamingField] }

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for type in metadata.recordTypes {
            guard let field = type.linkNaming?.linkTypeField, type.field(field.value) == nil else { continue }
            sink.report(LinkNamingField(field: field.value, recordType: type.key, fields: type.fields.map(\.key)), at: field.ref)
        }
    }
}

public struct LinkNamingField: RuleViolation {
    public static var rule: RuleInfo { Rules.linkNamingField }
    public let field: String
    public let recordType: String
    public let fields: [String]

    public var message: String {
        "link_type_field \"\(field)\" is not a field of record type \"\(recordType)\"\(ConditionField.hint(field, fields))"
    }
}
