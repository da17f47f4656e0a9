import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let typeBlockMismatch = RuleInfo(
        id: "type-block-mismatch", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "A field carries the type block of another type.",
            why: """
            Each field type has at most one type block named after it (an enum field has "enum", a \
            reference field "reference", a text field "text", and so on), and the schema rejects any \
            other type block. A text field with an enum block usually means the type was changed and \
            the block forgotten, or the type is wrong.
            """,
            example: """
            "fields": {
              "email": { "type": "text", "enum": { "values": [ { "key": "a" } ] } },
              "age": { "type": "int", "text": { "max_length": 3 } }
            }
            """,
            fix: """
            Remove the block, or change the type to match it.
            """))
}

public struct TypeBlockMismatch: RuleViolation {
    public static var rule: RuleInfo { Rules.typeBlockMismatch }
    public let block: String
    public let field: Subject
    public let type: FieldType

    public var message: String {
        let article = "aeiou".contains(type.rawValue.prefix(1)) ? "an" : "a"
        let fix = type.blockKey.map { "\(article) \(type.rawValue) field takes a \"\($0)\" block" }
            ?? "\(article) \(type.rawValue) field takes no type block"
        return "the \"\(block)\" block belongs to \(block) fields, but \(field) has type \"\(type.rawValue)\": remove the block or change the type (\(fix))"
    }
}
