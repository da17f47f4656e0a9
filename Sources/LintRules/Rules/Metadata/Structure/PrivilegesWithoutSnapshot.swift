import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let privilegesWithoutSnapshot = RuleInfo(
        id: "privileges-without-snapshot", group: .structure, severity: .warning,
        docs: RuleDocs(
            what: "A record type holds privilege fields but is not marked is_snapshot.",
            why: """
            Authorization policies (record types with record_type_privilege, field_privilege or \
            conditional_privilege fields) describe the whole current permission state: each sync \
            that provides them replaces every permission imported before. DevRev's docs say "only \
            record types that have the is_snapshot defined can be mapped to authorization \
            policies", so without "is_snapshot": true the privileges cannot be mapped.
            """,
            example: """
            "access_rules": {
              "fields": { "object_access": { "type": "record_type_privilege", "collection": {}, ... } }
            }
            """,
            fix: """
            Add "is_snapshot": true to the record type, and provide all of its items whenever \
            any permission changed.
            """))
}

struct PrivilegesWithoutSnapshotCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.privilegesWithoutSnapshot] }

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for type in metadata.recordTypes where type.isSnapshot != true {
            guard let field = type.fields.first(where: \.holdsPrivileges) else { continue }
            sink.report(PrivilegesWithoutSnapshot(recordType: type.key, field: field.key, setToFalse: type.isSnapshot == false),
                        at: type.keyRef)
        }
    }
}

public struct PrivilegesWithoutSnapshot: RuleViolation {
    public static var rule: RuleInfo { Rules.privilegesWithoutSnapshot }
    public let recordType: String
    /// A privilege field of the record type, for the message.
    public let field: String
    /// `"is_snapshot": false` was written (rather than left out).
    public let setToFalse: Bool

    public var message: String {
        "record type \"\(recordType)\" holds privileges (field \"\(field)\") but is \(setToFalse ? "marked \"is_snapshot\": false" : "not marked is_snapshot"): authorization policies can only be mapped from snapshot record types, add \"is_snapshot\": true"
    }
}
