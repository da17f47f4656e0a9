import JSONRPC
import MetadataLint

/// A name that the metadata declares once and uses elsewhere.
enum MetadataSymbol: Sendable, Hashable {
    case recordType(String)
    case category(String)
    case structType(String)
    case field(FieldOwner, String)
    /// A key of an enum field: stages of a stage diagram and default values use them.
    case enumKey(FieldOwner, field: String, key: String)

    /// `#record:X` or `#category:Y`; nil for any other text.
    static func target(_ raw: String) -> MetadataSymbol? {
        if raw.hasPrefix("#record:") { return .recordType(String(raw.dropFirst("#record:".count))) }
        if raw.hasPrefix("#category:") { return .category(String(raw.dropFirst("#category:".count))) }
        return nil
    }
}

/// Every declaration and use of a symbol in one parsed document, by the byte offset of the string
/// that names it.
struct SymbolIndex: Sendable {
    struct Occurrence: Sendable, Equatable {
        var symbol: MetadataSymbol
        var offset: Int
        var isDeclaration: Bool
    }

    private(set) var occurrences: [Occurrence] = []

    init(_ metadata: Metadata) {
        for type in metadata.recordTypes {
            let owner = FieldOwner.recordType(type.key)
            add(.recordType(type.key), type.keyRef, declaration: true)
            if let category = type.category { add(.category(category.value), category.ref) }
            for field in type.fields { addField(field, owner: owner, metadata) }
            if let diagram = type.stageDiagram {
                let control = diagram.controllingField
                if let control { add(.field(owner, control.value), control.ref) }
                func stage(_ key: String, _ ref: SourceRef) {
                    if let control { add(.enumKey(owner, field: control.value, key: key), ref) }
                }
                for entry in diagram.stages {
                    stage(entry.key, entry.keyRef)
                    for target in entry.transitionsTo { stage(target.value, target.ref) }
                }
                if let start = diagram.startingStage { stage(start.value, start.ref) }
            }
            for group in type.conditions {
                add(.field(owner, group.controllingField), group.keyRef)
                for condition in group.conditions {
                    for affected in condition.affectedFields { add(.field(owner, affected.value), affected.ref) }
                }
            }
            if let link = type.linkNaming?.linkTypeField { add(.field(owner, link.value), link.ref) }
        }
        for category in metadata.categories { add(.category(category.key), category.keyRef, declaration: true) }
        for type in metadata.structTypes {
            add(.structType(type.key), type.keyRef, declaration: true)
            for field in type.fields { addField(field, owner: .structType(type.key), metadata) }
        }
    }

    private mutating func add(_ symbol: MetadataSymbol, _ ref: SourceRef, declaration: Bool = false) {
        occurrences.append(Occurrence(symbol: symbol, offset: ref.offset, isDeclaration: declaration))
    }

    private mutating func addField(_ field: Field, owner: FieldOwner, _ metadata: Metadata) {
        add(.field(owner, field.key), field.keyRef, declaration: true)
        for value in field.enumValues ?? [] {
            if let key = value.key { add(.enumKey(owner, field: field.key, key: key.value), key.ref, declaration: true) }
        }
        if field.type == .enum, let value = field.defaultValue, let text = value.string {
            add(.enumKey(owner, field: field.key, key: text), value.ref)
        }
        for spec in [field.reference, field.permissionMember].compactMap({ $0 }) {
            for target in spec.targets {
                if let symbol = MetadataSymbol.target(target.raw) { add(symbol, target.keyRef) }
                guard let byField = target.byField else { continue }
                for type in metadata.recordTypes(targetedBy: target) {
                    add(.field(.recordType(type.key), byField.value), byField.ref)
                }
            }
        }
        if let key = field.structKey { add(.structType(key.value), key.ref) }
        for entry in field.typeKeys {
            if let symbol = MetadataSymbol.target(entry.value) { add(symbol, entry.ref) }
        }
    }

    func declarations(of symbol: MetadataSymbol) -> [Int] {
        occurrences.filter { $0.symbol == symbol && $0.isDeclaration }.map(\.offset)
    }

    func occurrences(of symbol: MetadataSymbol, includeDeclaration: Bool) -> [Int] {
        occurrences.filter { $0.symbol == symbol && (includeDeclaration || !$0.isDeclaration) }.map(\.offset)
    }

    /// The symbols named by the string starting at `offset` (a `by_field` on a category names a
    /// field of each member).
    func symbols(at offset: Int) -> [MetadataSymbol] {
        var seen: [MetadataSymbol] = []
        for occurrence in occurrences where occurrence.offset == offset && !seen.contains(occurrence.symbol) {
            seen.append(occurrence.symbol)
        }
        return seen
    }
}
