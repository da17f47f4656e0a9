import LintReport
import LintRules
import LintSource

/// `metadata-lint fmt`, and formatting for an editor. `format` and `edits` work on bytes in
/// memory; only `run` touches files.
public enum Formatting {
    /// The canonical layout of one document, or why it cannot be formatted (positioned findings).
    public static func format(_ source: SourceFile) -> Result<[UInt8], MetadataFormatter.Refusal> {
        MetadataFormatter.format(source)
    }

    /// The edits that give `source` its canonical layout: none when it already has it, else one
    /// edit replacing the bytes between the common start and the common end (both cut at
    /// character boundaries), so an editor leaves the rest, and the cursor in it, alone.
    public static func edits(for source: SourceFile) -> Result<[TextEdit], MetadataFormatter.Refusal> {
        format(source).map { formatted in
            let old = source.bytes
            if old == formatted { return [] }
            var prefix = 0
            while prefix < old.count, prefix < formatted.count, old[prefix] == formatted[prefix] { prefix += 1 }
            while prefix > 0, prefix < old.count, old[prefix] & 0xC0 == 0x80 { prefix -= 1 }
            var suffix = 0
            while suffix < old.count - prefix, suffix < formatted.count - prefix,
                  old[old.count - 1 - suffix] == formatted[formatted.count - 1 - suffix] { suffix += 1 }
            while suffix > 0, old[old.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
            return [TextEdit(range: prefix..<(old.count - suffix),
                             replacement: Array(formatted[prefix..<(formatted.count - suffix)]))]
        }
    }

    /// `metadata-lint fmt`: formats each file (writing it atomically in `.write` mode), refusing
    /// files that are not JSON or have duplicate keys (their findings are the report's). `-` in
    /// `.write` mode prints the formatted document instead of a report.
    public static func run(_ paths: [String], mode: FormatSummary.Mode) -> Report {
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        var rewrites: [FileRewrite] = []
        var inputErrors: [InputError] = []
        var summary = FormatSummary(mode: mode, reformatted: [], unchanged: 0, refused: 0)
        var document: [UInt8]? = nil
        for path in paths {
            do throws(InputError) {
                let source = try InputFile.read(path)
                sources[source.path] = source
                switch format(source) {
                case .failure(let refusal):
                    diagnostics += refusal.diagnostics
                    summary.refused += 1
                case .success(let formatted) where path == "-" && mode == .write:
                    document = formatted
                case .success(let formatted) where formatted == source.bytes:
                    summary.unchanged += 1
                case .success(let formatted):
                    if mode == .write { try AtomicFileWriter.write(formatted, to: path) }
                    summary.reformatted.append(source.path)
                    rewrites.append(FileRewrite(path: source.path, before: source.bytes, after: formatted))
                }
            } catch {
                inputErrors.append(error)
            }
        }
        var report = Report(diagnostics: diagnostics, files: sources.count, rules: Rules.all)
        report.sources = sources
        report.inputErrors = inputErrors
        report.rewrites = rewrites
        report.category = "metadata-lint/fmt"
        // `fmt -` alone is a filter: the formatted document and nothing else.
        if paths != ["-"] || mode != .write { report.formatSummary = summary }
        if let document {
            report.body = .document(document)
        } else if mode == .diff {
            report.body = .diff
        }
        return report
    }
}
