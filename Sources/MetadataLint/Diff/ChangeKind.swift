import LintRules

/// Every kind of change `metadata-lint diff` reports, with its class. Breaking changes break
/// syncs that customers already run (their mappings name what was removed or changed); risky
/// ones may reject data or transitions that used to pass; safe ones cannot break a mapping.
public enum ChangeKind: String, CaseIterable, Sendable {
    case recordTypeRemoved = "breaking-record-type-removed"
    case structTypeRemoved = "breaking-struct-type-removed"
    case categoryRemoved = "breaking-category-removed"
    case fieldRemoved = "breaking-field-removed"
    case fieldTypeChanged = "breaking-field-type-changed"
    case collectionChanged = "breaking-collection-changed"
    case enumValueRemoved = "breaking-enum-value-removed"
    case referenceTargetRemoved = "breaking-reference-target-removed"
    case fieldNowRequired = "breaking-field-now-required"
    case byFieldChanged = "breaking-by-field-changed"
    case identifierChanged = "breaking-identifier-changed"
    case categoryChanged = "breaking-category-changed"
    case structKeyChanged = "breaking-struct-key-changed"

    case enumValueDeprecated = "risky-enum-value-deprecated"
    case boundsTightened = "risky-bounds-tightened"
    case stageTransitionRemoved = "risky-stage-transition-removed"
    case requiredFieldAdded = "risky-required-field-added"

    case recordTypeAdded = "safe-record-type-added"
    case declarationAdded = "safe-declaration-added"
    case fieldAdded = "safe-field-added"
    case enumValueAdded = "safe-enum-value-added"
    case referenceTargetAdded = "safe-reference-target-added"
    case requirementRelaxed = "safe-requirement-relaxed"
    case boundsRelaxed = "safe-bounds-relaxed"
    case stageTransitionAdded = "safe-stage-transition-added"
    case nameChanged = "safe-name-changed"
    case descriptionChanged = "safe-description-changed"

    public enum Impact: String, Sendable, Comparable {
        case safe, risky, breaking

        private var rank: Int { self == .safe ? 0 : self == .risky ? 1 : 2 }
        public static func < (a: Impact, b: Impact) -> Bool { a.rank < b.rank }

        /// How the renderers show it: breaking as an error, risky as a warning, safe as a note.
        public var severity: Severity {
            switch self {
            case .breaking: return .error
            case .risky: return .warning
            case .safe: return .note
            }
        }
    }

    public var impact: Impact {
        if rawValue.hasPrefix("breaking-") { return .breaking }
        return rawValue.hasPrefix("risky-") ? .risky : .safe
    }

    /// The change kind as a rule of `diff`'s own catalogue (not a lint rule: `rules` does not list
    /// it and no config turns it on or off), so every renderer and `explain` show it.
    public var rule: RuleInfo {
        let docs = self.docs
        return RuleInfo(id: rawValue, group: .diff, severity: impact.severity, docs: RuleDocs(
            what: docs.what, why: docs.why + " " + Self.impactExplanation[impact, default: ""],
            example: docs.example, fix: docs.fix))
    }

    /// The catalogue SARIF lists for `diff`, and `explain` reads.
    public static let catalogue: [RuleInfo] = allCases.map(\.rule)

    public static func info(_ id: String) -> RuleInfo? { ChangeKind(rawValue: id)?.rule }
}
