import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// `external_sync_units` items: {id, name, description, item_count?, item_type?} (the SDK's
/// ExternalSyncUnit); item_count is an integer, -1 when it cannot be obtained cheaply.
extension RecordChecker {
    func checkSyncUnit() {
        guard let root = beginRecord(notAnObject: { SyncUnitShape.notAnObject(actual: $0) }) else { return }
        var found = (id: false, name: false, description: false)
        var k = 1
        for _ in 0..<Int(root.count) {
            let key = tape[k]
            let value = tape[k + 1]
            if keyEquals(key, "id") {
                found.id = true
                if value.kind != .string {
                    report(SyncUnitShape.notString(key: "id", actual: Self.kindName(value)), at: value.start, pointer: "/id")
                } else if value.end - value.start <= 2 {
                    report(SyncUnitShape.emptyID, at: value.start, pointer: "/id")
                }
            } else if keyEquals(key, "name") || keyEquals(key, "description") {
                if keyEquals(key, "name") { found.name = true } else { found.description = true }
                if value.kind != .string {
                    report(SyncUnitShape.notString(key: self.string(key), actual: Self.kindName(value)), at: value.start,
                           pointer: "/" + string(key))
                }
            } else if keyEquals(key, "item_count") {
                if value.kind != .null && !(value.kind == .number && value.has(TapeEntry.numberIsInteger) && (numberValue(value) ?? -2) >= -1) {
                    report(SyncUnitShape.itemCount(raw: self.rawText(value)), at: value.start, pointer: "/item_count")
                }
            } else if keyEquals(key, "item_type") {
                if value.kind != .string && value.kind != .null {
                    report(SyncUnitShape.notString(key: "item_type", actual: Self.kindName(value)), at: value.start, pointer: "/item_type")
                }
            } else {
                report(SyncUnitShape.unknownKey(self.string(key)), at: key.start, pointer: "/" + JSONPointer.escape(string(key)))
            }
            k = value.next
        }
        if !(found.id && found.name && found.description) {
            let missing = [("id", found.id), ("name", found.name), ("description", found.description)].filter { !$0.1 }.map(\.0)
            reportRecord(SyncUnitShape.missingKeys(missing))
        }
    }
}
