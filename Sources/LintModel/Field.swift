import LintJSON
import LintSource

public enum FieldType: String, Sendable, CaseIterable {
    case bool, int, float, text
    case richText = "rich_text"
    case reference
    case typedReference = "typed_reference"
    case `enum`, date, timestamp
    case `struct`, permission
    case typeKey = "type_key"
    case recordTypePrivilege = "record_type_privilege"
    case fieldPrivilege = "field_privilege"
    case conditionalPrivilege = "conditional_privilege"
    case participation

    /// The key of the type block that belongs to this type, if it has one.
    public var blockKey: String? {
        switch self {
        case .bool, .richText, .date, .timestamp: return nil
        default: return rawValue
        }
    }

    /// Types whose block the schema requires.
    public var requiresBlock: Bool {
        switch self {
        case .enum, .reference, .typedReference, .struct: return true
        default: return false
        }
    }

    public static let blockKeys: Set<String> = Set(allCases.compactMap(\.blockKey))
}

public struct Field: Sendable {
    public var key: String
    public var keyRef: SourceRef
    public var ref: SourceRef
    /// Nil when `type` is missing or not a known type (reported while reading).
    public var type: FieldType?
    public var typeRef: SourceRef?
    public var name: String?
    public var isRequired = false
    public var isIdentifier = false
    public var isReadOnly = false
    public var defaultValue: JSONNode?
    public var collection: Bounds?
    public var textBounds: Bounds?
    public var intBounds: Bounds?
    public var floatBounds: Bounds?
    public var enumValues: [EnumValue]?
    public var enumRef: SourceRef?
    public var reference: ReferenceSpec?
    public var structKey: Located<String>?
    public var permissionMember: ReferenceSpec?
    public var permissionRoles: [EnumValue]?
    public var typeKeys: [Located<String>] = []

    public var isCollection: Bool { collection != nil }

    public var enumKeys: [String] { (enumValues ?? []).compactMap { $0.key?.value } }

    public init(key: String, keyRef: SourceRef, ref: SourceRef) {
        self.key = key
        self.keyRef = keyRef
        self.ref = ref
    }
}

/// min/max (or min_length/max_length) of a text, int, float or collection block.
public struct Bounds: Sendable {
    public var ref: SourceRef
    public var min: Located<Double>?
    public var max: Located<Double>?
    /// Exact integer values, for int and length bounds.
    public var minInt: Int64?
    public var maxInt: Int64?

    public init(ref: SourceRef) {
        self.ref = ref
    }
}

public struct EnumValue: Sendable {
    public var ref: SourceRef
    public var key: Located<String>?
    public var name: String?
    public var isDeprecated = false

    public init(ref: SourceRef) {
        self.ref = ref
    }
}

public struct ReferenceSpec: Sendable {
    public enum Role: String, Sendable { case parent, child }
    public var ref: SourceRef
    public var targets: [ReferenceTarget] = []
    public var role: Role?

    public init(ref: SourceRef) {
        self.ref = ref
    }
}

public struct ReferenceTarget: Sendable {
    public enum Kind: Sendable, Equatable {
        case record(String)
        case category(String)
        /// A key that is neither `#record:` nor `#category:`.
        case malformed
    }
    public var raw: String
    public var keyRef: SourceRef
    public var kind: Kind
    public var byField: Located<String>?

    public init(raw: String, keyRef: SourceRef, byField: Located<String>?) {
        self.raw = raw
        self.keyRef = keyRef
        self.byField = byField
        if raw.hasPrefix("#record:") {
            kind = .record(String(raw.dropFirst("#record:".count)))
        } else if raw.hasPrefix("#category:") {
            kind = .category(String(raw.dropFirst("#category:".count)))
        } else {
            kind = .malformed
        }
    }
}
