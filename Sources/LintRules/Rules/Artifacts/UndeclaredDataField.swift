import LintModel
import LintSupport

extension Rules {
    public static let undeclaredDataField = RuleInfo(
        id: "undeclared-data-field", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "A key in data (or in a struct value) is not a declared field.",
            why: """
            The keys of data must be fields declared on the item type's record type (and the keys of \
            a struct value fields of its struct type). An undeclared key cannot be mapped and \
            usually means the metadata is behind the extractor, or a name differs in case or \
            spelling.
            """,
            example: """
            comments.jsonl:
              {"id": "c2", "created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-01T10:00:00Z", "data": {"text": "hi", "epic": "e1", "athor": "ada@example.com"}}
            """,
            fix: """
            Declare the field, or fix the name in the extractor.
            """))
}

public struct UndeclaredDataField: RuleViolation {
    public static var rule: RuleInfo { Rules.undeclaredDataField }
    public let name: String
    /// True inside a struct value, false in `data`.
    public let inStruct: Bool
    public let owner: String
    public let fields: [String]

    public init(name: String, inStruct: Bool, owner: String, fields: [String]) {
        self.name = name
        self.inStruct = inStruct
        self.owner = owner
        self.fields = fields
    }

    public var message: String {
        "\"\(name)\" is not a field of \(inStruct ? "struct type" : "record type") \"\(owner)\": "
            + (Suggest.didYouMean(name, in: fields) ?? "declare it in the metadata or drop it from the extractor")
    }
}
