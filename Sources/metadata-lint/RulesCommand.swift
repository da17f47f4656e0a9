import ArgumentParser
import MetadataLint

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule with its id, default severity and summary.")

    @Flag(name: .long, help: "Print the catalogue as JSON.")
    var json = false

    @Option(name: .long, help: "Config file whose custom rules to list (default: discovered).")
    var config: String?

    func run() throws {
        var options = try OutputOptions.parse(config.map { ["--config", $0] } ?? [])
        options.format = .text
        let all = try options.loadConfig().allRules
        if json {
            let items = all.map { rule in
                "  {\"id\": \"\(rule.id)\", \"group\": \"\(rule.group.rawValue)\", \"severity\": \"\(rule.defaultSeverity.rawValue)\", \"fix\": \(FixableRules.label(rule.id).map { "\"\($0)\"" } ?? "null")}"
            }
            Output.write("[\n" + items.joined(separator: ",\n") + "\n]\n")
            return
        }
        let width = all.map(\.id.count).max() ?? 0
        let fixWidth = all.compactMap { FixableRules.label($0.id).map { "fix: \($0)".count } }.max() ?? 0
        var group: RuleInfo.Group? = nil
        for rule in all {
            if rule.group != group {
                Output.write("\(group == nil ? "" : "\n")\(rule.group.rawValue):\n")
                group = rule.group
            }
            let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            let fix = (FixableRules.label(rule.id).map { "fix: \($0)" } ?? "").padding(toLength: fixWidth, withPad: " ", startingAt: 0)
            Output.write("  \(id)  \(severity)  \(fix)  \(rule.summary)\n")
        }
        Output.write("\nfix: safe = applied by `validate --fix`; unsafe = only with `--unsafe-fixes` too\n")
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
        guard let info = Rules.info(rule) ?? custom.first(where: { $0.id == rule }) ?? ChangeKind(rawValue: rule)?.rule else {
            var message = "unknown rule \"\(rule)\""
            if let suggestion = Suggest.didYouMean(rule, in: Rules.all.map(\.id)) {
                message += ": " + suggestion
            }
            Output.error(message + " (metadata-lint rules lists them all)")
            throw ExitCode(2)
        }
        Output.write("""
        \(info.id) (\(info.defaultSeverity.rawValue), \(info.group.rawValue))
        \(info.summary)

        \(info.explanation)

        """)
        let offers = FixableRules.offers(info.id)
        if !offers.isEmpty {
            var how: [String] = []
            if offers.contains(.safe) { how.append("safe fixes are applied by `metadata-lint validate --fix`") }
            if offers.contains(.unsafe) { how.append("unsafe ones only with `--fix --unsafe-fixes`") }
            Output.write("Fix: \(FixableRules.label(info.id) ?? ""): \(how.joined(separator: ", ")).\n")
        } else if info.group != .diff {
            Output.write("Fix: none, the message says what to change.\n")
        }
    }
}
