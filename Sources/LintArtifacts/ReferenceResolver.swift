import Dispatch
import Foundation
import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Resolves the references collected while streaming, once every artifact has been read, and finds
/// ids that repeat. Bucket by bucket (all workers' records of one hash range at a time, buckets
/// spread over the cores), ids and identifier values go into an exact table keyed by key space and
/// bytes, and each reference is looked up in its group's key spaces. Values are compared byte for
/// byte whenever their hashes match, so a hash collision can neither hide a dangling reference
/// nor invent a duplicate.
struct ReferenceResolver {
    let schema: ArtifactSchema
    let typesGiven: Set<String>
    let files: [String]

    /// What one reference group resolves against: its key spaces, or the target types whose
    /// artifacts were not given (then its references are not checked).
    struct Targets {
        var spaces: [Int]
        var missingTypes: [String]
        var names: [DanglingReference.Target]
    }

    /// Which groups can be checked with the artifacts given; set on every worker's index before
    /// streaming, so references that cannot be checked are never stored.
    func configure(_ index: ReferenceIndex) {
        index.checkable = schema.referenceGroups.map { targets($0).missingTypes.isEmpty }
        index.anyRecordCheckable = !recordSpacesGiven.isEmpty
    }

    private var recordSpacesGiven: [Int] {
        typesGiven.filter { schema.idSpaces[$0] != nil }.sorted().compactMap { schema.idSpaces[$0] }
    }

    /// Repeats of record ids (not of identifier values or attachment ids) are duplicate items.
    private var reportsDuplicates: [Bool] {
        schema.keySpaces.indices.map { space in
            let key = schema.keySpaces[space]
            return key.byField == nil && schema.idSpaces[key.recordType] == space
        }
    }

    struct Occurrence: Comparable {
        var file: Int32
        var offset: Int64
        static func < (a: Occurrence, b: Occurrence) -> Bool { (a.file, a.offset) < (b.file, b.offset) }
    }

    struct Dangling {
        var at: Occurrence
        var group: Int32
        var worker: Int32
        var pointer: Int32
        var element: Int32
    }

    struct Duplicate {
        var at: Occurrence
        /// The first record with this id (files in order, then bytes).
        var first: Occurrence
        var space: Int
        var text: String
    }

    /// Found in one share of the buckets.
    final class Findings: @unchecked Sendable {
        var dangling: [Dangling] = []
        var duplicates: [Duplicate] = []
        var unreadable = false
    }

    func resolve(_ indexes: [ReferenceIndex], workers: Int, into collector: DiagnosticCollector) {
        let groups = schema.referenceGroups.map { targets($0).spaces }
        let anyRecord = recordSpacesGiven
        let reportsDuplicates = self.reportsDuplicates
        let shares = (0..<max(1, workers)).map { _ in Findings() }
        DispatchQueue.concurrentPerform(iterations: shares.count) { share in
            var join = ExactKeyTable()
            for b in stride(from: share, to: KeyBuckets.bucketCount, by: shares.count) {
                var parts: [UnsafeRawBufferPointer] = []
                for index in indexes {
                    guard let contents = index.buckets.contents(of: b) else {
                        shares[share].unreadable = true
                        continue
                    }
                    parts += contents
                }
                let keys = indexes.reduce(0) { $0 + $1.buckets.keyCount(of: b) }
                join.run(parts, keys: keys, groups: groups, anyRecord: anyRecord, reportsDuplicates: reportsDuplicates,
                         into: shares[share])
                for index in indexes { index.buckets.release(b) }
            }
        }
        report(shares, indexes: indexes, into: collector)
    }

    private func report(_ shares: [Findings], indexes: [ReferenceIndex], into collector: DiagnosticCollector) {
        let dangling = shares.flatMap(\.dangling).sorted { ($0.at, $0.pointer, $0.element) < ($1.at, $1.pointer, $1.element) }
        let duplicates = shares.flatMap(\.duplicates).sorted { $0.at < $1.at }
        let requests = duplicates.map { (files[Int($0.at.file)], Int($0.at.offset)) }
            + duplicates.map { (files[Int($0.first.file)], Int($0.first.offset)) }
            + dangling.map { (files[Int($0.at.file)], Int($0.at.offset)) }
        let (found, failures) = PositionFinder.locate(requests)
        let duplicateFiles = Set(duplicates.map { files[Int($0.at.file)] })
        let danglingFiles = Set(dangling.map { files[Int($0.at.file)] })
        for (file, error) in failures.sorted(by: { $0.key < $1.key }) {
            if duplicateFiles.contains(file) {
                collector.add(CorruptArtifact.rereadFailed(reason: error.reason, purpose: .duplicateIDs), file: file,
                              line: 0, column: 0, pointer: "")
            }
            if danglingFiles.contains(file) {
                collector.add(CorruptArtifact.rereadFailed(reason: error.reason, purpose: .danglingReferences), file: file,
                              line: 0, column: 0, pointer: "")
            }
        }
        for (n, duplicate) in duplicates.enumerated() {
            let file = files[Int(duplicate.at.file)]
            // A repeat whose file cannot be read again cannot be placed (reported above).
            guard failures[file] == nil else { continue }
            let position = found[n]
            let firstFile = files[Int(duplicate.first.file)]
            collector.add(DuplicateItemID(id: duplicate.text, itemType: schema.keySpaces[duplicate.space].recordType,
                                          firstFile: firstFile == file ? nil : firstFile,
                                          firstLine: found[duplicates.count + n].line),
                          file: file, line: position.line, column: position.column, pointer: "/id")
        }
        let groups = schema.referenceGroups.map(targets)
        let anyRecord = targets(recordSpacesGiven)
        for (n, item) in dangling.enumerated() {
            let position = found[2 * duplicates.count + n]
            let pointer = indexes[Int(item.worker)].pointer(item.pointer, element: item.element)
            let names = item.group == ReferenceIndex.anyRecord ? anyRecord.names : groups[Int(item.group)].names
            collector.add(DanglingReference(value: position.text, targets: names), file: files[Int(item.at.file)],
                          line: position.line, column: position.column, pointer: pointer)
        }
        if shares.contains(where: \.unreadable) {
            collector.add(CorruptArtifact.unreadableSpill, file: "<references>", line: 0, column: 0, pointer: "")
        }
        reportUnchecked(indexes, groups: groups, into: collector)
    }

    /// One `references-not-checked` note per target type whose artifacts were not given, naming
    /// the first reference to it (workers in order, each in the order it met them).
    private func reportUnchecked(_ indexes: [ReferenceIndex], groups: [Targets], into collector: DiagnosticCollector) {
        var unchecked: [String: String] = [:]   // target type → a field that refers to it
        var anyRecordUnchecked = false
        for index in indexes {
            for first in index.firstUnchecked {
                if first.group == ReferenceIndex.anyRecord {
                    anyRecordUnchecked = true
                    continue
                }
                for type in groups[Int(first.group)].missingTypes where unchecked[type] == nil {
                    unchecked[type] = index.pointer(first.pointer, element: first.element)
                }
            }
        }
        for (type, pointer) in unchecked.sorted(by: { $0.key < $1.key }) {
            // Ids of attachments items, unless a record type is (wrongly) named so, are what inline attachment mentions name.
            if type == "attachments", schema.idSpaces[type] == nil {
                collector.add(ReferencesNotChecked.inlineAttachments(example: pointer), file: "<references>", line: 0, column: 0,
                              pointer: pointer)
                continue
            }
            collector.add(ReferencesNotChecked.targetNotGiven(recordType: type, example: pointer), file: "<references>",
                          line: 0, column: 0, pointer: pointer)
        }
        if anyRecordUnchecked {
            collector.add(ReferencesNotChecked.attachmentParents, file: "<references>", line: 0, column: 0, pointer: "")
        }
    }

    private func targets(_ spaces: [Int]) -> Targets {
        let missing = spaces.map { schema.keySpaces[$0].recordType }.filter { !typesGiven.contains($0) }
        let names = spaces.map { space in
            DanglingReference.Target(recordType: schema.keySpaces[space].recordType, byField: schema.keySpaces[space].byField)
        }
        return Targets(spaces: spaces, missingTypes: missing, names: names)
    }
}
