import LintSupport
import LintSource
import LintJSON
import LintModel
import LintRules
import LintArtifacts
import LintReport

/// What a `.metadata-lint.yml` says: rule severities, ignored paths and custom jq rules.
public struct Config: Sendable {
    public var path: String?
    public var policy = RulePolicy()
    /// gitignore-like patterns (`IgnorePatterns`) relative to the config file's directory.
    public var ignore: [String] = []
    public var customRules: [CustomRule] = []
    /// `devrev-object-table: off` turns off the checks against DevRev's table of object types.
    public var devrevObjectTable = true
    /// Record and filter limits (`limits:`), with the command line's flags applied over them.
    public var limits = Limits()

    public init() {}

    public var customRuleInfos: [RuleInfo] { customRules.map(\.info) }

    /// Every rule in force: the built-in catalogue plus this config's custom rules.
    public var allRules: [RuleInfo] { Rules.all + customRuleInfos }
}

/// A problem in the config file: exit code 2, with its position.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { line > 0 ? "\(path):\(line):\(column): \(message)" : "\(path): \(message)" }
}

extension MetadataValidator {
    public init(config: Config) {
        self.init(policy: config.policy, customRules: config.customRules)
        customRuleOptions = config.limits.configRuleOptions
    }
}

extension MappingValidator {
    public init(config: Config) {
        self.init(policy: config.policy, customRules: config.customRules, table: config.devrevObjectTable ? .shipped : nil)
        customRuleOptions = config.limits.configRuleOptions
    }
}
