import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let stageControllingField = RuleInfo(
        id: "stage-diagram-controlling-field", group: .stageDiagram, severity: .error,
        summary: "A stage diagram's controlling_field is not an enum field of its record type.",
        explanation: """
        A stage diagram is driven by one enum field of the same record type, named by \
        controlling_field: its enum keys are the stages, and its values' names and order become the \
        stages' names and order. A field that does not exist, or is not an enum, cannot drive the \
        diagram. Name an enum field of the record type.
        """)

    public static let stageKey = RuleInfo(
        id: "stage-diagram-stage", group: .stageDiagram, severity: .error,
        summary: "A stage is not a key of the controlling enum, or the diagram has fewer than two stages.",
        explanation: """
        The keys of "stages" must be keys of the controlling field's enum, since a record's stage \
        is read from that field's value; a stage no value can select is unreachable. The schema \
        also requires at least two stages. Rename the stage to an enum key, or add the key to the \
        enum.
        """)

    public static let stageTransition = RuleInfo(
        id: "stage-diagram-transition", group: .stageDiagram, severity: .error,
        summary: "A transition targets a stage that does not exist, or contradicts all_transitions_allowed.",
        explanation: """
        transitions_to lists stages a stage can move to, and each must be a key of "stages". When \
        all_transitions_allowed is true, the diagram is all-to-all and explicit transitions are \
        invalid. Fix the target, or remove either the transitions or all_transitions_allowed.
        """)

    public static let stageStartingStage = RuleInfo(
        id: "stage-diagram-starting-stage", group: .stageDiagram, severity: .error,
        summary: "starting_stage is not a stage, or is missing where states or transitions are given.",
        explanation: """
        starting_stage is the stage a new record starts in; it must be a key of "stages". It may be \
        omitted only when the diagram declares neither states nor transitions (then the \
        alphabetically first open stage is used). Add or fix starting_stage.
        """)

    public static let stageState = RuleInfo(
        id: "stage-diagram-state", group: .stageDiagram, severity: .error,
        summary: "A stage's state is neither declared in states nor a default state.",
        explanation: """
        Each stage may name the state (status category) it belongs to. The state must be a key of \
        the diagram's "states", or one of the default states open, in_progress and closed. An \
        unknown state cannot be created. Declare it under "states" or use a default.
        """)
}

struct StageDiagramCheck: MetadataCheck {
    static let defaultStates = ["open", "in_progress", "closed"]

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for type in metadata.recordTypes {
            guard let diagram = type.stageDiagram else { continue }
            let what = "the stage diagram of record type \"\(type.key)\""
            checkControllingField(diagram, type, what, &sink)
            let stageKeys = diagram.stages.map(\.key)
            if diagram.stages.count < 2, let ref = diagram.stagesRef {
                sink.report(Rules.stageKey, at: ref, "\(what) declares \(diagram.stages.count) stage(s): declare at least 2")
            }
            let allAllowed = diagram.allTransitionsAllowed?.value == true
            var anyTransitions = false
            let stateKeys = diagram.states.map(\.key)
            for stage in diagram.stages {
                for target in stage.transitionsTo {
                    anyTransitions = true
                    if !stageKeys.contains(target.value) {
                        sink.report(Rules.stageTransition, at: target.ref,
                                    "stage \"\(stage.key)\" transitions to \"\(target.value)\", which is not a stage of \(what)\(Self.hint(target.value, stageKeys))")
                    }
                }
                if allAllowed, !stage.transitionsTo.isEmpty, let ref = stage.transitionsRef {
                    sink.report(Rules.stageTransition, at: ref,
                                "stage \"\(stage.key)\" lists transitions but \(what) sets all_transitions_allowed: remove one or the other")
                }
                if let state = stage.state, !stateKeys.contains(state.value), !Self.defaultStates.contains(state.value) {
                    sink.report(Rules.stageState, at: state.ref,
                                "stage \"\(stage.key)\" has state \"\(state.value)\", which is neither declared in \"states\" nor a default (open, in_progress, closed)\(Self.hint(state.value, stateKeys + Self.defaultStates))")
                }
            }
            if let start = diagram.startingStage {
                if !stageKeys.contains(start.value) {
                    sink.report(Rules.stageStartingStage, at: start.ref,
                                "starting_stage \"\(start.value)\" is not a stage of \(what)\(Self.hint(start.value, stageKeys))")
                }
            } else if diagram.hasStates || anyTransitions {
                sink.report(Rules.stageStartingStage, at: diagram.ref,
                            "\(what) declares \(diagram.hasStates ? "states" : "transitions") but no starting_stage: add \"starting_stage\" naming the stage new records start in")
            }
        }
    }

    private func checkControllingField(_ diagram: StageDiagram, _ type: RecordType, _ what: String,
                                       _ sink: inout DiagnosticSink) {
        guard let controlling = diagram.controllingField else { return }
        guard let field = type.field(controlling.value) else {
            sink.report(Rules.stageControllingField, at: controlling.ref,
                        "controlling_field \"\(controlling.value)\" of \(what) is not a field of the record type\(Self.hint(controlling.value, type.fields.map(\.key)))")
            return
        }
        guard field.type == .enum else {
            if field.type != nil {
                sink.report(Rules.stageControllingField, at: controlling.ref,
                            "controlling_field \"\(controlling.value)\" of \(what) has type \"\(field.type?.rawValue ?? "")\": a stage diagram needs an enum field")
            }
            return
        }
        guard let values = field.enumValues else { return }
        let keys = field.enumKeys
        for stage in diagram.stages where !keys.contains(stage.key) {
            sink.report(Rules.stageKey, at: stage.keyRef,
                        "stage \"\(stage.key)\" is not a key of the enum of controlling field \"\(controlling.value)\"\(values.isEmpty ? ": the enum has no values" : Self.hint(stage.key, keys))")
        }
    }

    static func hint(_ name: String, _ names: [String]) -> String {
        if let suggestion = Suggest.didYouMean(name, in: names) { return ": " + suggestion }
        if names.isEmpty { return "" }
        return ": use one of \(names.prefix(8).map { "\"\($0)\"" }.joined(separator: ", "))"
    }
}
