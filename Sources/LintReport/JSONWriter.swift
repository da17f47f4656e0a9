import LintRules
import LintSource
import LintArtifacts
import LintJSON

/// Minimal JSON string escaping for the machine-readable renderers.
package enum JSONWriter {
    package static func quote(_ text: String) -> String { JSONQuoting.quote(text) }

    /// An object from ordered key/value pairs whose values are already JSON text.
    package static func object(_ pairs: [(String, String)], indent: String = "") -> String {
        "{" + pairs.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
