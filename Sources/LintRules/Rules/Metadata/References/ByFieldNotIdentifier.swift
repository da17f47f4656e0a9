import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let byFieldNotIdentifier = RuleInfo(
        id: "by-field-not-identifier", group: .reference, severity: .error,
        docs: RuleDocs(
            what: "A reference's by_field is not a field of the target marked is_identifier.",
            why: """
            When the external system refers to records by something other than their primary key, \
            such as a user's email, the reference says so with by_field. Airdrop resolves such a \
            reference by looking the value up in the target's by_field field, which must exist on \
            the target record type (on every record type of a #category: target) and be marked \
            "is_identifier": true. Otherwise the references cannot be resolved.
            """,
            example: """
            "users": {
              "fields": { "email": { "type": "text", "is_identifier": true }, "name": { "type": "text" } }
            },
            "comments": {
              "fields": {
                "author": { "type": "reference", "reference": { "refers_to": { "#record:users": { "by_field": "name" } } } }
              }
            }
            """,
            fix: """
            Add the field or the flag on the target, or fix the field name.
            """))
}

struct ByFieldNotIdentifierCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.byFieldNotIdentifier] }

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for (owner, field, spec) in metadata.allReferences {
            for target in spec.targets {
                guard let byField = target.byField else { continue }
                let targets = metadata.recordTypes(targetedBy: target)
                for type in targets {
                    if let identifier = type.field(byField.value) {
                        if !identifier.isIdentifier {
                            sink.report(ByFieldNotIdentifier.notIdentifier(
                                byField: byField.value, field: .field(field.key, of: owner), target: type.key,
                                line: sink.line(of: identifier.keyRef.offset)), at: byField.ref)
                        }
                    } else {
                        sink.report(ByFieldNotIdentifier.missing(
                            byField: byField.value, field: .field(field.key, of: owner), target: type.key,
                            targetFields: type.fields.map(\.key)), at: byField.ref)
                    }
                }
            }
        }
    }
}

public enum ByFieldNotIdentifier: RuleViolation {
    public static var rule: RuleInfo { Rules.byFieldNotIdentifier }

    /// The target has the field, but it is not marked is_identifier (declared on `line`).
    case notIdentifier(byField: String, field: Subject, target: String, line: Int)
    case missing(byField: String, field: Subject, target: String, targetFields: [String])

    public var message: String {
        switch self {
        case .notIdentifier(let byField, let field, let target, let line):
            return "by_field \"\(byField)\" of \(field) names field \"\(byField)\" of record type \"\(target)\", which is not marked is_identifier: add \"is_identifier\": true to it (line \(line))"
        case .missing(let byField, let field, let target, let targetFields):
            var message = "by_field \"\(byField)\" of \(field) names a field that record type \"\(target)\" does not have"
            if let suggestion = Suggest.didYouMean(byField, in: targetFields) {
                message += ": " + suggestion
            } else {
                message += ": declare it there with \"is_identifier\": true"
            }
            return message
        }
    }
}
