import LintModel
import LintSupport

extension Rules {
    public static let unknownItemType = RuleInfo(
        id: "unknown-item-type", group: .artifact, severity: .error,
        docs: RuleDocs(
            what: "An artifact's item type, from --item-type or its file name, is not declared.",
            why: """
            Each artifact carries one item type, which must be a record type of the metadata or a \
            reserved item type (attachments, ssor_attachment, external_sync_units, \
            external_domain_metadata). check-artifacts reads it from --item-type or from the file \
            name (<type>.jsonl, <type>.jsonl.gz, extractor_<type>_<digits>.jsonl, \
            <type>-<n>.jsonl.gz, <type>_<n>.jsonl). Airdrop drops data whose item type it does not \
            know.
            """,
            example: """
            external_domain_metadata.json:
              "record_types": { "users": { "fields": {} }, "epics": { "fields": {} } }
            tasks.jsonl:
              {"id": "t1", "created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-01T10:00:00Z", "data": {}}
            """,
            fix: """
            Rename the file, pass --item-type, or declare the record type.
            """))
}

public struct UnknownItemType: RuleViolation {
    public static var rule: RuleInfo { Rules.unknownItemType }
    /// The `--item-type` given, else nil (the type came from the file name).
    public let given: String?
    public let fileName: String
    public let known: [String]

    public init(given: String?, fileName: String, known: [String]) {
        self.given = given
        self.fileName = fileName
        self.known = known
    }

    public var message: String {
        let source = given.map { "--item-type \"\($0)\" is" } ?? "the file name \"\(fileName)\" fits"
        return "\(source) no declared item type: name the file <type>.jsonl[.gz] or pass --item-type, with <type> one of \(known.joined(separator: ", "))"
    }
}
