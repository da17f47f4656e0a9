/// What a rule found, as typed values; the rule's own file words the message. Readers, checks and
/// the artifact checker report violations, never sentences.
public protocol Violation: Sendable {
    var rule: RuleInfo { get }
    /// What is wrong and how to fix it.
    var message: String { get }
}

/// A built-in rule's violations: the type is the rule, so its identity is known before a
/// violation is built (a rule that is off costs nothing on the hot path).
public protocol RuleViolation: Violation {
    static var rule: RuleInfo { get }
}

extension RuleViolation {
    public var rule: RuleInfo { Self.rule }
}
