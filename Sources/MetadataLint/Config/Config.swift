/// What a `.metadata-lint.yml` says: rule severities, ignored paths and custom jq rules.
public struct Config: Sendable {
    public var path: String?
    public var policy = RulePolicy()
    /// fnmatch patterns; a file matching one is skipped.
    public var ignore: [String] = []
    public var customRules: [CustomRule] = []
    /// Record and filter limits (`limits:`), before command-line flags.
    public var limits = Limits()

    public init() {}

    public var customRuleInfos: [RuleInfo] { customRules.map(\.info) }

    /// Every rule in force: the built-in catalogue plus this config's custom rules.
    public var allRules: [RuleInfo] { Rules.all + customRuleInfos }
}

/// A team's own rule, written as a jq filter.
public struct CustomRule: Sendable {
    public enum Target: String, Sendable { case metadata, artifacts }

    public var id: String
    public var severity: Severity
    public var message: String
    public var target: Target
    /// For artifact rules: the item types it runs on (nil: all).
    public var itemTypes: Set<String>?
    public var filter: String
    /// Where the rule is declared, for errors about it.
    public var line: Int
    public var column: Int

    public var info: RuleInfo {
        RuleInfo(id: id, group: .custom, severity: severity, summary: message,
                 explanation: """
                 Custom \(target.rawValue) rule from the config file (line \(line)). \(message). \
                 Filter: \(filter)
                 """)
    }
}

/// A problem in the config file: exit code 2, with its position.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { line > 0 ? "\(path):\(line):\(column): \(message)" : "\(path): \(message)" }
}
