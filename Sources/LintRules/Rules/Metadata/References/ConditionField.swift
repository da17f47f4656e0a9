import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let conditionField = RuleInfo(
        id: "condition-field", group: .reference, severity: .error,
        docs: RuleDocs(
            what: "A condition names a field the record type does not have, or names one twice.",
            why: """
            A record type's conditions are keyed by a controlling field and list affected_fields; \
            all of them must be fields of the same record type, and affected_fields must not repeat \
            a name (the schema requires unique items). A condition on a field that does not exist \
            never applies.
            """,
            example: """
            "fields": {
              "status": { "type": "enum", "enum": { "values": [ { "key": "open" }, { "key": "done" } ] } },
              "resolution": { "type": "text" }
            },
            "conditions": {
              "status": [ { "value": "done", "comparator": "eq", "affected_fields": ["resolutoin"], "effect": "show" } ]
            }
            """,
            fix: """
            Fix the field name or declare the field.
            """))
}

struct ConditionFieldCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.conditionField] }

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for type in metadata.recordTypes {
            let names = type.fields.map(\.key)
            for group in type.conditions {
                if !names.contains(group.controllingField) {
                    sink.report(ConditionField.unknownControllingField(group.controllingField, recordType: type.key, fields: names),
                                at: group.keyRef)
                }
                for condition in group.conditions {
                    var seen: Set<String> = []
                    for affected in condition.affectedFields {
                        if !seen.insert(affected.value).inserted {
                            sink.report(ConditionField.repeatedAffectedField(affected.value), at: affected.ref)
                        } else if !names.contains(affected.value) {
                            sink.report(ConditionField.unknownAffectedField(affected.value, recordType: type.key, fields: names),
                                        at: affected.ref)
                        }
                    }
                }
            }
        }
    }
}

public enum ConditionField: RuleViolation {
    public static var rule: RuleInfo { Rules.conditionField }

    case unknownControllingField(String, recordType: String, fields: [String])
    case repeatedAffectedField(String)
    case unknownAffectedField(String, recordType: String, fields: [String])

    public var message: String {
        switch self {
        case .unknownControllingField(let name, let recordType, let fields):
            return "conditions of record type \"\(recordType)\" are keyed by \"\(name)\", which is not one of its fields\(Self.hint(name, fields))"
        case .repeatedAffectedField(let name):
            return "\"\(name)\" is listed twice in affected_fields: remove the repeat"
        case .unknownAffectedField(let name, let recordType, let fields):
            return "affected field \"\(name)\" is not a field of record type \"\(recordType)\"\(Self.hint(name, fields))"
        }
    }

    /// ": did you mean …?" or how to fix a name that matches no field.
    static func hint(_ name: String, _ names: [String]) -> String {
        Suggest.didYouMean(name, in: names).map { ": " + $0 } ?? ": declare it or fix the name"
    }
}
