import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let stageControllingField = RuleInfo(
        id: "stage-diagram-controlling-field", group: .stageDiagram, severity: .error,
        docs: RuleDocs(
            what: "A stage diagram's controlling_field is not an enum field of its record type.",
            why: """
            A stage diagram is driven by one enum field of the same record type, named by \
            controlling_field: its enum keys are the stages, and its values' names and order become \
            the stages' names and order. A field that does not exist, or is not an enum, cannot \
            drive the diagram.
            """,
            example: """
            "fields": {
              "status": { "type": "enum", "enum": { "values": [ { "key": "open" }, { "key": "done" } ] } },
              "title": { "type": "text" }
            },
            "stage_diagram": {
              "controlling_field": "title",
              "stages": { "open": {}, "done": {} }
            }
            """,
            fix: """
            Name an enum field of the record type.
            """))

    public static let stageKey = RuleInfo(
        id: "stage-diagram-stage", group: .stageDiagram, severity: .error,
        docs: RuleDocs(
            what: "A stage is not a key of the controlling enum, or the diagram has fewer than two stages.",
            why: """
            The keys of "stages" must be keys of the controlling field's enum, since a record's \
            stage is read from that field's value; a stage no value can select is unreachable. The \
            schema also requires at least two stages.
            """,
            example: """
            "fields": {
              "status": { "type": "enum", "enum": { "values": [ { "key": "open" }, { "key": "done" } ] } }
            },
            "stage_diagram": {
              "controlling_field": "status",
              "stages": { "open": {}, "finished": {} }
            }
            """,
            fix: """
            Rename the stage to an enum key, or add the key to the enum.
            """))

    public static let stageTransition = RuleInfo(
        id: "stage-diagram-transition", group: .stageDiagram, severity: .error,
        docs: RuleDocs(
            what: "A transition targets a stage that does not exist, or contradicts all_transitions_allowed.",
            why: """
            transitions_to lists stages a stage can move to, and each must be a key of "stages". \
            When all_transitions_allowed is true, the diagram is all-to-all and explicit transitions \
            are invalid.
            """,
            example: """
            "stage_diagram": {
              "controlling_field": "status",
              "starting_stage": "open",
              "stages": {
                "open": { "transitions_to": ["doign"] },
                "doing": {}
              }
            }
            """,
            fix: """
            Fix the target, or remove either the transitions or all_transitions_allowed.
            """))

    public static let stageStartingStage = RuleInfo(
        id: "stage-diagram-starting-stage", group: .stageDiagram, severity: .error,
        docs: RuleDocs(
            what: "starting_stage is not a stage, or is missing where states or transitions are given.",
            why: """
            starting_stage is the stage a new record starts in; it must be a key of "stages". It may \
            be omitted only when the diagram declares neither states nor transitions (then the \
            alphabetically first open stage is used).
            """,
            example: """
            "stage_diagram": {
              "controlling_field": "status",
              "starting_stage": "new",
              "stages": {
                "open": { "transitions_to": ["done"] },
                "done": {}
              }
            }
            """,
            fix: """
            Add or fix starting_stage.
            """))

    public static let stageState = RuleInfo(
        id: "stage-diagram-state", group: .stageDiagram, severity: .error,
        docs: RuleDocs(
            what: "A stage's state is neither declared in states nor a default state.",
            why: """
            Each stage may name the state (status category) it belongs to. The state must be a key \
            of the diagram's "states", or one of the default states open, in_progress and closed. An \
            unknown state cannot be created.
            """,
            example: """
            "stage_diagram": {
              "controlling_field": "status",
              "starting_stage": "open",
              "states": { "review": { "name": "In review" } },
              "stages": { "open": { "state": "open" }, "doing": { "state": "reviewing" } }
            }
            """,
            fix: """
            Declare it under "states" or use a default.
            """))
}

struct StageDiagramCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.stageControllingField, Rules.stageKey, Rules.stageTransition, Rules.stageStartingStage, Rules.stageState] }

    static let defaultStates = ["open", "in_progress", "closed"]

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for type in metadata.recordTypes {
            guard let diagram = type.stageDiagram else { continue }
            let what = Subject.stageDiagram(of: .recordType(type.key))
            checkControllingField(diagram, type, what, &sink)
            let stageKeys = diagram.stages.map(\.key)
            if diagram.stages.count < 2, let ref = diagram.stagesRef {
                sink.report(StageDiagramStage.tooFewStages(what, count: diagram.stages.count), at: ref)
            }
            let allAllowed = diagram.allTransitionsAllowed?.value == true
            var anyTransitions = false
            let stateKeys = diagram.states.map(\.key)
            for stage in diagram.stages {
                for target in stage.transitionsTo {
                    anyTransitions = true
                    if !stageKeys.contains(target.value) {
                        sink.report(StageDiagramTransition.unknownTarget(stage: stage.key, target: target.value, diagram: what, stages: stageKeys),
                                    at: target.ref)
                    }
                }
                if allAllowed, !stage.transitionsTo.isEmpty, let ref = stage.transitionsRef {
                    sink.report(StageDiagramTransition.listedWhileAllAllowed(stage: stage.key, diagram: what), at: ref)
                }
                if let state = stage.state, !stateKeys.contains(state.value), !Self.defaultStates.contains(state.value) {
                    sink.report(StageDiagramState(stage: stage.key, state: state.value, declared: stateKeys + Self.defaultStates), at: state.ref)
                }
            }
            if let start = diagram.startingStage {
                if !stageKeys.contains(start.value) {
                    sink.report(StageDiagramStartingStage.notAStage(start.value, diagram: what, stages: stageKeys), at: start.ref)
                }
            } else if diagram.hasStates || anyTransitions {
                sink.report(StageDiagramStartingStage.missing(diagram: what, hasStates: diagram.hasStates), at: diagram.ref)
            }
        }
    }

    private func checkControllingField(_ diagram: StageDiagram, _ type: RecordType, _ what: Subject,
                                       _ sink: inout DiagnosticSink) {
        guard let controlling = diagram.controllingField else { return }
        guard let field = type.field(controlling.value) else {
            sink.report(StageDiagramControllingField.notAField(controlling.value, diagram: what, fields: type.fields.map(\.key)),
                        at: controlling.ref)
            return
        }
        guard field.type == .enum else {
            if field.type != nil {
                sink.report(StageDiagramControllingField.notAnEnum(controlling.value, diagram: what, type: field.type?.rawValue ?? ""),
                            at: controlling.ref)
            }
            return
        }
        guard let values = field.enumValues else { return }
        let keys = field.enumKeys
        for stage in diagram.stages where !keys.contains(stage.key) {
            sink.report(StageDiagramStage.notAnEnumKey(stage.key, controllingField: controlling.value, keys: values.isEmpty ? nil : keys),
                        at: stage.keyRef)
        }
    }

    static func hint(_ name: String, _ names: [String]) -> String {
        if let suggestion = Suggest.didYouMean(name, in: names) { return ": " + suggestion }
        if names.isEmpty { return "" }
        return ": use one of \(names.prefix(8).map { "\"\($0)\"" }.joined(separator: ", "))"
    }
}

public enum StageDiagramControllingField: RuleViolation {
    public static var rule: RuleInfo { Rules.stageControllingField }

    case notAField(String, diagram: Subject, fields: [String])
    case notAnEnum(String, diagram: Subject, type: String)

    public var message: String {
        switch self {
        case .notAField(let name, let diagram, let fields):
            return "controlling_field \"\(name)\" of \(diagram) is not a field of the record type\(StageDiagramCheck.hint(name, fields))"
        case .notAnEnum(let name, let diagram, let type):
            return "controlling_field \"\(name)\" of \(diagram) has type \"\(type)\": a stage diagram needs an enum field"
        }
    }
}

public enum StageDiagramStage: RuleViolation {
    public static var rule: RuleInfo { Rules.stageKey }

    case tooFewStages(Subject, count: Int)
    /// `keys` nil: the controlling enum has no values.
    case notAnEnumKey(String, controllingField: String, keys: [String]?)

    public var message: String {
        switch self {
        case .tooFewStages(let diagram, let count):
            return "\(diagram) declares \(count) stage(s): declare at least 2"
        case .notAnEnumKey(let stage, let controllingField, let keys):
            let hint = keys.map { StageDiagramCheck.hint(stage, $0) } ?? ": the enum has no values"
            return "stage \"\(stage)\" is not a key of the enum of controlling field \"\(controllingField)\"\(hint)"
        }
    }
}

public enum StageDiagramTransition: RuleViolation {
    public static var rule: RuleInfo { Rules.stageTransition }

    case unknownTarget(stage: String, target: String, diagram: Subject, stages: [String])
    case listedWhileAllAllowed(stage: String, diagram: Subject)

    public var message: String {
        switch self {
        case .unknownTarget(let stage, let target, let diagram, let stages):
            return "stage \"\(stage)\" transitions to \"\(target)\", which is not a stage of \(diagram)\(StageDiagramCheck.hint(target, stages))"
        case .listedWhileAllAllowed(let stage, let diagram):
            return "stage \"\(stage)\" lists transitions but \(diagram) sets all_transitions_allowed: remove one or the other"
        }
    }
}

public enum StageDiagramStartingStage: RuleViolation {
    public static var rule: RuleInfo { Rules.stageStartingStage }

    case notAStage(String, diagram: Subject, stages: [String])
    case missing(diagram: Subject, hasStates: Bool)

    public var message: String {
        switch self {
        case .notAStage(let start, let diagram, let stages):
            return "starting_stage \"\(start)\" is not a stage of \(diagram)\(StageDiagramCheck.hint(start, stages))"
        case .missing(let diagram, let hasStates):
            return "\(diagram) declares \(hasStates ? "states" : "transitions") but no starting_stage: add \"starting_stage\" naming the stage new records start in"
        }
    }
}

public struct StageDiagramState: RuleViolation {
    public static var rule: RuleInfo { Rules.stageState }
    public let stage: String
    public let state: String
    public let declared: [String]

    public var message: String {
        "stage \"\(stage)\" has state \"\(state)\", which is neither declared in \"states\" nor a default (open, in_progress, closed)\(StageDiagramCheck.hint(state, declared))"
    }
}

