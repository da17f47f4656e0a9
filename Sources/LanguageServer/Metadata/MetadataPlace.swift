import JSONRPC
import MetadataLint

/// Whose field a field is.
enum FieldOwner: Sendable, Hashable {
    case recordType(String)
    case structType(String)
}

/// What a JSON path means in an external_domain_metadata.json: the vocabulary hover, completion
/// and navigation share. Found from the path alone, so it works on text that does not parse.
indirect enum MetadataPlace: Sendable, Equatable {
    case root
    case recordTypes
    case recordType(String)
    case categories
    case category(String)
    case structTypes
    case structType(String)
    case fields(FieldOwner)
    case field(FieldOwner, String)
    /// A type block of a field: `enum`, `reference`, `struct`, `text`, `collection`, … (the
    /// `member_id` and `role` of a permission block count as a reference and an enum block).
    case typeBlock(FieldOwner, field: String, block: String)
    case enumValues(FieldOwner, field: String)
    case enumValue(FieldOwner, field: String)
    case refersTo(FieldOwner, field: String)
    case referenceTarget(FieldOwner, field: String, target: String)
    case typeKeys(FieldOwner, field: String)
    case stageDiagram(String)
    case stages(String)
    case stage(String, String)
    case transitions(String, String)
    case states(String)
    case state(String, String)
    case conditions(String)
    case conditionGroup(String, field: String)
    case condition(String, field: String)
    case affectedFields(String, field: String)
    case linkNaming(String)
    case linkDirectionNames(String)
    case linkDirection(String, String)
    case attachments(String)
    case unknown

    static let privilegeBlocks: Set<String> = ["type_key", "record_type_privilege", "field_privilege", "conditional_privilege"]
    static let fieldBlocks: Set<String> = FieldType.blockKeys.union(["collection", "field_reference"])

    static func of(_ path: [String]) -> MetadataPlace {
        path.reduce(MetadataPlace.root) { $0.child($1) }
    }

    func child(_ segment: String) -> MetadataPlace {
        switch self {
        case .root:
            switch segment {
            case "record_types": return .recordTypes
            case "record_type_categories": return .categories
            case "struct_types": return .structTypes
            default: return .unknown
            }
        case .recordTypes: return .recordType(segment)
        case .recordType(let type):
            switch segment {
            case "fields": return .fields(.recordType(type))
            case "stage_diagram": return .stageDiagram(type)
            case "conditions": return .conditions(type)
            case "link_naming_data": return .linkNaming(type)
            case "attachments": return .attachments(type)
            default: return .unknown
            }
        case .categories: return .category(segment)
        case .structTypes: return .structType(segment)
        case .structType(let type): return segment == "fields" ? .fields(.structType(type)) : .unknown
        case .fields(let owner): return .field(owner, segment)
        case .field(let owner, let field):
            return Self.fieldBlocks.contains(segment) ? .typeBlock(owner, field: field, block: segment) : .unknown
        case .typeBlock(let owner, let field, let block):
            switch (block, segment) {
            case ("enum", "values"): return .enumValues(owner, field: field)
            case ("reference", "refers_to"), ("typed_reference", "refers_to"): return .refersTo(owner, field: field)
            case ("permission", "member_id"): return .typeBlock(owner, field: field, block: "reference")
            case ("permission", "role"): return .typeBlock(owner, field: field, block: "enum")
            case (_, "type_keys") where Self.privilegeBlocks.contains(block): return .typeKeys(owner, field: field)
            default: return .unknown
            }
        case .enumValues(let owner, let field): return .enumValue(owner, field: field)
        case .refersTo(let owner, let field): return .referenceTarget(owner, field: field, target: segment)
        case .stageDiagram(let type):
            switch segment {
            case "stages": return .stages(type)
            case "states": return .states(type)
            default: return .unknown
            }
        case .stages(let type): return .stage(type, segment)
        case .stage(let type, let stage): return segment == "transitions_to" ? .transitions(type, stage) : .unknown
        case .states(let type): return .state(type, segment)
        case .conditions(let type): return .conditionGroup(type, field: segment)
        case .conditionGroup(let type, let field): return .condition(type, field: field)
        case .condition(let type, let field): return segment == "affected_fields" ? .affectedFields(type, field: field) : .unknown
        case .linkNaming(let type): return segment == "link_direction_names" ? .linkDirectionNames(type) : .unknown
        case .linkDirectionNames(let type): return .linkDirection(type, segment)
        default: return .unknown
        }
    }
}
