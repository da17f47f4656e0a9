import LintRules

/// What each kind of change means, in the rule docs outline (what, why, example, fix), for
/// `explain` and SARIF's rule catalogue. "Fix" says how to ship the change without breaking the
/// customers who already sync.
extension ChangeKind {
    static let impactExplanation: [Impact: String] = [
        .breaking: "A breaking change fails `metadata-lint diff` by default (--fail-on breaking).",
        .risky: "A risky change fails `metadata-lint diff --fail-on risky`.",
        .safe: "A safe change never fails `metadata-lint diff`.",
    ]

    var docs: RuleDocs {
        switch self {
        case .recordTypeRemoved:
            return RuleDocs(
                what: "A record type of OLD is not in NEW.",
                why: "Customers' mappings name record types; a removed one leaves their mapping pointing at nothing and its items unsynced.",
                example: "OLD: \"archived\": { \"fields\": {} }\nNEW: (no \"archived\" record type)",
                fix: "Keep the record type, or ship its removal with a migration for the customers who map it.")
        case .structTypeRemoved:
            return RuleDocs(
                what: "A struct type of OLD is not in NEW.",
                why: "Fields that held the struct can no longer be read, and mappings of its fields break.",
                example: "OLD: \"phone\": { \"fields\": { \"number\": { \"type\": \"text\" } } }\nNEW: (no \"phone\" struct type)",
                fix: "Keep the struct type while any released version's fields hold it.")
        case .categoryRemoved:
            return RuleDocs(
                what: "A record type category of OLD is not in NEW.",
                why: "Record types and references that used the category lose it; mappings by category break.",
                example: "OLD: \"record_type_categories\": { \"legacy\": { \"name\": \"Legacy\" } }\nNEW: \"record_type_categories\": {}",
                fix: "Keep the category, or move its record types and references to another one with a migration.")
        case .fieldRemoved:
            return RuleDocs(
                what: "A field of OLD is not in NEW.",
                why: "Mappings that map the field break, and data already synced for it is no longer updated.",
                example: "OLD: \"fax\": { \"type\": \"text\" }\nNEW: (no \"fax\" field)",
                fix: "Keep the field (it may stay empty in the data), or ship the removal with a mapping migration.")
        case .fieldTypeChanged:
            return RuleDocs(
                what: "A field's type changed.",
                why: "A mapping is made for a type; values of the new type no longer fit the mapped DevRev field.",
                example: "OLD: \"priority\": { \"type\": \"int\" }\nNEW: \"priority\": { \"type\": \"enum\", \"enum\": { \"values\": [{ \"key\": \"p1\" }] } }",
                fix: "Add a new field with the new type next to the old one, and retire the old one later.")
        case .collectionChanged:
            return RuleDocs(
                what: "A field became a collection, or stopped being one.",
                why: "A list and a single value map differently; existing mappings no longer fit.",
                example: "OLD: \"labels\": { \"type\": \"text\", \"collection\": {} }\nNEW: \"labels\": { \"type\": \"text\" }",
                fix: "Add a new field with the new shape instead of changing this one.")
        case .enumValueRemoved:
            return RuleDocs(
                what: "An enum value's key of OLD is not in NEW.",
                why: "Mappings map enum keys to DevRev values; items with the removed key fail, and mapped values dangle.",
                example: "OLD: \"values\": [{ \"key\": \"open\" }, { \"key\": \"wontfix\" }]\nNEW: \"values\": [{ \"key\": \"open\" }]",
                fix: "Keep the value and mark it \"is_deprecated\": true instead.")
        case .referenceTargetRemoved:
            return RuleDocs(
                what: "A reference or type_keys target of OLD is not in NEW.",
                why: "References to the removed target no longer resolve, and mappings of the reference break.",
                example: "OLD: \"refers_to\": { \"#record:users\": {}, \"#record:groups\": {} }\nNEW: \"refers_to\": { \"#record:users\": {} }",
                fix: "Keep the target while items may still refer to it.")
        case .fieldNowRequired:
            return RuleDocs(
                what: "An optional field became required.",
                why: "Items synced without the field are now invalid, and loading must provide it.",
                example: "OLD: \"title\": { \"type\": \"text\" }\nNEW: \"title\": { \"type\": \"text\", \"is_required\": true }",
                fix: "Keep the field optional, or make sure every item, old and new, carries a value first.")
        case .byFieldChanged:
            return RuleDocs(
                what: "A reference target's by_field changed.",
                why: "References are resolved by the named field; values written for the old field no longer resolve.",
                example: "OLD: \"#record:users\": { \"by_field\": \"email\" }\nNEW: \"#record:users\": { \"by_field\": \"login\" }",
                fix: "Keep the by_field, or add a new reference field resolved by the new one.")
        case .identifierChanged:
            return RuleDocs(
                what: "A field's is_identifier changed.",
                why: "by_field references and deduplication rely on identifiers; changing one changes how records are matched.",
                example: "OLD: \"login\": { \"type\": \"text\", \"is_identifier\": true }\nNEW: \"login\": { \"type\": \"text\" }",
                fix: "Keep identifiers stable; add a new identifier field rather than moving the flag.")
        case .categoryChanged:
            return RuleDocs(
                what: "A record type's category changed.",
                why: "Mappings and #category: references select record types by category.",
                example: "OLD: \"users\": { \"fields\": {} }\nNEW: \"users\": { \"category\": \"people\", \"fields\": {} }",
                fix: "Keep the category, or check every #category: reference and mapping that selects by it.")
        case .structKeyChanged:
            return RuleDocs(
                what: "A struct field's struct type changed.",
                why: "The field now holds a different struct; mappings of its subfields break.",
                example: "OLD: \"home\": { \"type\": \"struct\", \"struct\": { \"key\": \"address\" } }\nNEW: \"home\": { \"type\": \"struct\", \"struct\": { \"key\": \"location\" } }",
                fix: "Add a new field for the new struct type instead.")
        case .enumValueDeprecated:
            return RuleDocs(
                what: "An enum value became deprecated.",
                why: "A deprecated value may still appear in the data but should not be used in new data; mappings that produce it should change.",
                example: "OLD: { \"key\": \"closed\" }\nNEW: { \"key\": \"closed\", \"is_deprecated\": true }",
                fix: "Tell the customers who map the value which one replaces it.")
        case .boundsTightened:
            return RuleDocs(
                what: "A length or value bound became stricter.",
                why: "Values that fitted the old bounds may be rejected now.",
                example: "OLD: \"age\": { \"type\": \"int\", \"int\": { \"min\": 0 } }\nNEW: \"age\": { \"type\": \"int\", \"int\": { \"min\": 18 } }",
                fix: "Check that the data already synced fits the new bounds before shipping.")
        case .stageTransitionRemoved:
            return RuleDocs(
                what: "A stage, or a transition between stages, was removed.",
                why: "Items in or moving through the removed stage or transition may be rejected.",
                example: "OLD: \"open\": { \"transitions_to\": [\"closed\", \"wontfix\"] }\nNEW: \"open\": { \"transitions_to\": [\"closed\"] }",
                fix: "Keep the stage or transition while items may still be in it or take it.")
        case .requiredFieldAdded:
            return RuleDocs(
                what: "A new field is required.",
                why: "Loading must now provide a value that existing mappings do not produce.",
                example: "OLD: (no \"team\" field)\nNEW: \"team\": { \"type\": \"text\", \"is_required\": true }",
                fix: "Add the field as optional first, and require it once every mapping provides it.")
        case .recordTypeAdded:
            return RuleDocs(
                what: "A record type was added.",
                why: "New record types are offered for mapping; existing mappings are unaffected.",
                example: "OLD: (no \"bots\" record type)\nNEW: \"bots\": { \"fields\": {} }",
                fix: "Nothing to do; describe it in the release notes.")
        case .declarationAdded:
            return RuleDocs(
                what: "A category or struct type was added.",
                why: "New categories and struct types are unused until something names them.",
                example: "OLD: (no \"people\" category)\nNEW: \"people\": { \"name\": \"People\" }",
                fix: "Nothing to do.")
        case .fieldAdded:
            return RuleDocs(
                what: "An optional field was added.",
                why: "An optional field can be mapped when wanted; existing mappings are unaffected.",
                example: "OLD: (no \"phone\" field)\nNEW: \"phone\": { \"type\": \"text\" }",
                fix: "Nothing to do; customers can map the new field.")
        case .enumValueAdded:
            return RuleDocs(
                what: "An enum value was added.",
                why: "New keys can be mapped; existing mappings keep working (unmapped keys use the default).",
                example: "OLD: \"values\": [{ \"key\": \"open\" }]\nNEW: \"values\": [{ \"key\": \"open\" }, { \"key\": \"review\" }]",
                fix: "Nothing to do; customers may want to map the new value.")
        case .referenceTargetAdded:
            return RuleDocs(
                what: "A reference or type_keys target was added.",
                why: "The reference accepts more targets; existing values still resolve.",
                example: "OLD: \"refers_to\": { \"#record:users\": {} }\nNEW: \"refers_to\": { \"#record:users\": {}, \"#record:bots\": {} }",
                fix: "Nothing to do.")
        case .requirementRelaxed:
            return RuleDocs(
                what: "A required field became optional.",
                why: "Every value that was valid stays valid.",
                example: "OLD: \"summary\": { \"type\": \"text\", \"is_required\": true }\nNEW: \"summary\": { \"type\": \"text\" }",
                fix: "Nothing to do.")
        case .boundsRelaxed:
            return RuleDocs(
                what: "A length or value bound became looser.",
                why: "Every value that was valid stays valid.",
                example: "OLD: \"text\": { \"max_length\": 20 }\nNEW: \"text\": { \"max_length\": 40 }",
                fix: "Nothing to do.")
        case .stageTransitionAdded:
            return RuleDocs(
                what: "A stage or a transition between stages was added.",
                why: "Every transition that was allowed stays allowed.",
                example: "OLD: \"open\": { \"transitions_to\": [\"closed\"] }\nNEW: \"open\": { \"transitions_to\": [\"closed\", \"review\"] }",
                fix: "Nothing to do.")
        case .nameChanged:
            return RuleDocs(
                what: "A display name changed.",
                why: "Names are shown to people; mappings use keys, not names.",
                example: "OLD: \"tickets\": { \"name\": \"Tickets\" }\nNEW: \"tickets\": { \"name\": \"Issues\" }",
                fix: "Nothing to do.")
        case .descriptionChanged:
            return RuleDocs(
                what: "A description changed.",
                why: "Descriptions are shown to people only.",
                example: "OLD: \"description\": \"Work items\"\nNEW: \"description\": \"Work items to do\"",
                fix: "Nothing to do.")
        }
    }
}
