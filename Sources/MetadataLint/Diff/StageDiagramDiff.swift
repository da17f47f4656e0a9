import LintJSON
import LintModel
import LintRules
import LintSource

/// Comparing the stage diagram of one record type between two versions.
extension MetadataDiff {
    mutating func compareStageDiagrams(_ before: RecordType, _ after: RecordType, what: String) {
        guard let oldDiagram = before.stageDiagram else { return }
        guard let newDiagram = after.stageDiagram else {
            report(.stageTransitionRemoved, .new, after.keyRef, "the stage diagram of \(what) was removed")
            return
        }
        let oldAll = oldDiagram.allTransitionsAllowed?.value == true
        let newAll = newDiagram.allTransitionsAllowed?.value == true
        if oldAll && !newAll {
            report(.stageTransitionRemoved, .new, newDiagram.allTransitionsAllowed?.ref ?? newDiagram.ref,
                   "the stage diagram of \(what) no longer allows all transitions")
        }
        for stage in oldDiagram.stages where newDiagram.stage(stage.key) == nil {
            report(.stageTransitionRemoved, .old, stage.keyRef, "stage \"\(stage.key)\" of \(what) was removed")
        }
        for stage in newDiagram.stages {
            guard let previous = oldDiagram.stage(stage.key) else {
                report(.stageTransitionAdded, .new, stage.keyRef, "stage \"\(stage.key)\" was added to \(what)")
                continue
            }
            if newAll { continue }
            let removed = previous.transitionsTo.map(\.value).filter { target in
                !stage.transitionsTo.contains { $0.value == target }
            }
            if !removed.isEmpty {
                report(.stageTransitionRemoved, .new, stage.transitionsRef ?? stage.keyRef,
                       "stage \"\(stage.key)\" of \(what) can no longer move to \(removed.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            let added = stage.transitionsTo.filter { target in !previous.transitionsTo.contains { $0.value == target.value } }
            if !added.isEmpty && !oldAll {
                report(.stageTransitionAdded, .new, stage.transitionsRef ?? stage.keyRef,
                       "stage \"\(stage.key)\" of \(what) can now move to \(added.map { "\"\($0.value)\"" }.joined(separator: ", "))")
            }
        }
    }
}
