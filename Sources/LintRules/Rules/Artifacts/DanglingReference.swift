import LintModel
import LintSupport

extension Rules {
    public static let danglingReference = RuleInfo(
        id: "dangling-reference", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "A reference value matches no extracted record of its target types.",
            why: """
            A reference's value must be the id of a record of one of its targets (#record:X, or any \
            record type of #category:Y), or, with by_field, the value of that identifier field in a \
            target record; the id of a typed reference or a rich-text mention must be the id of a \
            record of the type its ref_type names (an inline attachment's, of an attachments item); \
            an ssor_attachment or attachment parent must be the id of an extracted record. A value \
            that matches nothing was not extracted or is formatted differently (an email in other \
            case, a numeric id as a string).
            """,
            example: """
            external_domain_metadata.json:
              "author": { "type": "reference", "reference": { "refers_to": { "#record:users": { "by_field": "email" } } } }
            users.jsonl:
              {"id": "u1", "created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-01T10:00:00Z", "data": {"email": "ada@example.com", "name": "Ada"}}
            comments.jsonl:
              {"id": "c2", "created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-01T10:00:00Z", "data": {"text": "hi", "epic": "e1", "author": "ADA@example.com"}}
            """,
            fix: """
            Extract the target, or fix the value.
            """))
}

public struct DanglingReference: RuleViolation {
    public static var rule: RuleInfo { Rules.danglingReference }

    /// Where a reference may point: a record type's ids, or its `by_field` values.
    public struct Target: Sendable {
        public let recordType: String
        public let byField: String?

        public init(recordType: String, byField: String?) {
            self.recordType = recordType
            self.byField = byField
        }
    }

    /// The value as written in the record.
    public let value: String
    public let targets: [Target]

    public init(value: String, targets: [Target]) {
        self.value = value
        self.targets = targets
    }

    public var message: String {
        let names = targets.map { target in target.byField.map { "\(target.recordType).\($0)" } ?? "\(target.recordType) id" }
        return "reference \"\(value)\" matches no extracted \(names.joined(separator: " or ")): extract the target record or fix the value"
    }
}
