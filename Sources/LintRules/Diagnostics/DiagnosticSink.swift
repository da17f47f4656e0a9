import LintModel
import LintJSON
import LintSource
import LintSupport

/// Collects findings for one source file, applying the configured severity of each rule.
public struct DiagnosticSink: Sendable {
    public let source: SourceFile
    public let policy: RulePolicy
    public private(set) var diagnostics: [Diagnostic] = []

    public init(source: SourceFile, policy: RulePolicy = RulePolicy()) {
        self.source = source
        self.policy = policy
    }

    /// Reports `message` under `rule` at `ref`, unless the rule is turned off.
    public mutating func report(_ rule: RuleInfo, at ref: SourceRef, _ message: String) {
        guard let severity = policy.severity(of: rule) else { return }
        diagnostics.append(source.diagnostic(at: ref, rule: rule.id, severity: severity, message: message))
    }
}
