import LintModel
import LintSupport

extension Rules {
    public static let valueOutOfBounds = RuleInfo(
        id: "value-out-of-bounds", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "A value breaks its field's min/max, text length or collection length bounds.",
            why: """
            The metadata's bounds are promises about the data: int and float values within min and \
            max, text lengths (in characters) within min_length and max_length, collections with \
            between min_length and max_length elements. A value outside them fails when loaded.
            """,
            example: """
            external_domain_metadata.json:
              "points": { "type": "int", "int": { "min": 0, "max": 100 } }
            epics.jsonl:
              {"id": "e4", "created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-01T10:00:00Z", "data": {"title": "Launch", "owner": "u1", "points": 101}}
            """,
            fix: """
            Fix the data, or widen the bounds if they are wrong.
            """))
}

public enum ValueOutOfBounds: RuleViolation {
    public static var rule: RuleInfo { Rules.valueOutOfBounds }

    case belowMin(field: String, raw: String, min: Double)
    case aboveMax(field: String, raw: String, max: Double)
    case tooShort(field: String, length: Int, min: Int64)
    case tooLong(field: String, length: Int, max: Int64)
    case tooFewElements(field: String, count: Int64, min: Int64)
    case tooManyElements(field: String, count: Int64, max: Int64)

    public var message: String {
        switch self {
        case .belowMin(let field, let raw, let min):
            return "\"\(field)\" is \(raw), below its min \(InvalidBounds.format(min)): fix the value, or lower \"min\" in the metadata"
        case .aboveMax(let field, let raw, let max):
            return "\"\(field)\" is \(raw), above its max \(InvalidBounds.format(max)): fix the value, or raise \"max\" in the metadata"
        case .tooShort(let field, let length, let min):
            return "\"\(field)\" is \(length) character(s) long, shorter than its min_length \(min): fix the value, or lower \"min_length\""
        case .tooLong(let field, let length, let max):
            return "\"\(field)\" is \(length) characters long, longer than its max_length \(max): truncate it in the extractor, or raise \"max_length\""
        case .tooFewElements(let field, let count, let min):
            return "\"\(field)\" has \(count) element(s), fewer than its collection min_length \(min): extract the missing elements, or lower \"min_length\""
        case .tooManyElements(let field, let count, let max):
            return "\"\(field)\" has \(count) elements, more than its collection max_length \(max): trim the list, or raise \"max_length\""
        }
    }
}
