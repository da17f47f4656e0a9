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
        if let automatic = automaticFix(rule) { out += indent(automatic) + "\n" }
        return out
    }

    /// Whether `validate --fix` fixes the rule's findings; nil for rules that are not lint rules.
    public static func automaticFix(_ rule: RuleInfo) -> String? {
        guard let fixer = rule.fixer else { return rule.group == .diff ? nil : "Automatic fix: none." }
        switch (fixer.offers.contains(.safe), fixer.offers.contains(.unsafe)) {
        case (true, true):
            return "Automatic fix: safe or unsafe: safe fixes are applied by `metadata-lint validate --fix`, unsafe ones only with `--unsafe-fixes` too."
        case (false, _):
            return "Automatic fix: unsafe, applied only by `metadata-lint validate --fix --unsafe-fixes` (check the result)."
        case (true, false):
            return "Automatic fix: safe, applied by `metadata-lint validate --fix`."
        }
    }

    /// The `fix:` column of `rules`: "fix: safe", "fix: unsafe", "fix: safe or unsafe", or empty.
    public static func fixColumn(_ rule: RuleInfo) -> String {
        rule.fixer.map { "fix: " + $0.label } ?? ""
    }

    /// What the `fix:` column means, printed after the list.
    public static let fixLegend = "fix: safe = applied by `validate --fix`; unsafe = only with `--unsafe-fixes` too"

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
                ("fixable", rule.fixer.map { JSONWriter.quote($0.label) } ?? "null"),
            ])
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
