import Foundation
import LintJSON
import LintRules
import LintSource

/// Findings a team has accepted for now (`--write-baseline`), so that only new ones count
/// (`--baseline`). A finding matches by file, rule, JSON pointer and message, not by line, so
/// edits elsewhere in the file do not resurrect it; each baseline entry absorbs one finding.
public struct Baseline: Sendable {
    struct Key: Hashable {
        let file: String
        let rule: String
        let pointer: String
        let message: String
    }

    var counts: [Key: Int] = [:]

    public init(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { counts[Key(d), default: 0] += 1 }
    }

    /// The baseline file: a JSON object whose `findings` lists `{file, rule, pointer, message}`.
    public func serialized() -> String {
        let entries = counts.sorted { ($0.key.file, $0.key.rule, $0.key.pointer, $0.key.message) < ($1.key.file, $1.key.rule, $1.key.pointer, $1.key.message) }
            .flatMap { key, count in
                Array(repeating: "    " + JSONWriter.object([
                    ("file", JSONWriter.quote(key.file)), ("rule", JSONWriter.quote(key.rule)),
                    ("pointer", JSONWriter.quote(key.pointer)), ("message", JSONWriter.quote(key.message)),
                ]), count: count)
            }
        return "{\n  \"version\": 1,\n  \"findings\": [\n" + entries.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    public static func load(_ path: String) throws(InputError) -> Baseline {
        let source = try InputFile.read(path)
        let root: JSONNode
        do throws(JSONSyntaxError) {
            root = try JSONDocument.parse(source.bytes)
        } catch {
            let (line, column) = source.lines.location(of: error.offset, in: source.bytes)
            throw InputError(path: path, reason: "line \(line), column \(column): not a baseline file (\(error.message))")
        }
        guard let findings = root["findings"]?.elements else {
            throw InputError(path: path, reason: "not a baseline file: no \"findings\" list (write one with --write-baseline)")
        }
        var baseline = Baseline([])
        for entry in findings {
            guard let file = entry["file"]?.string, let rule = entry["rule"]?.string,
                  let pointer = entry["pointer"]?.string, let message = entry["message"]?.string else {
                let (line, column) = source.lines.location(of: entry.offset, in: source.bytes)
                throw InputError(path: path, reason: "line \(line), column \(column): a finding needs string file, rule, pointer and message")
            }
            baseline.counts[Key(file: file, rule: rule, pointer: pointer, message: message), default: 0] += 1
        }
        return baseline
    }

    /// The report without the findings this baseline holds; `baselined` counts them.
    public func filter(_ report: Report) -> Report {
        var remaining = counts
        var kept: [Diagnostic] = []
        var removed: [Diagnostic] = []
        for d in report.diagnostics {
            let key = Key(d)
            if let n = remaining[key], n > 0 {
                remaining[key] = n - 1
                removed.append(d)
            } else {
                kept.append(d)
            }
        }
        var filtered = report
        let removedTotals = Report.Totals(removed)
        filtered.diagnostics = kept
        filtered.totals.errors -= removedTotals.errors
        filtered.totals.warnings -= removedTotals.warnings
        filtered.totals.notes -= removedTotals.notes
        filtered.baselined = removed.count
        return filtered
    }
}

extension Baseline.Key {
    init(_ d: Diagnostic) {
        self.init(file: d.file, rule: d.rule, pointer: d.pointer, message: d.message)
    }
}
