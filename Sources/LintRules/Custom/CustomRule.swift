import LintModel
import LintJSON
import LintSource
import LintSupport

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

    public init(id: String, severity: Severity, message: String, target: Target, itemTypes: Set<String>?,
                filter: String, line: Int, column: Int) {
        self.id = id
        self.severity = severity
        self.message = message
        self.target = target
        self.itemTypes = itemTypes
        self.filter = filter
        self.line = line
        self.column = column
    }

    public var info: RuleInfo {
        RuleInfo(id: id, group: .custom, severity: severity, summary: message,
                 explanation: """
                 Custom \(target.rawValue) rule from the config file (line \(line)). \(message). \
                 Filter: \(filter)
                 """)
    }
}
