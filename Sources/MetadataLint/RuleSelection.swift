import LintRules
import LintSupport

/// `--select` and `--ignore`: which rules run, on top of the config's choices.
public enum RuleSelection {
    public struct UnknownRule: Error, Sendable, CustomStringConvertible {
        public let id: String
        public let suggestion: String?
        public var description: String {
            "unknown rule \"\(id)\"" + (suggestion.map { ": " + $0 } ?? "") + " (metadata-lint rules lists them all)"
        }
    }

    /// Turns off every rule not in `select` (when given) and every rule in `ignore`. Ids may be rule
    /// ids or group names (`--select reference` keeps every reference rule).
    public static func apply(select: [String], ignore: [String], to config: inout Config) throws(UnknownRule) {
        let all = config.allRules
        func expand(_ names: [String]) throws(UnknownRule) -> Set<String> {
            var ids: Set<String> = []
            for name in names.flatMap({ $0.split(separator: ",").map(String.init) }) {
                let inGroup = all.filter { $0.group.rawValue == name }.map(\.id)
                if !inGroup.isEmpty {
                    ids.formUnion(inGroup)
                } else if all.contains(where: { $0.id == name }) {
                    ids.insert(name)
                } else {
                    let ids = all.map(\.id)
                    let completion = ids.first { $0.hasPrefix(name) }.map { "did you mean \"\($0)\"?" }
                    throw UnknownRule(id: name, suggestion: Suggest.didYouMean(name, in: ids) ?? completion)
                }
            }
            return ids
        }
        if !select.isEmpty {
            let selected = try expand(select)
            config.policy.disabled.formUnion(all.map(\.id).filter { !selected.contains($0) })
        }
        config.policy.disabled.formUnion(try expand(ignore))
    }
}
