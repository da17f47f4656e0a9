import LintRules

public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif
}

/// Renders diagnostics in one of the machine formats.
public protocol DiagnosticRenderer: Sendable {
    func render(_ diagnostics: [Diagnostic], rules: [RuleInfo]) -> String
}

extension Report {
    /// What a run prints: the report in `format` on standard output and, for `github` (which shows
    /// only 10 annotations per type), the full text report on standard error.
    public func render(_ format: OutputFormat, color: Bool, quiet: Bool = false) -> (stdout: String, stderr: String) {
        switch format {
        case .text: return (TextRenderer(color: color, quiet: quiet).render(self), "")
        case .json: return (JSONRenderer().render(diagnostics, rules: rules), "")
        case .sarif: return (SARIFRenderer(category: category).render(diagnostics, rules: rules), "")
        case .github:
            // The copy on standard error must not be read as workflow commands.
            return (GitHubRenderer().render(diagnostics, rules: rules), GitHubRenderer.inert(TextRenderer(color: false).render(self)))
        }
    }
}
