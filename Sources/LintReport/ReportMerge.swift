import LintRules

extension Report {
    /// One report for a run whose inputs were checked in parts (files governed by different
    /// config files): findings, counts and files added up, rules listed once each.
    public mutating func absorb(_ other: Report) {
        diagnostics = (diagnostics + other.diagnostics).sorted(by: Diagnostic.ordered)
        totals.errors += other.totals.errors
        totals.warnings += other.totals.warnings
        totals.notes += other.totals.notes
        omitted += other.omitted
        files += other.files
        let known = Set(rules.map(\.id))
        rules += other.rules.filter { !known.contains($0.id) }
        inputErrors += other.inputErrors
        ignored += other.ignored
        checkedDespiteIgnore += other.checkedDespiteIgnore
        baselined += other.baselined
        unlisted += other.unlisted
        sources.merge(other.sources) { mine, _ in mine }
        rewrites += other.rewrites
        if let theirs = other.fixSummary {
            var summary = fixSummary ?? FixSummary(fixed: 0, unsafeFixable: 0, dryRun: theirs.dryRun)
            summary.fixed += theirs.fixed
            summary.unsafeFixable += theirs.unsafeFixable
            fixSummary = summary
        }
    }
}
