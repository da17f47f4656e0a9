/// A place in an initial_domain_mapping.json, as a message names it ("DevRev field "title" in the
/// "issue" mapping of record type "todos""). Readers and checks describe places with these values;
/// only rule files word them.
public indirect enum MappingSubject: Sendable, Equatable, CustomStringConvertible {
    case root
    case additionalMappings
    case blueprint
    /// A member of record_type_mappings (or the blueprint's external_record_types).
    case recordType(String)
    /// A member of record_type_category_mappings.
    case category(String)
    case defaultMapping(of: MappingSubject)
    /// A possible mapping, named by its leaf type when it has one.
    case possible(Int, leafType: String?, of: MappingSubject)
    case customObject(of: MappingSubject)
    /// The one mapping of a legacy blueprint entry.
    case fixedMapping(of: MappingSubject)
    case shard(of: MappingSubject)
    case leafType(of: MappingSubject)
    case field(String, of: MappingSubject)
    case structField(String, of: MappingSubject)
    case alternative(Int, of: MappingSubject)
    case constructedField(String, of: MappingSubject)
    case descriptor(of: MappingSubject)
    case method(of: MappingSubject)
    case fallback(of: MappingSubject)
    case forwardEntry(String, of: MappingSubject)
    case reverseEntry(String, of: MappingSubject)
    case stage(String, of: MappingSubject)
    case allowedType(Int, of: MappingSubject)

    public var description: String {
        switch self {
        case .root: return "the mapping file's top level"
        case .additionalMappings: return "additional_mappings"
        case .blueprint: return "starting_recipe_blueprint"
        case .recordType(let key): return "record type \"\(key)\""
        case .category(let key): return "category \"\(key)\""
        case .defaultMapping(let owner): return "default_mapping of \(owner)"
        case .possible(let index, let leafType, let owner):
            if let leafType { return "the \"\(leafType)\" mapping of \(owner)" }
            return "possible mapping \(index + 1) of \(owner)"
        case .customObject(let owner): return "the custom-object mapping of \(owner)"
        case .fixedMapping(let owner): return "the mapping of \(owner)"
        case .shard(let owner): return "the shard of \(owner)"
        case .leafType(let owner): return "devrev_leaf_type of \(owner)"
        case .field(let name, let owner): return "DevRev field \"\(name)\" in \(owner.withoutShard)"
        case .structField(let name, let owner): return "struct subfield \"\(name)\" of \(owner)"
        case .alternative(let index, let owner): return "alternative \(index + 1) of \(owner)"
        case .constructedField(let name, let owner): return "constructed field \"\(name)\" in \(owner.withoutShard)"
        case .descriptor(let owner): return "field_descriptor of \(owner)"
        case .method(let owner): return "the transformation of \(owner)"
        case .fallback(let owner): return "the fallback of \(owner)"
        case .forwardEntry(let key, let owner): return "forward entry \"\(key)\" of \(owner)"
        case .reverseEntry(let key, let owner): return "reverse entry \"\(key)\" of \(owner)"
        case .stage(let key, let owner): return "stage \"\(key)\" of \(owner)"
        case .allowedType(let index, let owner): return "allowed type \(index + 1) of \(owner)"
        }
    }

    /// Fields are named by the mapping they belong to, not by its shard.
    var withoutShard: MappingSubject {
        if case .shard(let owner) = self { return owner }
        return self
    }
}
