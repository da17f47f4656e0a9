import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Resolves the references collected while streaming, once every artifact has been read.
struct ReferenceResolver {
    let schema: ArtifactSchema
    let spaces: [HashSet64]
    let typesGiven: Set<String>
    let files: [String]

    /// What one reference group resolves against: its key spaces, or the target types whose
    /// artifacts were not given (then its references are not checked).
    struct Targets {
        var spaces: [Int]
        var missingTypes: [String]
        var names: [DanglingReference.Target]
    }

    func resolve(_ indexes: [ReferenceIndex], into collector: DiagnosticCollector) {
        var dangling: [(index: Int, reference: ReferenceIndex.Pending, targets: [DanglingReference.Target])] = []
        var unchecked: [String: String] = [:]   // target type → a field that refers to it
        let groups = schema.referenceGroups.map(targets)
        let recordTypesGiven = typesGiven.filter { schema.idSpaces[$0] != nil }.sorted()
        let anyRecord = targets(recordTypesGiven.compactMap { schema.idSpaces[$0] })
        var anyRecordUnchecked = false
        for (which, index) in indexes.enumerated() {
            for chunk in index.chunks {
                for reference in chunk {
                    let isParent = reference.group == ReferenceIndex.anyRecord
                    let group = isParent ? anyRecord : groups[Int(reference.group)]
                    if isParent && group.spaces.isEmpty {
                        anyRecordUnchecked = true
                        continue
                    }
                    if !group.missingTypes.isEmpty {
                        for type in group.missingTypes where unchecked[type] == nil { unchecked[type] = index.pointer(of: reference) }
                        continue
                    }
                    if group.spaces.contains(where: { spaces[$0].contains(reference.hash) }) { continue }
                    dangling.append((which, reference, group.names))
                }
            }
        }
        let (found, failures) = PositionFinder.locate(dangling.map { (files[Int($0.reference.file)], Int($0.reference.offset)) })
        for (file, error) in failures.sorted(by: { $0.key < $1.key }) {
            collector.add(CorruptArtifact.rereadFailed(reason: error.reason, purpose: .danglingReferences), file: file,
                          line: 0, column: 0, pointer: "")
        }
        for (n, item) in dangling.enumerated() {
            let index = indexes[item.index]
            let pointer = index.pointer(of: item.reference)
            let position = found[n]
            collector.add(DanglingReference(value: position.text, targets: item.targets), file: files[Int(item.reference.file)],
                          line: position.line, column: position.column, pointer: pointer)
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
        let description = spaces.map { space in
            DanglingReference.Target(recordType: schema.keySpaces[space].recordType, byField: schema.keySpaces[space].byField)
        }
        return Targets(spaces: spaces, missingTypes: missing, names: description)
    }
}
