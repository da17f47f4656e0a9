import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the mapping file (MappingReader).
    public static let mappingValueNotAllowed = RuleInfo(
        id: "mapping-value-not-allowed", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A key of the mapping file has a value outside the values DevRev accepts.",
            why: """
            Some keys take one of a fixed list of values: a shard's mode is "create_shard", a leaf \
            type's object_category is stock, custom, fresh_custom or synthetic, a fallback's type is \
            one of bool, date, enum, float, int, rich_text, text, timestamp, and use_fixed_value's \
            value is bool, enum_value or none. Anything else is rejected at install.
            """,
            example: """
            "devrev_leaf_type": { "object_type": "issue", "object_category": "standard" },
            "mode": "create_shard"
            """,
            fix: """
            Use one of the values the message lists.
            """))
}

public struct MappingValueNotAllowed: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingValueNotAllowed }
    public let key: String
    public let value: String
    public let subject: MappingSubject
    public let allowed: [String]

    public init(key: String, value: String, in subject: MappingSubject, allowed: [String]) {
        self.key = key
        self.value = value
        self.subject = subject
        self.allowed = allowed
    }

    public var message: String {
        var message = "\"\(key)\" of \(subject) is \"\(value)\", which is not allowed"
        if let suggestion = Suggest.didYouMean(value, in: allowed) {
            message += ": " + suggestion
        } else {
            message += ": use " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
        }
        return message
    }
}
