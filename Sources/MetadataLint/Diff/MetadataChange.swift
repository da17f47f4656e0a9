import LintJSON
import LintModel
import LintRules
import LintSource

/// One difference between two metadata versions, positioned in NEW, or in OLD when what it is
/// about no longer exists in NEW.
public struct MetadataChange: Sendable, Equatable {
    public enum Side: Sendable, Equatable { case old, new }

    public var kind: ChangeKind
    public var side: Side
    public var ref: SourceRef
    public var message: String

    /// The change as a diagnostic, so every renderer (text, json, github, sarif) shows it.
    public func diagnostic(old: SourceFile, new: SourceFile) -> Diagnostic {
        (side == .old ? old : new).diagnostic(at: ref, rule: kind.rawValue, severity: kind.impact.severity,
                                              message: message)
    }
}
