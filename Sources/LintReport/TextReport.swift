import LintRules
import LintSource

/// The text format: `file:line:col: severity[rule]: message`, the source line with a caret, what a
/// cap left out, records per item type, and a summary line.
public struct TextRenderer: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ report: Report) -> String {
        let snippets = Snippets.load(for: report.diagnostics, sources: report.sources)
        var out = ""
        for diagnostic in report.diagnostics {
            out += renderOne(diagnostic, line: snippets[diagnostic.file]?[diagnostic.line])
        }
        for omission in report.omitted {
            out += "… and \(omission.count) more [\(omission.rule)]" + (omission.field.isEmpty ? "" : " at \(omission.field)") + "\n"
        }
        if report.metadataFailed {
            out += "the metadata cannot be read: fix it first; no artifact was checked\n"
        } else if let records = report.records {
            let types = records.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            out += "records: \(types.isEmpty ? "none" : types.joined(separator: ", "))\n"
        }
        for path in report.ignored {
            out += "ignored by the config: \(path)\n"
        }
        out += Self.summary(report.totals, files: report.files) + "\n"
        return out
    }

    func renderOne(_ d: Diagnostic, line source: String?) -> String {
        let position = d.line > 0 ? "\(d.file):\(d.line):\(d.column)" : d.file
        var out = "\(paint(position, "1")): \(paint(d.severity.rawValue, Self.colorCode(d.severity)))[\(d.rule)]: \(d.message)\n"
        if let source, d.line > 0, !source.isEmpty {
            let (text, caret) = Snippets.window(source, column: d.column)
            let number = String(d.line)
            let gutter = String(repeating: " ", count: number.count)
            out += " \(paint(number, "2")) | \(text)\n"
            let prefix = text.unicodeScalars.prefix(max(0, caret - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            out += " \(gutter) | \(prefix)\(paint("^", Self.colorCode(d.severity)))\n"
        }
        return out
    }

    public static func summary(_ totals: Report.Totals, files: Int) -> String {
        if totals.errors + totals.warnings + totals.notes == 0 { return "no problems found in \(files) file\(files == 1 ? "" : "s")" }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts = [plural(totals.errors, "error"), plural(totals.warnings, "warning")]
        if totals.notes > 0 { parts.append(plural(totals.notes, "note")) }
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
