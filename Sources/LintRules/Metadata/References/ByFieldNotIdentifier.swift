import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let byFieldNotIdentifier = RuleInfo(
        id: "by-field-not-identifier", group: .reference, severity: .error,
        summary: "A reference's by_field is not a field of the target marked is_identifier.",
        explanation: """
        When the external system refers to records by something other than their primary key, \
        such as a user's email, the reference says so with by_field. Airdrop resolves such a \
        reference by looking the value up in the target's by_field field, which must exist on the \
        target record type (on every record type of a #category: target) and be marked \
        "is_identifier": true. Otherwise the references cannot be resolved. Add the field or the \
        flag on the target, or fix the field name.
        """)
}

struct ByFieldNotIdentifierCheck: MetadataCheck {
    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for (owner, field, spec) in metadata.allReferences {
            for target in spec.targets {
                guard let byField = target.byField else { continue }
                let targets = metadata.recordTypes(targetedBy: target)
                let what = "by_field \"\(byField.value)\" of field \"\(field.key)\" of \(owner)"
                for type in targets {
                    if let identifier = type.field(byField.value) {
                        if !identifier.isIdentifier {
                            let line = sink.source.lines.line(of: identifier.keyRef.offset)
                            sink.report(Rules.byFieldNotIdentifier, at: byField.ref,
                                        "\(what) names field \"\(byField.value)\" of record type \"\(type.key)\", which is not marked is_identifier: add \"is_identifier\": true to it (line \(line))")
                        }
                    } else {
                        var message = "\(what) names a field that record type \"\(type.key)\" does not have"
                        if let suggestion = Suggest.didYouMean(byField.value, in: type.fields.map(\.key)) {
                            message += ": " + suggestion
                        } else {
                            message += ": declare it there with \"is_identifier\": true"
                        }
                        sink.report(Rules.byFieldNotIdentifier, at: byField.ref, message)
                    }
                }
            }
        }
    }
}
