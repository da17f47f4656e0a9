import LintRules
import LintSource
import LintArtifacts

/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=T::message`.
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

    static func escapeData(_ text: String) -> String {
        text.reduce(into: "") { out, c in
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.append(c)
            }
        }
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).reduce(into: "") { out, c in
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.append(c)
            }
        }
    }
}
