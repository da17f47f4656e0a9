import LintArtifacts
import LintReport
import LintRules
import LintSource

/// `metadata-lint check-artifacts`: the metadata, then every artifact, into one report.
public enum CheckArtifacts {
    /// Diagnostics shown per rule and field in text output; the rest are counted.
    public static let perFieldLimit = 20

    public static func run(_ options: ArtifactCheck.Options, config: Config) throws(InputError) -> Report {
        var options = options
        options.policy = config.policy
        options.customRules = config.customRules
        options.isIgnored = { ConfigLoader.isIgnored($0, by: config) }
        let result = try ArtifactCheck.run(options)
        var report = Report(diagnostics: result.diagnostics,
                            totals: Report.Totals(errors: result.errors, warnings: result.warnings, notes: result.notes),
                            files: result.files, rules: config.allRules)
        report.omitted = result.omitted
        report.records = result.metadataFailed ? nil : result.recordCounts
        report.metadataFailed = result.metadataFailed
        report.sources = result.sources
        report.statistics = Report.Statistics(records: result.recordCounts.values.reduce(0, +),
                                              references: result.pendingReferences, indexBytes: result.indexBytes)
        return report
    }
}
