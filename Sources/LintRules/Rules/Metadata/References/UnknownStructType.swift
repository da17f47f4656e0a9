import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let unknownStructType = RuleInfo(
        id: "unknown-struct-type", group: .reference, severity: .error,
        docs: RuleDocs(
            what: "A struct field's key names no entry of struct_types.",
            why: """
            A struct field holds an object shaped by a struct type, named by "struct": {"key": ...}. \
            The key must be declared under struct_types, or the field's values cannot be read.
            """,
            example: """
            "struct_types": { "address": { "fields": { "city": { "type": "text" } } } },
            "record_types": {
              "users": { "fields": {
                "home": { "type": "struct", "struct": { "key": "adress" } },
                "work": { "type": "struct", "struct": { "key": "address" } }
              } }
            }
            """,
            fix: """
            Declare the struct type or fix the key.
            """))
}

struct UnknownStructTypeCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.unknownStructType] }

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        let declared = metadata.structTypes.map(\.key)
        for (owner, field) in metadata.allFields {
            guard let key = field.structKey, !declared.contains(key.value) else { continue }
            sink.report(UnknownStructType(field: .field(field.key, of: owner), structType: key.value, declared: declared), at: key.ref)
        }
    }
}

public struct UnknownStructType: RuleViolation {
    public static var rule: RuleInfo { Rules.unknownStructType }
    public let field: Subject
    public let structType: String
    public let declared: [String]

    public var message: String {
        var message = "\(field) holds struct type \"\(structType)\", which is not declared in struct_types"
        if let suggestion = Suggest.didYouMean(structType, in: declared) {
            message += ": " + suggestion
        } else {
            message += ": add \"struct_types\": { \"\(structType)\": { \"fields\": {} } }"
        }
        return message
    }
}
