import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let unknownStructType = RuleInfo(
        id: "unknown-struct-type", group: .reference, severity: .error,
        summary: "A struct field's key names no entry of struct_types.",
        explanation: """
        A struct field holds an object shaped by a struct type, named by "struct": {"key": ...}. \
        The key must be declared under struct_types, or the field's values cannot be read. Declare \
        the struct type or fix the key.
        """)
}

struct UnknownStructTypeCheck: MetadataCheck {
    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        let declared = metadata.structTypes.map(\.key)
        for (owner, field) in metadata.allFields {
            guard let key = field.structKey, !declared.contains(key.value) else { continue }
            var message = "field \"\(field.key)\" of \(owner) holds struct type \"\(key.value)\", which is not declared in struct_types"
            if let suggestion = Suggest.didYouMean(key.value, in: declared) {
                message += ": " + suggestion
            } else {
                message += ": add \"struct_types\": { \"\(key.value)\": { \"fields\": {} } }"
            }
            sink.report(Rules.unknownStructType, at: key.ref, message)
        }
    }
}
