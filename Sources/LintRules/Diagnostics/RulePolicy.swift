import LintModel
import LintJSON
import LintSource
import LintSupport

/// Which rules run and at what severity: the defaults, changed by a config file or `--strict`.
public struct RulePolicy: Sendable {
    public var disabled: Set<String> = []
    public var severities: [String: Severity] = [:]

    public init(disabled: Set<String> = [], severities: [String: Severity] = [:]) {
        self.disabled = disabled
        self.severities = severities
    }

    /// The severity to report `rule` at, or nil when it is turned off.
    public func severity(of rule: RuleInfo) -> Severity? {
        if disabled.contains(rule.id) { return nil }
        return severities[rule.id] ?? rule.defaultSeverity
    }
}
