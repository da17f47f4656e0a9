import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingReverseInForwardOnly = RuleInfo(
        id: "mapping-reverse-in-forward-only", group: .mapping, severity: .note,
        docs: RuleDocs(
            what: "Field mappings have reverse: true inside a mapping whose reverse is false.",
            why: """
            A field mapping's reverse applies only when its record-type mapping is used to sync \
            back to the external system. Inside a mapping with reverse: false it never applies, so \
            the file suggests a two-way sync it does not set up. DevRev's own chef-cli demo does \
            this, so it is only a hint (inferred).
            """,
            example: """
            "comment": {
              "forward": true, "reverse": false,
              "shard": { "mode": "create_shard", "devrev_leaf_type": { "object_type": "comment" },
                "stock_field_mappings": {
                  "body": { "forward": true, "reverse": true, "primary_external_field": "body",
                            "transformation_method_for_set": { "transformation_method": "use_directly" } } } }
            }
            """,
            fix: """
            Set the mapping's reverse to true for two-way sync (the record type must be loadable), \
            or the field mappings' reverse to false.
            """))
}

struct MappingReverseInForwardOnlyCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingReverseInForwardOnly] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for entry in context.mapping.entries {
            for option in entry.options {
                guard let reverse = option.reverse, !reverse.value, let shard = option.shard else { continue }
                let fields = shard.fields.filter(\.isReverse).map(\.field)
                guard !fields.isEmpty else { continue }
                sink.report(MappingReverseInForwardOnly(option: MappingWalk.subject(of: option, in: entry), fields: fields),
                            at: reverse.ref)
            }
        }
    }
}

public struct MappingReverseInForwardOnly: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingReverseInForwardOnly }
    public let option: MappingSubject
    public let fields: [String]

    public var message: String {
        let names = fields.map { "\"\($0)\"" }.joined(separator: ", ")
        return "\(option) has reverse: false, so the reverse: true of its field mappings \(names) never applies: set the mapping's reverse to true for two-way sync, or theirs to false"
    }
}
