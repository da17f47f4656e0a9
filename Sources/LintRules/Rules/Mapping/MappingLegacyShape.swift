import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingLegacyShape = RuleInfo(
        id: "mapping-legacy-shape", group: .mapping, severity: .note,
        docs: RuleDocs(
            what: "The mapping file uses a name or shape from an older version of the format.",
            why: """
            The mapping format changed several times since July 2024: starting_recipe_blueprint \
            gave way to additional_mappings.record_type_mappings (December 2024), a shard's "shard" \
            key to "mode", a field mapping's transformation_method to transformation_method_for_set \
            (August 2025), leaf types gained object_category, and is_loadable moved to the metadata. \
            DevRev still accepts the older forms today, but new features (default mappings, \
            alternatives, fallbacks) exist only in the current one, and chef-cli exports only it.
            """,
            example: """
            "stock_field_mappings": {
              "title": {
                "forward": true, "reverse": false, "primary_external_field": "title",
                "transformation_method": { "transformation_method": "use_directly" }
              }
            }
            """,
            fix: """
            Rename or reshape as the message says; exporting the mapping again from chef-cli's \
            mapping UI writes the current shape throughout.
            """))
}

struct MappingLegacyShapeCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingLegacyShape] }

    /// One note per kind, at its first use, with how many more there are.
    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for kind in MappingLegacyUse.Kind.allCases {
            let uses = context.mapping.legacyUses.filter { $0.kind == kind }
            guard let first = uses.first else { continue }
            sink.report(MappingLegacyShape(kind: kind, count: uses.count), at: first.ref)
        }
    }
}

public struct MappingLegacyShape: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingLegacyShape }
    public let kind: MappingLegacyUse.Kind
    /// Uses of this kind in the file.
    public let count: Int

    public var message: String {
        let text: String
        switch kind {
        case .blueprint:
            text = "starting_recipe_blueprint.external_record_types is the 2024 shape (one fixed mapping per record type, no alternatives, no default): since December 2024 mappings go in \"additional_mappings\": { \"record_type_mappings\": { ... } } with possible_record_type_mappings and a default_mapping"
        case .topLevelInstallKeys:
            text = "install-request keys at the top level are the 0.6.0 schema's shape, and the SDK forwards only what is inside additional_mappings: move record_type_mappings and record_type_category_mappings into \"additional_mappings\" and drop the rest"
        case .shardKey:
            text = "\"shard\": \"create_shard\" is the older name of the shard's mode: write \"mode\": \"create_shard\""
        case .setExistingShard:
            text = "mode \"set_existing_shard\" belonged to the 0.6.0 schema and was removed: only \"create_shard\" exists now"
        case .fieldLevelMethod:
            text = "a field mapping's \"transformation_method\" is the older name (replaced in August 2025): rename it to \"transformation_method_for_set\""
        case .leafTypeWithoutCategory:
            text = "a leaf type without \"object_category\" is the older form: add \"object_category\": \"stock\" (or custom, fresh_custom)"
        case .isLoadableInEntry:
            text = "\"is_loadable\" in a record-type mapping moved to the metadata in December 2024: remove it here and set \"is_loadable\" on the record type in external_domain_metadata.json"
        case .customLinkKeys:
            text = "link_type_names, source_types and target_types of make_custom_links belong to the 0.6.0 schema: only reverse_stock_types remains, remove them"
        }
        return count > 1 ? text + " (\(count) places in this file)" : text
    }
}
