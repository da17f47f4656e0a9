import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let linkNamingField = RuleInfo(
        id: "link-naming-field", group: .reference, severity: .error,
        summary: "link_naming_data's link_type_field is not a field of the record type.",
        explanation: """
        link_naming_data names the field that holds each link's type (link_type_field) and the \
        forward and backward names of each link type. The field must be declared on the same \
        record type, or links cannot be named. Declare the field or fix its name.
        """)
}

struct LinkNamingFieldCheck: MetadataCheck {
    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for type in metadata.recordTypes {
            guard let field = type.linkNaming?.linkTypeField, type.field(field.value) == nil else { continue }
            sink.report(Rules.linkNamingField, at: field.ref,
                        "link_type_field \"\(field.value)\" is not a field of record type \"\(type.key)\"\(ConditionFieldCheck.hint(field.value, type.fields.map(\.key)))")
        }
    }
}
