import JSONRPC
import MetadataLint

/// The rules' documentation link, as in the editor's diagnostics.
func ruleDocumentation(_ id: String) -> String {
    "https://github.com/metadata-lint/metadata-lint/blob/main/docs/rules.md#\(id)"
}

/// `explain_rule`: what `metadata-lint explain` prints, as fields.
struct ExplainRuleTool: AgentTool {
    let name = "explain_rule"
    let description = "Explain a metadata-lint rule: what it finds, why it matters and how to fix it."

    var inputSchema: JSONValue {
        ToolOutput.object(["rule": ToolOutput.string("A rule id, as findings and list_rules show them")], required: ["rule"])
    }

    var outputSchema: JSONValue {
        ToolOutput.object([
            "id": ToolOutput.string("Rule id"),
            "group": ToolOutput.string("Rule group"),
            "severity": ToolOutput.string("Default severity"),
            "summary": ToolOutput.string("What the rule finds"),
            "explanation": ToolOutput.string("Why it matters and how to fix it, in one paragraph"),
            "why": ToolOutput.string("Why it matters: what goes wrong in a sync"),
            "example": ToolOutput.string("A short excerpt showing the mistake"),
            "fix": ToolOutput.string("How to fix it"),
            "documentation": ToolOutput.string("Link to the rule reference (built-in rules)"),
        ], required: ["id", "group", "severity", "summary", "explanation"])
    }

    func call(_ arguments: ToolArguments, context: ToolContext) throws(ToolFailure) -> JSONValue {
        let id = try arguments.requiredString("rule")
        let custom = try context.loadConfig(near: nil, override: nil).customRuleInfos
        guard let info = Rules.info(id) ?? custom.first(where: { $0.id == id }) else {
            let hint = Suggest.didYouMean(id, in: Rules.all.map(\.id) + custom.map(\.id)).map { ": " + $0 } ?? ""
            throw ToolFailure("unknown rule \"\(id)\"\(hint) (list_rules lists them all)")
        }
        var result: [String: JSONValue] = [
            "id": .string(info.id), "group": .string(info.group.rawValue), "severity": .string(info.defaultSeverity.rawValue),
            "summary": .string(info.summary), "explanation": .string(info.explanation),
            "why": .string(info.docs.why), "example": .string(info.docs.example), "fix": .string(info.docs.fix),
        ]
        if Rules.info(id) != nil { result["documentation"] = .string(ruleDocumentation(id)) }
        return .object(result)
    }
}

/// `list_rules`: the catalogue, with the config's custom rules.
struct ListRulesTool: AgentTool {
    let name = "list_rules"
    let description = "List every metadata-lint rule (built-in and the config's custom rules) with its id, group, default severity and summary."

    var inputSchema: JSONValue {
        ToolOutput.object(["group": ToolOutput.string(
            "Only this group (" + RuleInfo.Group.allCases.map(\.rawValue).joined(separator: ", ") + ")")])
    }

    var outputSchema: JSONValue {
        let rule = ToolOutput.object([
            "id": ToolOutput.string("Rule id"), "group": ToolOutput.string("Rule group"),
            "severity": ToolOutput.string("Default severity"), "summary": ToolOutput.string("What the rule finds"),
        ], required: ["id", "group", "severity", "summary"])
        return ToolOutput.object(["rules": ToolOutput.array(of: rule, "The rules")], required: ["rules"])
    }

    func call(_ arguments: ToolArguments, context: ToolContext) throws(ToolFailure) -> JSONValue {
        let group = try arguments.string("group")
        let all = try context.loadConfig(near: nil, override: nil).allRules
        if let group, !all.contains(where: { $0.group.rawValue == group }) {
            let groups = Array(Set(all.map(\.group.rawValue))).sorted()
            throw ToolFailure("unknown group \"\(group)\" (groups: \(groups.joined(separator: ", ")))")
        }
        let rules = all.filter { group == nil || $0.group.rawValue == group }
        return ["rules": .array(rules.map { rule in
            ["id": .string(rule.id), "group": .string(rule.group.rawValue),
             "severity": .string(rule.defaultSeverity.rawValue), "summary": .string(rule.summary)]
        })]
    }
}
