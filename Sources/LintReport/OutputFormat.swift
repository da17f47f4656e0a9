import LintRules
import LintSource
import LintArtifacts

public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif

    public func renderer(color: Bool) -> any DiagnosticRenderer {
        switch self {
        case .text: return TextRenderer(color: color)
        case .json: return JSONRenderer()
        case .github: return GitHubRenderer()
        case .sarif: return SARIFRenderer()
        }
    }
}

/// Renders diagnostics in one output format.
public protocol DiagnosticRenderer: Sendable {
    func render(_ diagnostics: [Diagnostic], rules: [RuleInfo]) -> String
}
