import Foundation
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Everything a mapping check looks at: the mapping, the metadata beside it (if any), DevRev's
/// object table (unless switched off), and the jq programs compiled and run once.
public struct MappingContext: Sendable {
    public let mapping: Mapping
    public let source: SourceFile
    public let metadata: Metadata?
    public let metadataSource: SourceFile?
    public let table: DevRevObjectTable?
    /// Every field mapping, nested ones included, with where it stands.
    let fields: [MappedField]
    let constructed: [MappedConstructedField]
    let programs: MappingPrograms

    init(mapping: Mapping, source: SourceFile, metadata: Metadata?, metadataSource: SourceFile?,
         table: DevRevObjectTable?, constantTimeout: Double) {
        self.mapping = mapping
        self.source = source
        self.metadata = metadata
        self.metadataSource = metadataSource
        self.table = table
        let walk = MappingWalk(mapping)
        fields = walk.fields
        constructed = walk.constructed
        programs = MappingPrograms(fields: walk.fields, constructed: walk.constructed, timeout: constantTimeout)
    }

    /// The line of a metadata position, as messages cite it.
    func place(_ ref: SourceRef) -> FilePlace? {
        guard let metadataSource else { return nil }
        let name = URL(fileURLWithPath: metadataSource.path).lastPathComponent
        return FilePlace(file: name, line: metadataSource.lines.line(of: ref.offset))
    }

    /// The metadata record types an entry maps: the record type itself, or its category's members.
    func recordTypes(of entry: MappingEntry) -> [RecordType] {
        guard let metadata else { return [] }
        switch entry.scope {
        case .recordType: return metadata.recordType(entry.key).map { [$0] } ?? []
        case .category: return metadata.recordTypes.filter { $0.category?.value == entry.key }
        }
    }

    /// The stock leaf type an option maps to, when the table lists it.
    func stockLeafType(of option: MappingOption) -> DevRevLeafType? {
        guard let table, !option.isCustomObject, option.shard?.leafType?.isStock ?? true,
              let name = option.leafType else { return nil }
        return table.leafType(name)
    }

    /// The leaf type whose fields an option's stock_field_mappings fill: the stock leaf type, or
    /// the table's custom-object example for custom objects.
    func targetLeafType(of option: MappingOption) -> DevRevLeafType? {
        guard let table else { return nil }
        if option.isCustomObject { return table.customObject }
        return stockLeafType(of: option)
    }

    /// The DevRev field a mapping fills, from the table.
    func devrevField(_ field: MappedField) -> DevRevField? {
        guard let name = field.devrevField else { return nil }
        return targetLeafType(of: field.option)?.field(name)
    }
}

/// A field mapping with the entry and option it belongs to.
struct MappedField: Sendable {
    let entry: MappingEntry
    let option: MappingOption
    let optionSubject: MappingSubject
    let mapping: FieldMapping
    let subject: MappingSubject
    /// The stock field this mapping fills (for an alternative, its enclosing field's); nil inside make_struct.
    let devrevField: String?
    let isNested: Bool
}

struct MappedConstructedField: Sendable {
    let entry: MappingEntry
    let option: MappingOption
    let field: ConstructedField
    let subject: MappingSubject
}

/// Walks every entry, option, shard and field mapping, naming each place.
struct MappingWalk {
    var fields: [MappedField] = []
    var constructed: [MappedConstructedField] = []

    init(_ mapping: Mapping) {
        for entry in mapping.entries {
            for option in entry.options {
                let optionSubject = Self.subject(of: option, in: entry)
                guard let shard = option.shard else { continue }
                let shardSubject = MappingSubject.shard(of: optionSubject)
                for field in shard.fields {
                    add(field, subject: .field(field.field, of: shardSubject), devrevField: field.field, nested: false,
                        entry: entry, option: option, optionSubject: optionSubject)
                }
                for field in shard.constructedFields {
                    constructed.append(MappedConstructedField(entry: entry, option: option, field: field,
                                                              subject: .constructedField(field.name, of: shardSubject)))
                }
            }
        }
    }

    private mutating func add(_ field: FieldMapping, subject: MappingSubject, devrevField: String?, nested: Bool,
                              entry: MappingEntry, option: MappingOption, optionSubject: MappingSubject) {
        fields.append(MappedField(entry: entry, option: option, optionSubject: optionSubject, mapping: field,
                                  subject: subject, devrevField: devrevField, isNested: nested))
        switch field.method?.parameters {
        case .makeStruct(let inner)?:
            for child in inner {
                add(child, subject: .structField(child.field, of: subject), devrevField: nil, nested: true,
                    entry: entry, option: option, optionSubject: optionSubject)
            }
        case .firstNonNull(let alternatives)?:
            for (index, child) in alternatives.enumerated() {
                add(child, subject: .alternative(index, of: subject), devrevField: devrevField, nested: true,
                    entry: entry, option: option, optionSubject: optionSubject)
            }
        default:
            break
        }
    }

    static func entrySubject(_ entry: MappingEntry) -> MappingSubject {
        entry.scope == .recordType ? .recordType(entry.key) : .category(entry.key)
    }

    static func subject(of option: MappingOption, in entry: MappingEntry) -> MappingSubject {
        let owner = entrySubject(entry)
        switch option.kind {
        case .stock: return .possible(option.index, leafType: option.leafTypeName?.value, of: owner)
        case .customObject: return .customObject(of: owner)
        case .blueprint: return .fixedMapping(of: owner)
        }
    }
}

/// A primary external field as the metadata declares it in one record type.
struct ResolvedField: Sendable {
    let recordType: RecordType
    let field: Field
}

extension MappingContext {
    /// The declarations of a mapping's primary field, in each record type of its entry that has it.
    func resolved(_ field: MappedField) -> [ResolvedField] {
        guard let name = field.mapping.primaryField?.value else { return [] }
        return recordTypes(of: field.entry).compactMap { type in
            type.field(name).map { ResolvedField(recordType: type, field: $0) }
        }
    }

    /// Item keys outside `data`, which a primary field cannot name.
    static let envelopeKeys: Set<String> = ["id", "created_date", "modified_date"]

    /// Item types DevRev reserves; they are not mapped.
    static let reservedItemTypes: Set<String> = ["attachments", "external_domain_metadata", "external_sync_units", "ssor_attachment"]
}
