public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif

    /// `category` tells code scanning which analysis a SARIF upload belongs to.
    public func renderer(color: Bool, category: String = "metadata-lint") -> any DiagnosticRenderer {
        switch self {
        case .text: return TextRenderer(color: color)
        case .json: return JSONRenderer()
        case .github: return GitHubRenderer()
        case .sarif: return SARIFRenderer(category: category)
        }
    }
}

/// Renders diagnostics in one output format.
public protocol DiagnosticRenderer: Sendable {
    func render(_ diagnostics: [Diagnostic], rules: [RuleInfo]) -> String
}
