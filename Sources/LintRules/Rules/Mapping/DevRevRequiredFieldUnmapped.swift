import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let devrevRequiredFieldUnmapped = RuleInfo(
        id: "devrev-required-field-unmapped", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A mapping used forward leaves a field DevRev requires unmapped.",
            why: """
            DevRev cannot create an item without its required fields (an issue needs title, \
            owned_by_ids, applies_to_part_id, stage, priority): the import fails with "required \
            DevRev field ... not mapped". Each forward mapping must fill every required field, \
            from an external field, a fixed value, a DevRev record, or at least a fallback. \
            Checked against DevRev's published table, whose date the message cites.
            """,
            example: """
            "devrev_leaf_type": { "object_type": "issue", "object_category": "stock" },
            "stock_field_mappings": {
              "title": { "forward": true, "reverse": false, "primary_external_field": "title",
                         "transformation_method_for_set": { "transformation_method": "use_directly" } }
            }
            """,
            fix: """
            Map each field the message lists (use_fixed_value or use_devrev_record when the \
            external system has no such value), or give its mapping a fallback.
            """))
}

struct DevRevRequiredFieldUnmappedCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.devrevRequiredFieldUnmapped] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        guard let table = context.table else { return }
        for entry in context.mapping.entries {
            // A mapping without a shard leaves every field to the end user's choice at import.
            for option in entry.options where option.isForward {
                guard let shard = option.shard, let leafType = context.targetLeafType(of: option) else { continue }
                let missing = leafType.fields.filter(\.isRequired).map(\.name).filter { name in
                    guard let mapped = shard.field(name) else { return true }
                    return !mapped.isForward && mapped.fallback == nil
                }
                guard !missing.isEmpty else { continue }
                sink.report(DevRevRequiredFieldUnmapped(fields: missing, leafType: option.leafType ?? leafType.name,
                                                        option: MappingWalk.subject(of: option, in: entry), tableDate: table.date),
                            at: shard.leafType?.ref ?? option.leafTypeName?.ref ?? option.ref)
            }
        }
    }
}

public struct DevRevRequiredFieldUnmapped: RuleViolation {
    public static var rule: RuleInfo { Rules.devrevRequiredFieldUnmapped }
    public let fields: [String]
    public let leafType: String
    public let option: MappingSubject
    public let tableDate: String

    public var message: String {
        let names = fields.map { "\"\($0)\"" }.joined(separator: ", ")
        let noun = fields.count == 1 ? "field \(names) of \"\(leafType)\" is" : "fields \(names) of \"\(leafType)\" are"
        return "required DevRev \(noun) not mapped in \(option): map \(fields.count == 1 ? "it" : "them") (a fixed value, a DevRev record, or a fallback where the external system has none) (DevRev's object table of \(tableDate))"
    }
}
