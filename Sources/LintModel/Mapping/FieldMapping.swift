import LintJSON
import LintSource

/// How one DevRev field (or struct subfield, or alternative) gets its value.
public struct FieldMapping: Sendable {
    /// The DevRev field (or struct subfield) name; empty for an alternative of use_first_non_null.
    public var field: String
    public var keyRef: SourceRef
    public var ref: SourceRef
    public var forward: Located<Bool>?
    public var reverse: Located<Bool>?
    public var primaryField: Located<String>?
    public var method: TransformationMethod?
    public var fallback: MappingFallback?

    public init(field: String, keyRef: SourceRef, ref: SourceRef) {
        self.field = field
        self.keyRef = keyRef
        self.ref = ref
    }

    public var isForward: Bool { forward?.value == true }
    public var isReverse: Bool { reverse?.value == true }
    public var methodKind: MethodKind? { method?.kind }
}

/// `fallback: {type, value}`: the value DevRev uses when a required field got none.
public struct MappingFallback: Sendable {
    public var ref: SourceRef
    public var type: Located<String>?
    public var value: JSONNode?

    public init(ref: SourceRef) {
        self.ref = ref
    }

    public static let types = ["bool", "date", "enum", "float", "int", "rich_text", "text", "timestamp"]
}

/// A created custom field: `constructed_custom_fields.<name>`.
public struct ConstructedField: Sendable {
    public var name: String
    public var keyRef: SourceRef
    public var ref: SourceRef
    public var descriptor: FieldDescriptor?
    public var method: TransformationMethod?

    public init(name: String, keyRef: SourceRef, ref: SourceRef) {
        self.name = name
        self.keyRef = keyRef
        self.ref = ref
    }
}

/// A DevRev custom field description (`field_descriptor`, or use_raw_jq's `custom_field_type`).
public struct FieldDescriptor: Sendable {
    public var ref: SourceRef
    public var fieldType: Located<String>?
    public var allowedValues: [Located<String>]?
    public var defaultValue: JSONNode?

    public init(ref: SourceRef) {
        self.ref = ref
    }
}
