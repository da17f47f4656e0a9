import LintModel
import LintSupport

/// DevRev's table of stock leaf types and their fields ("Supported DevRev object types for
/// AirSync"), compiled in from data/devrev-object-types.json by `make devrev-table`. It is a
/// snapshot: findings based on it are warnings that cite its date.
public struct DevRevObjectTable: Sendable {
    public let repository: String
    public let path: String
    public let commit: String
    /// The page's own "Last updated" date, as YYYY-MM-DD.
    public let date: String
    /// Old leaf type names and the names that replaced them.
    public let renamed: [String: String]
    public let leafTypes: [DevRevLeafType]

    public init(repository: String, path: String, commit: String, date: String, renamed: [String: String],
                leafTypes: [DevRevLeafType]) {
        self.repository = repository
        self.path = path
        self.commit = commit
        self.date = date
        self.renamed = renamed
        self.leafTypes = leafTypes
    }

    /// The table's example of a custom object: what every custom object has.
    public static let customObjectName = "new_custom_object"

    public func leafType(_ name: String) -> DevRevLeafType? {
        name == Self.customObjectName ? nil : leafTypes.first { $0.name == name }
    }

    public var customObject: DevRevLeafType? { leafTypes.first { $0.name == Self.customObjectName } }

    /// The right name for an unknown leaf type: its replacement, the leaf type whose resource type
    /// it is (`dev_user` → `devu`), or the closest name.
    public func suggestion(for name: String) -> String? {
        if let renamed = renamed[name] { return renamed }
        let byResource = leafTypes.filter { $0.name != Self.customObjectName && $0.resourceTypes.last == name }
        if byResource.count == 1, let only = byResource.first { return only.name }
        return Suggest.closest(to: name, in: leafTypes.map(\.name).filter { $0 != Self.customObjectName })
    }

    /// True when a reference target (`#record:X`, `#category:Y`) accepts records of `leafType`;
    /// `isCustom` for custom objects, which belong to `#category:custom_object`.
    public func target(_ target: String, accepts leafType: String, isCustom: Bool) -> Bool {
        if target.hasPrefix("#record:") { return !isCustom && String(target.dropFirst("#record:".count)) == leafType }
        guard target.hasPrefix("#category:") else { return false }
        let category = String(target.dropFirst("#category:".count))
        if isCustom { return category == "custom_object" }
        return self.leafType(leafType)?.category == category
    }
}

public struct DevRevLeafType: Sendable {
    public let name: String
    /// The table's hierarchy column: `["work", "issue"]`, `["dev_user"]`.
    public let hierarchy: [String]
    public let resourceTypes: [String]
    public let canLoad: Bool
    public let canExtract: Bool
    public let canSubtype: Bool
    public let fixedFields: [String: String]
    public let fields: [DevRevField]

    public init(name: String, hierarchy: [String], resourceTypes: [String], canLoad: Bool, canExtract: Bool,
                canSubtype: Bool, fixedFields: [String: String], fields: [DevRevField]) {
        self.name = name
        self.hierarchy = hierarchy
        self.resourceTypes = resourceTypes
        self.canLoad = canLoad
        self.canExtract = canExtract
        self.canSubtype = canSubtype
        self.fixedFields = fixedFields
        self.fields = fields
    }

    public func field(_ name: String) -> DevRevField? { fields.first { $0.name == name } }

    /// The `#category:` this leaf type belongs to, derived from the hierarchy column (the table has
    /// no category list): `work→issue` is in `work`; `dev_user`, `rev_user`, `sys_user` are the
    /// user category (inferred).
    public var category: String? {
        if hierarchy.count >= 2 { return hierarchy[0] }
        if let only = hierarchy.first, only.hasSuffix("_user") { return "user" }
        return nil
    }
}

public struct DevRevField: Sendable {
    public let name: String
    public let type: FieldType
    public let isCollection: Bool
    public let isRequired: Bool
    /// `#record:` / `#category:` targets of a reference.
    public let targets: [String]
    /// Enum values; nil when the table lists none.
    public let values: [String]?

    public init(name: String, type: FieldType, isCollection: Bool, isRequired: Bool, targets: [String], values: [String]?) {
        self.name = name
        self.type = type
        self.isCollection = isCollection
        self.isRequired = isRequired
        self.targets = targets
        self.values = values
    }
}
