import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let devrevUnknownField = RuleInfo(
        id: "devrev-unknown-field", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A stock field mapping names a field the DevRev leaf type does not have.",
            why: """
            stock_field_mappings is keyed by the DevRev fields of the mapped leaf type (title, \
            owned_by_ids, stage, ...). A name the leaf type does not have maps nothing. A custom \
            object has four stock fields: title, item_url_field, created_by_id and modified_by_id; \
            its other fields are custom. Checked against DevRev's published table of object \
            types, whose date the message cites; fields are added and dropped between versions.
            """,
            example: """
            "devrev_leaf_type": { "object_type": "issue", "object_category": "stock" },
            "stock_field_mappings": {
              "name": { "forward": true, "reverse": false, "primary_external_field": "title",
                        "transformation_method_for_set": { "transformation_method": "use_directly" } }
            }
            """,
            fix: """
            Use the DevRev field's name (the message suggests the closest); map other external \
            fields as custom fields.
            """))
}

struct DevRevUnknownFieldCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.devrevUnknownField] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        guard let table = context.table else { return }
        for field in context.fields where !field.isNested {
            guard let leafType = context.targetLeafType(of: field.option), leafType.field(field.mapping.field) == nil else { continue }
            sink.report(DevRevUnknownField(field: field.mapping.field, leafType: field.option.leafType ?? leafType.name,
                                           customObject: field.option.isCustomObject, known: leafType.fields.map(\.name),
                                           tableDate: table.date), at: field.mapping.keyRef)
        }
    }
}

public struct DevRevUnknownField: RuleViolation {
    public static var rule: RuleInfo { Rules.devrevUnknownField }
    public let field: String
    public let leafType: String
    public let customObject: Bool
    public let known: [String]
    public let tableDate: String

    public var message: String {
        var message = customObject ? "\"\(field)\" is not a stock field of a custom object (\(known.joined(separator: ", ")))"
            : "\"\(field)\" is not a field of DevRev leaf type \"\(leafType)\""
        if let suggestion = Suggest.didYouMean(field, in: known) {
            message += ": " + suggestion
        } else {
            message += ": use one of its fields, or let the external field become a custom field"
        }
        return message + " (DevRev's object table of \(tableDate))"
    }
}
