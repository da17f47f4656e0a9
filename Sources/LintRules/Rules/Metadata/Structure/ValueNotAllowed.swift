import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let valueNotAllowed = RuleInfo(
        id: "value-not-allowed", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "A string is outside the set of values its key allows.",
            why: """
            Some keys take one of a fixed set of strings: schema_version ("v0.2.0"), reference_type \
            ("parent", "child"), scope ("metadata_is_system_scoped", "data_is_system_scoped"), a \
            condition's comparator (eq, ne, lt, lte, gt, gte) and effect (require, show). Any other \
            value is rejected by the schema.
            """,
            example: """
            "owner": {
              "type": "reference",
              "reference": {
                "refers_to": { "#record:users": {} },
                "reference_type": "owner"
              }
            }
            """,
            fix: """
            Use one of the allowed values, which the message lists.
            """))
}

public enum ValueNotAllowed: RuleViolation {
    public static var rule: RuleInfo { Rules.valueNotAllowed }

    case schemaVersion(String)
    case scope(String, allowed: [String])
    case referenceType(String)
    case notAllowed(key: String, in: Subject, value: String, allowed: [String])

    public var message: String {
        switch self {
        case .schemaVersion(let version):
            return "schema_version \"\(version)\" is not a known version: use \"v0.2.0\""
        case .scope(let scope, let allowed):
            return "scope \"\(scope)\" is not allowed: use \(allowed.map { "\"\($0)\"" }.joined(separator: " or "))"
        case .referenceType(let value):
            return "reference_type \"\(value)\" is not allowed: use \"parent\" or \"child\""
        case .notAllowed(let key, let what, let value, let allowed):
            var message = "\"\(key)\" in \(what) is \"\(value)\", which is not allowed: use one of \(allowed.joined(separator: ", "))"
            if let suggestion = Suggest.didYouMean(value, in: allowed) { message += " (\(suggestion))" }
            return message
        }
    }
}
