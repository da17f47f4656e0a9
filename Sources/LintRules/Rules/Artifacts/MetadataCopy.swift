import LintModel
import LintSupport

extension Rules {
    public static let metadataCopyDiffers = RuleInfo(
        id: "metadata-copy-differs", group: .artifact, severity: .warning,
        docs: RuleDocs(
            what: "The metadata the extractor wrote beside its data differs from the file given with --metadata.",
            why: """
            The SDK's local development mode writes the metadata it pushes as \
            extractor_external_domain_metadata_<ms>.json beside the data. When check-artifacts is \
            given --metadata as well, the data are checked against --metadata; if the extractor \
            actually pushes different metadata, the check answers the wrong question. Values are \
            compared, not bytes: key order and formatting do not matter.
            """,
            example: """
            check-artifacts --metadata external_domain_metadata.json extracted_files/
            (extracted_files/extractor_external_domain_metadata_1715000000000.json declares another field)
            """,
            fix: """
            Leave out --metadata to check the data against what the extractor pushed, or bring the \
            two files back in line.
            """))

    public static let metadataCopyChosen = RuleInfo(
        id: "metadata-copy-chosen", group: .artifact, severity: .note,
        docs: RuleDocs(
            what: "Several extractor_external_domain_metadata files were found; the newest was used.",
            why: """
            Without --metadata, check-artifacts checks the data against the metadata the extractor \
            wrote beside them. Each local run writes a new extractor_external_domain_metadata_<ms>.json, \
            so a directory often holds several; the one with the largest number (the latest run) \
            is used, and this note names it. Every copy is still validated as metadata.
            """,
            example: """
            extracted_files/extractor_external_domain_metadata_1715000000000.json
            extracted_files/extractor_external_domain_metadata_1716000000000.json
            """,
            fix: """
            Remove the output of earlier runs, or pass --metadata to choose.
            """))
}

public struct MetadataCopyDiffers: RuleViolation {
    public static var rule: RuleInfo { Rules.metadataCopyDiffers }
    /// The file given with --metadata.
    public let metadataPath: String
    /// Where the two first differ (a JSON pointer, "" for the root).
    public let pointer: String

    public init(metadataPath: String, pointer: String) {
        self.metadataPath = metadataPath
        self.pointer = pointer
    }

    public var message: String {
        "this metadata, which the extractor pushed, differs from --metadata \(metadataPath) at \(pointer.isEmpty ? "the root" : pointer): the data were checked against \(metadataPath); leave out --metadata to check them against this file"
    }
}

public struct MetadataCopyChosen: RuleViolation {
    public static var rule: RuleInfo { Rules.metadataCopyChosen }
    /// The other copies, oldest first.
    public let others: [String]

    public init(others: [String]) { self.others = others }

    public var message: String {
        "the data were checked against this metadata, the newest of \(others.count + 1) extractor_external_domain_metadata files (also found: \(others.joined(separator: ", "))): pass --metadata to choose another"
    }
}
