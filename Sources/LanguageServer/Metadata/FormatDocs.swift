import JSONRPC
import MetadataLint

/// What the format says about each key, in short: shown on hover and offered by completion.
/// Summarised from the project's notes on the format (docs/FORMAT facts), in the order a file
/// usually lists them.
enum FormatDocs {
    typealias Entry = (key: String, doc: String)

    static let topLevel: [Entry] = [
        ("schema_version", "Version of the metadata format. Only `\"v0.2.0\"` exists; optional."),
        ("record_type_categories", "Categories that group record types, keyed by category. A record type joins one with `category`; a reference can target a whole category with `#category:<key>`."),
        ("struct_types", "Reusable structures, keyed by struct type. A `struct` field names one in its `struct.key`. Fields of a struct must not be references or structs themselves."),
        ("record_types", "Required. The record types, keyed by item type: each key must equal the `item_type` of the artifacts that carry those records."),
    ]

    static let recordType: [Entry] = [
        ("name", "Human-readable name of the record type."),
        ("description", "What the record type holds."),
        ("category", "Key of an entry of `record_type_categories` that this record type belongs to."),
        ("fields", "Required (may be `{}`). The fields of the record type, keyed by field name. Do not declare `id`, `created_date` or `modified_date`: every item carries them outside `data`."),
        ("is_loadable", "Whether records of this type can be loaded back into the external system."),
        ("is_snapshot", "Each sync replaces all items of this type. Required for record types that hold privilege fields (authorization policies)."),
        ("stage_diagram", "The stages an item goes through, driven by an enum field (`controlling_field`)."),
        ("conditions", "Rules a field's value imposes on other fields, keyed by the controlling field."),
        ("link_naming_data", "Custom link types: `link_type_field` (an enum field) and a forward and backward name per enum key."),
        ("no_identifier", "Items of this type carry no id (only `data`); mainly authorization policies."),
        ("scope", "`metadata_is_system_scoped` or `data_is_system_scoped`."),
        ("attachments", "Whether attachments of this record type can be extracted and loaded: `{is_extractable?, is_loadable?}`."),
    ]

    static let category: [Entry] = [
        ("name", "Human-readable name of the category."),
        ("are_record_type_conversions_possible", "Whether items can be converted between the record types of this category. (`are_transitions_possible` is the pre-v0.2.0 name.)"),
    ]

    static let structType: [Entry] = [
        ("name", "Human-readable name of the struct type."),
        ("fields", "Required. The struct's fields, keyed by name; none of them may be a reference, typed reference or struct."),
    ]

    static let field: [Entry] = [
        ("type", "Required. The field type: " + FieldType.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ") + ". The type block with the same name (if the type has one) describes it further."),
        ("name", "Human-readable name of the field."),
        ("description", "What the field holds."),
        ("is_required", "A boolean: every created item must carry a value."),
        ("is_identifier", "The field identifies a record (an email, a login): a reference's `by_field` must name such a field."),
        ("is_indexed", "Whether the field is indexed (boolean or null)."),
        ("is_read_only", "Whether the field is read-only in the external system (boolean or null)."),
        ("is_write_only", "Whether the field is write-only (boolean or null)."),
        ("is_filterable", "Whether the field can be filtered on (boolean or null; chef-cli's schema only)."),
        ("default_value", "A default that must fit the type: a boolean for bool, an integer for int, a number for float, a string for text, a declared key for enum, a date or timestamp."),
        ("collection", "Makes the field an array of its type: `{min_length?, max_length?}`, integers of 0 or more."),
    ]

    static let blocks: [String: String] = [
        "enum": "Enum block: `{values: [{key, name?, description?, is_deprecated?}]}`. Keys are what appears in the data; they must be unique and non-empty.",
        "reference": "Reference block: `{refers_to: {\"#record:<type>\" | \"#category:<category>\": {by_field?}}, reference_type?}`.",
        "typed_reference": "Typed reference block: like `reference`; a value names its record type in `ref_type`.",
        "struct": "Struct block: `{key}` naming an entry of `struct_types`.",
        "text": "Text bounds: `{min_length?, max_length?}`.",
        "int": "Integer bounds: `{min?, max?}`, integers.",
        "float": "Number bounds: `{min?, max?}`.",
        "collection": "Collection bounds: `{min_length?, max_length?}`, integers of 0 or more; marks the field as an array.",
        "permission": "Permission block: `{member_id: <reference block>, role: <enum block>}`.",
        "type_key": "`{type_keys: [\"#record:<type>\" | \"#category:<category>\"]}`.",
        "record_type_privilege": "`{type_keys: [...]}`: the record types the privileges may name.",
        "field_privilege": "`{type_keys: [...]}`: the record types the field privileges may name.",
        "conditional_privilege": "`{type_keys: [...]}`: the record types the conditional privileges may name.",
        "participation": "Participation block.",
        "field_reference": "Reserved for future use: `{}`.",
    ]

    static let blockKeys: [String: [Entry]] = [
        "enum": [("values", "Required. The enum's values: `{key, name?, description?, is_deprecated?}`.")],
        "reference": [
            ("refers_to", "Required. Maps `#record:<type>` or `#category:<category>` to `{by_field?}`."),
            ("reference_type", "`parent` or `child` (a comment's reference to its ticket is `parent`)."),
        ],
        "typed_reference": [
            ("refers_to", "Required. Maps `#record:<type>` or `#category:<category>` to `{by_field?}`."),
            ("reference_type", "`parent` or `child`."),
        ],
        "struct": [("key", "The key of an entry of `struct_types`.")],
        "text": [("min_length", "Shortest allowed length."), ("max_length", "Longest allowed length; not below `min_length`.")],
        "int": [("min", "Smallest allowed integer."), ("max", "Largest allowed integer; not below `min`.")],
        "float": [("min", "Smallest allowed number."), ("max", "Largest allowed number; not below `min`.")],
        "collection": [("min_length", "Fewest elements (0 or more)."), ("max_length", "Most elements; not below `min_length`.")],
        "permission": [("member_id", "A reference block: who holds the role."), ("role", "An enum block: the roles.")],
        "type_key": [("type_keys", "Record types or categories: `#record:<type>` or `#category:<category>`.")],
        "record_type_privilege": [("type_keys", "Record types or categories the privileges may name.")],
        "field_privilege": [("type_keys", "Record types or categories the field privileges may name.")],
        "conditional_privilege": [("type_keys", "Record types or categories the conditional privileges may name.")],
    ]

    static let enumValue: [Entry] = [
        ("key", "Required. The value as it appears in the data; unique and non-empty."),
        ("name", "Human-readable name of the value."),
        ("description", "What the value means."),
        ("is_deprecated", "The value is kept for old data but should not be used for new items."),
    ]

    static let referenceTarget: [Entry] = [
        ("by_field", "References hold this field's value instead of the target's id. It must name a field of the target marked `is_identifier: true` (the primary key is assumed when unset)."),
    ]

    static let stageDiagram: [Entry] = [
        ("controlling_field", "Required. An enum field of this record type; its keys are the stages."),
        ("stages", "Required, at least two. Keyed by the controlling field's enum keys: `{state?, transitions_to?}`."),
        ("starting_stage", "The stage new items start in; needed when states or transitions are given."),
        ("all_transitions_allowed", "If true, any stage may follow any other, and explicit `transitions_to` are invalid."),
        ("states", "Declared states, keyed by state: `{name, is_end_state?, ordinal?}`. Besides these, `open`, `in_progress` and `closed` exist."),
    ]

    static let stage: [Entry] = [
        ("state", "A declared state or one of `open`, `in_progress`, `closed`."),
        ("transitions_to", "Stages that may follow this one."),
    ]

    static let state: [Entry] = [
        ("name", "Required. Human-readable name of the state."),
        ("is_end_state", "Whether items in this state are finished."),
        ("ordinal", "Position of the state in lists."),
    ]

    static let condition: [Entry] = [
        ("value", "The value of the controlling field this condition applies to."),
        ("comparator", "`eq`, `ne`, `lt`, `lte`, `gt` or `gte`."),
        ("affected_fields", "Non-empty list of distinct fields of this record type."),
        ("effect", "`require` or `show`."),
    ]

    static let linkNaming: [Entry] = [
        ("link_type_field", "Required. An enum field of this record type; its keys are the link types."),
        ("link_direction_names", "Required. For each enum key of `link_type_field`: `{forward_name, backward_name}`."),
    ]

    static let linkDirection: [Entry] = [
        ("forward_name", "Required. How the link reads from source to target."),
        ("backward_name", "Required. How the link reads from target to source (may equal the forward name)."),
    ]

    static let attachments: [Entry] = [
        ("is_extractable", "Whether attachments of this record type are extracted."),
        ("is_loadable", "Whether attachments of this record type are loaded."),
    ]

    static let fieldTypes: [String: String] = [
        "bool": "A JSON boolean.",
        "int": "A JSON integer (never a string); bounds in an `int` block.",
        "float": "A JSON number; bounds in a `float` block.",
        "text": "A string; lengths in a `text` block.",
        "rich_text": "An array of CommonMark strings and mention objects `{ref_type, id, fallback_record_name?}`.",
        "reference": "A non-empty string: the id of a record of a `refers_to` target (or its `by_field` value).",
        "typed_reference": "`{id, ref_type, fallback_record_name?}`, `ref_type` one of the `refers_to` targets.",
        "enum": "One of the keys of the `enum` block's values.",
        "date": "`YYYY-MM-DD`.",
        "timestamp": "RFC 3339 with an offset, e.g. `2024-03-29T22:04:47Z`.",
        "struct": "An object with the fields of the struct type named in `struct.key`.",
        "permission": "`{member_id, role}`.",
        "type_key": "An array of record-type names among the `type_keys`.",
        "record_type_privilege": "`{record_types, privileges}`; the record type must have `is_snapshot: true`.",
        "field_privilege": "`{record_type, read_fields?, write_fields?, …}`; the record type must have `is_snapshot: true`.",
        "conditional_privilege": "`{record_type, object_privileges | field_privileges, scope_to_users_in | field_caveats}`; the record type must have `is_snapshot: true`.",
        "participation": "A participation value.",
    ]

    /// The keys documented for an object at `place`.
    static func keys(in place: MetadataPlace) -> [Entry] {
        switch place {
        case .root: return topLevel
        case .recordType: return recordType
        case .category: return category
        case .structType: return structType
        case .field: return field + blocks.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        case .typeBlock(_, _, let block): return blockKeys[block] ?? []
        case .enumValue: return enumValue
        case .referenceTarget: return referenceTarget
        case .stageDiagram: return stageDiagram
        case .stage: return stage
        case .state: return state
        case .condition: return condition
        case .linkNaming: return linkNaming
        case .linkDirection: return linkDirection
        case .attachments: return attachments
        default: return []
        }
    }

    static func doc(forKey key: String, in place: MetadataPlace) -> String? {
        keys(in: place).first { $0.key == key }?.doc
    }
}
