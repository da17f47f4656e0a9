import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingUnmappedRecordType = RuleInfo(
        id: "mapping-unmapped-record-type", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A record type of the metadata has no mapping, neither its own nor through its category.",
            why: """
            Every record type the extractor sends needs a mapping onto a DevRev object type, or \
            its items cannot be imported. DevRev's mapping playbook has the check confirm that \
            every record type is mapped. It is a warning because the end user can still map the \
            type by hand when the import starts.
            """,
            example: """
            metadata:  "record_types": { "todos": { "fields": { } }, "users": { "fields": { } } }
            mapping:   "record_type_mappings": { "todos": { "default_mapping": { "object_type": "issue" } } }
            """,
            fix: """
            Add the record type to record_type_mappings (or map its category in \
            record_type_category_mappings); chef-cli's mapping UI writes the entry.
            """))
}

struct MappingUnmappedRecordTypeCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingUnmappedRecordType] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        guard let metadata = context.metadata else { return }
        let mapped = Set(context.mapping.recordTypeEntries.map(\.key))
        let mappedCategories = Set(context.mapping.categoryEntries.map(\.key))
        let at = context.mapping.recordTypeMappingsRef ?? context.mapping.root.ref
        for type in metadata.recordTypes where !MappingContext.reservedItemTypes.contains(type.key) {
            if mapped.contains(type.key) { continue }
            if let category = type.category?.value, mappedCategories.contains(category) { continue }
            sink.report(MappingUnmappedRecordType(recordType: type.key, declaredAt: context.place(type.keyRef),
                                                  category: type.category?.value,
                                                  blueprint: context.mapping.shape == .blueprint), at: at)
        }
    }
}

public struct MappingUnmappedRecordType: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingUnmappedRecordType }
    public let recordType: String
    public let declaredAt: FilePlace?
    public let category: String?
    /// The file has only the legacy blueprint, where mappings go in external_record_types.
    public let blueprint: Bool

    public var message: String {
        var message = "record type \"\(recordType)\"\(declaredAt.cited) has no mapping"
        if blueprint {
            return message + ": add it to external_record_types"
        }
        message += ": add it to record_type_mappings"
        if let category { message += ", or map its category \"\(category)\" in record_type_category_mappings" }
        return message
    }
}
