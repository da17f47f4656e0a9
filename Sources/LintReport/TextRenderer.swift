import LintRules
import LintSource
import LintArtifacts

/// `file:line:col: severity[rule]: message`, the source line and a caret, then a summary.
public struct TextRenderer: DiagnosticRenderer {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ diagnostics: [Diagnostic], rules: [RuleInfo]) -> String {
        var out = ""
        for d in diagnostics {
            out += renderOne(d)
        }
        return out
    }

    public func renderOne(_ d: Diagnostic) -> String {
        let position = d.line > 0 ? "\(d.file):\(d.line):\(d.column)" : d.file
        var out = "\(paint(position, "1")): \(paint(d.severity.rawValue, Self.colorCode(d.severity)))[\(d.rule)]: \(d.message)\n"
        if let line = d.sourceLine, d.line > 0, !line.isEmpty {
            let number = String(d.line)
            let gutter = String(repeating: " ", count: number.count)
            out += " \(paint(number, "2")) | \(line)\n"
            let caret = d.sourceColumn ?? d.column
            let prefix = line.unicodeScalars.prefix(max(0, caret - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            out += " \(gutter) | \(prefix)\(paint("^", Self.colorCode(d.severity)))\n"
        }
        return out
    }

    public static func summary(errors: Int, warnings: Int, notes: Int, files: Int) -> String {
        if errors + warnings + notes == 0 { return "no problems found in \(files) file\(files == 1 ? "" : "s")" }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts = [plural(errors, "error"), plural(warnings, "warning")]
        if notes > 0 { parts.append(plural(notes, "note")) }
        return parts.joined(separator: ", ") + " in \(plural(files, "file"))"
    }

    static func colorCode(_ severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .note: return "1;36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
