/// Which rules can fix what they find, and the function that computes each rule's fix. A rule
/// that is not in this table has no fix. (Each entry moves into its rule's file once rules live
/// one per file.)
public enum FixableRules {
    public typealias Compute = @Sendable (Diagnostic, FixDocument) -> Fix?

    struct Entry: Sendable {
        /// The kinds of fix the rule offers (some findings of a rule may have none).
        var offers: Set<Fix.Applicability>
        var compute: Compute
    }

    static let table: [String: Entry] = [
        "legacy-key": Entry(offers: [.safe, .unsafe], compute: LegacyKeyFix.fix),
        "renamed-key": Entry(offers: [.safe], compute: RenamedKeyFix.fix),
        "reserved-field-name": Entry(offers: [.safe], compute: ReservedFieldNameFix.fix),
        "record-type-without-fields": Entry(offers: [.safe], compute: RecordTypeWithoutFieldsFix.fix),
        "unknown-field-type": Entry(offers: [.unsafe], compute: UnknownFieldTypeFix.fix),
        "unknown-key": Entry(offers: [.unsafe], compute: UnknownKeyFix.fix),
    ]

    /// The kinds of fix a rule offers; empty when it has none.
    public static func offers(_ rule: String) -> Set<Fix.Applicability> {
        table[rule]?.offers ?? []
    }

    /// "safe", "unsafe", "safe or unsafe", or nil for a rule without fixes.
    public static func label(_ rule: String) -> String? {
        let offers = offers(rule)
        if offers.isEmpty { return nil }
        return Fix.Applicability.allCases.filter(offers.contains).map(\.rawValue).joined(separator: " or ")
    }

    /// The fix for one finding, if its rule has one for this case.
    public static func fix(for diagnostic: Diagnostic, in document: FixDocument) -> Fix? {
        table[diagnostic.rule]?.compute(diagnostic, document)
    }
}
