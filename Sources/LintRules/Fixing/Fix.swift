/// A fix for one finding: the rule it belongs to, whether it is safe, and the edits it makes.
public struct Fix: Sendable, Equatable {
    /// Safe fixes keep what the file means (`validate --fix`); unsafe ones may drop or reinterpret
    /// information and run only with `--unsafe-fixes`.
    public enum Applicability: String, Sendable, Comparable, CaseIterable {
        case safe, unsafe

        public static func < (a: Applicability, b: Applicability) -> Bool { a == .safe && b == .unsafe }
    }

    public var rule: String
    public var applicability: Applicability
    /// What the fix does, in a few words ("rename \"role\" to \"reference_type\"").
    public var description: String
    public var edits: [TextEdit]

    public init(rule: String, applicability: Applicability, description: String, edits: [TextEdit]) {
        self.rule = rule
        self.applicability = applicability
        self.description = description
        self.edits = edits
    }

    public func conflicts(with other: Fix) -> Bool {
        edits.contains { a in other.edits.contains { b in a.conflicts(with: b) } }
    }
}
