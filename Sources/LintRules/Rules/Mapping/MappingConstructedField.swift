import JQ
import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingConstructedField = RuleInfo(
        id: "mapping-constructed-field", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A constructed custom field disagrees with itself: its types, its default or its program's output.",
            why: """
            A constructed custom field (constructed_custom_fields) describes a new DevRev field \
            twice, in field_descriptor and in the use_raw_jq method's custom_field_type, and fills \
            it with a jq program. If the two field types differ, or the default value or the \
            program's constant output is not one of allowed_values, DevRev creates a field that \
            cannot hold what the import writes (inferred from DevRev-written files).
            """,
            example: """
            "ext_object_type": {
              "field_descriptor": { "field_type": "enum", "allowed_values": ["Todos"], "default_value": "Todos" },
              "transformation_method": {
                "transformation_method": "use_raw_jq", "forward_jq": "\\"Todo\\"",
                "use_primary_input": false, "can_apply_to_null": false,
                "custom_field_type": { "field_type": "enum", "allowed_values": ["Todos"] }
              }
            }
            """,
            fix: """
            Make field_type the same in both places, and the default and the program's output \
            one of allowed_values.
            """))
}

struct MappingConstructedFieldCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingConstructedField] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for constructed in context.constructed {
            let field = constructed.field
            var jq: RawJQ? = nil
            if case .rawJQ(let found)? = field.method?.parameters { jq = found }
            let described = field.descriptor
            let custom = jq?.customFieldType
            if let a = described?.fieldType, let b = custom?.fieldType, a.value != b.value {
                sink.report(MappingConstructedField.typesDiffer(field: constructed.subject, descriptor: a.value, method: b.value), at: b.ref)
            }
            let allowed = (described?.allowedValues ?? custom?.allowedValues)?.map(\.value)
            guard let allowed else { continue }
            if let value = described?.defaultValue, let text = value.string, !allowed.contains(text) {
                sink.report(MappingConstructedField.defaultNotAllowed(field: constructed.subject, value: text, allowed: allowed), at: value.ref)
            }
            if let program = jq?.forwardJQ, case .outputs(let outputs)? = context.programs.constantRun(of: program) {
                for case .string(let text) in outputs where !allowed.contains(text) {
                    sink.report(MappingConstructedField.outputNotAllowed(field: constructed.subject, value: text, allowed: allowed),
                                at: program.ref)
                }
            }
        }
    }
}

public enum MappingConstructedField: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingConstructedField }

    case typesDiffer(field: MappingSubject, descriptor: String, method: String)
    case defaultNotAllowed(field: MappingSubject, value: String, allowed: [String])
    case outputNotAllowed(field: MappingSubject, value: String, allowed: [String])

    static func list(_ values: [String]) -> String { values.map { "\"\($0)\"" }.joined(separator: ", ") }

    public var message: String {
        switch self {
        case .typesDiffer(let field, let descriptor, let method):
            return "custom_field_type of \(field) has field_type \"\(method)\", but its field_descriptor says \"\(descriptor)\": make them the same"
        case .defaultNotAllowed(let field, let value, let allowed):
            return "default_value \"\(value)\" of \(field) is not one of its allowed_values (\(Self.list(allowed))): add it, or change the default"
        case .outputNotAllowed(let field, let value, let allowed):
            return "the program of \(field) outputs \"\(value)\", which is not one of its allowed_values (\(Self.list(allowed))): fix the program or the allowed values"
        }
    }
}
