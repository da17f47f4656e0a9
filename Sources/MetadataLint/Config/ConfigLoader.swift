import Foundation
import JQ
import Yams
import LintSupport
import LintSource
import LintJSON
import LintModel
import LintRules
import LintArtifacts
import LintReport

/// Finds and reads `.metadata-lint.yml`.
public enum ConfigLoader {
    public static let fileNames = [".metadata-lint.yml", ".metadata-lint.yaml"]

    /// The config in `directory` or the nearest parent that has one, never above the repository
    /// root (see `ConfigDiscovery`).
    public static func discover(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        ConfigDiscovery.config(from: directory)
    }

    public static func load(_ path: String) throws(ConfigError) -> Config {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, line: 0, column: 0, message: "cannot read the config file")
        }
        return try parse(text, path: path)
    }

    static let topKeys = ["rules", "ignore", "custom-rules", "devrev-object-table", "limits"]
    static let ruleKeys = ["id", "severity", "message", "on", "item-types", "filter"]

    public static func parse(_ text: String, path: String) throws(ConfigError) -> Config {
        var config = Config()
        config.path = path
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigError(path: path, line: 0, column: 0, message: "not valid YAML: \(error)")
        }
        guard let root else { return config }
        func fail(_ node: Node?, _ message: String) -> ConfigError {
            ConfigError(path: path, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message: message)
        }
        guard let top = root.mapping else { throw fail(root, "the config must be a mapping with rules, ignore and custom-rules") }
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "rules":
                guard let rules = value.mapping else { throw fail(value, "\"rules\" maps rule ids to off, error, warning or note") }
                for (idNode, settingNode) in rules {
                    let id = idNode.string ?? ""
                    guard Rules.info(id) != nil else {
                        let hint = Suggest.didYouMean(id, in: Rules.all.map(\.id)).map { ": " + $0 } ?? " (metadata-lint rules lists them)"
                        throw fail(idNode, "unknown rule \"\(id)\"\(hint)")
                    }
                    let setting = settingNode.scalar?.string ?? ""
                    if ["off", "false", "disable", "disabled"].contains(setting) {
                        config.policy.disabled.insert(id)
                    } else if let severity = Severity(rawValue: setting) {
                        config.policy.severities[id] = severity
                    } else {
                        throw fail(settingNode, "rule \"\(id)\" is set to \"\(setting)\": use off, error, warning or note")
                    }
                }
            case "ignore":
                guard let patterns = value.sequence else { throw fail(value, "\"ignore\" is a list of path patterns") }
                config.ignore = try strings(patterns, what: "an \"ignore\" pattern", fail: fail)
                for (pattern, node) in zip(config.ignore, patterns) {
                    if let problem = IgnorePatterns.problem(in: pattern) { throw fail(node, problem) }
                }
            case "devrev-object-table":
                config.devrevObjectTable = try switchValue(value, key: key, fail: fail)
            case "limits":
                config.limits = try limits(value, fail: fail)
            case "custom-rules":
                guard let rules = value.sequence else { throw fail(value, "\"custom-rules\" is a list of rules") }
                for ruleNode in rules {
                    config.customRules.append(try customRule(ruleNode, fail: fail))
                }
            default:
                let hint = Suggest.didYouMean(key, in: topKeys).map { ": " + $0 } ?? ""
                throw fail(keyNode, "unknown key \"\(key)\"\(hint) (allowed: \(topKeys.joined(separator: ", ")))")
            }
        }
        let ids = config.customRules.map(\.id)
        for rule in config.customRules where ids.filter({ $0 == rule.id }).count > 1 {
            throw ConfigError(path: path, line: rule.line, column: rule.column, message: "custom rule id \"\(rule.id)\" is used twice")
        }
        return config
    }

    static func customRule(_ node: Node, fail: (Node?, String) -> ConfigError) throws(ConfigError) -> CustomRule {
        guard let mapping = node.mapping else { throw fail(node, "a custom rule is a mapping with id, message and filter") }
        for (keyNode, _) in mapping where !ruleKeys.contains(keyNode.string ?? "") {
            let key = keyNode.string ?? ""
            let hint = Suggest.didYouMean(key, in: ruleKeys).map { ": " + $0 } ?? ""
            throw fail(keyNode, "unknown key \"\(key)\" in a custom rule\(hint) (allowed: \(ruleKeys.joined(separator: ", ")))")
        }
        func string(_ key: String) -> String? { mapping[Node(key)]?.string }
        guard let id = string("id"), !id.isEmpty else { throw fail(node, "a custom rule needs an \"id\"") }
        guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
            throw fail(mapping[Node("id")], "custom rule id \"\(id)\" must be kebab-case (a-z, 0-9, -)")
        }
        guard Rules.info(id) == nil else { throw fail(mapping[Node("id")], "\"\(id)\" is a built-in rule id: choose another") }
        guard let filter = string("filter") else { throw fail(node, "custom rule \"\(id)\" needs a \"filter\" (a jq program)") }
        guard let message = string("message") else { throw fail(node, "custom rule \"\(id)\" needs a \"message\"") }
        var severity = Severity.warning
        if let text = string("severity") {
            guard let parsed = Severity(rawValue: text) else {
                throw fail(mapping[Node("severity")], "severity \"\(text)\" of custom rule \"\(id)\": use error, warning or note")
            }
            severity = parsed
        }
        var target = CustomRule.Target.metadata
        if let text = string("on") {
            guard let parsed = CustomRule.Target(rawValue: text) else {
                throw fail(mapping[Node("on")], "\"on\" of custom rule \"\(id)\" is \"\(text)\": use metadata, artifacts or mapping")
            }
            target = parsed
        }
        var itemTypes: Set<String>? = nil
        if let list = mapping[Node("item-types")] {
            guard target == .artifacts else { throw fail(list, "\"item-types\" applies to rules with \"on: artifacts\"") }
            guard let items = list.sequence else { throw fail(list, "\"item-types\" is a list of item types") }
            itemTypes = Set(try strings(items, what: "an item type", fail: fail))
        }
        let filterNode = mapping[Node("filter")]
        do throws(JQError) {
            _ = try JQFilter(filter, options: JQOptions.configRuleDefaults)
        } catch {
            throw fail(filterNode, "the filter of custom rule \"\(id)\" does not compile: \(error.message.replacingOccurrences(of: "\n", with: " "))")
        }
        return CustomRule(id: id, severity: severity, message: message, target: target, itemTypes: itemTypes,
                          filter: filter, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    /// `on` / `off` (or true / false) for a switch such as `devrev-object-table`.
    static func switchValue(_ node: Node, key: String, fail: (Node?, String) -> ConfigError) throws(ConfigError) -> Bool {
        switch node.scalar?.string ?? "" {
        case "on", "true": return true
        case "off", "false": return false
        default: throw fail(node, "\"\(key)\" is on or off")
        }
    }

    /// The entries of a list, each of which must be a plain string (not a list or mapping).
    static func strings(_ items: Node.Sequence, what: String, fail: (Node?, String) -> ConfigError) throws(ConfigError) -> [String] {
        var result: [String] = []
        for item in items {
            guard let text = item.scalar?.string else { throw fail(item, "\(what) must be a string") }
            result.append(text)
        }
        return result
    }

    /// True when one of the config's ignore patterns matches `path` or a directory above it
    /// (`IgnorePatterns` has the syntax).
    public static func isIgnored(_ path: String, by config: Config) -> Bool {
        IgnorePatterns(config).matches(path)
    }
}
