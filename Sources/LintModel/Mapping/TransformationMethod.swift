import LintJSON
import LintSource

/// The method object of a field mapping, discriminated by its `transformation_method` member.
public struct TransformationMethod: Sendable {
    public var ref: SourceRef
    public var name: Located<String>
    /// Nil for a name no source lists (reported while reading).
    public var kind: MethodKind?
    public var parameters: MethodParameters = .none

    public init(ref: SourceRef, name: Located<String>, kind: MethodKind?) {
        self.ref = ref
        self.name = name
        self.kind = kind
    }
}

public enum MethodKind: String, Sendable, CaseIterable {
    case useDirectly = "use_directly"
    case useAsArrayValue = "use_as_array_value"
    case useRichText = "use_rich_text"
    case mapEnum = "map_enum"
    case useFixedValue = "use_fixed_value"
    case useDevRevRecord = "use_devrev_record"
    case makeCustomStages = "make_custom_stages"
    case mapRoles = "map_roles"
    case filterTypedReference = "filter_typed_reference"
    case makeCustomLinks = "make_custom_links"
    case makeAuthorizationTarget = "make_authorization_target"
    case makeStruct = "make_struct"
    case useFirstNonNull = "use_first_non_null"
    case useRawJQ = "use_raw_jq"
    // Custom-field methods named only in DevRev's docs (mapping-reasons), never seen in files.
    case makeConstrainedSimpleValue = "make_constrained_simple_value"
    case makeEnum = "make_enum"
    case makeUenum = "make_uenum"
    case referenceCustomField = "reference_custom_field"
    case constructTextField = "construct_text_field"

    /// Methods whose object holds nothing but the discriminator (`additionalProperties: false`).
    public var takesNoParameters: Bool {
        [.useDirectly, .useAsArrayValue, .useRichText, .makeAuthorizationTarget].contains(self)
    }

    /// Methods documented only in prose: their parameters are unknown, so any key is accepted.
    public var isDocsOnly: Bool {
        [.makeConstrainedSimpleValue, .makeEnum, .makeUenum, .referenceCustomField, .constructTextField].contains(self)
    }

    /// Methods that transform the value of `primary_external_field`, so they need one.
    public var readsPrimaryField: Bool {
        switch self {
        case .useFixedValue, .useDevRevRecord, .makeStruct, .useFirstNonNull, .useRawJQ, .makeConstrainedSimpleValue:
            return false
        default:
            return true
        }
    }

    /// Methods that produce a value without reading any external field.
    public var ignoresPrimaryField: Bool { self == .useFixedValue || self == .useDevRevRecord }
}

/// The parameters of the methods that have some.
public enum MethodParameters: Sendable {
    case none
    case mapEnum(EnumMapping)
    case fixedValue(FixedValue)
    case devrevRecord(DevRevRecordChoice)
    case customStages([Located<String>])
    case mapRoles(EnumMapping)
    case filterTypedReference(TypedReferenceFilter)
    case makeStruct([FieldMapping])
    case firstNonNull([FieldMapping])
    case rawJQ(RawJQ)
}

/// A key of a `forward` or `reverse` map and the value it maps to.
public struct MappedPair: Sendable {
    public var key: String
    public var keyRef: SourceRef
    /// `{value: ...}` of map_enum, or the plain string of map_roles.
    public var value: Located<String>?

    public init(key: String, keyRef: SourceRef, value: Located<String>?) {
        self.key = key
        self.keyRef = keyRef
        self.value = value
    }
}

/// map_enum (and map_roles, which has no `reverse`).
public struct EnumMapping: Sendable {
    public var forward: [MappedPair] = []
    public var reverse: [MappedPair] = []
    public var forwardDefault: Located<String>?
    public var isArray: Located<Bool>?

    public init() {}
}

/// use_fixed_value: `value` is `bool` (with `bool`), `enum_value` (with `enum`) or `none`.
public struct FixedValue: Sendable {
    public var kind: Located<String>?
    public var bool: Located<Bool>?
    public var enumValue: Located<String>?

    public init() {}
}

/// use_devrev_record: a leaf type or a record id.
public struct DevRevRecordChoice: Sendable {
    public var ref: SourceRef
    public var leafType: LeafTypeRef?
    public var id: Located<String>?
    public var isArray: Located<Bool>?

    public init(ref: SourceRef) {
        self.ref = ref
    }
}

public struct TypedReferenceFilter: Sendable {
    public var allowedTypes: [LeafTypeRef] = []
    public var isCollection: Located<Bool>?

    public init() {}
}

/// use_raw_jq: keys known only from DevRev-written files (no schema defines them).
public struct RawJQ: Sendable {
    public var forwardJQ: Located<String>?
    public var reverseJQ: Located<String>?
    public var usePrimaryInput: Located<Bool>?
    public var canApplyToNull: Located<Bool>?
    public var customFieldType: FieldDescriptor?

    public init() {}

    /// Programs that ignore their input (run once, on null).
    public var isConstant: Bool { usePrimaryInput?.value != true }
}
