import LintArtifacts
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
    /// only 10 annotations per type), the full text report on standard error. A run that produced something else (a diff, a formatted document) prints that instead, and
    /// its footer on standard error; so do the machine formats, whose output stays parseable.
    public func render(_ format: OutputFormat, color: Bool, quiet: Bool = false) -> (stdout: String, stderr: String) {
        let footer = (self.footer + ignoreNotes).map { $0 + "\n" }.joined()
        switch body {
        case .diff: return (rewrites.map(\.unifiedDiff).joined(), footer)
        case .document(let bytes): return (String(decoding: bytes, as: UTF8.self), footer)
        case .findings: break
        }
        switch format {
        case .text: return (TextRenderer(color: color, quiet: quiet).render(self), "")
        case .json: return (JSONRenderer().render(diagnostics, rules: rules), footer)
        case .sarif:
            var renderer = SARIFRenderer(category: category)
            renderer.inputNotes = sarifInputNotes
            return (renderer.render(diagnostics, rules: rules), footer)
        case .github:
            // The copy on standard error must not be read as workflow commands.
            return (GitHubRenderer().render(diagnostics, rules: rules), GitHubRenderer.inert(TextRenderer(color: false).render(self)))
        }
    }

    /// What the run did to files, in lines: the fix counts, or the files reformatted and the counts.
    public var footer: [String] {
        var lines: [String] = []
        if let fixSummary { lines.append(fixSummary.line(remaining: totals.errors + totals.warnings + totals.notes)) }
        if let formatSummary { lines += formatSummary.lines }
        if unlisted > 0 {
            lines.append("\(unlisted) more findings were counted but not listed (the first \(DiagnosticCollector.maxKept) found are)")
        }
        return lines
    }
}
