import LintModel
import LintJSON
import LintSource
import LintSupport

/// A team's own rule, written as a jq filter.
public struct CustomRule: Sendable {
    public enum Target: String, Sendable { case metadata, artifacts, mapping }

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
        RuleInfo(id: id, group: .custom, severity: severity, docs: RuleDocs(
            what: message,
            why: "Custom \(target.rawValue) rule from the config file (line \(line)). \(message).",
            example: filter,
            fix: "Filter: \(filter)"))
    }
}

/// A finding of a custom rule: the config's message, or the filter's own, or why the rule could not run.
public enum CustomRuleFinding: Violation {
    case matched(CustomRule, message: String? = nil)
    /// A metadata rule's path that leads nowhere in the file.
    case pathNotInFile(CustomRule, pointer: String)
    case failed(CustomRule, error: String, onRecord: Bool)
    case badOutput(CustomRule)

    public var rule: RuleInfo {
        switch self {
        case .matched(let rule, _), .pathNotInFile(let rule, _), .failed(let rule, _, _), .badOutput(let rule): return rule.info
        }
    }

    public var message: String {
        switch self {
        case .matched(let rule, let message): return message ?? rule.message
        case .pathNotInFile(let rule, let pointer): return "\(rule.message) (at \(pointer), which is not in the file)"
        case .failed(let rule, let error, let onRecord):
            return "custom rule \"\(rule.id)\" failed on this \(onRecord ? "record" : "file"): \(error)"
        case .badOutput(let rule):
            return "custom rule \"\(rule.id)\" output something other than a path or {path, message}: make the filter end in path(...) or paths(...)"
        }
    }
}
