import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingUnknownCategory = RuleInfo(
        id: "mapping-unknown-category", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A category mapping is keyed by a category the metadata does not declare.",
            why: """
            record_type_category_mappings maps every record type of a category (including types \
            the extractor only discovers at run time) that has no mapping of its own. Its keys are \
            the keys of record_type_categories in the metadata; any other key applies to nothing.
            """,
            example: """
            metadata:  "record_type_categories": { "tickets": { } }
            mapping:   "record_type_category_mappings": { "ticket": { "default_mapping": { "object_type": "ticket" } } }
            """,
            fix: """
            Use a key of record_type_categories, or declare the category in the metadata.
            """))
}

struct MappingUnknownCategoryCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingUnknownCategory] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        guard let metadata = context.metadata else { return }
        let declared = metadata.categories.map(\.key)
        for entry in context.mapping.categoryEntries where !declared.contains(entry.key) {
            sink.report(MappingUnknownCategory(category: entry.key, declared: declared), at: entry.keyRef)
        }
    }
}

public struct MappingUnknownCategory: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingUnknownCategory }
    public let category: String
    public let declared: [String]

    public var message: String {
        var message = "category \"\(category)\" is not declared in the metadata's record_type_categories"
        if let suggestion = Suggest.didYouMean(category, in: declared) {
            message += ": " + suggestion
        } else if declared.isEmpty {
            message += ": declare it, or map its record types in record_type_mappings"
        } else {
            message += ": use one of " + declared.map { "\"\($0)\"" }.joined(separator: ", ")
        }
        return message
    }
}
