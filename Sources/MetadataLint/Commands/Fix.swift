import LintReport
import LintRules
import LintSource

/// `validate --fix`, and the fixes an editor offers. Everything but `run` works on bytes in
/// memory: a fix is a list of byte-range edits (`TextEdit`) on the document it was computed for.
public enum Fixes {
    /// One finding with the fix its rule offers for it (an editor's quick fix).
    public struct Offer: Sendable {
        public var diagnostic: Diagnostic
        public var fix: Fix

        public init(diagnostic: Diagnostic, fix: Fix) {
            self.diagnostic = diagnostic
            self.fix = fix
        }
    }

    /// The fix of each of `diagnostics` that has one, safe and unsafe alike (check
    /// `fix.applicability`: an editor should mark unsafe ones). The diagnostics must have been
    /// computed on `source`'s bytes; nothing when they are not JSON.
    public static func offers(for diagnostics: [Diagnostic], in source: SourceFile) -> [Offer] {
        guard let document = FixDocument(source) else { return [] }
        return diagnostics.compactMap { diagnostic in
            Rules.fix(for: diagnostic, in: document).map { Offer(diagnostic: diagnostic, fix: $0) }
        }
    }

    /// Validates `source` under `config` and returns each finding's fix.
    public static func offers(for source: SourceFile, config: Config = Config()) -> [Offer] {
        offers(for: MetadataValidator(config: config).validate(source).diagnostics, in: source)
    }

    /// Applies fixes until none is left ("fix all"): the fixed bytes, the fixes applied, what
    /// remains. Only safe fixes unless `includeUnsafe`.
    public static func fixAll(_ source: SourceFile, config: Config = Config(), includeUnsafe: Bool = false) -> FixRunner.Outcome {
        FixRunner(validator: MetadataValidator(config: config), includeUnsafe: includeUnsafe).run(source)
    }

    public enum Mode: Sendable {
        /// Write the fixed files (atomically).
        case write
        /// Write nothing; the report shows the fixes as a unified diff.
        case diff
    }

    /// `metadata-lint validate --fix` (or `--diff`): fixes each file and reports what remains, with
    /// the fix counts as the report's `fixSummary`. Unreadable or unwritable files are input errors.
    public static func run(_ paths: [String], config: Config, includeUnsafe: Bool, mode: Mode,
                           exclusion exclusionMode: InputExclusion.Mode = .exceptNamed) -> Report {
        let exclusion = InputExclusion(config: config, named: paths, mode: exclusionMode)
        let runner = FixRunner(validator: MetadataValidator(config: config), includeUnsafe: includeUnsafe)
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        var rewrites: [FileRewrite] = []
        var inputErrors: [InputError] = []
        var ignored: [String] = []
        var summary = FixSummary(fixed: 0, unsafeFixable: 0, dryRun: mode == .diff)
        for path in paths {
            if exclusion.skips(path) {
                ignored.append(path)
                continue
            }
            do throws(InputError) {
                let source = try InputFile.read(path)
                let outcome = runner.run(source)
                if outcome.changed {
                    if mode == .write { try AtomicFileWriter.write(outcome.fixed.bytes, to: path) }
                    rewrites.append(FileRewrite(path: source.path, before: source.bytes, after: outcome.fixed.bytes))
                }
                diagnostics += outcome.remaining
                sources[source.path] = outcome.fixed
                summary.fixed += outcome.fixedCount
                summary.unsafeFixable += outcome.unsafeFixable
            } catch {
                inputErrors.append(error)
            }
        }
        var report = Report(diagnostics: diagnostics, files: sources.count, rules: config.allRules)
        report.sources = sources
        report.inputErrors = inputErrors
        report.ignored = ignored
        report.checkedDespiteIgnore = exclusion.checkedAnyway(paths)
        report.rewrites = rewrites
        report.fixSummary = summary
        report.category = "metadata-lint/validate"
        if mode == .diff { report.body = .diff }
        return report
    }
}
