import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingDirectionNone = RuleInfo(
        id: "mapping-direction-none", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A mapping or field mapping has both forward and reverse false.",
            why: """
            forward says a mapping is used when syncing into DevRev, reverse when syncing back to \
            the external system. DevRev's schema says at least one of them must be true for a field \
            mapping; one with both false never applies and is rejected. A record-type mapping with \
            both false is offered for nothing.
            """,
            example: """
            "title": {
              "forward": false, "reverse": false, "primary_external_field": "title",
              "transformation_method_for_set": { "transformation_method": "use_directly" }
            }
            """,
            fix: """
            Set forward (or reverse, for two-way sync) to true, or remove the mapping.
            """))
}

struct MappingDirectionNoneCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingDirectionNone] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for entry in context.mapping.entries {
            for option in entry.options {
                guard let forward = option.forward, let reverse = option.reverse, !forward.value, !reverse.value else { continue }
                sink.report(MappingDirectionNone(subject: MappingWalk.subject(of: option, in: entry), isField: false), at: forward.ref)
            }
        }
        for field in context.fields {
            guard let forward = field.mapping.forward, let reverse = field.mapping.reverse, !forward.value, !reverse.value else { continue }
            sink.report(MappingDirectionNone(subject: field.subject, isField: true), at: forward.ref)
        }
    }
}

public struct MappingDirectionNone: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingDirectionNone }
    public let subject: MappingSubject
    public let isField: Bool

    public var message: String {
        let what = isField ? "it is never applied and DevRev rejects it" : "it is never used"
        return "\(subject) has forward and reverse both false, so \(what): set forward (or reverse) to true, or remove it"
    }
}
