import LintModel
import LintJSON
import LintSource
import LintSupport

/// The rule catalogue. Each rule lives in its own file with its documentation; this list is what
/// `rules`, `explain` and SARIF read, so a rule that is not here does not exist.
public enum Rules {
    /// Every built-in rule, grouped in the order `rules` lists them.
    public static let all: [RuleInfo] = catalogue(readerRules + modelChecks.flatMap(\.rules) + artifact
        + mappingReaderRules + mappingChecks.flatMap(\.rules) + mappingData + filterRules)

    /// Rules reported while scanning the JSON and reading the model.
    static let readerRules = [
        jsonSyntax, jsonEncoding, jsonNestingDepth, jsonDuplicateKey, jsonNumberRange,
        invalidValueType, missingRequiredKey, recordTypeWithoutFields, unknownKey, unknownFieldType,
        typeBlockMismatch, missingTypeBlock, valueNotAllowed, invalidBounds, emptyValue,
        legacyKey, renamedKey, privilegeTypeSpelling, structFieldWithoutKey,
    ]

    /// The checks that run on the typed model after it has been read; each names its rules.
    static let modelChecks: [any MetadataCheck] = [
        UndeclaredCategoryCheck(), UnknownReferenceTargetCheck(), ByFieldNotIdentifierCheck(),
        UnknownStructTypeCheck(), ReservedFieldNameCheck(), EnumValuesCheck(), DefaultValueTypeCheck(),
        StageDiagramCheck(), ConditionFieldCheck(), LinkNamingFieldCheck(), UnusedDeclarationsCheck(),
        ReservedRecordTypeCheck(), UnsupportedStructFieldCheck(), PrivilegesWithoutSnapshotCheck(),
    ]

    /// Rules reported by check-artifacts.
    package static let artifact = [
        unknownItemType, itemEnvelope, undeclaredDataField, fieldValueType, invalidEnumValue, invalidDateValue,
        valueOutOfBounds, missingRequiredField, duplicateItemID, danglingReference, referencesNotChecked,
        attachmentShape, corruptArtifact, invalidRefType, typeKeyValue, privilegeValue, syncUnitShape,
        suspiciousTimestamp, metadataCopyDiffers, metadataCopyChosen, recordTooLarge, notARegularFile,
    ]

    /// Rules reported while reading a mapping file (MappingReader), and by the validator.
    static let mappingReaderRules = [
        mappingValueType, mappingMissingKey, mappingUnknownMethod, mappingValueNotAllowed, mappingUnknownKey,
        mappingUnsupportedShape, mappingChecksSkipped,
    ]

    /// The checks that run on a mapping file's model, alone or against its metadata and DevRev's table.
    static let mappingChecks: [any MappingCheck] = [
        MappingLegacyShapeCheck(), MappingFormatVersionCheck(), MappingDirectionNoneCheck(),
        MappingDefaultNotOfferedCheck(), MappingLeafTypeMismatchCheck(), MappingReverseInForwardOnlyCheck(),
        MappingConstructedFieldCheck(), MappingReverseFixedValueCheck(), MappingDevRevRecordTargetCheck(),
        MappingUnknownRecordTypeCheck(), MappingUnknownCategoryCheck(), MappingUnmappedRecordTypeCheck(),
        MappingUnknownFieldCheck(), MappingEnvelopeFieldCheck(), MappingUnknownEnumKeyCheck(), MappingMethodFieldTypeCheck(),
        MappingMethodFitCheck(), MappingReverseNotLoadableCheck(), MappingReverseReadOnlyCheck(),
        MappingAuthorizationPolicyCheck(), MappingJQCompileCheck(), MappingJQOutputCheck(), MappingRawJQKeysCheck(),
        DevRevUnknownLeafTypeCheck(), DevRevUnknownFieldCheck(), DevRevRequiredFieldUnmappedCheck(),
        DevRevMethodFieldTypeCheck(), DevRevEnumValueCheck(), DevRevFallbackTypeCheck(), DevRevReferenceTargetCheck(),
        DevRevReverseNotExtractableCheck(),
    ]

    /// Mapping rules reported by check-artifacts --mapping, from the data.
    package static let mappingData = [mappingJQRuntime, mappingEnumUnmappedValue]

    /// Rules about running custom rules and --where filters (budgets), reported wherever they run.
    package static let filterRules = [filterLimit]

    /// Each rule once, ordered by group, in the order first listed within a group.
    static func catalogue(_ rules: [RuleInfo]) -> [RuleInfo] {
        var seen: Set<String> = []
        let unique = rules.filter { seen.insert($0.id).inserted }
        let order = Dictionary(uniqueKeysWithValues: RuleInfo.Group.allCases.enumerated().map { ($1, $0) })
        return unique.enumerated().sorted { a, b in
            let (ga, gb) = (order[a.element.group] ?? 0, order[b.element.group] ?? 0)
            return ga != gb ? ga < gb : a.offset < b.offset
        }.map(\.element)
    }

    public static func info(_ id: String) -> RuleInfo? { all.first { $0.id == id } }
}

/// A rule (or family of rules) that inspects the typed model.
protocol MetadataCheck: Sendable {
    /// The rules this check reports.
    var rules: [RuleInfo] { get }
    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink)
}

extension Metadata {
    /// Every field with a phrase naming its owner, record types first, then struct types.
    var allFields: [(owner: Subject, field: Field)] {
        recordTypes.flatMap { type in type.fields.map { (Subject.recordType(type.key), $0) } }
            + structTypes.flatMap { type in type.fields.map { (Subject.structType(type.key), $0) } }
    }
}
