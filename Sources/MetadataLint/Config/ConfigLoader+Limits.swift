import Yams
import LintSupport

extension ConfigLoader {
    /// `limits:`: sizes as bytes or "16 MiB", times as seconds, "2.5s" or "500ms".
    static func limits(_ node: Node, fail: (Node?, String) -> ConfigError) throws(ConfigError) -> Limits {
        guard let mapping = node.mapping else {
            throw fail(node, "\"limits\" maps \(Limits.keys.joined(separator: ", ")) to values")
        }
        var limits = Limits()
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            guard let text = valueNode.scalar?.string else {
                throw fail(valueNode, "\(key) must be a single value, not a list or mapping")
            }
            switch key {
            case "max-record-bytes", "filter-memory":
                guard let bytes = Limits.parseBytes(text) else {
                    throw fail(valueNode, "\(key) is \"\(text)\": use a size such as 16MiB, 512 KiB or a number of bytes (above 0)")
                }
                if key == "max-record-bytes" { limits.maxRecordBytes = bytes } else { limits.filterMemoryBytes = bytes }
            case "max-record-values":
                guard let count = Int(text), count > 0 else {
                    throw fail(valueNode, "max-record-values is \"\(text)\": use a whole number above 0")
                }
                limits.maxRecordValues = count
            case "filter-time":
                guard let seconds = Limits.parseSeconds(text) else {
                    throw fail(valueNode, "filter-time is \"\(text)\": use seconds such as 10, 2.5s or 500ms (above 0, at most a day)")
                }
                limits.filterSeconds = seconds
            default:
                let hint = Suggest.didYouMean(key, in: Limits.keys).map { ": " + $0 } ?? ""
                throw fail(keyNode, "unknown key \"\(key)\" in limits\(hint) (allowed: \(Limits.keys.joined(separator: ", ")))")
            }
        }
        return limits
    }
}
