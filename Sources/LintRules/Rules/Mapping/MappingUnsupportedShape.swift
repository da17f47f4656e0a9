import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported while reading the mapping file (MappingReader).
    public static let mappingUnsupportedShape = RuleInfo(
        id: "mapping-unsupported-shape", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "The mapping file has the 2024-07 initial_object_mappings shape, which no current SDK installs.",
            why: """
            The first Airdrop demo (July 2024) described mappings as initial_object_mappings with \
            possible_targets and initial_field_mappings. Every SDK that knows additional_mappings \
            reads only additional_mappings and starting_recipe_blueprint, so a file in the old \
            shape installs nothing and every record type is left unmapped.
            """,
            example: """
            {
              "initial_object_mappings": [
                { "external_type": "todos", "default_target": "issue", "possible_targets": { } }
              ]
            }
            """,
            fix: """
            Recreate the mapping in chef-cli's mapping UI and export it (it writes \
            additional_mappings.record_type_mappings), or rewrite it by hand in that shape.
            """))
}

public struct MappingUnsupportedShape: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingUnsupportedShape }
    public let key: String

    public init(key: String) {
        self.key = key
    }

    public var message: String {
        "\"\(key)\" is the 2024-07 demo shape, which no SDK with additional_mappings installs: export the mapping again from chef-cli's mapping UI, or rewrite it as \"additional_mappings\": { \"record_type_mappings\": { ... } }"
    }
}
