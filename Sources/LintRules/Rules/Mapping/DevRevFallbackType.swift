import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let devrevFallbackType = RuleInfo(
        id: "devrev-fallback-type", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A fallback's type is not the DevRev field's type.",
            why: """
            A fallback is the value DevRev uses when an item arrives without one for a required \
            field. Its type must be the field's own (text for a text field, enum for an enum, ...); \
            there is no reference type among the fallback types, so a reference field cannot have \
            a fallback at all (use use_devrev_record). Checked against DevRev's published table, \
            whose date the message cites.
            """,
            example: """
            "owned_by_ids": {
              "forward": true, "reverse": false, "primary_external_field": "owner",
              "fallback": { "type": "text", "value": "DEVU-1" },
              "transformation_method_for_set": { "transformation_method": "use_as_array_value" }
            }
            """,
            fix: """
            Give the fallback the field's type, or remove it (for a reference, use a \
            use_first_non_null alternative with use_devrev_record).
            """))
}

struct DevRevFallbackTypeCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.devrevFallbackType] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        guard let table = context.table else { return }
        for field in context.fields {
            guard let fallback = field.mapping.fallback, let type = fallback.type, let target = context.devrevField(field) else { continue }
            let expected = target.type.rawValue
            let fits = MappingFallback.types.contains(expected) && type.value == expected
            guard !fits else { continue }
            sink.report(DevRevFallbackType(type: type.value, mapping: field.subject, target: target.name, targetType: expected,
                                           possible: MappingFallback.types.contains(expected), tableDate: table.date), at: type.ref)
        }
    }
}

public struct DevRevFallbackType: RuleViolation {
    public static var rule: RuleInfo { Rules.devrevFallbackType }
    public let type: String
    public let mapping: MappingSubject
    public let target: String
    public let targetType: String
    /// False when no fallback type exists for the field's type (references, structs).
    public let possible: Bool
    public let tableDate: String

    public var message: String {
        let head = "the fallback of \(mapping) is of type \"\(type)\", but the field is \(targetType)"
        let fix = possible ? "set \"type\": \"\(targetType)\" with a \(targetType) value"
            : "a \(targetType) field cannot have a fallback; remove it (for a reference, use use_devrev_record)"
        return "\(head): \(fix) (DevRev's object table of \(tableDate))"
    }
}
