import LintRules
import LintSource
import LintArtifacts

/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=T::message`.
///
/// Escaping follows the Actions runner: in the message `%`, CR and LF become `%25`, `%0D` and
/// `%0A`; in properties `:` and `,` also become `%3A` and `%2C`. Text from the checked file (a
/// key holding CR LF, say) can therefore never start a line of its own and forge a command.
public struct GitHubRenderer: DiagnosticRenderer {
    public init() {}

    public func render(_ diagnostics: [Diagnostic], rules: [RuleInfo]) -> String {
        diagnostics.map { d in
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var properties = ["file=\(Self.escapeProperty(d.file))"]
            if d.line > 0 {
                properties.append("line=\(d.line)")
                properties.append("col=\(d.column)")
            }
            properties.append("title=\(Self.escapeProperty(d.rule))")
            return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(d.message))\n"
        }.joined()
    }

    /// Wraps text that quotes the checked files (the text report that GitHub output also writes to
    /// stderr) in `::stop-commands::`, with a token nobody can guess, so the runner takes none of
    /// its lines for a workflow command.
    public static func inert(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var generator = SystemRandomNumberGenerator()
        let token = (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined(separator: "-")
        return "::stop-commands::\(token)\n" + text + (text.hasSuffix("\n") ? "" : "\n") + "::\(token)::\n"
    }

    // Scalars, not Characters: "\r\n" is a single Character and would slip past a per-Character
    // match for "\r" and "\n".
    static func escapeData(_ text: String) -> String {
        escape(text, extra: false)
    }

    static func escapeProperty(_ text: String) -> String {
        escape(text, extra: true)
    }

    private static func escape(_ text: String, extra: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where extra: out += "%3A"
            case "," where extra: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
