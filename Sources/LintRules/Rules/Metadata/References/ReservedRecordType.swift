import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    public static let reservedRecordType = RuleInfo(
        id: "reserved-record-type", group: .reference, severity: .error,
        docs: RuleDocs(
            what: "A record type is named like a reserved item type (attachments, ssor_attachment, external_sync_units, external_domain_metadata).",
            why: """
            A record type's key is the item_type of the artifacts that carry its records, and four \
            item types are reserved: the platform and the SDK treat attachments, ssor_attachment, \
            external_sync_units and external_domain_metadata items specially, with shapes of their \
            own. A record type with one of these names collides with them: a real Trello snap-in \
            declared "attachments", and then every attachment item it uploaded was read against \
            its record type and looked malformed. check-artifacts keeps checking such items as the \
            reserved type.
            """,
            example: """
            "record_types": {
              "attachments": { "fields": { "card": { "type": "reference", ... } } }
            }
            """,
            fix: """
            Rename the record type (for example "card_attachments") and the item_type of its \
            artifacts; attachment metadata needs no record type, its shape is fixed.
            """))
}

/// The item types the platform reserves: never names of record types.
public enum ReservedItemTypes {
    public static let all = ["external_domain_metadata", "attachments", "external_sync_units", "ssor_attachment"]
}

struct ReservedRecordTypeCheck: MetadataCheck {
    var rules: [RuleInfo] { [Rules.reservedRecordType] }

    func check(_ metadata: Metadata, _ sink: inout DiagnosticSink) {
        for type in metadata.recordTypes where ReservedItemTypes.all.contains(type.key) {
            sink.report(ReservedRecordType(recordType: type.key), at: type.keyRef)
        }
    }
}

public struct ReservedRecordType: RuleViolation {
    public static var rule: RuleInfo { Rules.reservedRecordType }
    public let recordType: String

    public init(recordType: String) { self.recordType = recordType }

    public var message: String {
        let fixedShape = ["attachments", "ssor_attachment"].contains(recordType)
            ? " (attachment items have a fixed shape and need no record type)" : ""
        return "record type \"\(recordType)\" has the name of a reserved item type, whose items the platform reads with a fixed shape: rename the record type and the item_type of its artifacts\(fixedShape)"
    }
}
