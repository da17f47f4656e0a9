import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingReverseFixedValue = RuleInfo(
        id: "mapping-reverse-fixed-value", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A field filled with use_fixed_value or use_devrev_record has reverse: true.",
            why: """
            use_fixed_value and use_devrev_record set a DevRev field to a constant; they read no \
            external field, so there is nothing to write the value back to when syncing from \
            DevRev. DevRev fixed exactly this in its own template (inferred).
            """,
            example: """
            "stage": {
              "forward": true, "reverse": true,
              "transformation_method_for_set": { "transformation_method": "use_fixed_value", "value": "enum_value", "enum": "triage" }
            }
            """,
            fix: """
            Set reverse to false.
            """))
}

struct MappingReverseFixedValueCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingReverseFixedValue] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for field in context.fields {
            guard let reverse = field.mapping.reverse, reverse.value,
                  let kind = field.mapping.methodKind, kind.ignoresPrimaryField else { continue }
            sink.report(MappingReverseFixedValue(field: field.subject, method: kind.rawValue), at: reverse.ref)
        }
    }
}

public struct MappingReverseFixedValue: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingReverseFixedValue }
    public let field: MappingSubject
    public let method: String

    public var message: String {
        "\(field) is set by \(method), which reads no external field, so reverse: true has nothing to write back to: set reverse to false"
    }
}
