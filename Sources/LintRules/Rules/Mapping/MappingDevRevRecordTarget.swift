import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingDevRevRecordTarget = RuleInfo(
        id: "mapping-devrev-record-target", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A use_devrev_record transformation has both or neither of leaf_type and id.",
            why: """
            use_devrev_record fills a reference field with a record that already exists in DevRev: \
            either one record by its id, or a record of a leaf type the end user picks at import. \
            DevRev's requirements for generated snap-ins say it takes a leaf type or an id, not \
            both; with neither there is nothing to refer to.
            """,
            example: """
            "applies_to_part_id": {
              "forward": true, "reverse": false,
              "transformation_method_for_set": { "transformation_method": "use_devrev_record", "is_array": false }
            }
            """,
            fix: """
            Give "leaf_type": { "object_type": "product", "object_category": "stock" } or an "id", \
            not both.
            """))
}

struct MappingDevRevRecordTargetCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingDevRevRecordTarget] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for field in context.fields {
            guard case .devrevRecord(let choice)? = field.mapping.method?.parameters else { continue }
            if choice.leafType != nil && choice.id != nil {
                sink.report(MappingDevRevRecordTarget(field: field.subject, both: true), at: choice.id?.ref ?? choice.ref)
            } else if choice.leafType == nil && choice.id == nil {
                sink.report(MappingDevRevRecordTarget(field: field.subject, both: false), at: choice.ref)
            }
        }
    }
}

public struct MappingDevRevRecordTarget: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingDevRevRecordTarget }
    public let field: MappingSubject
    public let both: Bool

    public var message: String {
        both ? "use_devrev_record of \(field) has both leaf_type and id: keep one (an id names one record, a leaf type lets the user pick)"
            : "use_devrev_record of \(field) has neither leaf_type nor id: add \"leaf_type\": { \"object_type\": \"<leaf type>\", \"object_category\": \"stock\" } or an \"id\""
    }
}
