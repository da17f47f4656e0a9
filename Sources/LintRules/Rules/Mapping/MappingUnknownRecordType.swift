import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingUnknownRecordType = RuleInfo(
        id: "mapping-unknown-record-type", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A record-type mapping is keyed by a record type the metadata does not declare.",
            why: """
            record_type_mappings is keyed by the external record types of \
            external_domain_metadata.json. A key that names none of them (a typo, a renamed type) \
            maps nothing, and the record type it was meant for stays unmapped. The reserved item \
            type attachments must not be mapped at all. If the extractor adds record types to the \
            metadata at run time, a type missing from the static file may be one of those.
            """,
            example: """
            metadata:  "record_types": { "issues": { "fields": { } } }
            mapping:   "record_type_mappings": { "issue": { "default_mapping": { "object_type": "issue" } } }
            """,
            fix: """
            Use the record type's key as the metadata spells it, or declare the record type.
            """))
}

struct MappingUnknownRecordTypeCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingUnknownRecordType] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        guard let metadata = context.metadata else { return }
        let declared = metadata.recordTypes.map(\.key)
        for entry in context.mapping.recordTypeEntries where !declared.contains(entry.key) {
            let reserved = MappingContext.reservedItemTypes.contains(entry.key)
            sink.report(MappingUnknownRecordType(recordType: entry.key, declared: declared, reserved: reserved), at: entry.keyRef)
        }
    }
}

public struct MappingUnknownRecordType: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingUnknownRecordType }
    public let recordType: String
    public let declared: [String]
    public let reserved: Bool

    public var message: String {
        if reserved {
            return "\"\(recordType)\" is a reserved item type, which is not mapped: remove this mapping"
        }
        var message = "record type \"\(recordType)\" is not declared in the metadata"
        if let suggestion = Suggest.didYouMean(recordType, in: declared) {
            message += ": " + suggestion
        } else {
            message += ": use a record type of the metadata, or declare it"
        }
        return message + " (if the extractor adds it to the metadata at run time, ignore this)"
    }
}
