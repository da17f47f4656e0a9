import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the mapping file (MappingReader).
    public static let mappingMissingKey = RuleInfo(
        id: "mapping-missing-key", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A key the mapping format requires is missing.",
            why: """
            DevRev's schema for the mapping requires default_mapping in every record-type mapping, \
            forward and reverse in every mapping and field mapping, devrev_leaf_type and mode in a \
            shard, object_type in a leaf type, a transformation method in every field mapping and \
            the parameters each method needs (map_enum's values, use_fixed_value's value, \
            make_struct's field_mappings, ...). Without them the install is rejected.
            """,
            example: """
            "todos": {
              "possible_record_type_mappings": [
                { "devrev_leaf_type": "issue", "forward": true }
              ]
            }
            """,
            fix: """
            Add the key the message names; the message shows what its value looks like.
            """))
}

public enum MappingMissingKey: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingMissingKey }

    case missing(String, in: MappingSubject)
    /// The file has none of the mapping shapes.
    case noMappings

    /// What to add for each required key.
    static let templates = [
        "default_mapping": "\"default_mapping\": { \"object_type\": \"<leaf type>\", \"object_category\": \"stock\" }",
        "forward": "\"forward\": true (or false)",
        "reverse": "\"reverse\": false (or true)",
        "devrev_leaf_type": "\"devrev_leaf_type\" naming the DevRev leaf type",
        "mode": "\"mode\": \"create_shard\"",
        "object_type": "\"object_type\": \"<leaf type>\"",
        "transformation_method_for_set": "\"transformation_method_for_set\": { \"transformation_method\": \"use_directly\" }",
        "transformation_method": "\"transformation_method\": \"<method name>\"",
        "type": "\"type\" (bool, date, enum, float, int, rich_text, text or timestamp)",
        "value": "\"value\"",
        "bool": "\"bool\": true (or false)",
        "enum": "\"enum\": \"<DevRev enum value>\"",
        "stages": "\"stages\": { \"<stage>\": { ... } }",
        "field_mappings": "\"field_mappings\": { \"<subfield>\": { ... } }",
        "alternatives": "\"alternatives\": [ { \"field_mapping\": { ... }, \"is_default_in_reverse\": true } ]",
        "allowed_types": "\"allowed_types\": [ { \"object_type\": \"<leaf type>\" } ]",
        "reverse_stock_types": "\"reverse_stock_types\": { \"<DevRev link type>\": \"<external link type>\" }",
        "field_mapping": "\"field_mapping\": { ... }",
        "is_default_in_reverse": "\"is_default_in_reverse\": true (or false)",
    ]

    public var message: String {
        switch self {
        case .missing(let key, let subject):
            return "\(subject) has no \"\(key)\": add \(Self.templates[key] ?? "\"\(key)\"")"
        case .noMappings:
            return "the file has neither \"additional_mappings\" nor \"starting_recipe_blueprint\": a mapping file holds \"additional_mappings\": { \"record_type_mappings\": { ... } }"
        }
    }
}
