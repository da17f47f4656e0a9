import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let devrevReferenceTarget = RuleInfo(
        id: "devrev-reference-target", group: .mapping, severity: .warning,
        docs: RuleDocs(
            what: "A DevRev reference field is fed records of a leaf type it does not accept.",
            why: """
            A DevRev reference field accepts only certain leaf types (owned_by_ids: users; \
            applies_to_part_id: parts). When an external reference is copied into it, the records \
            it points to are imported as whatever their own record type is mapped to; if that \
            leaf type is not accepted, every such reference fails. The same holds for \
            use_devrev_record's leaf type and filter_typed_reference's allowed types. Categories \
            come from the table's hierarchy (user: devu, revu, sysu; inferred). Checked against \
            DevRev's published table, whose date the message cites.
            """,
            example: """
            metadata:  "owner": { "type": "reference", "reference": { "refers_to": { "#record:teams": { } } } }
                       ("teams" is mapped to the leaf type "group")
            mapping:   "owned_by_ids": { "forward": true, "reverse": false, "primary_external_field": "owner",
                                         "transformation_method_for_set": { "transformation_method": "use_as_array_value" } }
            """,
            fix: """
            Map the referenced record type to a leaf type the field accepts, or map another field.
            """))
}

struct DevRevReferenceTargetCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.devrevReferenceTarget] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        guard let table = context.table else { return }
        for field in context.fields {
            guard let target = context.devrevField(field), target.type == .reference, !target.targets.isEmpty,
                  let method = field.mapping.method else { continue }
            func accepted(_ leafType: String, custom: Bool) -> Bool {
                target.targets.contains { table.target($0, accepts: leafType, isCustom: custom) }
            }
            func report(_ leafType: String, _ source: DevRevReferenceTarget.Source, _ ref: SourceRef) {
                sink.report(DevRevReferenceTarget(leafType: leafType, source: source, mapping: field.subject, target: target.name,
                                                  accepts: target.targets, tableDate: table.date), at: ref)
            }
            switch method.parameters {
            case .devrevRecord(let choice):
                if let leafType = choice.leafType, let name = leafType.objectType, !accepted(name.value, custom: leafType.isCustom) {
                    report(name.value, .devrevRecord, name.ref)
                }
            case .filterTypedReference(let filter):
                for leafType in filter.allowedTypes {
                    if let name = leafType.objectType, !accepted(name.value, custom: leafType.isCustom) {
                        report(name.value, .allowedType, name.ref)
                    }
                }
            default:
                break
            }
            guard method.kind == .useDirectly || method.kind == .useAsArrayValue, let primary = field.mapping.primaryField,
                  let metadata = context.metadata else { continue }
            var reported: Set<String> = []
            for resolved in context.resolved(field) {
                for externalTarget in resolved.field.reference?.targets ?? [] {
                    for recordType in metadata.recordTypes(targetedBy: externalTarget) {
                        // Leaf types the table does not know are devrev-unknown-leaf-type's to report.
                        for (leafType, custom) in offeredLeafTypes(of: recordType, in: context)
                        where (custom || table.leafType(leafType) != nil) && !accepted(leafType, custom: custom)
                            && reported.insert("\(recordType.key) \(leafType)").inserted {
                            report(leafType, .referencedType(recordType.key), primary.ref)
                        }
                    }
                }
            }
        }
    }

    /// The leaf types a record type may be mapped to: its own entry's, else its category's.
    func offeredLeafTypes(of recordType: RecordType, in context: MappingContext) -> [(String, Bool)] {
        let entries = context.mapping.recordTypeEntries.filter { $0.key == recordType.key }
        let chosen = entries.isEmpty
            ? context.mapping.categoryEntries.filter { $0.key == recordType.category?.value } : entries
        var result: [(String, Bool)] = []
        for entry in chosen {
            for option in entry.options {
                if let leafType = option.leafType, !result.contains(where: { $0.0 == leafType }) {
                    result.append((leafType, option.isCustomObject))
                }
            }
        }
        return result
    }
}

public struct DevRevReferenceTarget: RuleViolation {
    public static var rule: RuleInfo { Rules.devrevReferenceTarget }

    public enum Source: Sendable {
        case devrevRecord, allowedType
        /// The external record type a reference points to, mapped to the leaf type.
        case referencedType(String)
    }

    public let leafType: String
    public let source: Source
    public let mapping: MappingSubject
    public let target: String
    public let accepts: [String]
    public let tableDate: String

    public var message: String {
        let accepted = accepts.joined(separator: " ")
        let head: String
        switch source {
        case .devrevRecord: head = "use_devrev_record in \(mapping) names leaf type \"\(leafType)\""
        case .allowedType: head = "filter_typed_reference in \(mapping) allows leaf type \"\(leafType)\""
        case .referencedType(let recordType):
            head = "\(mapping) copies references to record type \"\(recordType)\", which may be mapped to \"\(leafType)\""
        }
        return "\(head), but the field accepts only \(accepted): map to a leaf type it accepts (DevRev's object table of \(tableDate))"
    }
}
