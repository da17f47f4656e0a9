import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let unknownKey = RuleInfo(
        id: "unknown-key", group: .structure, severity: .error,
        summary: "An object has a key the format does not define.",
        explanation: """
        The official schema rejects unknown keys everywhere (additionalProperties: false), so a typo \
        such as "is_requried" or "categroy" fails the whole file, and if it were ignored the setting \
        would silently not apply. The message suggests the closest known key; rename the key, or \
        remove it if it is not part of the format.
        """)
}
