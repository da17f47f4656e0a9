import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let devrevReverseNotExtractable = RuleInfo(
        id: "devrev-reverse-not-extractable", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A mapping with reverse: true targets a leaf type DevRev cannot sync out.",
            why: """
            reverse: true offers the mapping for syncing from DevRev back to the external system. \
            DevRev can extract only some leaf types for that (works, parts, comments, incidents, \
            links, custom objects: "Can Extract" in its table); users, accounts, tags and the like \
            are load-only, so a reverse mapping of them never runs. Checked against DevRev's \
            published table, whose date the message cites.
            """,
            example: """
            "users": {
              "default_mapping": { "object_type": "devu", "object_category": "stock" },
              "possible_record_type_mappings": [ { "devrev_leaf_type": "devu", "forward": true, "reverse": true } ]
            }
            """,
            fix: """
            Set reverse to false.
            """))
}

struct DevRevReverseNotExtractableCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.devrevReverseNotExtractable] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        guard let table = context.table else { return }
        for entry in context.mapping.entries {
            for option in entry.options {
                guard let reverse = option.reverse, reverse.value, let leafType = context.targetLeafType(of: option),
                      !leafType.canExtract else { continue }
                sink.report(DevRevReverseNotExtractable(option: MappingWalk.subject(of: option, in: entry),
                                                        leafType: option.leafType ?? leafType.name, tableDate: table.date),
                            at: reverse.ref)
            }
        }
    }
}

public struct DevRevReverseNotExtractable: RuleViolation {
    public static var rule: RuleInfo { Rules.devrevReverseNotExtractable }
    public let option: MappingSubject
    public let leafType: String
    public let tableDate: String

    public var message: String {
        "\(option) has reverse: true, but DevRev cannot extract \"\(leafType)\" items to sync them back: set reverse to false (DevRev's object table of \(tableDate))"
    }
}
