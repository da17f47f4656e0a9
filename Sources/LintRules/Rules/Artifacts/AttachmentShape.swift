import LintModel
import LintSupport

extension Rules {
    public static let attachmentShape = RuleInfo(
        id: "attachment-shape", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "An ssor_attachment or attachments item does not have its required shape.",
            why: """
            ssor_attachment items are {id: {devrev, external}, parent_id: {external}, actor_id?: \
            {external}, inline?}, where id.devrev is the artifact DON returned by S3Interact \
            (don:core:<partition>:devo/<n>:artifact/<n>); the SDK writes actor_id only when the \
            attachment has an author. attachments items are {url, id, file_name, parent_id, \
            author_id?, inline?, content_type?, grand_parent_id?, created_date?, modified_date?}; \
            grand_parent_id is a string, or a number as older SDK versions wrote it. Anything \
            missing, mistyped or extra fails the attachment phase.
            """,
            example: """
            attachments.jsonl:
              {"url": "https://example.com/y.png", "id": "f1", "file_name": "y.png", "parent_id": "e1", "size": 3}
            ssor_attachment.jsonl:
              {"id": {"devrev": "artifact-1", "external": "a1"}, "parent_id": {"external": "e1"}, "actor_id": {"external": "u1"}}
            """,
            fix: """
            Fix the attachment writer.
            """))
}

public enum AttachmentShape: RuleViolation {
    public static var rule: RuleInfo { Rules.attachmentShape }

    public enum Item: Sendable { case ssorAttachment, attachments }

    case notAnObject(Item, actual: String)
    /// `id`, `parent_id` or `actor_id` of an ssor_attachment item is not an object.
    case partNotObject(String, actual: String)
    case inlineNotBoolean(actual: String)
    case unknownSSORKey(String)
    case missingSSORKeys([String])
    case notAnArtifactDON(String)
    case shape(ShapeProblem)

    public var message: String {
        switch self {
        case .notAnObject(.ssorAttachment, let actual):
            return "an ssor_attachment item must be an object {id, parent_id, actor_id?}, not \(actual)"
        case .notAnObject(.attachments, let actual):
            return "an attachments item must be an object {url, id, file_name, parent_id}, not \(actual)"
        case .partNotObject(let part, let actual):
            return "\"\(part)\" must be an object \(part == "id" ? "{devrev, external}" : "{external}"), not \(actual)"
        case .inlineNotBoolean(let actual):
            return "\"inline\" must be true or false, not \(actual)"
        case .unknownSSORKey(let key):
            return "unknown key \"\(key)\" in an ssor_attachment item: allowed are id, parent_id, actor_id, inline"
        case .missingSSORKeys(let keys):
            return "the ssor_attachment item has no \(keys.map { "\"\($0)\"" }.joined(separator: ", ")): add it"
        case .notAnArtifactDON(let text):
            return "\"id.devrev\" is \"\(text)\", not an artifact DON such as don:core:dvrv-us-1:devo/1:artifact/1: use the id S3Interact returned for the upload"
        case .shape(let problem):
            return problem.description
        }
    }
}
