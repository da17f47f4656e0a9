import LintModel
import LintJSON
import LintSource
import LintSupport

/// Reading the parts of a record type beyond its fields: stage diagram, conditions, link naming.
extension MetadataReader {
    static let stageDiagramKeys: Set<String> = [
        "controlling_field", "stages", "starting_stage", "all_transitions_allowed", "states",
    ]
    static let stageDiagramLegacy = ["no_transitions_defined": "renamed to \"all_transitions_allowed\""]
    static let stageLegacy = [
        "stage_name": "a stage's display name now comes from the \"name\" of the controlling enum's value: remove it",
        "is_deprecated": "mark the controlling enum's value \"is_deprecated\": true instead",
        "ordinal": "stages are ordered by the controlling enum's values; states keep \"ordinal\"",
    ]

    func readStageDiagram(_ node: JSONNode, what: String) -> StageDiagram? {
        guard expectObject(node, what: what) else { return nil }
        checkKeys(node, known: Self.stageDiagramKeys, what: what, legacy: Self.stageDiagramLegacy)
        require(node, ["controlling_field", "stages"], what: what)
        var diagram = StageDiagram(ref: node.ref)
        diagram.controllingField = nonEmptyString(node, "controlling_field", what: what)
        diagram.startingStage = nonEmptyString(node, "starting_stage", what: what)
        diagram.allTransitionsAllowed = bool(node, "all_transitions_allowed", what: what)
        for member in mapMembers(node, "states", what: what) ?? [] {
            let stateWhat = "state \"\(member.key)\" in \(what)"
            guard expectObject(member.value, what: stateWhat) else { continue }
            checkKeys(member.value, known: ["name", "is_end_state", "ordinal"], what: stateWhat)
            require(member.value, ["name"], what: stateWhat, at: member.keyRef, hint: "add a display name")
            _ = string(member.value, "name", what: stateWhat)
            _ = bool(member.value, "is_end_state", what: stateWhat)
            if let ordinal = member.value["ordinal"], ordinal.number?.isInteger != true {
                wrongType(ordinal, key: "ordinal", what: stateWhat, expected: "an integer")
            }
            diagram.states.append(StateDeclaration(key: member.key, keyRef: member.keyRef))
        }
        diagram.stagesRef = node["stages"]?.ref
        for member in mapMembers(node, "stages", what: what) ?? [] {
            let stageWhat = "stage \"\(member.key)\" in \(what)"
            guard expectObject(member.value, what: stageWhat) else { continue }
            checkKeys(member.value, known: ["state", "transitions_to"], what: stageWhat, legacy: Self.stageLegacy)
            var stage = Stage(key: member.key, keyRef: member.keyRef)
            stage.state = string(member.value, "state", what: stageWhat)
            stage.transitionsRef = member.value["transitions_to"]?.ref
            stage.transitionsTo = stringArray(member.value, "transitions_to", what: stageWhat) ?? []
            diagram.stages.append(stage)
        }
        return diagram
    }

    /// A string that the schema requires to be non-empty (`minLength: 1`).
    func nonEmptyString(_ object: JSONNode, _ key: String, what: String) -> Located<String>? {
        guard let value = string(object, key, what: what) else { return nil }
        if value.value.isEmpty {
            report(Rules.emptyValue, value.ref, "\"\(key)\" in \(what) is empty: give it a value or remove it")
            return nil
        }
        return value
    }

    static let conditionKeys: Set<String> = ["value", "comparator", "affected_fields", "effect"]
    static let comparators = ["eq", "ne", "lt", "lte", "gt", "gte"]
    static let effects = ["require", "show"]

    func readConditionGroup(_ member: JSONMember, what: String) -> ConditionGroup? {
        let groupWhat = "the conditions on \"\(member.key)\" of \(what)"
        guard let elements = member.value.elements else {
            report(Rules.invalidValueType, member.value.ref,
                   "\(groupWhat) must be an array of conditions, not \(member.value.kindName)")
            return nil
        }
        var group = ConditionGroup(controllingField: member.key, keyRef: member.keyRef)
        for element in elements {
            let conditionWhat = "a condition on \"\(member.key)\" of \(what)"
            guard expectObject(element, what: conditionWhat) else { continue }
            checkKeys(element, known: Self.conditionKeys, what: conditionWhat)
            require(element, ["value", "comparator", "affected_fields", "effect"], what: conditionWhat)
            allowed(element, "comparator", Self.comparators, what: conditionWhat)
            allowed(element, "effect", Self.effects, what: conditionWhat)
            var condition = Condition(ref: element.ref)
            condition.affectedFields = stringArray(element, "affected_fields", what: conditionWhat) ?? []
            if let list = element["affected_fields"], list.elements?.isEmpty == true {
                report(Rules.emptyValue, list.ref, "\"affected_fields\" in \(conditionWhat) is empty: name at least one field")
            }
            group.conditions.append(condition)
        }
        return group
    }

    func allowed(_ object: JSONNode, _ key: String, _ values: [String], what: String) {
        guard let value = string(object, key, what: what), !values.contains(value.value) else { return }
        var message = "\"\(key)\" in \(what) is \"\(value.value)\", which is not allowed: use one of \(values.joined(separator: ", "))"
        if let suggestion = Suggest.didYouMean(value.value, in: values) { message += " (\(suggestion))" }
        report(Rules.valueNotAllowed, value.ref, message)
    }

    func readLinkNaming(_ node: JSONNode, what: String) -> LinkNaming? {
        guard expectObject(node, what: what) else { return nil }
        checkKeys(node, known: ["link_type_field", "link_direction_names"], what: what)
        require(node, ["link_type_field", "link_direction_names"], what: what)
        var naming = LinkNaming(ref: node.ref)
        naming.linkTypeField = nonEmptyString(node, "link_type_field", what: what)
        if let names = node["link_direction_names"], !names.isNull {
            for member in mapMembers(node, "link_direction_names", what: what) ?? [] {
                let namesWhat = "link direction names of \"\(member.key)\" in \(what)"
                guard expectObject(member.value, what: namesWhat) else { continue }
                checkKeys(member.value, known: ["forward_name", "backward_name"], what: namesWhat)
                require(member.value, ["forward_name", "backward_name"], what: namesWhat, at: member.keyRef)
                _ = string(member.value, "forward_name", what: namesWhat)
                _ = string(member.value, "backward_name", what: namesWhat)
            }
        }
        return naming
    }
}
