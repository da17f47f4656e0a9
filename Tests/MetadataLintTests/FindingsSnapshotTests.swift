import Foundation
import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintJSON
@testable import LintRules
@testable import LintSource
@testable import LintSupport

/// Every finding (position, severity, rule, pointer, message; paths relative to the set) of check-artifacts on every artifact
/// fixture set, pinned in fixtures/artifacts/findings.snapshot (first written by the binary before
/// the performance work of issue 14; `make snapshots` rewrites it from one worker), must stay the same however the work is done: any number of
/// workers, files split between them, the reference index spilled to disk, or every id hash made
/// to collide, with or without the one-pass check of clean records.
@Suite struct FindingsSnapshotTests {
    static let root = TestSupport.fixture("artifacts")

    struct Variant: CustomStringConvertible, Sendable {
        var name: String
        var workers = 1
        var minimumSplitSize = WorkPlan.minimumSplitSize
        var budget = ReferenceIndex.defaultBudget
        var hashMask: UInt64 = ~0
        var cleanPass = true
        var description: String { name }
    }

    static let variants = [
        Variant(name: "one worker"),
        Variant(name: "three workers, files split", workers: 3, minimumSplitSize: 1),
        Variant(name: "reference index spilled to disk", workers: 2, budget: 0),
        Variant(name: "every hash the same", workers: 2, hashMask: 0),
        Variant(name: "four-bit hashes, spilled, split", workers: 2, minimumSplitSize: 1, budget: 64, hashMask: 0xF),
        Variant(name: "every record scanned and checked field by field", cleanPass: false),
    ]

    static func render(_ variant: Variant) throws -> String {
        let sets = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        var lines: [String] = []
        for rule in sets {
            for kind in ["fail", "pass"] {
                let directory = root.appendingPathComponent(rule).appendingPathComponent(kind)
                guard FileManager.default.fileExists(atPath: directory.path) else { continue }
                var options = ArtifactCheck.Options(metadataPath: root.appendingPathComponent("metadata.json").path,
                                                    paths: [directory.path])
                options.workers = variant.workers
                options.minimumSplitSize = variant.minimumSplitSize
                options.referenceBudget = variant.budget
                options.referenceHashMask = variant.hashMask
                options.cleanPass = variant.cleanPass
                let result = try ArtifactCheck.run(options)
                lines.append("== \(rule)/\(kind)")
                let prefix = directory.path + "/"
                for d in result.diagnostics {
                    let file = d.file.hasPrefix(prefix) ? String(d.file.dropFirst(prefix.count)) : d.file
                    // Paths in messages (the --metadata named in metadata-copy-differs) as seen from the package root.
                    let message = d.message.replacingOccurrences(of: prefix, with: "")
                        .replacingOccurrences(of: TestSupport.packageRoot.path + "/", with: "")
                    lines.append("\(file):\(d.line):\(d.column) \(d.severity.rawValue) \(d.rule) \(d.pointer) \(message)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: variants)
    func everyFixtureSetGivesThePinnedFindings(variant: Variant) throws {
        let snapshot = Self.root.appendingPathComponent("findings.snapshot")
        let actual = try Self.render(variant)
        // `make snapshots` rewrites it from the plain run; every other variant must then agree.
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1", variant.name == Self.variants[0].name {
            try Data(actual.utf8).write(to: snapshot)
            return
        }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        let missing = Set(expected.split(separator: "\n")).subtracting(actual.split(separator: "\n"))
        let extra = Set(actual.split(separator: "\n")).subtracting(expected.split(separator: "\n"))
        #expect(actual == expected, "missing: \(missing.sorted())\nextra: \(extra.sorted())")
    }
}
