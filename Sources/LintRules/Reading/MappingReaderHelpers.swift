import LintModel
import LintJSON
import LintSource
import LintSupport

/// Typed access to the members of mapping objects, reporting wrong JSON types, missing and
/// unknown keys as mapping rules.
extension MappingReader {
    func report(_ violation: some Violation, _ ref: SourceRef) {
        sink.report(violation, at: ref)
    }

    func object(_ node: JSONNode, what: MappingSubject) -> [JSONMember]? {
        if let members = node.members { return members }
        report(MappingValueType.notObject(what, actual: node.kindName), node.ref)
        return nil
    }

    func wrongType(_ node: JSONNode, _ key: String, _ what: MappingSubject, _ expected: MappingValueType.Expected) {
        report(MappingValueType.wrongType(key: key, in: what, expected: expected, actual: node.kindName), node.ref)
    }

    func string(_ object: JSONNode, _ key: String, what: MappingSubject) -> Located<String>? {
        guard let node = object[key] else { return nil }
        guard let value = node.string else {
            wrongType(node, key, what, .string)
            return nil
        }
        return Located(value, at: node.ref)
    }

    func bool(_ object: JSONNode, _ key: String, what: MappingSubject) -> Located<Bool>? {
        guard let node = object[key] else { return nil }
        guard let value = node.bool else {
            wrongType(node, key, what, .boolean)
            return nil
        }
        return Located(value, at: node.ref)
    }

    /// An object's members under `key` (a map with arbitrary keys).
    func map(_ object: JSONNode, _ key: String, what: MappingSubject) -> [JSONMember]? {
        guard let node = object[key] else { return nil }
        guard let members = node.members else {
            wrongType(node, key, what, .object)
            return nil
        }
        return members
    }

    func array(_ object: JSONNode, _ key: String, what: MappingSubject) -> [JSONNode]? {
        guard let node = object[key] else { return nil }
        guard let elements = node.elements else {
            wrongType(node, key, what, .array)
            return nil
        }
        return elements
    }

    func strings(_ object: JSONNode, _ key: String, what: MappingSubject) -> [Located<String>]? {
        guard let elements = array(object, key, what: what) else { return nil }
        return elements.compactMap { element in
            guard let value = element.string else {
                report(MappingValueType.elementNotString(key: key, in: what, actual: element.kindName), element.ref)
                return nil
            }
            return Located(value, at: element.ref)
        }
    }

    /// Reports each key of `keys` that `object` lacks, at `ref` (default: the object).
    func require(_ object: JSONNode, _ keys: [String], what: MappingSubject, at ref: SourceRef? = nil) {
        for key in keys where object[key] == nil {
            report(MappingMissingKey.missing(key, in: what), ref ?? object.ref)
        }
    }

    /// Reports keys of `object` outside `known` (and outside `legacy`, which the caller handles).
    func checkKeys(_ object: JSONNode, known: [String], legacy: Set<String> = [], what: MappingSubject,
                   context: MappingUnknownKey.Context = .object) {
        for member in object.members ?? [] where !known.contains(member.key) && !legacy.contains(member.key) {
            report(MappingUnknownKey(key: member.key, in: what, known: known, context: context), member.keyRef)
        }
    }

    func allowed(_ value: Located<String>?, key: String, _ values: [String], what: MappingSubject) -> Located<String>? {
        guard let value else { return nil }
        guard values.contains(value.value) else {
            report(MappingValueNotAllowed(key: key, value: value.value, in: what, allowed: values), value.ref)
            return nil
        }
        return value
    }

    func legacy(_ kind: MappingLegacyUse.Kind, at ref: SourceRef) {
        legacyUses.append(MappingLegacyUse(kind, at: ref))
    }
}
