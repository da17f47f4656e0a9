import JQ
import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingJQOutput = RuleInfo(
        id: "mapping-jq-output", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A use_raw_jq program that ignores its input fails, loops, or outputs the wrong kind of value.",
            why: """
            A program with use_primary_input: false reads no external field, so it is run here \
            once, on null: every DevRev-written example is a constant such as "Todos". What it \
            outputs must fit the field it fills: a string for text, enum and reference fields, a \
            number, a boolean, an array for a collection (inferred: DevRev does not document the \
            output). One output is expected; an error, no output or several mean the field gets \
            nothing or something unintended.
            """,
            example: """
            "stage": {
              "forward": true, "reverse": false,
              "transformation_method_for_set": { "transformation_method": "use_raw_jq",
                "forward_jq": "[\\"triage\\"]", "use_primary_input": false, "can_apply_to_null": true }
            }
            """,
            fix: """
            Make the program output one value of the field's type.
            """))
}

struct MappingJQOutputCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingJQOutput] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        var shapes: [Int: (ValueShape, MappingJQOutput.Target)] = [:]
        for field in context.fields {
            guard case .rawJQ(let jq)? = field.mapping.method?.parameters, let program = jq.forwardJQ,
                  let target = context.devrevField(field), let shape = ValueShape.of(target.type, collection: target.isCollection)
            else { continue }
            shapes[program.ref.offset] = (shape, .devrevField(target.name))
        }
        for constructed in context.constructed {
            guard case .rawJQ(let jq)? = constructed.field.method?.parameters, let program = jq.forwardJQ,
                  let type = jq.customFieldType?.fieldType ?? constructed.field.descriptor?.fieldType,
                  let shape = ValueShape.of(customFieldType: type.value) else { continue }
            shapes[program.ref.offset] = (shape, .customField(constructed.field.name))
        }
        for program in context.programs.programs where program.direction == .forward {
            guard let run = context.programs.constantRun(of: program.text) else { continue }
            let problem: MappingJQOutput.Problem
            switch run {
            case .failed(let error): problem = .failed(error)
            case .timedOut(let seconds): problem = .timedOut(seconds)
            case .outputs(let values) where values.isEmpty: problem = .noOutput
            case .outputs(let values) where values.count > 1: problem = .several(values.count, limited: values.count >= MappingPrograms.outputLimit)
            case .outputs(let values):
                guard let (shape, target) = shapes[program.text.ref.offset], let value = values.first, !shape.accepts(value) else { continue }
                problem = .wrongShape(value, expected: shape, target: target)
            }
            sink.report(MappingJQOutput(owner: program.owner, problem: problem), at: program.text.ref)
        }
    }
}

public struct MappingJQOutput: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingJQOutput }

    public enum Target: Sendable, CustomStringConvertible {
        case devrevField(String)
        case customField(String)

        public var description: String {
            switch self {
            case .devrevField: return "field"
            case .customField: return "custom field"
            }
        }
    }

    public enum Problem: Sendable {
        case failed(String)
        case timedOut(Double)
        case noOutput
        case several(Int, limited: Bool)
        case wrongShape(JQValue, expected: ValueShape, target: Target)
    }

    public let owner: MappingSubject
    public let problem: Problem

    public var message: String {
        let run = "forward_jq of \(owner), run on null (use_primary_input is not true)"
        switch problem {
        case .failed(let error):
            return "\(run), fails: \(error): fix the program"
        case .timedOut(let seconds):
            return "\(run), did not finish within \(Int(seconds)) s (an endless loop?): fix the program"
        case .noOutput:
            return "\(run), outputs nothing, so the field gets no value: make it output one value"
        case .several(let count, let limited):
            return "\(run), outputs \(limited ? "\(count) or more" : "\(count)") values where one is expected: make it output one value"
        case .wrongShape(let value, let expected, let target):
            return "\(run), outputs \(value.shown), but the \(target) takes \(expected): make it output \(expected)"
        }
    }
}
