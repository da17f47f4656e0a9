import ArgumentParser
import MetadataLint

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule with its id, default severity and summary.")

    @Flag(name: .long, help: "Print the catalogue as JSON.")
    var json = false

    @Option(name: .long, help: "Config file whose custom rules to list (default: discovered).")
    var config: String?

    @Flag(name: .long, help: "List the kinds of change `metadata-lint diff` reports instead of the lint rules.")
    var diff = false

    func run() throws {
        if diff {
            let kinds = ChangeKind.catalogue
            if json { return Output.write(RuleCatalogue.json(kinds)) }
            let width = kinds.map(\.id.count).max() ?? 0
            for kind in kinds {
                let severity = kind.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                Output.write("  \(kind.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(severity)  \(kind.summary)\n")
            }
            return
        }
        let loaded = try OutputOptions.parse(config.map { ["--config", $0] } ?? []).loadConfig()
        let all = loaded.allRules
        if json {
            Output.write(RuleCatalogue.json(all))
            return
        }
        let width = all.map(\.id.count).max() ?? 0
        let fixWidth = all.map { RuleCatalogue.fixColumn($0).count }.max() ?? 0
        var group: RuleInfo.Group? = nil
        for rule in all {
            if rule.group != group {
                Output.write("\(group == nil ? "" : "\n")\(rule.group.rawValue):\n")
                group = rule.group
            }
            let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            // The severity in force: the config may change it or turn the rule off.
            let effective = loaded.policy.severity(of: rule).map(\.rawValue) ?? "off"
            let severity = effective.padding(toLength: 7, withPad: " ", startingAt: 0)
            let fix = RuleCatalogue.fixColumn(rule).padding(toLength: fixWidth, withPad: " ", startingAt: 0)
            Output.write("  \(id)  \(severity)  \(fix)  \(rule.summary)\n")
        }
        Output.write("\n" + RuleCatalogue.fixLegend + "\n")
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule: what it finds, why it matters, how to fix it.")

    @Argument(help: "A rule id, as `metadata-lint rules` lists them.")
    var rule: String

    @Option(name: .long, help: "Config file whose custom rules to explain (default: discovered).")
    var config: String?

    func run() throws {
        let custom = try OutputOptions.parse(config.map { ["--config", $0] } ?? []).loadConfig().customRuleInfos
        guard let info = Rules.info(rule) ?? custom.first(where: { $0.id == rule }) ?? ChangeKind.info(rule) else {
            var message = "unknown rule \"\(rule)\""
            if let suggestion = Suggest.didYouMean(rule, in: (Rules.all + ChangeKind.catalogue).map(\.id)) {
                message += ": " + suggestion
            }
            Output.error(message + " (metadata-lint rules lists them all)")
            throw ExitCode(2)
        }
        Output.write(RuleCatalogue.explanation(info))
    }
}
