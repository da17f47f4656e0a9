import LintModel
import LintRules

/// The objects of external_domain_metadata.json, each with its keys in the order `fmt` writes
/// them and what each key holds. `fmt` orders keys by this table and the editor schema is
/// generated from it; tests hold it to the reader's key sets (MetadataReader.*Keys), so the
/// three cannot drift apart.
public enum MetadataShape: String, CaseIterable, Sendable {
    case root, category, structType, recordType, attachments, field
    case enumBlock, enumValue, reference, participation, referenceTarget, structBlock, permission, typeKeys
    case lengthBounds, integerBounds, numberBounds
    case stageDiagram, stage, state, condition, linkNaming, linkDirection

    /// What a key's value is.
    public indirect enum Value: Sendable, Equatable {
        case shape(MetadataShape)
        /// An object whose keys are names chosen by the author (record types, fields, stages...),
        /// with at least `minimum` of them.
        case map(Value, minimum: Int = 0)
        case array(Value, minimum: Int = 0)
        /// An array of strings, none twice.
        case uniqueStrings(minimum: Int)
        case nullable(Value)
        case string, nonEmptyString, boolean, integer, nonNegativeInteger, number
        /// One of a fixed set of strings.
        case oneOf([String])
        /// A `#record:<record type>` or `#category:<category>` target.
        case target
        /// Depends on something else (a field's `default_value` depends on its type).
        case any
    }

    public struct Key: Sendable, Equatable {
        public var name: String
        public var value: Value
        public var required: Bool
    }

    /// The keys, in the order `fmt` writes them.
    public var keys: [Key] {
        switch self {
        case .root:
            return [k("schema_version", .oneOf(MetadataReader.allowedSchemaVersions)),
                    k("record_type_categories", .map(.shape(.category))),
                    k("struct_types", .map(.shape(.structType))),
                    k("record_types", .map(.shape(.recordType)), required: true)]
        case .category:
            return [k("name", .string), k("are_record_type_conversions_possible", .boolean)]
        case .structType:
            return [k("name", .string), k("fields", .map(.shape(.field)), required: true)]
        case .recordType:
            return [k("name", .string), k("description", .string), k("category", .string),
                    k("is_loadable", .boolean), k("is_snapshot", .boolean), k("no_identifier", .boolean),
                    k("scope", .oneOf(MetadataReader.scopes)), k("attachments", .shape(.attachments)),
                    k("fields", .map(.shape(.field)), required: true),
                    k("conditions", .map(.array(.shape(.condition)))),
                    k("stage_diagram", .shape(.stageDiagram)), k("link_naming_data", .shape(.linkNaming))]
        case .attachments:
            return [k("is_extractable", .boolean), k("is_loadable", .boolean)]
        case .field:
            let flags = MetadataReader.nullableFlags.map { k($0, .nullable(.boolean)) }
            return [k("type", .oneOf(FieldType.allCases.map(\.rawValue)), required: true),
                    k("name", .string), k("description", .string), k("is_required", .boolean)]
                + flags
                + [k("default_value", .any), k("collection", .nullable(.shape(.lengthBounds))),
                   k("field_reference", .nullable(.map(.any)))]
                + FieldType.allCases.compactMap { type in type.blockKey.map { k($0, Self.block(of: type)) } }
        case .enumBlock:
            return [k("values", .array(.shape(.enumValue)), required: true)]
        case .enumValue:
            return [k("key", .nonEmptyString, required: true), k("name", .string), k("description", .string),
                    k("is_deprecated", .boolean)]
        case .reference:
            return [k("refers_to", .map(.shape(.referenceTarget), minimum: 1), required: true),
                    k("reference_type", .oneOf(["parent", "child"]))]
        case .participation:
            return [k("refers_to", .map(.shape(.referenceTarget), minimum: 1), required: true)]
        case .referenceTarget:
            return [k("by_field", .string)]
        case .structBlock:
            // Optional in the SDK's schema (struct-field-without-key warns).
            return [k("key", .string)]
        case .permission:
            return [k("member_id", .shape(.reference)), k("role", .nullable(.shape(.enumBlock)))]
        case .typeKeys:
            return [k("type_keys", .array(.target), required: true)]
        case .lengthBounds:
            return [k("min_length", .nonNegativeInteger), k("max_length", .nonNegativeInteger)]
        case .integerBounds:
            return [k("min", .integer), k("max", .integer)]
        case .numberBounds:
            return [k("min", .number), k("max", .number)]
        case .stageDiagram:
            return [k("controlling_field", .nonEmptyString, required: true), k("starting_stage", .nonEmptyString),
                    k("all_transitions_allowed", .boolean), k("states", .map(.shape(.state))),
                    k("stages", .map(.shape(.stage), minimum: 2), required: true)]
        case .stage:
            return [k("state", .string), k("transitions_to", .array(.string))]
        case .state:
            return [k("name", .string, required: true), k("is_end_state", .boolean), k("ordinal", .integer)]
        case .condition:
            return [k("value", .any, required: true),
                    k("comparator", .oneOf(MetadataReader.comparators), required: true),
                    k("affected_fields", .uniqueStrings(minimum: 1), required: true),
                    k("effect", .oneOf(MetadataReader.effects), required: true)]
        case .linkNaming:
            return [k("link_type_field", .nonEmptyString, required: true),
                    k("link_direction_names", .nullable(.map(.shape(.linkDirection))), required: true)]
        case .linkDirection:
            return [k("forward_name", .string, required: true), k("backward_name", .string, required: true)]
        }
    }

    /// The shape of a field's type block (`enum`, `reference`, `text`, ...).
    public static func block(of type: FieldType) -> Value {
        switch type {
        case .text: return .nullable(.shape(.lengthBounds))
        case .int: return .nullable(.shape(.integerBounds))
        case .float: return .nullable(.shape(.numberBounds))
        case .enum: return .nullable(.shape(.enumBlock))
        case .reference, .typedReference: return .shape(.reference)
        case .participation: return .nullable(.shape(.participation))
        case .struct: return .shape(.structBlock)
        case .permission: return .nullable(.shape(.permission))
        case .typeKey, .recordTypePrivilege, .fieldPrivilege, .conditionalPrivilege: return .nullable(.shape(.typeKeys))
        case .bool, .richText, .date, .timestamp: return .any
        }
    }

    /// The value a key holds in this shape, if the format defines the key.
    public func value(of key: String) -> Value? {
        keys.first { $0.name == key }?.value
    }

    /// Where `key` comes in this shape's order (nil: not a key of the format).
    public func position(of key: String) -> Int? {
        keys.firstIndex { $0.name == key }
    }
}

private func k(_ name: String, _ value: MetadataShape.Value, required: Bool = false) -> MetadataShape.Key {
    MetadataShape.Key(name: name, value: value, required: required)
}
