import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let undeclaredCategory = RuleInfo(
        id: "undeclared-category", group: .reference, severity: .error,
        docs: RuleDocs(
            what: "A record type's category is not declared in record_type_categories.",
            why: """
            A record type's "category" must be a key of record_type_categories. Categories let one \
            mapping cover several record types (custom issue types, say) and are what #category: \
            references resolve to; an undeclared one is rejected and its record types cannot be \
            mapped as a group.
            """,
            example: """
            "record_type_categories": { "tickets": {} },
            "record_types": {
              "bugs": { "category": "ticket", "fields": {} },
              "tasks": { "category": "tickets", "fields": {} }
            }
            """,
            fix: """
            Declare the category under record_type_categories, or fix the name.
            """))
}

struct UndeclaredCategoryCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.undeclaredCategory] }

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        let declared = metadata.categories.map(\.key)
        for type in metadata.recordTypes {
            guard let category = type.category, !declared.contains(category.value) else { continue }
            sink.report(UndeclaredCategory(recordType: type.key, category: category.value, declared: declared), at: category.ref)
        }
    }
}

public struct UndeclaredCategory: RuleViolation {
    public static var rule: RuleInfo { Rules.undeclaredCategory }
    public let recordType: String
    public let category: String
    public let declared: [String]

    public var message: String {
        var message = "record type \"\(recordType)\" has category \"\(category)\", which is not declared in record_type_categories"
        if let suggestion = Suggest.didYouMean(category, in: declared) {
            message += ": " + suggestion
        } else {
            message += ": add \"record_type_categories\": { \"\(category)\": {} }"
        }
        return message
    }
}
