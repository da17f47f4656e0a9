/// A rule's identity and documentation. `metadata-lint rules`, `explain`, SARIF's rule catalogue
/// and the editor server all read this, so the docs cannot drift from the code that reports.
public struct RuleInfo: Sendable, Hashable {
    public enum Group: String, Sendable, CaseIterable {
        case json, structure, reference, stageDiagram = "stage-diagram", conditions, legacy, artifact, mapping, custom
        /// Changes between two metadata versions (`metadata-lint diff`), not findings in one file.
        case diff
    }

    /// Stable kebab-case id.
    public let id: String
    public let group: Group
    public let defaultSeverity: Severity
    public let docs: RuleDocs
    /// How the rule fixes its findings (`validate --fix`, the editor's quick fixes); nil: no fix.
    public let fixer: RuleFixer?

    public init(id: String, group: Group, severity: Severity, docs: RuleDocs, fixer: RuleFixer? = nil) {
        self.id = id
        self.group = group
        self.defaultSeverity = severity
        self.docs = docs
        self.fixer = fixer
    }

    /// One line: what the rule finds.
    public var summary: String { docs.what }
    /// Why it matters and how to fix it, as one paragraph.
    public var explanation: String { docs.why + " " + docs.fix }

    public static func == (a: RuleInfo, b: RuleInfo) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// Every rule's documentation, in one outline (ruff's): what it finds, why that matters, an
/// example of the mistake, and how to fix it.
public struct RuleDocs: Sendable {
    /// One sentence: what the rule finds.
    public let what: String
    /// Why it matters: what goes wrong in a sync.
    public let why: String
    /// A short excerpt showing the mistake (JSON, or a JSONL record).
    public let example: String
    /// How to fix it.
    public let fix: String

    public init(what: String, why: String, example: String, fix: String) {
        self.what = what
        self.why = why
        self.example = example
        self.fix = fix
    }
}
