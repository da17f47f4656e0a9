import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingReverseReadOnly = RuleInfo(
        id: "mapping-reverse-read-only", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A field mapping with reverse: true writes back to an external field marked is_read_only.",
            why: """
            DevRev's docs say fields that must not be mapped in reverse are the ones marked \
            is_read_only in the metadata: the external system does not accept writes to them \
            (computed values, system timestamps). A reverse mapping onto one makes the loader try \
            to write it, and the external API rejects the update.
            """,
            example: """
            metadata:  "updated_at": { "type": "timestamp", "is_read_only": true }
            mapping:   "target_close_date": { "forward": true, "reverse": true, "primary_external_field": "updated_at",
                                              "transformation_method_for_set": { "transformation_method": "use_directly" } }
            """,
            fix: """
            Set the field mapping's reverse to false.
            """))
}

struct MappingReverseReadOnlyCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingReverseReadOnly] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for field in context.fields {
            guard let reverse = field.mapping.reverse, reverse.value else { continue }
            for resolved in context.resolved(field) where resolved.field.isReadOnly {
                sink.report(MappingReverseReadOnly(mapping: field.subject, field: resolved.field.key, recordType: resolved.recordType.key,
                                                   declaredAt: context.place(resolved.field.keyRef)), at: reverse.ref)
            }
        }
    }
}

public struct MappingReverseReadOnly: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingReverseReadOnly }
    public let mapping: MappingSubject
    public let field: String
    public let recordType: String
    public let declaredAt: FilePlace?

    public var message: String {
        "\(mapping) has reverse: true, but field \"\(field)\" of record type \"\(recordType)\"\(declaredAt.cited) is read-only in the external system: set reverse to false"
    }
}
