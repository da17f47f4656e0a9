import LintModel
import LintJSON
import LintSource
import LintSupport

extension Rules {
    /// Reported by MappingValidator, which knows why there is no metadata.
    public static let mappingChecksSkipped = RuleInfo(
        id: "mapping-checks-skipped", group: .mapping, severity: .note,
        docs: RuleDocs(
            what: "A mapping file was checked without its metadata, so the checks against it were skipped.",
            why: """
            Most mistakes in a mapping are disagreements with external_domain_metadata.json: \
            record types and fields that do not exist, enum keys, methods applied to fields of the \
            wrong type, reverse mappings of record types that are not loadable. Without the \
            metadata only the mapping's own structure, its jq programs and DevRev's object table \
            can be checked; the note says so, so a clean result is not mistaken for a full one.
            """,
            example: """
            $ metadata-lint validate somewhere/initial_domain_mapping.json
            (no external_domain_metadata.json beside it, no --metadata)
            """,
            fix: """
            Put the mapping beside its external_domain_metadata.json, or pass --metadata FILE.
            """))
}

public struct MappingChecksSkipped: RuleViolation {
    public static var rule: RuleInfo { Rules.mappingChecksSkipped }

    public enum Reason: Sendable, Equatable {
        /// No metadata file at this path (the one beside the mapping).
        case noMetadata(expected: String)
        /// The metadata file is not JSON.
        case metadataNotJSON(path: String)
        /// The mapping came from standard input.
        case standardInput
    }

    public let reason: Reason

    public init(reason: Reason) {
        self.reason = reason
    }

    public var message: String {
        let skipped = "the checks against the metadata (record types, fields, enum keys, loadability) were skipped"
        switch reason {
        case .noMetadata(let expected):
            return "\(skipped): there is no \(expected); pass --metadata FILE"
        case .metadataNotJSON(let path):
            return "\(skipped): \(path) is not valid JSON; fix it first"
        case .standardInput:
            return "\(skipped): a mapping read from standard input has no metadata beside it; pass --metadata FILE"
        }
    }
}
