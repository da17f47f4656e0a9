import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let unusedCategory = RuleInfo(
        id: "unused-category", group: .reference, severity: .warning,
        docs: RuleDocs(
            what: "A category is declared but no record type belongs to it and nothing refers to it.",
            why: """
            A category in record_type_categories that no record type names in "category" and no \
            #category: reference targets has no effect, and usually means a record type's category \
            was misspelled or dropped.
            """,
            example: """
            "record_type_categories": { "tickets": {}, "agents": {} },
            "record_types": {
              "bugs": { "category": "tickets", "fields": {} }
            }
            """,
            fix: """
            Assign it to the record types it was meant for, or remove it.
            """))

    public static let unusedStructType = RuleInfo(
        id: "unused-struct-type", group: .reference, severity: .warning,
        docs: RuleDocs(
            what: "A struct type is declared but no struct field uses it.",
            why: """
            A struct type that no field names in "struct": {"key": ...} has no effect and usually \
            means a field's struct key was misspelled.
            """,
            example: """
            "struct_types": { "address": { "fields": { "city": { "type": "text" } } } },
            "record_types": {
              "users": { "fields": { "email": { "type": "text" } } }
            }
            """,
            fix: """
            Use it from the field it was meant for, or remove it.
            """))
}

struct UnusedDeclarationsCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.unusedCategory, Rules.unusedStructType] }

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        var usedCategories = Set(metadata.recordTypes.compactMap { $0.category?.value })
        for (_, _, spec) in metadata.allReferences {
            for target in spec.targets { if case .category(let name) = target.kind { usedCategories.insert(name) } }
        }
        for (_, field) in metadata.allFields {
            for target in field.typeKeyTargets { if case .category(let name) = target.kind { usedCategories.insert(name) } }
        }
        for category in metadata.categories where !usedCategories.contains(category.key) {
            sink.report(UnusedCategory(category: category.key), at: category.keyRef)
        }
        let usedStructs = Set(metadata.allFields.compactMap { $0.field.structKey?.value })
        for structType in metadata.structTypes where !usedStructs.contains(structType.key) {
            sink.report(UnusedStructType(structType: structType.key), at: structType.keyRef)
        }
    }
}

public struct UnusedCategory: RuleViolation {
    public static var rule: RuleInfo { Rules.unusedCategory }
    public let category: String

    public var message: String {
        "category \"\(category)\" is declared but no record type has it as \"category\": assign it or remove it"
    }
}

public struct UnusedStructType: RuleViolation {
    public static var rule: RuleInfo { Rules.unusedStructType }
    public let structType: String

    public var message: String {
        "struct type \"\(structType)\" is declared but no struct field uses it: use it or remove it"
    }
}
