import LintJSON
import LintRules

/// Why `fmt` leaves a file as it is: it cannot read it, or formatting would lose a duplicate key.
/// Reported under the JSON rule that names the problem.
enum FormatRefusal: Violation {
    case notJSON(NotJSON)
    case duplicateKey(JSONDuplicateKey)

    var rule: RuleInfo {
        switch self {
        case .notJSON(let violation): return violation.rule
        case .duplicateKey(let violation): return violation.rule
        }
    }

    var message: String {
        switch self {
        case .notJSON(let violation):
            return violation.message + ": fmt formats only valid JSON"
        case .duplicateKey(let violation):
            return violation.message + "; fmt leaves the file as it is"
        }
    }
}
