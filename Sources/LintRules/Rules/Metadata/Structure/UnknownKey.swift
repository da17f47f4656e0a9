import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let unknownKey = RuleInfo(
        id: "unknown-key", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "An object has a key the format does not define.",
            why: """
            The official schema rejects unknown keys everywhere (additionalProperties: false), so a \
            typo such as "is_requried" or "categroy" fails the whole file, and if it were ignored \
            the setting would silently not apply.
            """,
            example: """
            "users": {
              "categroy": "people",
              "fields": {
                "email": { "type": "text", "is_requried": true }
              }
            }
            """,
            fix: """
            Rename the key (the message suggests the closest known key), or remove it if it is not \
            part of the format.
            """),
        fixer: RuleFixer(offers: [.unsafe], UnknownKey.fix))
}

public struct UnknownKey: RuleViolation {
    public static var rule: RuleInfo { Rules.unknownKey }
    public let key: String
    public let subject: Subject
    public let known: Set<String>

    public init(key: String, in subject: Subject, known: Set<String>) {
        self.key = key
        self.subject = subject
        self.known = known
    }

    /// Keys from other formats that fields often carry, with what to write instead.
    static let fieldKeyHints = [
        "array": "a list is declared by its element type plus a \"collection\" block: set \"type\" to the element type and rename \"array\" to \"collection\": {}",
        "items": "a list is declared by its element type plus a \"collection\" block",
        "required": "did you mean \"is_required\"?",
        "values": "enum values go inside an \"enum\" block: \"enum\": { \"values\": [...] }",
        "refers_to": "\"refers_to\" goes inside a \"reference\" block: \"reference\": { \"refers_to\": {...} }",
    ]

    public var message: String {
        var message = "unknown key \"\(key)\" in \(subject)"
        if case .field = subject, let hint = Self.fieldKeyHints[key] {
            message += ": \(hint)"
        } else if let suggestion = Suggest.didYouMean(key, in: known) {
            message += ": " + suggestion
        } else {
            message += ": remove it (allowed: \(known.sorted().joined(separator: ", ")))"
        }
        return message
    }
}

extension UnknownKey {
    /// Unsafe, on a field's `"array"` block only: the same rewrite as unknown-field-type's.
    static func fix(_ diagnostic: Diagnostic, _ document: FixDocument) -> Fix? {
        guard let (field, member) = document.member(for: diagnostic), member.key == "array" else { return nil }
        return ArrayFieldRewrite.fix(field: field, rule: diagnostic.rule, document)
    }
}
