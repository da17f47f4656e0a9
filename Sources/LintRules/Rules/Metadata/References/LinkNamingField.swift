import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let linkNamingField = RuleInfo(
        id: "link-naming-field", group: .reference, severity: .error,
        docs: RuleDocs(
            what: "link_naming_data's link_type_field is not an enum field of the record type, or a link_direction_names key is not one of its keys.",
            why: """
            link_naming_data names the field that holds each link's type (link_type_field) and the \
            forward and backward names of each link type (link_direction_names). DevRev's docs \
            ("Declare custom link types") require link_type_field to be an enum field of the same \
            record type: its values are the link types, and their names become the link types' \
            names. Every key of link_direction_names must be one of those enum keys, or it names a \
            link type no link can have.
            """,
            example: """
            "fields": { "type": { "type": "text" } },
            "link_naming_data": { "link_type_field": "type", "link_direction_names": { "blocks": { ... } } }
            """,
            fix: """
            Declare link_type_field as an enum whose keys are the link types, and key \
            link_direction_names by those keys.
            """))
}

struct LinkNamingFieldCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.linkNamingField] }

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for type in metadata.recordTypes {
            guard let naming = type.linkNaming, let name = naming.linkTypeField else { continue }
            guard let field = type.field(name.value) else {
                sink.report(LinkNamingField.notAField(name.value, recordType: type.key, fields: type.fields.map(\.key)), at: name.ref)
                continue
            }
            guard field.type == .enum else {
                if let fieldType = field.type {
                    sink.report(LinkNamingField.notEnum(name.value, recordType: type.key, type: fieldType), at: name.ref)
                }
                continue
            }
            guard field.enumValues != nil else { continue }
            let keys = field.enumKeys
            for linkType in naming.directionNames where !keys.contains(linkType.value) {
                sink.report(LinkNamingField.unknownLinkType(linkType.value, field: name.value, keys: keys), at: linkType.ref)
            }
        }
    }
}

public enum LinkNamingField: RuleViolation {
    public static var rule: RuleInfo { Rules.linkNamingField }

    case notAField(String, recordType: String, fields: [String])
    case notEnum(String, recordType: String, type: FieldType)
    /// A key of link_direction_names that is not a key of the link_type_field's enum.
    case unknownLinkType(String, field: String, keys: [String])

    public var message: String {
        switch self {
        case .notAField(let field, let recordType, let fields):
            return "link_type_field \"\(field)\" is not a field of record type \"\(recordType)\"\(ConditionField.hint(field, fields))"
        case .notEnum(let field, let recordType, let type):
            return "link_type_field \"\(field)\" of record type \"\(recordType)\" has type \"\(type.rawValue)\", but link types are the keys of an enum: declare \"\(field)\" as an enum of the link types"
        case .unknownLinkType(let key, let field, let keys):
            let others = keys.isEmpty ? "" : "use one of \(keys.map { "\"\($0)\"" }.joined(separator: ", ")), or "
            let hint = Suggest.didYouMean(key, in: keys) ?? "\(others)add \"\(key)\" to the enum"
            return "link_direction_names has link type \"\(key)\", which is not a key of the enum \"\(field)\": \(hint)"
        }
    }
}
