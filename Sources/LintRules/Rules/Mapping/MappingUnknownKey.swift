import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the mapping file (MappingReader).
    public static let mappingUnknownKey = RuleInfo(
        id: "mapping-unknown-key", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "An object of the mapping file has a key the format does not define.",
            why: """
            A misspelled key ("foward", "primary_external_feild") is not an error to a lenient \
            reader: the setting it was meant to make simply does not apply, and the mapping does \
            something else than it says. The methods use_directly, use_as_array_value, \
            use_rich_text and make_authorization_target take no parameters at all.
            """,
            example: """
            "title": {
              "forward": true, "reverse": false,
              "primary_external_feild": "title",
              "transformation_method_for_set": { "transformation_method": "use_directly" }
            }
            """,
            fix: """
            Rename the key (the message suggests the closest known one) or remove it.
            """))
}

public struct MappingUnknownKey: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingUnknownKey }

    public enum Context: Sendable {
        case object
        /// The top level: the SDK reads only additional_mappings and starting_recipe_blueprint.
        case topLevel
        /// A method that takes no parameters.
        case parameterless(String)
    }

    public let key: String
    public let subject: MappingSubject
    public let known: [String]
    public let context: Context

    public init(key: String, in subject: MappingSubject, known: [String], context: Context = .object) {
        self.key = key
        self.subject = subject
        self.known = known
        self.context = context
    }

    public var message: String {
        var message = "unknown key \"\(key)\" in \(subject)"
        if let suggestion = Suggest.didYouMean(key, in: known) {
            return message + ": " + suggestion
        }
        switch context {
        case .object:
            message += ": remove it (known: \(known.sorted().joined(separator: ", ")))"
        case .topLevel:
            message += ": the SDK reads only additional_mappings and starting_recipe_blueprint and ignores it"
        case .parameterless(let method):
            message += ": \(method) takes no parameters, remove it"
        }
        return message
    }
}
