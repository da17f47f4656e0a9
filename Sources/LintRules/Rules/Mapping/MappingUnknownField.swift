import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingUnknownField = RuleInfo(
        id: "mapping-unknown-field", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A primary_external_field names a field its record type does not declare.",
            why: """
            primary_external_field is the external field a DevRev field gets its value from: one \
            field of the mapped record type (for a category mapping, of each record type of the \
            category), including the fields mapped inside make_struct and use_first_non_null. A \
            name the metadata does not declare has no value, so the DevRev field stays empty and a \
            required one fails the import. It names one field, not a dotted path.
            """,
            example: """
            metadata:  "issues": { "fields": { "reporter": { "type": "reference", ... } } }
            mapping:   "created_by_id": { "forward": true, "reverse": false, "primary_external_field": "reporter_id",
                                          "transformation_method_for_set": { "transformation_method": "use_directly" } }
            """,
            fix: """
            Use the field's key as the metadata spells it (the message suggests the closest), or \
            declare the field.
            """))
}

struct MappingUnknownFieldCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingUnknownField] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for field in context.fields {
            guard let primary = field.mapping.primaryField, !MappingContext.envelopeKeys.contains(primary.value) else { continue }
            for type in context.recordTypes(of: field.entry) where type.field(primary.value) == nil {
                let head = primary.value.split(separator: ".").first.map(String.init)
                let isPath = primary.value.contains(".") && head.flatMap { type.field($0) } != nil
                sink.report(MappingUnknownField(field: primary.value, recordType: type.key, declaredAt: context.place(type.keyRef),
                                                declared: type.fields.map(\.key), isPath: isPath), at: primary.ref)
            }
        }
    }
}

public struct MappingUnknownField: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingUnknownField }
    public let field: String
    public let recordType: String
    public let declaredAt: FilePlace?
    public let declared: [String]
    /// A dotted path whose first part is a field.
    public let isPath: Bool

    public var message: String {
        var message = "field \"\(field)\" is not declared in record type \"\(recordType)\"\(declaredAt.cited)"
        if isPath {
            return message + ": primary_external_field names one field, not a path; map a struct with use_raw_jq"
        }
        if let suggestion = Suggest.didYouMean(field, in: declared) ?? Self.idSuffixSuggestion(field, in: declared) {
            message += "; " + suggestion
        } else {
            message += ": declare it in the metadata, or map a declared field"
        }
        return message
    }

    /// `reporter_id` for a field declared as `reporter` (and the other way round): references are
    /// often named with an id suffix on one side only.
    static func idSuffixSuggestion(_ field: String, in declared: [String]) -> String? {
        for suffix in ["_ids", "_id", "Ids", "Id"] {
            if field.hasSuffix(suffix), declared.contains(String(field.dropLast(suffix.count))) {
                return "did you mean \"\(field.dropLast(suffix.count))\"?"
            }
            if let match = declared.first(where: { $0 == field + suffix }) { return "did you mean \"\(match)\"?" }
        }
        return nil
    }
}
