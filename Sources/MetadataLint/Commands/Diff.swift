import LintJSON
import LintModel
import LintReport
import LintRules
import LintSource

/// `metadata-lint diff OLD NEW`: reads both versions, compares them over the typed model, and
/// reports each change as a finding of `diff`'s own catalogue (breaking as an error, risky as a
/// warning, safe as a note), so `--fail-on` is the report's exit code with or without `strict`.
public enum VersionDiff {
    public enum FailOn: String, Sendable, CaseIterable {
        case breaking, risky

        public func fails(_ impact: ChangeKind.Impact) -> Bool {
            switch self {
            case .breaking: return impact == .breaking
            case .risky: return impact >= .risky
            }
        }

        /// Risky changes are warnings: failing on them is the report's strict exit code.
        public var strict: Bool { self == .risky }
    }

    public enum Outcome: Sendable {
        /// The changes as diagnostics, in file and position order.
        case changes([MetadataChange], [Diagnostic])
        /// A version is not JSON: its syntax errors (there is nothing to compare).
        case unreadable([Diagnostic])
    }

    /// Compares two versions in memory.
    public static func run(old: SourceFile, new: SourceFile) -> Outcome {
        var unreadable: [Diagnostic] = []
        var models: [Metadata] = []
        for source in [old, new] {
            var sink = DiagnosticSink(source: source)
            switch ScannedDocument.scan(source) {
            case .failure(let error):
                sink.report(NotJSON(error: error, guess: InputGuess.guess(source.bytes, error: error)),
                            at: SourceRef(offset: error.offset, pointer: ""))
                unreadable += sink.diagnostics
            case .success(let document):
                models.append(MetadataReader.read(document.root, sink: &sink))
            }
        }
        guard unreadable.isEmpty, models.count == 2 else { return .unreadable(unreadable) }
        let changes = MetadataDiff.compare(old: models[0], new: models[1])
        let diagnostics = changes.map { $0.diagnostic(old: old, new: new) }
        return .changes(changes, diagnostics.sorted(by: Diagnostic.ordered))
    }

    /// The CLI: reads OLD (shown as `oldLabel` when given, e.g. for `<(git show ...)`) and NEW.
    /// A version that cannot be read, or is not JSON, is an input error (exit 2).
    public static func report(oldPath: String, newPath: String, oldLabel: String? = nil) -> Report {
        var sources: [SourceFile] = []
        var inputErrors: [InputError] = []
        for path in [oldPath, newPath] {
            do throws(InputError) {
                sources.append(try InputFile.read(path))
            } catch {
                inputErrors.append(error)
            }
        }
        guard inputErrors.isEmpty, sources.count == 2 else {
            var report = Report(diagnostics: [], files: sources.count, rules: ChangeKind.catalogue)
            report.inputErrors = inputErrors
            report.category = "metadata-lint/diff"
            return report
        }
        let old = oldLabel.map { SourceFile(path: $0, bytes: sources[0].bytes) } ?? sources[0]
        let new = sources[1]
        var report: Report
        switch run(old: old, new: new) {
        case .unreadable(let diagnostics):
            report = Report(diagnostics: diagnostics, files: 2, rules: Rules.all)
            report.inputErrors = Set(diagnostics.map(\.file)).sorted().map {
                InputError(path: $0, reason: "not valid JSON, so the versions cannot be compared")
            }
        case .changes(_, let diagnostics):
            report = Report(diagnostics: diagnostics, files: 2, rules: ChangeKind.catalogue)
            report.comparesVersions = true
        }
        report.category = "metadata-lint/diff"
        report.sources[old.path] = old
        report.sources[new.path] = new
        return report
    }

    /// "14 breaking, 5 risky, 16 safe (35 changes)", or "no changes".
    public static func summary(_ changes: [MetadataChange]) -> String {
        let count = { (impact: ChangeKind.Impact) in changes.filter { $0.kind.impact == impact }.count }
        return TextRenderer.changeSummary(Report.Totals(errors: count(.breaking), warnings: count(.risky), notes: count(.safe)))
    }
}
