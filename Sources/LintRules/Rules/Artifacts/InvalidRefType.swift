import LintModel
import LintSupport

extension Rules {
    public static let invalidRefType = RuleInfo(
        id: "invalid-ref-type", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "A typed reference's or a rich-text mention's ref_type names a record type it cannot point to.",
            why: """
            A typed reference {id, ref_type} says which record type its id belongs to, and \
            ref_type must be one of the record types its field's refers_to names (every record \
            type of a #category: target). A rich-text mention {ref_type, id} must name a record \
            type declared in the metadata, or "artifact" for an inline attachment. Any other \
            ref_type cannot be resolved: the reference or mention is lost. The id is then checked \
            like any reference, against the records of that type.
            """,
            example: """
            {"id": "e1", ..., "data": {"link": {"id": "u2", "ref_type": "user"}, "body": ["see ", {"ref_type": "issue", "id": "i9"}]}}
            """,
            fix: """
            Use the record type's key exactly as the metadata declares it (or "artifact" for an \
            inline attachment), or add the type to the field's refers_to.
            """))
}

public enum InvalidRefType: RuleViolation {
    public static var rule: RuleInfo { Rules.invalidRefType }

    /// A typed reference whose ref_type is not among the record types `allowed` by its refers_to.
    case typedReference(field: String, refType: String, allowed: [String])
    /// A mention whose ref_type is neither a declared record type nor "artifact".
    case mention(field: String, refType: String, declared: [String])

    public var message: String {
        switch self {
        case .typedReference(let field, let refType, let allowed):
            let hint = Suggest.didYouMean(refType, in: allowed)
                ?? "use one of \(Self.list(allowed)), or add \"#record:\(refType)\" to its refers_to"
            return "typed reference \"\(field)\" has ref_type \"\(refType)\", which is not a record type its refers_to names: \(hint)"
        case .mention(let field, let refType, let declared):
            let hint = Suggest.didYouMean(refType, in: declared + ["artifact"])
                ?? "use a declared record type (\(Self.list(declared))) or \"artifact\" for an inline attachment"
            return "a mention in \"\(field)\" has ref_type \"\(refType)\", which is not a declared record type: \(hint)"
        }
    }

    static func list(_ names: [String]) -> String {
        names.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ") + (names.count > 8 ? ", …" : "")
    }
}
