import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the model (MetadataReader).
    public static let invalidBounds = RuleInfo(
        id: "invalid-bounds", group: .structure, severity: .error,
        summary: "A min/max or length bound is negative, fractional or min exceeds max.",
        explanation: """
        Text and collection lengths (min_length, max_length) are whole numbers of 0 or more, int \
        bounds are whole numbers, and in every block min must not exceed max: with min_length 10 \
        and max_length 5 no value is valid and every record fails. Fix or swap the bounds.
        """)
}
