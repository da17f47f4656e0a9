import Dispatch
import Foundation

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
        var description: String
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
        let reportsDuplicates = schema.keySpaces.map { $0.byField == nil }
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
                join.run(parts, groups: groups, anyRecord: anyRecord, reportsDuplicates: reportsDuplicates,
                         into: shares[share])
                for index in indexes { index.buckets.release(b) }
            }
        }
        report(shares, indexes: indexes, into: collector)
    }

    private func report(_ shares: [Findings], indexes: [ReferenceIndex], into collector: DiagnosticCollector) {
        let dangling = shares.flatMap(\.dangling).sorted { ($0.at, $0.pointer, $0.element) < ($1.at, $1.pointer, $1.element) }
        let duplicates = shares.flatMap(\.duplicates).sorted { $0.at < $1.at }
        let requests = duplicates.map { (files[Int($0.at.file)], Int($0.at.offset)) } + dangling.map { (files[Int($0.at.file)], Int($0.at.offset)) }
        let found = PositionFinder.locate(requests)
        for (n, duplicate) in duplicates.enumerated() {
            let position = found[n]
            collector.add(ArtifactRules.duplicateItemID, file: files[Int(duplicate.at.file)], line: position.line,
                          column: position.column, pointer: "/id",
                          "id \"\(duplicate.text)\" appears more than once for item type \"\(schema.keySpaces[duplicate.space].recordType)\": records of one type need unique ids")
        }
        let groups = schema.referenceGroups.map(targets)
        let anyRecord = targets(recordSpacesGiven)
        for (n, item) in dangling.enumerated() {
            let position = found[duplicates.count + n]
            let pointer = indexes[Int(item.worker)].pointer(item.pointer, element: item.element)
            let description = item.group == ReferenceIndex.anyRecord ? anyRecord.description : groups[Int(item.group)].description
            collector.add(ArtifactRules.danglingReference, file: files[Int(item.at.file)], line: position.line,
                          column: position.column, pointer: pointer,
                          "reference \"\(position.text)\" matches no extracted \(description): extract the target record or fix the value")
        }
        if shares.contains(where: \.unreadable) {
            collector.add(ArtifactRules.corruptArtifact, file: "<references>", line: 0, column: 0, pointer: "",
                          Self.unreadableSpillMessage)
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
            collector.add(ArtifactRules.referencesNotChecked, file: "<references>", line: 0, column: 0, pointer: pointer,
                          "references to record type \"\(type)\" (such as \(pointer)) were not checked: no \(type) artifact was given")
        }
        if anyRecordUnchecked {
            collector.add(ArtifactRules.referencesNotChecked, file: "<references>", line: 0, column: 0, pointer: "",
                          "attachment parent ids were not checked: no record artifacts were given")
        }
    }

    private func targets(_ spaces: [Int]) -> Targets {
        let missing = spaces.map { schema.keySpaces[$0].recordType }.filter { !typesGiven.contains($0) }
        let description = spaces.map { space -> String in
            let key = schema.keySpaces[space]
            return key.byField.map { "\(key.recordType).\($0)" } ?? "\(key.recordType) id"
        }.joined(separator: " or ")
        return Targets(spaces: spaces, missingTypes: missing, description: description)
    }
}

extension ReferenceResolver {
    /// New with issue 14 (kept apart for the move of messages into rule files): the temporary
    /// file a worker's ids and references spilled to could not be read back.
    static let unreadableSpillMessage =
        "the temporary file holding ids and references could not be read back: references and duplicate ids were not all checked"
}
