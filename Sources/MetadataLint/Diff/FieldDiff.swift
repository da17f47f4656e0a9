import LintJSON
import LintModel
import LintRules
import LintSource

/// Comparing the fields of one record type or struct type between two versions.
extension MetadataDiff {
    mutating func compareFields(_ before: [Field], _ after: [Field], owner: String, ownerRef: SourceRef) {
        for field in before where !after.contains(where: { $0.key == field.key }) {
            report(.fieldRemoved, .old, field.keyRef,
                   "field \"\(field.key)\" of \(owner) was removed: mappings that use it break")
        }
        for field in after {
            let what = "field \"\(field.key)\" of \(owner)"
            guard let previous = before.first(where: { $0.key == field.key }) else {
                if field.isRequired {
                    report(.requiredFieldAdded, .new, field.keyRef, "\(what) was added as required: loading must provide it")
                } else {
                    report(.fieldAdded, .new, field.keyRef, "\(what) was added")
                }
                continue
            }
            compareField(previous, field, what: what)
        }
    }

    mutating func compareField(_ before: Field, _ after: Field, what: String) {
        let beforeType = rawType(old, before), afterType = rawType(new, after)
        if beforeType != afterType {
            report(.fieldTypeChanged, .new, after.typeRef ?? after.keyRef,
                   "the type of \(what) changed from \(Self.quoted(beforeType)) to \(Self.quoted(afterType))")
        }
        if before.isCollection != after.isCollection {
            report(.collectionChanged, .new, after.collection?.ref ?? after.keyRef,
                   after.isCollection ? "\(what) became a collection (a list of values)"
                                      : "\(what) is no longer a collection (a single value, not a list)")
        } else {
            compareBounds(before.collection, after.collection, what: "the collection of \(what)", at: after)
        }
        if !before.isRequired && after.isRequired {
            report(.fieldNowRequired, .new, flagRef(after, "is_required"), "\(what) is now required")
        } else if before.isRequired && !after.isRequired {
            report(.requirementRelaxed, .new, flagRef(after, "is_required"), "\(what) is no longer required")
        }
        if before.isIdentifier != after.isIdentifier {
            report(.identifierChanged, .new, flagRef(after, "is_identifier"),
                   "\(what) \(after.isIdentifier ? "became" : "is no longer") an identifier (is_identifier)")
        }
        compareText("name", before.name, after.name, what: what, at: after.keyRef, kind: .nameChanged)
        compareText("description", description(old, before.ref), description(new, after.ref), what: what,
                    at: after.keyRef, kind: .descriptionChanged)
        guard beforeType == afterType else { return }
        compareBounds(before.textBounds, after.textBounds, what: "the text bounds of \(what)", at: after)
        compareBounds(before.intBounds, after.intBounds, what: "the int bounds of \(what)", at: after)
        compareBounds(before.floatBounds, after.floatBounds, what: "the float bounds of \(what)", at: after)
        compareEnumValues(before.enumValues ?? [], after.enumValues ?? [], what: what)
        compareEnumValues(before.permissionRoles ?? [], after.permissionRoles ?? [], what: "the roles of \(what)")
        compareTargets(before.reference, after.reference, what: what)
        compareTargets(before.permissionMember, after.permissionMember, what: "member_id of \(what)")
        compareTypeKeys(before.typeKeys, after.typeKeys, what: what)
        if let key = after.structKey, before.structKey?.value != key.value {
            report(.structKeyChanged, .new, key.ref,
                   "\(what) now holds struct \"\(key.value)\" instead of \(Self.quoted(before.structKey?.value))")
        }
    }

    /// The `type` as written (also when it is not a known type).
    func rawType(_ metadata: Metadata, _ field: Field) -> String? {
        field.type?.rawValue ?? metadata.root.descendant(JSONPointer.tokens(field.ref.pointer))?["type"]?.string
    }

    /// Where a flag of the field stands in NEW (the field's key when the flag is not written).
    func flagRef(_ field: Field, _ key: String) -> SourceRef {
        new.root.descendant(JSONPointer.tokens(field.ref.pointer))?[key]?.ref ?? field.keyRef
    }

    mutating func compareEnumValues(_ before: [EnumValue], _ after: [EnumValue], what: String) {
        for value in before {
            guard let key = value.key?.value, !after.contains(where: { $0.key?.value == key }) else { continue }
            report(.enumValueRemoved, .old, value.key?.ref ?? value.ref,
                   "enum value \"\(key)\" of \(what) was removed: items with it fail and mappings of it dangle")
        }
        for value in after {
            guard let key = value.key else { continue }
            guard let previous = before.first(where: { $0.key?.value == key.value }) else {
                report(.enumValueAdded, .new, key.ref, "enum value \"\(key.value)\" was added to \(what)")
                continue
            }
            if value.isDeprecated && !previous.isDeprecated {
                report(.enumValueDeprecated, .new, key.ref, "enum value \"\(key.value)\" of \(what) is now deprecated")
            }
            compareText("name", previous.name, value.name, what: "enum value \"\(key.value)\" of \(what)",
                        at: key.ref, kind: .nameChanged)
        }
    }

    mutating func compareTargets(_ before: ReferenceSpec?, _ after: ReferenceSpec?, what: String) {
        let beforeTargets = before?.targets ?? [], afterTargets = after?.targets ?? []
        for target in beforeTargets where !afterTargets.contains(where: { $0.raw == target.raw }) {
            report(.referenceTargetRemoved, .old, target.keyRef,
                   "reference target \"\(target.raw)\" of \(what) was removed: references to it no longer resolve")
        }
        for target in afterTargets {
            guard let previous = beforeTargets.first(where: { $0.raw == target.raw }) else {
                if before != nil {
                    report(.referenceTargetAdded, .new, target.keyRef, "\(what) can now refer to \"\(target.raw)\"")
                }
                continue
            }
            if previous.byField?.value != target.byField?.value {
                report(.byFieldChanged, .new, target.byField?.ref ?? target.keyRef,
                       "by_field of reference target \"\(target.raw)\" of \(what) changed from \(Self.quoted(previous.byField?.value)) to \(Self.quoted(target.byField?.value))")
            }
        }
    }

    mutating func compareTypeKeys(_ before: [Located<String>], _ after: [Located<String>], what: String) {
        for entry in before where !after.contains(where: { $0.value == entry.value }) {
            report(.referenceTargetRemoved, .old, entry.ref, "type_keys entry \"\(entry.value)\" of \(what) was removed")
        }
        guard !before.isEmpty else { return }
        for entry in after where !before.contains(where: { $0.value == entry.value }) {
            report(.referenceTargetAdded, .new, entry.ref, "type_keys entry \"\(entry.value)\" was added to \(what)")
        }
    }

    /// Tighter: a higher minimum or a lower maximum, or a bound where there was none.
    mutating func compareBounds(_ before: Bounds?, _ after: Bounds?, what: String, at field: Field) {
        let oldMin = before?.min?.value, oldMax = before?.max?.value
        let newMin = after?.min?.value, newMax = after?.max?.value
        let tighter = Self.stricter(newMin, than: oldMin, by: >) || Self.stricter(newMax, than: oldMax, by: <)
        let looser = Self.stricter(oldMin, than: newMin, by: >) || Self.stricter(oldMax, than: newMax, by: <)
        guard tighter || looser else { return }
        let ref = after?.ref ?? field.keyRef
        let change = "\(what) changed from \(Self.describe(oldMin, oldMax)) to \(Self.describe(newMin, newMax))"
        if tighter {
            report(.boundsTightened, .new, ref, change + ": values that fitted before may be rejected")
        } else {
            report(.boundsRelaxed, .new, ref, change)
        }
    }

    /// True when `bound` restricts more than `other` (a bound against none counts as stricter).
    static func stricter(_ bound: Double?, than other: Double?, by order: (Double, Double) -> Bool) -> Bool {
        guard let bound else { return false }
        guard let other else { return true }
        return order(bound, other)
    }

    static func describe(_ low: Double?, _ high: Double?) -> String {
        func text(_ value: Double?) -> String { value.map(InvalidBounds.format) ?? "none" }
        return "min \(text(low)), max \(text(high))"
    }
}
