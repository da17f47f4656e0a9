/// A rule's identity and documentation. `metadata-lint rules`, `explain` and SARIF's rule
/// catalogue all read this, so the docs cannot drift from the code that reports.
public struct RuleInfo: Sendable, Hashable {
    public enum Group: String, Sendable {
        case json, structure, reference, stageDiagram = "stage-diagram", conditions, legacy, artifact, custom
        /// Changes between two metadata versions (`metadata-lint diff`), not findings in one file.
        case diff
    }

    /// Stable kebab-case id.
    public let id: String
    public let group: Group
    public let defaultSeverity: Severity
    /// One line: what the rule finds.
    public let summary: String
    /// One paragraph: why it matters and how to fix it.
    public let explanation: String

    public init(id: String, group: Group, severity: Severity, summary: String, explanation: String) {
        self.id = id
        self.group = group
        self.defaultSeverity = severity
        self.summary = summary
        self.explanation = explanation
    }

    public static func == (a: RuleInfo, b: RuleInfo) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
