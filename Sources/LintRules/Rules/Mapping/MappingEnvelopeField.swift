import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingEnvelopeField = RuleInfo(
        id: "mapping-envelope-field", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A primary_external_field names id, created_date or modified_date.",
            why: """
            id, created_date and modified_date are keys of the extracted item around its data, \
            not fields: the metadata may not declare them, and the primary field is read from the \
            item's data, where they are not (inferred). DevRev links items by their id and \
            records their dates on its own.
            """,
            example: """
            "item_url_field": {
              "forward": true, "reverse": false, "primary_external_field": "id",
              "transformation_method_for_set": { "transformation_method": "use_directly" }
            }
            """,
            fix: """
            Map a field of the record's data; to expose the id or a date, have the extractor copy \
            it into a declared field.
            """))
}

struct MappingEnvelopeFieldCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingEnvelopeField] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for field in context.fields {
            guard let primary = field.mapping.primaryField, MappingContext.envelopeKeys.contains(primary.value) else { continue }
            sink.report(MappingEnvelopeField(key: primary.value, field: field.subject), at: primary.ref)
        }
    }
}

public struct MappingEnvelopeField: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingEnvelopeField }
    public let key: String
    public let field: MappingSubject

    public var message: String {
        "primary_external_field of \(field) is \"\(key)\", a key of the item outside its data, not a field: map a declared field of the record type (have the extractor copy the value into one)"
    }
}
