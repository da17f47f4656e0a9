import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let unusedCategory = RuleInfo(
        id: "unused-category", group: .reference, severity: .warning,
        summary: "A category is declared but no record type belongs to it and nothing refers to it.",
        explanation: """
        A category in record_type_categories that no record type names in "category" and no \
        #category: reference targets has no effect, and usually means a record type's category was \
        misspelled or dropped. Assign it to the record types it was meant for, or remove it.
        """)

    public static let unusedStructType = RuleInfo(
        id: "unused-struct-type", group: .reference, severity: .warning,
        summary: "A struct type is declared but no struct field uses it.",
        explanation: """
        A struct type that no field names in "struct": {"key": ...} has no effect and usually means \
        a field's struct key was misspelled. Use it from the field it was meant for, or remove it.
        """)
}

struct UnusedDeclarationsCheck: MetadataCheck {
    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        var usedCategories = Set(metadata.recordTypes.compactMap { $0.category?.value })
        for (_, _, spec) in metadata.allReferences {
            for target in spec.targets { if case .category(let name) = target.kind { usedCategories.insert(name) } }
        }
        for category in metadata.categories where !usedCategories.contains(category.key) {
            sink.report(Rules.unusedCategory, at: category.keyRef,
                        "category \"\(category.key)\" is declared but no record type has it as \"category\": assign it or remove it")
        }
        let usedStructs = Set(metadata.allFields.compactMap { $0.field.structKey?.value })
        for structType in metadata.structTypes where !usedStructs.contains(structType.key) {
            sink.report(Rules.unusedStructType, at: structType.keyRef,
                        "struct type \"\(structType.key)\" is declared but no struct field uses it: use it or remove it")
        }
    }
}
