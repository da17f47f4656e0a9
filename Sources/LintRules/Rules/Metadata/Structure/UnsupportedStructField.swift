import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let unsupportedStructField = RuleInfo(
        id: "unsupported-struct-field", group: .structure, severity: .error,
        docs: RuleDocs(
            what: "A struct type has a field of type reference, typed_reference or struct.",
            why: """
            "Using references and structs inside structs is currently not supported" (DevRev's \
            AirSync FAQ and chef-cli's tips): the fields of a struct type are mapped as plain \
            values, so a reference in a struct is never resolved and a nested struct is never \
            read.
            """,
            example: """
            "struct_types": {
              "address": { "fields": { "country": { "type": "reference", "reference": { "refers_to": { "#record:countries": {} } } } } }
            }
            """,
            fix: """
            Move the reference (or the nested struct's fields) up into the record type, or keep \
            the value as text in the struct.
            """))
}

struct UnsupportedStructFieldCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.unsupportedStructField] }

    static let unsupported: [FieldType] = [.reference, .typedReference, .struct]

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for structType in metadata.structTypes {
            for field in structType.fields {
                guard let type = field.type, Self.unsupported.contains(type) else { continue }
                sink.report(UnsupportedStructField(structType: structType.key, field: field.key, type: type),
                            at: field.typeRef ?? field.keyRef)
            }
        }
    }
}

public struct UnsupportedStructField: RuleViolation {
    public static var rule: RuleInfo { Rules.unsupportedStructField }
    public let structType: String
    public let field: String
    public let type: FieldType

    public var message: String {
        let what = type == .struct ? "structs inside structs" : "references inside structs"
        return "field \"\(field)\" of struct type \"\(structType)\" has type \"\(type.rawValue)\", but \(what) are not supported: move the field to the record type that holds the struct, or store the value as text"
    }
}
