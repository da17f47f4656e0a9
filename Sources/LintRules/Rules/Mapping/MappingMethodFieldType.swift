import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingMethodFieldType = RuleInfo(
        id: "mapping-method-field-type", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A transformation method is applied to an external field of a type it cannot read.",
            why: """
            DevRev's docs (mapping reasons) state what each method needs from the external field: \
            map_enum, make_enum and make_uenum an enum, use_rich_text a rich_text field, \
            use_as_array_value a single value (not a collection), reference_custom_field a \
            reference, construct_text_field a text field, make_custom_stages a record type with a \
            stage_diagram; a struct field can only be mapped with use_raw_jq. The mapping UI does \
            not offer anything else, and the import fails on it.
            """,
            example: """
            metadata:  "status": { "type": "text" }
            mapping:   "stage": { "forward": true, "reverse": false, "primary_external_field": "status",
                                  "transformation_method_for_set": { "transformation_method": "map_enum", "forward": { } } }
            """,
            fix: """
            Use a method that fits the field's type (use_directly for same-typed fields, \
            use_raw_jq as the last resort), or map a field of the right type.
            """))
}

struct MappingMethodFieldTypeCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingMethodFieldType] }

    /// The external field type each method needs.
    static let needs: [MethodKind: FieldType] = [
        .mapEnum: .enum, .makeEnum: .enum, .makeUenum: .enum, .useRichText: .richText,
        .referenceCustomField: .reference, .constructTextField: .text,
    ]

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for field in context.fields {
            guard let method = field.mapping.method, let kind = method.kind else { continue }
            if kind == .makeCustomStages {
                for type in context.recordTypes(of: field.entry) where type.stageDiagram == nil {
                    sink.report(MappingMethodFieldType.noStageDiagram(mapping: field.subject, recordType: type.key,
                                                                      declaredAt: context.place(type.keyRef)), at: method.name.ref)
                }
            }
            guard let primary = field.mapping.primaryField else { continue }
            for resolved in context.resolved(field) {
                guard let type = resolved.field.type else { continue }
                let problem: MappingMethodFieldType.Problem?
                if let needed = Self.needs[kind], type != needed {
                    problem = .needs(needed)
                } else if kind == .useAsArrayValue, resolved.field.isCollection {
                    problem = .collection
                } else if type == .struct, kind != .useRawJQ {
                    problem = .structOnlyRawJQ
                } else {
                    problem = nil
                }
                guard let problem else { continue }
                sink.report(MappingMethodFieldType.mismatch(problem, method: kind.rawValue, mapping: field.subject,
                                                            field: resolved.field.key, type: type.rawValue,
                                                            declaredAt: context.place(resolved.field.keyRef)), at: primary.ref)
            }
        }
    }
}

public enum MappingMethodFieldType: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingMethodFieldType }

    public enum Problem: Sendable {
        case needs(FieldType)
        case collection
        case structOnlyRawJQ
    }

    case mismatch(Problem, method: String, mapping: MappingSubject, field: String, type: String, declaredAt: FilePlace?)
    case noStageDiagram(mapping: MappingSubject, recordType: String, declaredAt: FilePlace?)

    public var message: String {
        switch self {
        case .mismatch(let problem, let method, let mapping, let field, let type, let declaredAt):
            let article = type.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            let subject = "\(method) in \(mapping) reads \"\(field)\"\(declaredAt.cited), \(article) \(type) field"
            switch problem {
            case .needs(let needed):
                let article = needed.rawValue.first.map { "aeiou".contains($0) } == true ? "an" : "a"
                return "\(subject), but it needs \(article) \(needed.rawValue) field: map such a field or use another method"
            case .collection:
                return "\(subject) collection, but use_as_array_value wraps a single value: use use_directly for a collection"
            case .structOnlyRawJQ:
                return "\(subject), and a struct field can only be mapped with use_raw_jq"
            }
        case .noStageDiagram(let mapping, let recordType, let declaredAt):
            return "make_custom_stages in \(mapping) needs a stage_diagram, but record type \"\(recordType)\"\(declaredAt.cited) has none: add one to the metadata or use another method"
        }
    }
}
