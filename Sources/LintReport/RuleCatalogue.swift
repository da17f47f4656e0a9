import LintRules

/// The rule documentation as `explain` and `rules --json` print it.
public enum RuleCatalogue {
    /// `explain RULE`: the outline, each part under its heading.
    public static func explanation(_ rule: RuleInfo) -> String {
        var out = "\(rule.id) (\(rule.defaultSeverity.rawValue), \(rule.group.rawValue))\n\(rule.docs.what)\n\n"
        out += "Why it matters\n" + indent(rule.docs.why) + "\n\n"
        if !rule.docs.example.isEmpty {
            out += "Example\n" + indent(rule.docs.example) + "\n\n"
        }
        out += "How to fix it\n" + indent(rule.docs.fix) + "\n"
        return out
    }

    /// `rules --json`: every rule with its full documentation.
    public static func json(_ rules: [RuleInfo]) -> String {
        let items = rules.map { rule in
            "  " + JSONWriter.object([
                ("id", JSONWriter.quote(rule.id)),
                ("group", JSONWriter.quote(rule.group.rawValue)),
                ("severity", JSONWriter.quote(rule.defaultSeverity.rawValue)),
                ("what", JSONWriter.quote(rule.docs.what)),
                ("why", JSONWriter.quote(rule.docs.why)),
                ("example", JSONWriter.quote(rule.docs.example)),
                ("fix", JSONWriter.quote(rule.docs.fix)),
            ])
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
