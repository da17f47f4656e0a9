import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingReverseNotLoadable = RuleInfo(
        id: "mapping-reverse-not-loadable", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A mapping with reverse: true maps a record type that is not loadable.",
            why: """
            reverse: true offers the mapping for syncing from DevRev back to the external system, \
            which loads items into it. DevRev's docs (metadata extraction) require record types \
            used in two-way sync to be is_loadable: true, and DevRev fixed exactly this in its own \
            template. Whether chef-cli flags it is not known; the file contradicts the docs.
            """,
            example: """
            metadata:  "users": { "fields": { ... } }
            mapping:   "users": { "possible_record_type_mappings": [ { "devrev_leaf_type": "devu", "forward": true, "reverse": true } ] }
            """,
            fix: """
            Set "is_loadable": true on the record type (and implement loading), or set the \
            mapping's reverse to false.
            """))
}

struct MappingReverseNotLoadableCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingReverseNotLoadable] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for entry in context.mapping.entries {
            for option in entry.options {
                guard let reverse = option.reverse, reverse.value else { continue }
                for type in context.recordTypes(of: entry) where type.isLoadable != true {
                    sink.report(MappingReverseNotLoadable(option: MappingWalk.subject(of: option, in: entry), recordType: type.key,
                                                          declaredAt: context.place(type.keyRef)), at: reverse.ref)
                }
            }
        }
    }
}

public struct MappingReverseNotLoadable: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingReverseNotLoadable }
    public let option: MappingSubject
    public let recordType: String
    public let declaredAt: FilePlace?

    public var message: String {
        "\(option) has reverse: true, but record type \"\(recordType)\"\(declaredAt.cited) is not loadable (DevRev's docs require is_loadable: true for two-way sync): set \"is_loadable\": true on it, or reverse to false"
    }
}
