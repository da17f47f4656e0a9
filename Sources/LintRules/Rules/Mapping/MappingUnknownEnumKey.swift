import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingUnknownEnumKey = RuleInfo(
        id: "mapping-unknown-enum-key", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "A map_enum names an external enum value that the primary field does not have.",
            why: """
            map_enum's forward map is indexed by the keys of the external enum field, its \
            forward_default is one of those keys, and its reverse map turns DevRev values back \
            into them. A key the metadata does not declare never matches (the values it was meant \
            for stay unmapped) and a reverse value that is not a key writes an invalid value back \
            to the external system.
            """,
            example: """
            metadata:  "priority": { "type": "enum", "enum": { "values": [ { "key": "P-0" }, { "key": "P-1" } ] } }
            mapping:   "transformation_method_for_set": { "transformation_method": "map_enum",
                         "forward": { "P0": { "value": "blocker" }, "P-1": { "value": "high" } } }
            """,
            fix: """
            Use the enum keys exactly as the metadata declares them.
            """))
}

struct MappingUnknownEnumKeyCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingUnknownEnumKey] }

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for field in context.fields {
            guard case .mapEnum(let mapping)? = field.mapping.method?.parameters else { continue }
            for resolved in context.resolved(field) where resolved.field.type == .enum && resolved.field.enumValues != nil {
                let keys = resolved.field.enumKeys
                func report(_ value: String, _ role: MappingUnknownEnumKey.Role, _ ref: SourceRef) {
                    guard !keys.contains(value) else { return }
                    sink.report(MappingUnknownEnumKey(value: value, role: role, mapping: field.subject, field: resolved.field.key,
                                                      recordType: resolved.recordType.key,
                                                      declaredAt: context.place(resolved.field.keyRef), keys: keys), at: ref)
                }
                for pair in mapping.forward { report(pair.key, .forwardKey, pair.keyRef) }
                if let fallback = mapping.forwardDefault { report(fallback.value, .forwardDefault, fallback.ref) }
                for pair in mapping.reverse {
                    if let value = pair.value { report(value.value, .reverseValue, value.ref) }
                }
            }
        }
    }
}

public struct MappingUnknownEnumKey: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingUnknownEnumKey }

    public enum Role: Sendable {
        case forwardKey, forwardDefault, reverseValue
    }

    public let value: String
    public let role: Role
    public let mapping: MappingSubject
    public let field: String
    public let recordType: String
    public let declaredAt: FilePlace?
    public let keys: [String]

    public var message: String {
        let what: String
        switch role {
        case .forwardKey: what = "forward key"
        case .forwardDefault: what = "forward_default"
        case .reverseValue: what = "reverse value"
        }
        var message = "\(what) \"\(value)\" of \(mapping) is not a value of enum field \"\(field)\" of record type \"\(recordType)\"\(declaredAt.cited)"
        if let suggestion = Suggest.didYouMean(value, in: keys) {
            message += ": " + suggestion
        } else {
            message += ": its values are " + keys.map { "\"\($0)\"" }.joined(separator: ", ")
        }
        return message
    }
}
