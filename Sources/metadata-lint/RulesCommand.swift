import ArgumentParser
import MetadataLint

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule with its id, default severity and summary.")

    @Flag(name: .long, help: "Print the catalogue as JSON.")
    var json = false

    func run() {
        if json {
            let items = Rules.all.map { rule in
                "  {\"id\": \"\(rule.id)\", \"group\": \"\(rule.group.rawValue)\", \"severity\": \"\(rule.defaultSeverity.rawValue)\"}"
            }
            Output.write("[\n" + items.joined(separator: ",\n") + "\n]\n")
            return
        }
        let width = Rules.all.map(\.id.count).max() ?? 0
        var group: RuleInfo.Group? = nil
        for rule in Rules.all {
            if rule.group != group {
                Output.write("\(group == nil ? "" : "\n")\(rule.group.rawValue):\n")
                group = rule.group
            }
            let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            Output.write("  \(id)  \(severity)  \(rule.summary)\n")
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule: what it finds, why it matters, how to fix it.")

    @Argument(help: "A rule id, as `metadata-lint rules` lists them.")
    var rule: String

    func run() throws {
        guard let info = Rules.info(rule) else {
            var message = "unknown rule \"\(rule)\""
            if let suggestion = Suggest.closest(to: rule, in: Rules.all.map(\.id)) {
                message += ": did you mean \"\(suggestion)\"?"
            }
            Output.error(message + " (metadata-lint rules lists them all)")
            throw ExitCode(2)
        }
        Output.write("""
        \(info.id) (\(info.defaultSeverity.rawValue), \(info.group.rawValue))
        \(info.summary)

        \(info.explanation)

        """)
    }
}
