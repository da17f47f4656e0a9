import Foundation
import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintJSON
@testable import LintRules
@testable import LintSource
@testable import LintSupport

/// Ids and references are compared by their bytes once their hashes match: with every hash forced
/// to collide (a test-only mask), a dangling reference is still reported and different ids are
/// not taken for repeats.
@Suite struct ExactIDTests {
    static func run(hashMask: UInt64, budget: Int = ReferenceIndex.defaultBudget, workers: Int = 2) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("exact-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let stamp = #""created_date": "2024-01-01T00:00:00Z", "modified_date": "2024-01-01T00:00:00Z""#
        let users = ["u1", "u2", "u1", "\\u0075\\u0032"].map { "{\"id\": \"\($0)\", \(stamp), \"data\": {\"email\": \"\($0)@x\"}}" }
        let epics = ["u3", "u1", "u2", "u12", ""].enumerated().map { n, owner in
            "{\"id\": \"e\(n)\", \(stamp), \"data\": {\"title\": \"t\", \"owner\": \"\(owner)\"}}"
        }
        try Data((users.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("users.jsonl"))
        try Data((epics.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("epics.jsonl"))
        var options = ArtifactCheck.Options(metadataPath: ArtifactFixtureTests.metadata, paths: [directory.path])
        options.referenceHashMask = hashMask
        options.referenceBudget = budget
        options.workers = workers
        let result = try ArtifactCheck.run(options)
        return result.diagnostics.filter { ["dangling-reference", "duplicate-item-id"].contains($0.rule) }
            .map { "\($0.rule)@\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column) \($0.message)" }
    }

    /// "u3" and "u12" dangle; "u1" repeats, and "\u0075\u0032" repeats "u2" once decoded.
    static let expected = [
        "dangling-reference@epics.jsonl:1:127 reference \"u3\" matches no extracted users id: extract the target record or fix the value",
        "dangling-reference@epics.jsonl:4:127 reference \"u12\" matches no extracted users id: extract the target record or fix the value",
        "duplicate-item-id@users.jsonl:3:8 id \"u1\" of item type \"users\" was already used at line 1: records of one type need unique ids; deduplicate in the extractor",
        "duplicate-item-id@users.jsonl:4:8 id \"u2\" of item type \"users\" was already used at line 2: records of one type need unique ids; deduplicate in the extractor",
    ]

    @Test func collidingHashesStillCompareExactly() throws {
        var probe = ReferenceIndex()
        probe.hashMask = 0
        #expect(ByteHash.hash("u1") & probe.hashMask == ByteHash.hash("u3") & probe.hashMask)
        let plain = try Self.run(hashMask: ~0)
        #expect(plain == Self.expected, "\(plain)")
        #expect(try Self.run(hashMask: 0) == Self.expected)
        #expect(try Self.run(hashMask: 0, workers: 1) == Self.expected)
        #expect(try Self.run(hashMask: 1, budget: 0) == Self.expected)
    }
}
