import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let mappingAuthorizationPolicy = RuleInfo(
        id: "mapping-authorization-policy", group: .mapping, severity: .error,
        docs: RuleDocs(
            what: "An authorization-policy mapping has reverse: true, or maps a record type that is not a snapshot.",
            why: """
            DevRev's docs on permissions: authorization policies (the unified_authorization_policy \
            leaf type, once airdrop_authorization_policy) are synced one way only, into DevRev, and \
            the record type that carries them must be is_snapshot: true, since each extraction \
            states the complete set of policies.
            """,
            example: """
            metadata:  "roles": { "fields": { ... } }
            mapping:   "roles": { "possible_record_type_mappings": [
                         { "devrev_leaf_type": "unified_authorization_policy", "forward": true, "reverse": true } ] }
            """,
            fix: """
            Set reverse to false, and "is_snapshot": true on the record type.
            """))
}

struct MappingAuthorizationPolicyCheck: MappingCheck {
    var rules: [RuleInfo] { [Rules.mappingAuthorizationPolicy] }

    static let leafTypes: Set<String> = ["unified_authorization_policy", "airdrop_authorization_policy"]

    func check(_ context: MappingContext, _ sink: inout DiagnosticSink) {
        for entry in context.mapping.entries {
            for option in entry.options {
                guard let leafType = option.leafType, Self.leafTypes.contains(leafType) else { continue }
                let subject = MappingWalk.subject(of: option, in: entry)
                if let reverse = option.reverse, reverse.value {
                    sink.report(MappingAuthorizationPolicy.reverse(option: subject), at: reverse.ref)
                }
                for type in context.recordTypes(of: entry) where type.isSnapshot != true {
                    sink.report(MappingAuthorizationPolicy.notSnapshot(option: subject, recordType: type.key,
                                                                       declaredAt: context.place(type.keyRef)),
                                at: option.leafTypeName?.ref ?? option.ref)
                }
            }
        }
    }
}

public enum MappingAuthorizationPolicy: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingAuthorizationPolicy }

    case reverse(option: MappingSubject)
    case notSnapshot(option: MappingSubject, recordType: String, declaredAt: FilePlace?)

    public var message: String {
        switch self {
        case .reverse(let option):
            return "\(option) maps authorization policies, which sync one way only: set reverse to false"
        case .notSnapshot(let option, let recordType, let declaredAt):
            return "\(option) maps authorization policies, so record type \"\(recordType)\"\(declaredAt.cited) must be a snapshot: set \"is_snapshot\": true on it"
        }
    }
}
