import JQ
import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let devrevEnumValue = RuleInfo(
        id: "devrev-enum-value", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A mapping writes a value that the DevRev enum field does not have.",
            why: """
            A DevRev enum field (stage, priority, severity, ...) accepts only its own values. A \
            fixed value, a map_enum target, a fallback, a constant jq output, or an external enum \
            key copied with use_directly that is not one of them fails the item's import; a \
            map_enum reverse key that is not one never matches. Checked against DevRev's \
            published table, whose date the message cites (stages can also be customised per \
            org, which no file shows).
            """,
            example: """
            "priority": {
              "forward": true, "reverse": false,
              "transformation_method_for_set": { "transformation_method": "use_fixed_value", "value": "enum_value", "enum": "p1" }
            }
            """,
            fix: """
            Use one of the field's values (the message suggests the closest).
            """))
}

struct DevRevEnumValueCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.devrevEnumValue] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        guard let table = context.table else { return }
        for field in context.fields {
            guard let target = context.devrevField(field), target.type == .enum, let values = target.values else { continue }
            func report(_ value: String, _ source: DevRevEnumValue.Source, _ ref: SourceRef) {
                guard !values.contains(value) else { return }
                sink.report(DevRevEnumValue(value: value, source: source, mapping: field.subject, target: target.name,
                                            values: values, tableDate: table.date), at: ref)
            }
            switch field.mapping.method?.parameters {
            case .fixedValue(let fixed)?:
                if let value = fixed.enumValue { report(value.value, .fixedValue, value.ref) }
            case .mapEnum(let mapping)?:
                for pair in mapping.forward { if let value = pair.value { report(value.value, .forwardTarget, value.ref) } }
                for pair in mapping.reverse { report(pair.key, .reverseKey, pair.keyRef) }
            case .rawJQ(let jq)?:
                if let program = jq.forwardJQ, case .outputs(let outputs)? = context.programs.constantRun(of: program) {
                    for case .string(let text) in outputs { report(text, .constantOutput, program.ref) }
                }
            default:
                break
            }
            if field.mapping.methodKind == .useDirectly, let primary = field.mapping.primaryField {
                for resolved in context.resolved(field) where resolved.field.type == .enum {
                    for key in resolved.field.enumKeys where !values.contains(key) {
                        report(key, .externalKey(resolved.field.key, context.place(resolved.field.keyRef)), primary.ref)
                    }
                }
            }
            if let fallback = field.mapping.fallback, fallback.type?.value == "enum", let value = fallback.value, let text = value.string {
                report(text, .fallback, value.ref)
            }
        }
    }
}

public struct DevRevEnumValue: RuleViolation {
    public static var rule: RuleInfo { Rules.devrevEnumValue }

    public enum Source: Sendable {
        case fixedValue, forwardTarget, reverseKey, constantOutput, fallback
        case externalKey(String, FilePlace?)
    }

    public let value: String
    public let source: Source
    public let mapping: MappingSubject
    public let target: String
    public let values: [String]
    public let tableDate: String

    public var message: String {
        let what: String
        switch source {
        case .fixedValue: what = "the fixed value"
        case .forwardTarget: what = "the forward target"
        case .reverseKey: what = "the reverse key"
        case .constantOutput: what = "the program's output"
        case .fallback: what = "the fallback"
        case .externalKey(let field, let place): what = "enum key of \"\(field)\"\(place.cited), copied by use_directly,"
        }
        var message = "\(what) \"\(value)\" in \(mapping) is not one of the field's values"
        if let suggestion = Suggest.didYouMean(value, in: values) {
            message += ": " + suggestion
        } else {
            message += ": its values are " + values.map { "\"\($0)\"" }.joined(separator: ", ")
        }
        if case .externalKey = source { message += "; use map_enum to translate the keys" }
        return message + " (DevRev's object table of \(tableDate))"
    }
}
