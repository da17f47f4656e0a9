/// A place in the metadata, as a message names it ("field "email" of record type "users"").
/// Readers and checks describe where a problem is with these values; only rule files word them.
public indirect enum Subject: Sendable, Equatable, CustomStringConvertible {
    case root
    case recordType(String)
    case structType(String)
    case category(String)
    case field(String, of: Subject)
    /// A type block or the collection block: `the enum block of field "x" of ...`.
    case block(String, of: Subject)
    /// `member_id` or `role` of a permission field.
    case permissionPart(String, of: Subject)
    case attachments(of: Subject)
    case enumValue(of: Subject)
    case referenceTarget(String)
    case stageDiagram(of: Subject)
    case state(String, in: Subject)
    case stage(String, in: Subject)
    case conditionGroup(String, of: Subject)
    case condition(String, of: Subject)
    case linkNaming(of: Subject)
    case linkDirectionNames(String, in: Subject)

    public var description: String {
        switch self {
        case .root: return "the metadata root"
        case .recordType(let key): return "record type \"\(key)\""
        case .structType(let key): return "struct type \"\(key)\""
        case .category(let key): return "category \"\(key)\""
        case .field(let key, let owner): return "field \"\(key)\" of \(owner)"
        case .block(let key, let owner): return "the \(key) block of \(owner)"
        case .permissionPart(let key, let owner): return "\(key) of \(owner)"
        case .attachments(let owner): return "\(owner) attachments"
        case .enumValue(let owner): return "an enum value of \(owner)"
        case .referenceTarget(let key): return "reference target \"\(key)\""
        case .stageDiagram(let owner): return "the stage diagram of \(owner)"
        case .state(let key, let diagram): return "state \"\(key)\" in \(diagram)"
        case .stage(let key, let diagram): return "stage \"\(key)\" in \(diagram)"
        case .conditionGroup(let field, let owner): return "the conditions on \"\(field)\" of \(owner)"
        case .condition(let field, let owner): return "a condition on \"\(field)\" of \(owner)"
        case .linkNaming(let owner): return "link_naming_data of \(owner)"
        case .linkDirectionNames(let key, let naming): return "link direction names of \"\(key)\" in \(naming)"
        }
    }
}
