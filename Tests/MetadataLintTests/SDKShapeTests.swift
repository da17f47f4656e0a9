import Foundation
import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintReport
@testable import LintRules
@testable import LintSource

/// Shapes DevRev's own SDK (@devrev/ts-adaas 1.20) writes or its 2026-04 schema allows must never be
/// errors. Each fixture in fixtures/sdk/ is one such shape, checked against exactly what may be said
/// about it (at most a warning where the shape leaves nothing to check).
@Suite struct SDKShapeTests {
    /// fixtures/sdk/metadata/<file>: the findings allowed, as "rule@line:column".
    static let metadataShapes: [(file: String, expected: [String])] = [
        // FieldReferenceData, "reserved for future use": {} on any field.
        ("field-reference-block.json", []),
        // EnumData is `object | null`: an enum with no values, so the empty-enum warning.
        ("null-enum-block.json", ["empty-enum@5:47"]),
        // CustomLinkData.link_direction_names is `Record | null`.
        ("null-link-direction-names.json", []),
        // StructData.key is optional; without it the values cannot be checked: a warning.
        ("struct-without-key.json", ["struct-field-without-key@5:50"]),
        // PermissionData.member_id and role are optional; role is a nullable EnumData.
        ("permission-optional-members.json", []),
        // The docs' authorization policy record type, with the schema's privilege type names.
        ("authorization-policy.json", []),
    ]

    @Test(arguments: metadataShapes.map(\.file))
    func metadataShapeIsAccepted(file: String) throws {
        let diagnostics = try TestSupport.validateFile(TestSupport.fixture("sdk/metadata/\(file)"))
        let expected = Self.metadataShapes.first { $0.file == file }?.expected ?? []
        #expect(TestSupport.summary(diagnostics) == expected)
        #expect(diagnostics.allSatisfy { $0.severity != .error })
    }

    /// ssor_attachment without actor_id (written only when the attachment has an author), a numeric
    /// attachments.grand_parent_id (older SDKs), items of a no_identifier record type with only data,
    /// privilege, type_key and sync unit values as the docs show them, an inline attachment mention.
    @Test func artifactShapesWrittenByTheSDKAreClean() throws {
        let directory = TestSupport.fixture("sdk/artifacts")
        let result = try ArtifactCheck.run(ArtifactCheck.Options(metadataPath: directory.appendingPathComponent("metadata.json").path,
                                                                 paths: [directory.path]))
        #expect(result.diagnostics.map { "\($0.rule) \($0.file):\($0.line) \($0.message)" } == [])
        #expect(result.recordCounts == ["users": 1, "groups": 1, "opportunities": 1, "access_rules": 4, "attachments": 2,
                                        "ssor_attachment": 2, "external_sync_units": 1])
    }

    /// A record type named like a reserved item type is an error in the metadata, and its items are
    /// still checked as what the platform reads them as: attachments.
    @Test func aRecordTypeNamedAttachmentsDoesNotHideTheAttachmentShape() throws {
        let directory = TestSupport.fixture("sdk/reserved-record-type")
        let result = try ArtifactCheck.run(ArtifactCheck.Options(metadataPath: directory.appendingPathComponent("metadata.json").path,
                                                                 paths: [directory.path]))
        #expect(result.diagnostics.map { "\($0.rule)@\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column)" } == [
            "attachment-shape@attachments.jsonl:2:1", "reserved-record-type@metadata.json:4:5",
        ])
        #expect(!result.metadataFailed)
        #expect(result.recordCounts == ["cards": 1, "attachments": 2])
    }
}
