import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingLeafTypeMismatch = RuleInfo(
        id: "mapping-leaf-type-mismatch", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A possible mapping's devrev_leaf_type and its shard's devrev_leaf_type name different leaf types.",
            why: """
            A possible mapping names its leaf type twice: as a plain string next to forward and \
            reverse, and as {object_type, object_category} inside its shard. The user picks by the \
            first, the field mappings are built for the second; when they differ the fields are \
            mapped for the wrong object. Every real file keeps them equal (inferred).
            """,
            example: """
            {
              "devrev_leaf_type": "issue", "forward": true, "reverse": false,
              "shard": { "mode": "create_shard", "devrev_leaf_type": { "object_type": "ticket", "object_category": "stock" } }
            }
            """,
            fix: """
            Make the two names the same.
            """))
}

struct MappingLeafTypeMismatchCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingLeafTypeMismatch] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for entry in context.mapping.entries {
            for option in entry.options where option.kind == .stock {
                guard let name = option.leafTypeName, let inShard = option.shard?.leafType?.objectType,
                      name.value != inShard.value else { continue }
                sink.report(MappingLeafTypeMismatch(option: MappingWalk.subject(of: option, in: entry), named: name.value,
                                                    inShard: inShard.value), at: inShard.ref)
            }
        }
    }
}

public struct MappingLeafTypeMismatch: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingLeafTypeMismatch }
    public let option: MappingSubject
    public let named: String
    public let inShard: String

    public var message: String {
        "the shard of \(option) maps to \"\(inShard)\", but the mapping offers \"\(named)\": make the two devrev_leaf_type values the same"
    }
}
