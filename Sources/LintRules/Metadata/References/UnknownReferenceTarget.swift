import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let unknownReferenceTarget = RuleInfo(
        id: "unknown-reference-target", group: .reference, severity: .error,
        summary: "A refers_to key is malformed or names a record type or category that does not exist.",
        explanation: """
        Every key of refers_to is "#record:<record type>" or "#category:<category>", and the record \
        type or category must be declared in the same file. A reference to "#record:user" when the \
        record type is "users" can never resolve: every such reference in the data fails to map. \
        Fix the name (the message suggests the closest one) or declare the target.
        """)
}

extension Metadata {
    /// Every reference block: reference and typed_reference fields and permission members.
    package var allReferences: [(owner: String, field: Field, spec: ReferenceSpec)] {
        allFields.flatMap { owner, field in
            [field.reference, field.permissionMember].compactMap { $0 }.map { (owner, field, $0) }
        }
    }
}

struct UnknownReferenceTargetCheck: MetadataCheck {
    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        let types = metadata.recordTypes.map(\.key)
        let categories = metadata.categories.map(\.key)
        for (owner, field, spec) in metadata.allReferences {
            for target in spec.targets {
                let what = "reference \"\(target.raw)\" of field \"\(field.key)\" of \(owner)"
                switch target.kind {
                case .malformed:
                    var fix = "write \"#record:<record type>\" or \"#category:<category>\""
                    if types.contains(target.raw) { fix = "write \"#record:\(target.raw)\"" }
                    else if categories.contains(target.raw) { fix = "write \"#category:\(target.raw)\"" }
                    sink.report(Rules.unknownReferenceTarget, at: target.keyRef,
                                "\(what) does not start with #record: or #category:: \(fix)")
                case .record(let name) where !types.contains(name):
                    sink.report(Rules.unknownReferenceTarget, at: target.keyRef,
                                "\(what) names record type \"\(name)\", which is not declared\(Self.hint(name, types, categories, isRecord: true))")
                case .category(let name) where !categories.contains(name):
                    sink.report(Rules.unknownReferenceTarget, at: target.keyRef,
                                "\(what) names category \"\(name)\", which is not declared in record_type_categories\(Self.hint(name, categories, types, isRecord: false))")
                default:
                    break
                }
            }
        }
    }

    static func hint(_ name: String, _ same: [String], _ other: [String], isRecord: Bool) -> String {
        if let suggestion = Suggest.didYouMean(name, in: same, prefix: isRecord ? "#record:" : "#category:") {
            return ": " + suggestion
        }
        if other.contains(name) {
            return ": \"\(name)\" is a \(isRecord ? "category" : "record type"), write \"\(isRecord ? "#category:" : "#record:")\(name)\""
        }
        return ": declare it or fix the name"
    }
}
