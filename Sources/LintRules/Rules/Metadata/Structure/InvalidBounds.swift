import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let invalidBounds = RuleInfo(
        id: "invalid-bounds", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "A min/max or length bound is negative, fractional or min exceeds max.",
            why: """
            Text and collection lengths (min_length, max_length) are whole numbers of 0 or more, int \
            bounds are whole numbers, and in every block min must not exceed max: with min_length 10 \
            and max_length 5 no value is valid and every record fails.
            """,
            example: """
            "fields": {
              "email": { "type": "text", "text": { "min_length": -1 } },
              "name": { "type": "text", "text": { "min_length": 10, "max_length": 5 } },
              "tags": { "type": "text", "collection": { "max_length": 2.5 } }
            }
            """,
            fix: """
            Fix or swap the bounds.
            """))
}

public enum InvalidBounds: RuleViolation {
    public static var rule: RuleInfo { Rules.invalidBounds }

    case notWhole(key: String, in: Subject, text: String)
    case negative(key: String, in: Subject, value: Int64)
    case minAboveMax(Subject, minKey: String, min: Double, maxKey: String, max: Double)

    public var message: String {
        switch self {
        case .notWhole(let key, let what, let text):
            return "\"\(key)\" in \(what) must be a whole number, not \(text)"
        case .negative(let key, let what, let value):
            return "\"\(key)\" in \(what) is negative (\(value)): a length is 0 or more"
        case .minAboveMax(let what, let minKey, let min, let maxKey, let max):
            return "\(what) has \(minKey) \(Self.format(min)) greater than \(maxKey) \(Self.format(max)): no value can satisfy both; swap or fix them"
        }
    }

    package static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
