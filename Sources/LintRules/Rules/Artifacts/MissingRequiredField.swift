import LintModel
import LintSupport

extension Rules {
    public static let missingRequiredField = RuleInfo(
        id: "missing-required-field", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "A field marked is_required is missing or null in a full record.",
            why: """
            A field with "is_required": true must be present and not null in every record that is \
            observed whole, that is, with no operation or with operation "created". Updates and \
            deletions may omit it.
            """,
            example: """
            external_domain_metadata.json:
              "title": { "type": "text", "is_required": true }
            epics.jsonl:
              {"id": "e4", "created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-01T10:00:00Z", "data": {"owner": "u1", "priority": "P1"}}
            """,
            fix: """
            Extract the field, or drop is_required if the external system does not guarantee it.
            """))
}

public struct MissingRequiredField: RuleViolation {
    public static var rule: RuleInfo { Rules.missingRequiredField }
    public let field: String

    public init(field: String) { self.field = field }

    public var message: String {
        "required field \"\(field)\" is missing or null: extract it, or drop \"is_required\" in the metadata"
    }
}
