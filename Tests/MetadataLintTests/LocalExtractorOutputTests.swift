import Foundation
import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintRules
@testable import LintSource

/// The SDK's local development mode writes `extracted_files/extractor_<item_type>_<ms>.jsonl` and the
/// metadata it pushes as `extractor_external_domain_metadata_<ms>.json` (one minified line): one
/// directory holds both, and check-artifacts checks it in one command.
@Suite struct LocalExtractorOutputTests {
    static let stamp = #""created_date": "2024-01-01T10:00:00Z", "modified_date": "2024-01-02T10:00:00Z""#

    static func write(_ text: String, _ name: String, in directory: URL) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    @Test func theExtractorsMetadataIsValidatedInItsOwnFileAndTheDataCheckedAgainstIt() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A reserved field: an error in the metadata that leaves a model, so the data are checked too.
        try Self.write(#"{"record_types":{"users":{"fields":{"id":{"type":"text"},"email":{"type":"text","is_required":true}}}}}"# + "\n",
                       "extractor_external_domain_metadata_1716000000000.json", in: directory)
        try Self.write("{\"id\": \"u1\", \(Self.stamp), \"data\": {}}\n", "extractor_users_1716000000001.jsonl", in: directory)
        let result = try ArtifactCheck.run(ArtifactCheck.Options(metadataPath: nil, paths: [directory.path]))
        let copy = directory.appendingPathComponent("extractor_external_domain_metadata_1716000000000.json").path
        #expect(result.diagnostics.map { "\($0.rule)@\($0.file == copy ? "copy" : URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column)" } == [
            "reserved-field-name@copy:1:37", "missing-required-field@extractor_users_1716000000001.jsonl:1:103",
        ])
        #expect(result.recordCounts == ["users": 1])
        #expect(result.sources[copy] != nil, "the copy is held for snippets")
    }

    @Test func theNewestOfSeveralCopiesIsUsedWithANote() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write(#"{"record_types":{"users":{"fields":{}}}}"#, "extractor_external_domain_metadata_9.json", in: directory)
        try Self.write(#"{"record_types":{"users":{"fields":{"email":{"type":"text"}}}}}"#,
                       "extractor_external_domain_metadata_10.json", in: directory)
        try Self.write("{\"id\": \"u1\", \(Self.stamp), \"data\": {\"email\": \"a@x\"}}\n", "extractor_users_11.jsonl", in: directory)
        let result = try ArtifactCheck.run(ArtifactCheck.Options(metadataPath: nil, paths: [directory.path]))
        // 10 is newer than 9 (numbers, not names, are compared): its "email" is declared.
        #expect(result.diagnostics.map(\.rule) == ["metadata-copy-chosen"])
        #expect(result.diagnostics.first?.file.hasSuffix("extractor_external_domain_metadata_10.json") == true)
        #expect(result.diagnostics.first?.message.contains("extractor_external_domain_metadata_9.json") == true)
    }

    @Test func withoutMetadataAndWithoutACopyItIsAUsageErrorNamingTheOption() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write("{\"id\": \"u1\", \(Self.stamp), \"data\": {}}\n", "users.jsonl", in: directory)
        #expect(throws: InputError.self) { try ArtifactCheck.run(ArtifactCheck.Options(metadataPath: nil, paths: [directory.path])) }
        do {
            _ = try ArtifactCheck.run(ArtifactCheck.Options(metadataPath: nil, paths: [directory.path]))
        } catch {
            #expect(error.description.contains("--metadata"))
        }
    }

    @Test func aCopyThatDiffersInValueIsAWarningAndLayoutIsNot() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let given = directory.appendingPathComponent("external_domain_metadata.json")
        try Data("{\n  \"record_types\": { \"users\": { \"fields\": { \"n\": { \"type\": \"float\", \"float\": { \"max\": 10 } } } } }\n}\n".utf8)
            .write(to: given)
        let data = directory.appendingPathComponent("extracted_files")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Self.write("{\"id\": \"u1\", \(Self.stamp), \"data\": {\"n\": 3}}\n", "extractor_users_2.jsonl", in: data)
        // Same values: other key order, no whitespace, 10.0 for 10.
        try Self.write(#"{"record_types":{"users":{"fields":{"n":{"float":{"max":10.0},"type":"float"}}}}}"#,
                       "extractor_external_domain_metadata_1.json", in: data)
        var options = ArtifactCheck.Options(metadataPath: given.path, paths: [data.path])
        #expect(try ArtifactCheck.run(options).diagnostics.isEmpty)
        try Self.write(#"{"record_types":{"users":{"fields":{"n":{"float":{"max":20},"type":"float"}}}}}"#,
                       "extractor_external_domain_metadata_1.json", in: data)
        options = ArtifactCheck.Options(metadataPath: given.path, paths: [data.path])
        let result = try ArtifactCheck.run(options)
        #expect(result.diagnostics.map { "\($0.rule)@\($0.line):\($0.column) \($0.pointer)" } == [
            "metadata-copy-differs@1:57 /record_types/users/fields/n/float/max",
        ])
        #expect(result.warnings == 1 && result.errors == 0)
    }

    @Test func aGzippedMetadataArtifactIsReadAsMetadata() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = directory.appendingPathComponent("external_domain_metadata.jsonl")
        try Data(#"{"record_types":{"users":{"fields":{"email":{"type":"txt"}}}}}"#.utf8).write(to: plain)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = [plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        try Self.write("{\"id\": \"u1\", \(Self.stamp), \"data\": {\"email\": \"a@x\"}}\n", "users.jsonl", in: directory)
        let result = try ArtifactCheck.run(ArtifactCheck.Options(metadataPath: nil, paths: [directory.path]))
        #expect(result.diagnostics.map { "\($0.rule)@\($0.line):\($0.column)" } == ["unknown-field-type@1:53"])
        #expect(result.recordCounts == ["users": 1])
    }
}
