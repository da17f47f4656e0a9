import LintJSON
import LintSource

/// The typed form of an `external_domain_metadata.json`. Parts that were malformed are absent
/// (and were reported while reading), so rules can run over whatever is well-formed.
public struct Metadata: Sendable {
    public var root: JSONNode
    public var schemaVersion: Located<String>?
    public var recordTypes: [RecordType] = []
    public var categories: [Category] = []
    public var structTypes: [StructType] = []
    /// False when the document is not an object with a `record_types` object: then there is no
    /// model to check data against.
    public var isReadable = false

    public init(root: JSONNode) {
        self.root = root
    }

    public func recordType(_ key: String) -> RecordType? { recordTypes.first { $0.key == key } }
    public func category(_ key: String) -> Category? { categories.first { $0.key == key } }
    public func structType(_ key: String) -> StructType? { structTypes.first { $0.key == key } }

    /// The record types a reference target stands for: one for `#record:X`, every member of the
    /// category for `#category:Y`, none when the target does not exist or is malformed.
    public func recordTypes(targetedBy target: ReferenceTarget) -> [RecordType] {
        switch target.kind {
        case .record(let name): return recordType(name).map { [$0] } ?? []
        case .category(let name): return recordTypes.filter { $0.category?.value == name }
        case .malformed: return []
        }
    }
}

public struct Category: Sendable {
    public var key: String
    public var keyRef: SourceRef
    public var name: String?
    public var areConversionsPossible: Bool?

    public init(key: String, keyRef: SourceRef) {
        self.key = key
        self.keyRef = keyRef
    }
}

public struct StructType: Sendable {
    public var key: String
    public var keyRef: SourceRef
    public var name: String?
    public var fields: [Field] = []

    public func field(_ key: String) -> Field? { fields.first { $0.key == key } }

    public init(key: String, keyRef: SourceRef) {
        self.key = key
        self.keyRef = keyRef
    }
}

public struct RecordType: Sendable {
    public var key: String
    public var keyRef: SourceRef
    public var ref: SourceRef
    public var name: String?
    public var category: Located<String>?
    public var isLoadable: Bool?
    public var isSnapshot: Bool?
    /// Items of this type carry only `data` (no id or dates): authorization policies.
    public var noIdentifier = false
    public var fields: [Field] = []
    public var conditions: [ConditionGroup] = []
    public var stageDiagram: StageDiagram?
    public var linkNaming: LinkNaming?

    public func field(_ key: String) -> Field? { fields.first { $0.key == key } }

    public init(key: String, keyRef: SourceRef, ref: SourceRef) {
        self.key = key
        self.keyRef = keyRef
        self.ref = ref
    }
}
