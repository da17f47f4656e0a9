import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingRawJQKeys = RuleInfo(
        id: "mapping-raw-jq-keys", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A use_raw_jq transformation lacks the program or the input its other keys call for.",
            why: """
            No schema defines use_raw_jq's keys; DevRev-written files use forward_jq (the program \
            for syncing into DevRev), use_primary_input (the program reads the value of \
            primary_external_field) and can_apply_to_null. By those files' logic, a mapping used \
            forward needs a forward_jq, one used in reverse a reverse_jq, and use_primary_input: \
            true needs a primary_external_field to read (inferred).
            """,
            example: """
            "title": {
              "forward": true, "reverse": false,
              "transformation_method_for_set": { "transformation_method": "use_raw_jq",
                "forward_jq": ".name", "use_primary_input": true, "can_apply_to_null": false }
            }
            """,
            fix: """
            Add the missing key: the program, or the primary_external_field it reads.
            """))
}

struct MappingRawJQKeysCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingRawJQKeys] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for field in context.fields {
            guard let method = field.mapping.method, case .rawJQ(let jq) = method.parameters else { continue }
            if let input = jq.usePrimaryInput, input.value, field.mapping.primaryField == nil {
                sink.report(MappingRawJQKeys.noPrimaryField(owner: field.subject, constructed: false), at: input.ref)
            }
            if field.mapping.isForward, jq.forwardJQ == nil {
                sink.report(MappingRawJQKeys.missingProgram("forward_jq", owner: field.subject, direction: "forward"), at: method.name.ref)
            }
            if field.mapping.isReverse, jq.reverseJQ == nil {
                sink.report(MappingRawJQKeys.missingProgram("reverse_jq", owner: field.subject, direction: "reverse"), at: method.name.ref)
            }
        }
        for constructed in context.constructed {
            guard let method = constructed.field.method, case .rawJQ(let jq) = method.parameters else { continue }
            if let input = jq.usePrimaryInput, input.value {
                sink.report(MappingRawJQKeys.noPrimaryField(owner: constructed.subject, constructed: true), at: input.ref)
            }
            if jq.forwardJQ == nil {
                sink.report(MappingRawJQKeys.missingProgram("forward_jq", owner: constructed.subject, direction: "forward"),
                            at: method.name.ref)
            }
        }
    }
}

public enum MappingRawJQKeys: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingRawJQKeys }

    case noPrimaryField(owner: MappingSubject, constructed: Bool)
    case missingProgram(String, owner: MappingSubject, direction: String)

    public var message: String {
        switch self {
        case .noPrimaryField(let owner, let constructed):
            let fix = constructed ? "a constructed field has no primary_external_field, so set use_primary_input to false"
                : "add the primary_external_field the program reads, or set use_primary_input to false"
            return "use_raw_jq of \(owner) has use_primary_input: true but nothing to read: \(fix)"
        case .missingProgram(let key, let owner, let direction):
            return "use_raw_jq of \(owner) is used \(direction) but has no \(key): add the program"
        }
    }
}
