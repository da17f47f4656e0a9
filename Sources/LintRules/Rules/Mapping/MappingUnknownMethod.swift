import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the mapping file (MappingReader).
    public static let mappingUnknownMethod = RuleInfo(
        id: "mapping-unknown-method", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A field mapping names a transformation method that does not exist.",
            why: """
            The transformation_method member selects how a DevRev field is built (use_directly, \
            map_enum, use_raw_jq, ...). DevRev rejects a name it does not know, so a typo such as \
            "use_direct" fails the install; nothing maps the field.
            """,
            example: """
            "title": {
              "forward": true, "reverse": false, "primary_external_field": "title",
              "transformation_method_for_set": { "transformation_method": "use_direct" }
            }
            """,
            fix: """
            Use one of the methods the message lists (the closest is suggested).
            """))
}

public struct MappingUnknownMethod: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingUnknownMethod }
    public let name: String
    public let subject: MappingSubject

    public init(name: String, subject: MappingSubject) {
        self.name = name
        self.subject = subject
    }

    public var message: String {
        let known = MethodKind.allCases.map(\.rawValue)
        var message = "unknown transformation method \"\(name)\" in \(subject)"
        if let suggestion = Suggest.didYouMean(name, in: known) {
            message += ": " + suggestion
        } else {
            message += ": use one of " + known.joined(separator: ", ")
        }
        return message
    }
}
