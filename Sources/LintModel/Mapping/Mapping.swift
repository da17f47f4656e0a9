import LintJSON
import LintSource

/// The typed form of an `initial_domain_mapping.json`: every record-type (and category) mapping
/// with its options, shards and field mappings, whichever shape the file has. Parts that were
/// malformed are absent (and were reported while reading), so checks run over the rest.
public struct Mapping: Sendable {
    /// Which top-level shape the file has.
    public enum Shape: Sendable, Equatable {
        /// `additional_mappings` (2024-12 on).
        case current
        /// `starting_recipe_blueprint.external_record_types` only (2024-07 to 2024-12).
        case blueprint
        /// The 2024-07 `initial_object_mappings` demo shape, which no current SDK installs.
        case objectMappings
        /// None of the above (reported while reading).
        case unknown
    }

    public var root: JSONNode
    public var shape: Shape = .unknown
    /// Record-type and category mappings, in file order.
    public var entries: [MappingEntry] = []
    /// `format_version` and `devrev_metadata_version`, wherever they stand.
    public var versionKeys: [MappingVersionKey] = []
    /// Where record-type mappings are listed (the key of `record_type_mappings` or
    /// `external_record_types`), for findings about record types that have none.
    public var recordTypeMappingsRef: SourceRef?
    /// Every use of a legacy name or shape, in file order.
    public var legacyUses: [MappingLegacyUse] = []

    public init(root: JSONNode) {
        self.root = root
    }

    public var recordTypeEntries: [MappingEntry] { entries.filter { $0.scope == .recordType } }
    public var categoryEntries: [MappingEntry] { entries.filter { $0.scope == .category } }
}

/// One member of `record_type_mappings` or `record_type_category_mappings` (or of the legacy
/// blueprint's `external_record_types`).
public struct MappingEntry: Sendable {
    public enum Scope: Sendable, Equatable { case recordType, category }
    public enum Origin: Sendable, Equatable {
        case additionalMappings
        /// The 0.6.0 install-request shape: the maps at the top level.
        case topLevel
        case blueprint
    }

    public var key: String
    public var keyRef: SourceRef
    public var ref: SourceRef
    public var scope: Scope
    public var origin: Origin
    public var defaultMapping: LeafTypeRef?
    /// Possible stock mappings, then the custom-object mapping (or the blueprint's one mapping).
    public var options: [MappingOption] = []

    public init(key: String, keyRef: SourceRef, ref: SourceRef, scope: Scope, origin: Origin) {
        self.key = key
        self.keyRef = keyRef
        self.ref = ref
        self.scope = scope
        self.origin = origin
    }
}

/// One way an entry can be mapped: a possible stock mapping, the custom-object mapping, or the
/// blueprint's fixed mapping.
public struct MappingOption: Sendable {
    public enum Kind: Sendable, Equatable { case stock, customObject, blueprint }

    public var kind: Kind
    /// Position among the entry's possible mappings (0 for the others).
    public var index: Int
    public var ref: SourceRef
    public var forward: Located<Bool>?
    public var reverse: Located<Bool>?
    /// A possible mapping's `devrev_leaf_type`, a plain string there.
    public var leafTypeName: Located<String>?
    public var shard: MappingShard?

    public init(kind: Kind, index: Int, ref: SourceRef) {
        self.kind = kind
        self.index = index
        self.ref = ref
    }

    /// The leaf type this option maps to: the shard's `object_type`, else the possible mapping's name.
    public var leafType: String? { shard?.leafType?.objectType?.value ?? leafTypeName?.value }
    public var isForward: Bool { forward?.value == true }
    public var isReverse: Bool { reverse?.value == true }
    /// A custom object: the custom-object mapping, or a shard whose leaf type is (fresh) custom.
    public var isCustomObject: Bool { kind == .customObject || shard?.leafType?.isCustom == true }
}

public struct MappingShard: Sendable {
    public var ref: SourceRef
    /// `mode` (or the legacy `shard` key).
    public var mode: Located<String>?
    public var leafType: LeafTypeRef?
    public var fields: [FieldMapping] = []
    public var constructedFields: [ConstructedField] = []

    public init(ref: SourceRef) {
        self.ref = ref
    }

    public func field(_ name: String) -> FieldMapping? { fields.first { $0.field == name } }
}

/// `{object_type, object_category}`.
public struct LeafTypeRef: Sendable {
    public enum Category: String, Sendable, CaseIterable {
        case stock, custom
        case freshCustom = "fresh_custom"
        case synthetic
    }

    public var ref: SourceRef
    public var objectType: Located<String>?
    public var category: Located<Category>?

    public init(ref: SourceRef) {
        self.ref = ref
    }

    public var isCustom: Bool { category?.value == .custom || category?.value == .freshCustom }
    /// Stock, or a legacy leaf type without a category (which meant stock).
    public var isStock: Bool { category == nil || category?.value == .stock }
}

/// `format_version` or `devrev_metadata_version`.
public struct MappingVersionKey: Sendable {
    public var key: String
    public var keyRef: SourceRef
    public var value: JSONNode
    /// True at the file's top level (where the SDK does not read it), false inside additional_mappings.
    public var atTopLevel: Bool

    public init(key: String, keyRef: SourceRef, value: JSONNode, atTopLevel: Bool) {
        self.key = key
        self.keyRef = keyRef
        self.value = value
        self.atTopLevel = atTopLevel
    }
}

/// A name or shape from an older version of the format.
public struct MappingLegacyUse: Sendable {
    public enum Kind: Sendable, CaseIterable, Equatable {
        /// `starting_recipe_blueprint.external_record_types` as the only mappings.
        case blueprint
        /// The 0.6.0 install-request keys at the top level.
        case topLevelInstallKeys
        /// `shard: "create_shard"` instead of `mode`.
        case shardKey
        /// `mode: "set_existing_shard"` (0.6.0).
        case setExistingShard
        /// A field mapping's `transformation_method` instead of `transformation_method_for_set`.
        case fieldLevelMethod
        /// A leaf type without `object_category`.
        case leafTypeWithoutCategory
        /// `is_loadable` inside a record-type mapping.
        case isLoadableInEntry
        /// `link_type_names`, `source_types`, `target_types` of make_custom_links (0.6.0).
        case customLinkKeys
    }

    public var kind: Kind
    public var ref: SourceRef

    public init(_ kind: Kind, at ref: SourceRef) {
        self.kind = kind
        self.ref = ref
    }
}
