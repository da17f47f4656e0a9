import LintSource

/// Collects findings for one source file, applying the configured severity of each rule.
public struct DiagnosticSink: Sendable {
    public let source: SourceFile
    public let policy: RulePolicy
    public private(set) var diagnostics: [Diagnostic] = []

    public init(source: SourceFile, policy: RulePolicy = RulePolicy()) {
        self.source = source
        self.policy = policy
    }

    /// Reports `violation` at `ref`, unless its rule is turned off.
    public mutating func report(_ violation: some Violation, at ref: SourceRef) {
        guard let severity = policy.severity(of: violation.rule) else { return }
        diagnostics.append(source.diagnostic(at: ref, rule: violation.rule.id, severity: severity, message: violation.message))
    }

    /// The 1-based line of `offset` in this file, for messages that cite another place.
    public func line(of offset: Int) -> Int { source.lines.line(of: offset) }
}
