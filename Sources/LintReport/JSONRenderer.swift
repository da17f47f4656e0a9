import LintRules
import LintSource
import LintArtifacts

/// A JSON array of `{file, line, column, severity, rule, message, pointer}`.
public struct JSONRenderer: DiagnosticRenderer {
    public init() {}

    public func render(_ diagnostics: [Diagnostic], rules: [RuleInfo]) -> String {
        if diagnostics.isEmpty { return "[]\n" }
        let items = diagnostics.map { d in
            "  " + JSONWriter.object([
                ("file", JSONWriter.quote(d.file)),
                ("line", String(d.line)),
                ("column", String(d.column)),
                ("severity", JSONWriter.quote(d.severity.rawValue)),
                ("rule", JSONWriter.quote(d.rule)),
                ("message", JSONWriter.quote(d.message)),
                ("pointer", JSONWriter.quote(d.pointer)),
            ])
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }
}
