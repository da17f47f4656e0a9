import LintModel
import LintJSON

/// The schema as `CleanRecordPass` reads it: plain values and raw memory, so that reading a field's
/// checks retains and releases nothing (classes and arrays in the hot loop cost 8% in retains).
/// It borrows the schema's memory and lives no longer than the pass, which keeps the schema.
struct CleanRecordPlan {
    struct Field {
        enum Kind: UInt8 { case text, enumKey, reference, bool, int, float, date, timestamp, richText, other }
        var id: Int
        var kind: Kind
        var isCollection: Bool
        var hasLengthBounds: Bool
        var hasNumberBounds: Bool
        var lengthMin: Int64 = .min, lengthMax: Int64 = .max
        var numberMin: Double = -.infinity, numberMax: Double = .infinity
        var collectionMin: Int64 = .min, collectionMax: Int64 = .max
        var enumKeys: ByteKeyTable.Raw?
        /// Key space of an identifier field, group of a reference field (-1: none).
        var identifierSpace: Int32 = -1
        var referenceGroup: Int32 = -1
        /// The interned "/data/<field>" pointer.
        var dataPointer: Int32 = -1
    }

    struct Object {
        var table: ByteKeyTable.Raw
        var fields: UnsafeMutablePointer<Field>
        /// Field ids of the required fields.
        var required: UnsafeMutablePointer<Int>
        var requiredCount: Int
    }

    /// By index of `schema.objects` (record types only; other entries have no fields).
    let objects: UnsafeMutablePointer<Object>
    let objectCount: Int
    let mentionTable: ByteKeyTable.Raw
    let mentionGroups: UnsafeMutablePointer<Int32>

    init(schema: ArtifactSchema, index: ReferenceIndex) {
        objectCount = schema.objects.count
        objects = .allocate(capacity: max(objectCount, 1))
        let recordObjects = Set(schema.recordObjects.values)
        for (n, object) in schema.objects.enumerated() {
            let fields = UnsafeMutablePointer<Field>.allocate(capacity: max(object.fields.count, 1))
            for (k, check) in object.fields.enumerated() {
                var field = Self.field(check)
                if recordObjects.contains(n) { field.dataPointer = index.intern(pointer: "/data/" + JSONPointer.escape(check.name)) }
                (fields + k).initialize(to: field)
            }
            let required = UnsafeMutablePointer<Int>.allocate(capacity: max(object.requiredFields.count, 1))
            for (k, fieldIndex) in object.requiredFields.enumerated() { (required + k).initialize(to: object.fields[fieldIndex].id) }
            (objects + n).initialize(to: Object(table: object.table.raw, fields: fields, required: required,
                                                requiredCount: object.requiredFields.count))
        }
        mentionTable = schema.mentionTargets.table.raw
        let groups = schema.mentionTargets.groups
        mentionGroups = .allocate(capacity: max(groups.count, 1))
        for (k, group) in groups.enumerated() { (mentionGroups + k).initialize(to: group) }
    }

    func deallocate() {
        for n in 0..<objectCount {
            objects[n].fields.deallocate()
            objects[n].required.deallocate()
        }
        objects.deallocate()
        mentionGroups.deallocate()
    }

    private static func field(_ check: ArtifactSchema.FieldCheck) -> Field {
        let kind: Field.Kind
        switch check.type {
        case .text: kind = .text
        case .enum: kind = .enumKey
        case .reference: kind = .reference
        case .bool: kind = .bool
        case .int: kind = .int
        case .float: kind = .float
        case .date: kind = .date
        case .timestamp: kind = .timestamp
        case .richText: kind = .richText
        default: kind = .other
        }
        var field = Field(id: check.id, kind: kind, isCollection: check.isCollection,
                          hasLengthBounds: check.lengthMin != nil || check.lengthMax != nil,
                          hasNumberBounds: check.numberMin != nil || check.numberMax != nil)
        field.lengthMin = check.lengthMin ?? .min
        field.lengthMax = check.lengthMax ?? .max
        field.numberMin = check.numberMin ?? -.infinity
        field.numberMax = check.numberMax ?? .infinity
        field.collectionMin = check.collectionMin ?? .min
        field.collectionMax = check.collectionMax ?? .max
        field.enumKeys = check.enumKeys?.raw
        field.identifierSpace = check.identifierSpace.map { Int32(truncatingIfNeeded: $0) } ?? -1
        field.referenceGroup = check.referenceGroup.map { Int32(truncatingIfNeeded: $0) } ?? -1
        return field
    }
}
