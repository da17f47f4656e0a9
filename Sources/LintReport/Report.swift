import LintArtifacts
import LintRules
import LintSource

/// The outcome of one run: what was found, what the output leaves out, and the exit code. Every
/// command builds one and every format renders it, so counts and exit codes mean the same
/// everywhere.
public struct Report: Sendable {
    public struct Totals: Sendable, Equatable {
        public var errors = 0
        public var warnings = 0
        public var notes = 0

        public init(errors: Int = 0, warnings: Int = 0, notes: Int = 0) {
            self.errors = errors
            self.warnings = warnings
            self.notes = notes
        }

        public init(_ diagnostics: [Diagnostic]) {
            for diagnostic in diagnostics {
                switch diagnostic.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .note: notes += 1
                }
            }
        }
    }

    /// The diagnostics shown, in output order.
    public var diagnostics: [Diagnostic]
    /// Every finding, including those a cap left out.
    public var totals: Totals
    public var omitted: [Omission] = []
    /// How many inputs were checked.
    public var files: Int
    /// The rule catalogue in force (built-in and custom), for SARIF.
    public var rules: [RuleInfo]
    /// Records read per item type (check-artifacts).
    public var records: [String: Int]? = nil
    /// check-artifacts' `--stats`.
    public struct Statistics: Sendable {
        public var records: Int
        public var references: Int
        public var indexBytes: Int

        public init(records: Int, references: Int, indexBytes: Int) {
            self.records = records
            self.references = references
            self.indexBytes = indexBytes
        }
    }

    public var statistics: Statistics? = nil
    /// check-artifacts stopped before the data: the metadata could not be used.
    public var metadataFailed = false
    /// Inputs that could not be read: each is reported, the rest are still checked, and the run
    /// exits 2.
    public var inputErrors: [InputError] = []
    /// Inputs an `ignore` pattern of the config skipped (found in directories or beside a named
    /// file, or named with `--force-exclude`).
    public var ignored: [String] = []
    /// Inputs named on the command line that an `ignore` pattern matches, checked all the same.
    public var checkedDespiteIgnore: [String] = []
    /// Which analysis a SARIF upload belongs to (`runAutomationDetails.id`), so code scanning keeps
    /// validate's and check-artifacts' results apart.
    public var category = "metadata-lint"
    /// Findings counted in the totals but not kept: past a run's limit on kept findings (a small
    /// gzip file can hold millions of bad records).
    public var unlisted = 0
    /// Findings left out because the baseline holds them.
    public var baselined = 0
    /// Inputs held in memory (standard input, metadata), so their snippets need no second read.
    public var sources: [String: SourceFile] = [:]

    /// What standard output shows: the findings, or what the run produced in their place.
    public enum Body: Sendable {
        case findings
        /// `--diff`: the rewrites as a unified diff.
        case diff
        /// `fmt -`: the formatted document.
        case document([UInt8])
    }

    public var body: Body = .findings
    /// Files rewritten, or that would be in a dry run (`validate --fix`, `fmt`).
    public var rewrites: [FileRewrite] = []
    /// `validate --fix`: fixed and fixable counts.
    public var fixSummary: FixSummary? = nil
    /// `fmt`: which files were (or would be) reformatted.
    public var formatSummary: FormatSummary? = nil
    /// `diff`: the findings are changes between two versions (breaking as errors, risky as
    /// warnings, safe as notes), and the summary line counts them as such.
    public var comparesVersions = false

    public init(diagnostics: [Diagnostic], totals: Totals? = nil, files: Int, rules: [RuleInfo]) {
        self.diagnostics = diagnostics
        self.totals = totals ?? Totals(diagnostics)
        self.files = files
        self.rules = rules
    }

    /// 0 clean (warnings allowed), 1 errors (or warnings with `strict`), 2 an input could not be read.
    public func exitCode(strict: Bool) -> Int32 {
        if !inputErrors.isEmpty { return 2 }
        if formatSummary?.failsRun == true { return 1 }
        return totals.errors > 0 || (strict && totals.warnings > 0) ? 1 : 0
    }
}
