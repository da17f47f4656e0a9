import LintRules
import LintSource

/// The text format: `file:line:col: severity[rule]: message`, the source line with a caret, what a
/// cap left out, records per item type, and a summary line.
public struct TextRenderer: Sendable {
    public var color: Bool
    /// Only the findings: no footer and no summary.
    public var quiet: Bool

    public init(color: Bool, quiet: Bool = false) {
        self.color = color
        self.quiet = quiet
    }

    public func render(_ report: Report) -> String {
        let snippets = Snippets.load(for: report.diagnostics, sources: report.sources)
        var out = ""
        for diagnostic in report.diagnostics {
            out += renderOne(diagnostic, line: snippets[diagnostic.file]?[diagnostic.line])
        }
        if quiet { return out }
        for omission in report.omitted {
            out += "… and \(omission.count) more [\(omission.rule)]" + (omission.field.isEmpty ? "" : " at \(omission.field)") + "\n"
        }
        if report.metadataFailed {
            out += "the metadata cannot be read: fix it first; no artifact was checked\n"
        } else if let records = report.records {
            let types = records.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            out += "records: \(types.isEmpty ? "none" : types.joined(separator: ", "))\n"
        }
        for line in report.ignoreNotes { out += line + "\n" }
        if report.baselined > 0 {
            out += "\(report.baselined) finding\(report.baselined == 1 ? "" : "s") in the baseline not shown\n"
        }
        for line in report.footer { out += line + "\n" }
        if report.formatSummary == nil {
            out += (report.comparesVersions ? Self.changeSummary(report.totals) : Self.summary(report.totals, files: report.files)) + "\n"
        }
        return out
    }

    /// `diff`: breaking changes are errors, risky ones warnings, safe ones notes.
    public static func changeSummary(_ totals: Report.Totals) -> String {
        let total = totals.errors + totals.warnings + totals.notes
        if total == 0 { return "no changes" }
        return "\(totals.errors) breaking, \(totals.warnings) risky, \(totals.notes) safe (\(total) change\(total == 1 ? "" : "s"))"
    }

    /// `--statistics`: findings per rule, most frequent first.
    public static func statistics(_ report: Report) -> String {
        var counts: [String: (Severity, Int)] = [:]
        for d in report.diagnostics { counts[d.rule] = (d.severity, (counts[d.rule]?.1 ?? 0) + 1) }
        for omission in report.omitted { counts[omission.rule]?.1 += omission.count }
        let rows = counts.sorted { $0.value.1 != $1.value.1 ? $0.value.1 > $1.value.1 : $0.key < $1.key }
        let width = String(rows.first?.value.1 ?? 0).count
        return rows.map { rule, entry in
            let count = String(entry.1)
            return String(repeating: " ", count: width - count.count) + count + "  " + entry.0.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + rule + "\n"
        }.joined()
    }

    func renderOne(_ d: Diagnostic, line source: SnippetLine?) -> String {
        let position = d.line > 0 ? "\(d.file):\(d.line):\(d.column)" : d.file
        var out = "\(paint(position, "1")): \(paint(d.severity.rawValue, Self.colorCode(d.severity)))[\(d.rule)]: \(Self.visible(d.message))\n"
        if let source, d.line > 0, !source.scalars.isEmpty {
            let (window, caret) = Snippets.window(source, column: d.column)
            let text = Self.visible(window)
            let number = String(d.line)
            let gutter = String(repeating: " ", count: number.count)
            out += " \(paint(number, "2")) | \(text)\n"
            let prefix = text.unicodeScalars.prefix(max(0, caret - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            out += " \(gutter) | \(prefix)\(paint("^", Self.colorCode(d.severity)))\n"
        }
        return out
    }

    /// Control characters from the checked file shown as escapes: a line break inside a key must
    /// not start a new output line (in CI logs it could forge a `::error` workflow command).
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) else { return text }
        return text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                return "\\u{" + String(scalar.value, radix: 16) + "}"
            default: return String(scalar)
            }
        }.joined()
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
