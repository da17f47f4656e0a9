/// The rule catalogue. Each rule lives in its own file with its documentation; this list is what
/// `rules`, `explain` and SARIF read, so a rule that is not here does not exist.
public enum Rules {
    public static let all: [RuleInfo] = json + structure + references + stageDiagram + legacy + artifact + limits

    static let json = [jsonSyntax, jsonEncoding, jsonNestingDepth, jsonDuplicateKey, jsonNumberRange]
    static let structure = [
        invalidValueType, missingRequiredKey, recordTypeWithoutFields, unknownKey, unknownFieldType,
        typeBlockMismatch, missingTypeBlock, defaultValueType, valueNotAllowed, invalidBounds, emptyValue,
        duplicateEnumKey, emptyEnum,
    ]
    static let references = [
        undeclaredCategory, unknownReferenceTarget, byFieldNotIdentifier, unknownStructType, reservedFieldName,
        conditionField, linkNamingField, unusedCategory, unusedStructType,
    ]
    static let stageDiagram = [
        stageControllingField, stageKey, stageTransition, stageStartingStage, stageState,
    ]
    static let legacy = [legacyKey, renamedKey]
    static var artifact: [RuleInfo] { ArtifactRules.all }
    /// Budgets of custom rules and --where (record limits are artifact rules).
    static var limits: [RuleInfo] { [LimitRules.filterLimit] }

    /// The checks that run on the typed model after it has been read.
    static let modelChecks: [any MetadataCheck] = [
        UndeclaredCategoryCheck(), UnknownReferenceTargetCheck(), ByFieldNotIdentifierCheck(),
        UnknownStructTypeCheck(), ReservedFieldNameCheck(), EnumValuesCheck(), DefaultValueTypeCheck(),
        StageDiagramCheck(), ConditionFieldCheck(), LinkNamingFieldCheck(), UnusedDeclarationsCheck(),
    ]

    public static func info(_ id: String) -> RuleInfo? { all.first { $0.id == id } }
}

/// A rule that inspects the typed model.
protocol MetadataCheck: Sendable {
    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink)
}

extension Metadata {
    /// Every field with a phrase naming its owner, record types first, then struct types.
    var allFields: [(owner: String, field: Field)] {
        recordTypes.flatMap { type in type.fields.map { ("record type \"\(type.key)\"", $0) } }
            + structTypes.flatMap { type in type.fields.map { ("struct type \"\(type.key)\"", $0) } }
    }
}
