import LintJSON
import LintModel
import LintRules
import LintSource

/// The semantic difference between two metadata versions over the typed model: what was
/// removed, added or changed, each change classified by what it does to customers' syncs.
public struct MetadataDiff {
    let old: Metadata
    let new: Metadata
    var changes: [MetadataChange] = []

    public static func compare(old: Metadata, new: Metadata) -> [MetadataChange] {
        var diff = MetadataDiff(old: old, new: new)
        diff.compareCategories()
        diff.compareStructTypes()
        diff.compareRecordTypes()
        return diff.changes
    }

    mutating func report(_ kind: ChangeKind, _ side: MetadataChange.Side, _ ref: SourceRef, _ message: String) {
        changes.append(MetadataChange(kind: kind, side: side, ref: ref, message: message))
    }

    mutating func compareCategories() {
        for category in old.categories where new.category(category.key) == nil {
            report(.categoryRemoved, .old, category.keyRef, "category \"\(category.key)\" was removed")
        }
        for category in new.categories {
            guard let before = old.category(category.key) else {
                report(.declarationAdded, .new, category.keyRef, "category \"\(category.key)\" was added")
                continue
            }
            compareText("name", before.name, category.name, what: "category \"\(category.key)\"",
                        at: category.keyRef, kind: .nameChanged)
        }
    }

    mutating func compareStructTypes() {
        for type in old.structTypes where new.structType(type.key) == nil {
            report(.structTypeRemoved, .old, type.keyRef, "struct type \"\(type.key)\" was removed")
        }
        for type in new.structTypes {
            let what = "struct type \"\(type.key)\""
            guard let before = old.structType(type.key) else {
                report(.declarationAdded, .new, type.keyRef, "\(what) was added")
                continue
            }
            compareText("name", before.name, type.name, what: what, at: type.keyRef, kind: .nameChanged)
            compareFields(before.fields, type.fields, owner: what, ownerRef: type.keyRef)
        }
    }

    mutating func compareRecordTypes() {
        for type in old.recordTypes where new.recordType(type.key) == nil {
            report(.recordTypeRemoved, .old, type.keyRef,
                   "record type \"\(type.key)\" was removed: mappings of it break and its items stop syncing")
        }
        for type in new.recordTypes {
            let what = "record type \"\(type.key)\""
            guard let before = old.recordType(type.key) else {
                report(.recordTypeAdded, .new, type.keyRef, "\(what) was added")
                continue
            }
            if before.category?.value != type.category?.value {
                report(.categoryChanged, .new, type.category?.ref ?? type.keyRef,
                       "the category of \(what) changed from \(Self.quoted(before.category?.value)) to \(Self.quoted(type.category?.value))")
            }
            compareText("name", before.name, type.name, what: what, at: type.keyRef, kind: .nameChanged)
            compareText("description", description(old, before.ref), description(new, type.ref), what: what,
                        at: type.keyRef, kind: .descriptionChanged)
            compareFields(before.fields, type.fields, owner: what, ownerRef: type.keyRef)
            compareStageDiagrams(before, type, what: what)
        }
    }

    mutating func compareText(_ key: String, _ before: String?, _ after: String?, what: String, at ref: SourceRef,
                              kind: ChangeKind) {
        guard before != after else { return }
        report(kind, .new, ref, "the \(key) of \(what) changed from \(Self.quoted(before)) to \(Self.quoted(after))")
    }

    func description(_ metadata: Metadata, _ ref: SourceRef) -> String? {
        metadata.root.descendant(JSONPointer.tokens(ref.pointer))?["description"]?.string
    }

    static func quoted(_ value: String?) -> String {
        value.map { "\"\($0)\"" } ?? "none"
    }
}
