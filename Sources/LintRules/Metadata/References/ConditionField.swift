import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let conditionField = RuleInfo(
        id: "condition-field", group: .reference, severity: .error,
        summary: "A condition names a field the record type does not have, or names one twice.",
        explanation: """
        A record type's conditions are keyed by a controlling field and list affected_fields; all \
        of them must be fields of the same record type, and affected_fields must not repeat a name \
        (the schema requires unique items). A condition on a field that does not exist never \
        applies. Fix the field name or declare the field.
        """)
}

struct ConditionFieldCheck: MetadataCheck {
    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for type in metadata.recordTypes {
            let names = type.fields.map(\.key)
            for group in type.conditions {
                if !names.contains(group.controllingField) {
                    sink.report(Rules.conditionField, at: group.keyRef,
                                "conditions of record type \"\(type.key)\" are keyed by \"\(group.controllingField)\", which is not one of its fields\(Self.hint(group.controllingField, names))")
                }
                for condition in group.conditions {
                    var seen: Set<String> = []
                    for affected in condition.affectedFields {
                        if !seen.insert(affected.value).inserted {
                            sink.report(Rules.conditionField, at: affected.ref,
                                        "\"\(affected.value)\" is listed twice in affected_fields: remove the repeat")
                        } else if !names.contains(affected.value) {
                            sink.report(Rules.conditionField, at: affected.ref,
                                        "affected field \"\(affected.value)\" is not a field of record type \"\(type.key)\"\(Self.hint(affected.value, names))")
                        }
                    }
                }
            }
        }
    }

    static func hint(_ name: String, _ names: [String]) -> String {
        Suggest.didYouMean(name, in: names).map { ": " + $0 } ?? ": declare it or fix the name"
    }
}
