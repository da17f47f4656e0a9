import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// The metadata compiled for checking records: per item type, a table of its data fields with
/// everything a value check needs, and the reference targets they resolve against.
public final class ArtifactSchema: Sendable {
    /// A class, so the hot loop passes a reference instead of copying (and retaining) every member.
    public final class FieldCheck: Sendable {
        /// Unique across the schema; indexes per-field tables in the checker.
        public let id: Int
        public let name: String
        public let type: FieldType
        public let isRequired: Bool
        public let isCollection: Bool
        public let collectionMin: Int64?
        public let collectionMax: Int64?
        public let lengthMin: Int64?
        public let lengthMax: Int64?
        public let numberMin: Double?
        public let numberMax: Double?
        public let enumKeys: ByteKeyTable?
        public let enumKeyList: [String]
        /// Index into `referenceGroups` for reference fields.
        public let referenceGroup: Int?
        /// Index into `objects` for struct fields.
        public let structObject: Int?
        /// Index into `keySpaces` when other records refer to this field by value.
        public let identifierSpace: Int?

        init(id: Int, name: String, type: FieldType, isRequired: Bool, isCollection: Bool, collectionMin: Int64?,
             collectionMax: Int64?, lengthMin: Int64?, lengthMax: Int64?, numberMin: Double?, numberMax: Double?,
             enumKeys: ByteKeyTable?, enumKeyList: [String], referenceGroup: Int?, structObject: Int?,
             identifierSpace: Int?) {
            self.id = id
            self.name = name
            self.type = type
            self.isRequired = isRequired
            self.isCollection = isCollection
            self.collectionMin = collectionMin
            self.collectionMax = collectionMax
            self.lengthMin = lengthMin
            self.lengthMax = lengthMax
            self.numberMin = numberMin
            self.numberMax = numberMax
            self.enumKeys = enumKeys
            self.enumKeyList = enumKeyList
            self.referenceGroup = referenceGroup
            self.structObject = structObject
            self.identifierSpace = identifierSpace
        }
    }

    /// The fields of one record type's `data`, or of one struct type.
    public final class ObjectSchema: Sendable {
        public let name: String
        public let fields: [FieldCheck]
        public let table: ByteKeyTable
        public let requiredFields: [Int]

        init(name: String, fields: [FieldCheck], table: ByteKeyTable, requiredFields: [Int]) {
            self.name = name
            self.fields = fields
            self.table = table
            self.requiredFields = requiredFields
        }
    }

    /// Where a reference value must be found: a record type's ids, or one of its identifier fields.
    public struct KeySpace: Sendable, Hashable {
        public let recordType: String
        public let byField: String?
    }

    public let objects: [ObjectSchema]
    /// Item type → index into `objects`.
    public let recordObjects: [String: Int]
    public let keySpaces: [KeySpace]
    /// For each reference field: the key spaces a value may resolve in (any of them).
    public let referenceGroups: [[Int]]
    /// Record type → key space of its ids.
    public let idSpaces: [String: Int]
    public let fieldCount: Int
    /// By field id: the record types a typed_reference's ref_type may name, each with its group.
    public let refTypes: [NamedTargets?]
    /// By field id: the record types a type_key or privilege field's values may name.
    public let typeKeyTargets: [NamedTargets?]
    /// A mention's possible ref_types: every record type (with the group of its ids), then "artifact".
    public let mentionTargets: NamedTargets
    /// By index of `mentionTargets`: the record type's index into `objects` (-1 for "artifact").
    public let mentionObjects: [Int]
    /// By index of `objects`: its items carry only `data` (a no_identifier record type).
    public let noIdentifier: [Bool]
    /// Key space of the ids of `attachments` items (inline attachment mentions resolve there).
    public let attachmentSpace: Int

    public static let reservedItemTypes = ReservedItemTypes.all

    public init(_ metadata: Metadata) {
        var builder = Builder(metadata: metadata)
        for type in metadata.recordTypes {
            builder.idSpace(type.key)
        }
        // Identifier key spaces must exist before the target's fields are compiled.
        for (_, _, spec) in metadata.allReferences {
            for target in spec.targets {
                guard let byField = target.byField?.value else { continue }
                for type in metadata.recordTypes(targetedBy: target) {
                    builder.keySpace(KeySpace(recordType: type.key, byField: byField))
                }
            }
        }
        attachmentSpace = builder.keySpace(KeySpace(recordType: "attachments", byField: nil))
        var recordObjects: [String: Int] = [:]
        for type in metadata.recordTypes {
            recordObjects[type.key] = builder.object(name: type.key, fields: type.fields, recordType: type.key)
        }
        (mentionTargets, mentionObjects) = builder.mentionTargets(recordObjects: recordObjects, attachmentSpace: attachmentSpace)
        noIdentifier = builder.objects.indices.map { index in
            metadata.recordTypes.contains { $0.noIdentifier && recordObjects[$0.key] == index }
        }
        refTypes = (0..<builder.nextFieldID).map { builder.refTypes[$0] }
        typeKeyTargets = (0..<builder.nextFieldID).map { builder.typeKeys[$0] }
        objects = builder.objects
        self.recordObjects = recordObjects
        keySpaces = builder.keySpaces
        referenceGroups = builder.groups
        idSpaces = builder.idSpaces
        fieldCount = builder.nextFieldID
    }

    struct Builder {
        let metadata: Metadata
        var objects: [ObjectSchema] = []
        var structObjects: [String: Int] = [:]
        var keySpaces: [KeySpace] = []
        var keySpaceIndex: [KeySpace: Int] = [:]
        var groups: [[Int]] = []
        var idSpaces: [String: Int] = [:]
        var nextFieldID = 0
        /// By field id (see ArtifactSchema+Targets).
        var refTypes: [Int: NamedTargets] = [:]
        var typeKeys: [Int: NamedTargets] = [:]
        var singletonGroups: [Int: Int32] = [:]

        init(metadata: Metadata) { self.metadata = metadata }

        @discardableResult
        mutating func idSpace(_ recordType: String) -> Int {
            let space = keySpace(KeySpace(recordType: recordType, byField: nil))
            idSpaces[recordType] = space
            return space
        }

        @discardableResult
        mutating func keySpace(_ space: KeySpace) -> Int {
            if let index = keySpaceIndex[space] { return index }
            keySpaces.append(space)
            keySpaceIndex[space] = keySpaces.count - 1
            return keySpaces.count - 1
        }

        /// The key spaces a reference block resolves against (categories expanded).
        mutating func group(_ spec: ReferenceSpec) -> Int? {
            var spaces: [Int] = []
            for target in spec.targets {
                for type in metadata.recordTypes(targetedBy: target) {
                    spaces.append(keySpace(KeySpace(recordType: type.key, byField: target.byField?.value)))
                }
            }
            guard !spaces.isEmpty else { return nil }
            groups.append(spaces)
            return groups.count - 1
        }

        mutating func object(name: String, fields: [Field], recordType: String?) -> Int {
            let index = objects.count
            // Reserve the slot first so recursive struct types terminate.
            objects.append(ObjectSchema(name: name, fields: [], table: ByteKeyTable([]), requiredFields: []))
            if recordType == nil { structObjects[name] = index }
            var checks: [FieldCheck] = []
            for field in fields {
                // A field whose type could not be read is still declared; its values go unchecked,
                // as participation values do (the metadata error is reported once, not per record).
                let type = field.type ?? .participation
                var group: Int? = nil
                if type == .reference, let spec = field.reference { group = self.group(spec) }
                if type == .permission, let spec = field.permissionMember { group = self.group(spec) }
                var structIndex: Int? = nil
                if type == .struct, let key = field.structKey?.value, let structType = metadata.structType(key) {
                    structIndex = structObjects[key] ?? object(name: key, fields: structType.fields, recordType: nil)
                }
                var identifier: Int? = nil
                if let recordType, field.isIdentifier {
                    identifier = keySpaceIndex[KeySpace(recordType: recordType, byField: field.key)]
                }
                let keys = type == .permission ? (field.permissionRoles ?? []).compactMap { $0.key?.value } : field.enumKeys
                let hasKeys = type == .enum ? field.enumValues != nil : (type == .permission && field.permissionRoles != nil)
                let lengthBounds = type == .text ? field.textBounds : nil
                let numberBounds = type == .int ? field.intBounds : (type == .float ? field.floatBounds : nil)
                noteNamedTargets(field, type: type, id: nextFieldID)
                nextFieldID += 1
                checks.append(FieldCheck(
                    id: nextFieldID - 1, name: field.key, type: type, isRequired: field.isRequired, isCollection: field.isCollection,
                    collectionMin: field.collection?.minInt, collectionMax: field.collection?.maxInt,
                    lengthMin: lengthBounds?.minInt, lengthMax: lengthBounds?.maxInt,
                    numberMin: numberBounds?.min?.value, numberMax: numberBounds?.max?.value,
                    enumKeys: hasKeys ? ByteKeyTable(keys) : nil, enumKeyList: keys,
                    referenceGroup: group, structObject: structIndex, identifierSpace: identifier))
            }
            objects[index] = ObjectSchema(
                name: name, fields: checks, table: ByteKeyTable(checks.map(\.name)),
                // A required `id` wrongly declared as a field (reserved-field-name) is not looked
                // for in every record's data: the metadata error is reported once.
                requiredFields: checks.indices.filter {
                    checks[$0].isRequired && !(recordType != nil && ReservedFieldName.fieldNames.contains(checks[$0].name))
                })
            return index
        }
    }
}
