/// An object with a fixed set of keys inside a record: a typed reference, a mention, a permission,
/// or a part of an attachment item.
public enum ShapedObject: Sendable, CustomStringConvertible {
    case typedReference(field: String)
    case mention(field: String)
    case permission(field: String)
    /// `"id"`, `"parent_id"` or `"actor_id"` of an ssor_attachment item.
    case ssorPart(String)
    case attachment

    public var description: String {
        switch self {
        case .typedReference(let field): return "typed reference \"\(field)\""
        case .mention(let field): return "a mention in \"\(field)\""
        case .permission(let field): return "permission \"\(field)\""
        case .ssorPart(let key): return "\"\(key)\""
        case .attachment: return "the attachment"
        }
    }
}

/// What is wrong with a fixed-shape object; reported under field-value-type or attachment-shape.
public enum ShapeProblem: Sendable, CustomStringConvertible {
    case requiredNotString(key: String, in: ShapedObject, actual: String)
    case optionalNotString(key: String, in: ShapedObject, actual: String)
    /// A key that may be a string or a number (attachments' grand_parent_id).
    case notStringOrNumber(key: String, in: ShapedObject, actual: String)
    case notBoolean(key: String, in: ShapedObject, actual: String)
    case unknownKey(String, in: ShapedObject, allowed: [String])
    case missingKey(String, in: ShapedObject)

    public var description: String {
        switch self {
        case .requiredNotString(let key, let object, let actual):
            return "\"\(key)\" of \(object) must be a non-empty string, not \(actual)"
        case .optionalNotString(let key, let object, let actual):
            return "\"\(key)\" of \(object) must be a string, not \(actual)"
        case .notStringOrNumber(let key, let object, let actual):
            return "\"\(key)\" of \(object) must be a string (or a number, as older SDKs wrote it), not \(actual)"
        case .notBoolean(let key, let object, let actual):
            return "\"\(key)\" of \(object) must be true or false, not \(actual)"
        case .unknownKey(let key, let object, let allowed):
            return "\(object) has an unknown key \"\(key)\": allowed are \(allowed.joined(separator: ", "))"
        case .missingKey(let key, let object):
            return "\(object) has no \"\(key)\": add it"
        }
    }
}
