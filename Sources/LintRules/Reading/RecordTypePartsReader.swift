import LintModel
import LintJSON
import LintSource
import LintSupport

/// Reading the parts of a record type beyond its fields: stage diagram, conditions, link naming.
extension MetadataReader {
    package static let stageDiagramKeys: Set<String> = [
        "controlling_field", "stages", "starting_stage", "all_transitions_allowed", "states",
    ]
    func readStageDiagram(_ node: JSONNode, what: Subject) -> StageDiagram? {
        guard expectObject(node, what: what) else { return nil }
        checkKeys(node, known: Self.stageDiagramKeys, what: what)
        require(node, ["controlling_field", "stages"], what: what)
        var diagram = StageDiagram(ref: node.ref)
        diagram.controllingField = nonEmptyString(node, "controlling_field", what: what)
        diagram.startingStage = nonEmptyString(node, "starting_stage", what: what)
        diagram.allTransitionsAllowed = bool(node, "all_transitions_allowed", what: what)
        for member in mapMembers(node, "states", what: what) ?? [] {
            let stateWhat = Subject.state(member.key, in: what)
            guard expectObject(member.value, what: stateWhat) else { continue }
            checkKeys(member.value, known: ["name", "is_end_state", "ordinal"], what: stateWhat)
            require(member.value, ["name"], what: stateWhat, at: member.keyRef, hint: .displayName)
            _ = string(member.value, "name", what: stateWhat)
            _ = bool(member.value, "is_end_state", what: stateWhat)
            if let ordinal = member.value["ordinal"], ordinal.number?.isInteger != true {
                wrongType(ordinal, key: "ordinal", what: stateWhat, expected: .integer)
            }
            diagram.states.append(StateDeclaration(key: member.key, keyRef: member.keyRef))
        }
        diagram.stagesRef = node["stages"]?.ref
        for member in mapMembers(node, "stages", what: what) ?? [] {
            let stageWhat = Subject.stage(member.key, in: what)
            guard expectObject(member.value, what: stageWhat) else { continue }
            checkKeys(member.value, known: ["state", "transitions_to"], what: stageWhat)
            var stage = Stage(key: member.key, keyRef: member.keyRef)
            stage.state = string(member.value, "state", what: stageWhat)
            stage.transitionsRef = member.value["transitions_to"]?.ref
            stage.transitionsTo = stringArray(member.value, "transitions_to", what: stageWhat) ?? []
            diagram.stages.append(stage)
        }
        return diagram
    }

    /// A string that the schema requires to be non-empty (`minLength: 1`).
    func nonEmptyString(_ object: JSONNode, _ key: String, what: Subject) -> Located<String>? {
        guard let value = string(object, key, what: what) else { return nil }
        if value.value.isEmpty {
            report(EmptyValue.string(key: key, in: what), value.ref)
            return nil
        }
        return value
    }

    package static let conditionKeys: Set<String> = ["value", "comparator", "affected_fields", "effect"]
    package static let comparators = ["eq", "ne", "lt", "lte", "gt", "gte"]
    package static let effects = ["require", "show"]

    func readConditionGroup(_ member: JSONMember, what: Subject) -> ConditionGroup? {
        let groupWhat = Subject.conditionGroup(member.key, of: what)
        guard let elements = member.value.elements else {
            report(InvalidValueType.conditionsNotArray(groupWhat, actual: member.value.kindName), member.value.ref)
            return nil
        }
        var group = ConditionGroup(controllingField: member.key, keyRef: member.keyRef)
        for element in elements {
            let conditionWhat = Subject.condition(member.key, of: what)
            guard expectObject(element, what: conditionWhat) else { continue }
            checkKeys(element, known: Self.conditionKeys, what: conditionWhat)
            require(element, ["value", "comparator", "affected_fields", "effect"], what: conditionWhat)
            allowed(element, "comparator", Self.comparators, what: conditionWhat)
            allowed(element, "effect", Self.effects, what: conditionWhat)
            var condition = Condition(ref: element.ref)
            condition.affectedFields = stringArray(element, "affected_fields", what: conditionWhat) ?? []
            if let list = element["affected_fields"], list.elements?.isEmpty == true {
                report(EmptyValue.affectedFields(conditionWhat), list.ref)
            }
            group.conditions.append(condition)
        }
        return group
    }

    func allowed(_ object: JSONNode, _ key: String, _ values: [String], what: Subject) {
        guard let value = string(object, key, what: what), !values.contains(value.value) else { return }
        report(ValueNotAllowed.notAllowed(key: key, in: what, value: value.value, allowed: values), value.ref)
    }

    func readLinkNaming(_ node: JSONNode, what: Subject) -> LinkNaming? {
        guard expectObject(node, what: what) else { return nil }
        checkKeys(node, known: ["link_type_field", "link_direction_names"], what: what)
        require(node, ["link_type_field", "link_direction_names"], what: what)
        var naming = LinkNaming(ref: node.ref)
        naming.linkTypeField = nonEmptyString(node, "link_type_field", what: what)
        if let names = node["link_direction_names"], !names.isNull {
            for member in mapMembers(node, "link_direction_names", what: what) ?? [] {
                naming.directionNames.append(Located(member.key, at: member.keyRef))
                let namesWhat = Subject.linkDirectionNames(member.key, in: what)
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
