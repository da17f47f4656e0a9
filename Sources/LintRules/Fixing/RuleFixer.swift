/// How a rule fixes what it finds: the kinds of fix it offers and the function that computes the
/// fix of one finding. A rule owns its fixer (`RuleInfo(..., fixer:)`, written in the rule's file);
/// a rule without one has no fix.
public struct RuleFixer: Sendable {
    public typealias Compute = @Sendable (Diagnostic, FixDocument) -> Fix?

    /// The kinds of fix the rule offers (some findings of a rule may have none).
    public let offers: Set<Fix.Applicability>
    let compute: Compute

    public init(offers: Set<Fix.Applicability>, _ compute: @escaping Compute) {
        self.offers = offers
        self.compute = compute
    }

    /// The fix of one finding of this rule, if this case has one; the fix's rule is the finding's.
    public func fix(for diagnostic: Diagnostic, in document: FixDocument) -> Fix? {
        compute(diagnostic, document)
    }

    /// "safe", "unsafe" or "safe or unsafe".
    public var label: String {
        Fix.Applicability.allCases.filter(offers.contains).map(\.rawValue).joined(separator: " or ")
    }
}

extension RuleInfo {
    /// True when the rule can fix at least some of its findings.
    public var isFixable: Bool { fixer != nil }
}

extension Rules {
    /// The fix of one finding, from the rule that reported it; nil when the rule (or this case of
    /// it) has none.
    public static func fix(for diagnostic: Diagnostic, in document: FixDocument) -> Fix? {
        info(diagnostic.rule)?.fixer?.fix(for: diagnostic, in: document)
    }
}
